import { ManifestRule } from '../rule';
import { ADDRESS_TYPE, ADDRESS_TYPE_FQDN_DEPRECATED } from './endpoint-slice/address-type';
import { ENDPOINT_ADDRESS_CANONICAL, ENDPOINT_ADDRESS_FORMAT, ENDPOINT_ADDRESS_SPECIAL } from './endpoint-slice/addresses';
import {
  ENDPOINT_DEPRECATED_TOPOLOGY, ENDPOINT_FIELD_TYPES, ENDPOINT_HOSTNAME, ENDPOINT_NODE_NAME, ENDPOINT_ZONE,
} from './endpoint-slice/endpoint-fields';
import { ENDPOINT_ADDRESSES, ENDPOINTS_LIST } from './endpoint-slice/endpoints';
import { ENDPOINT_HINTS } from './endpoint-slice/hints';
import { MANAGED_BY_CONTROLLER, SERVICE_NAME_LABEL_RULE } from './endpoint-slice/labels';
import {
  PORTS_LIST, PORT_APP_PROTOCOL, PORT_NAME, PORT_NAME_UNIQUE, PORT_NUMBER, PORT_NUMBER_MISSING, PORT_PROTOCOL,
} from './endpoint-slice/ports';

/**
 * Rules for discovery.k8s.io/v1 EndpointSlices (upstream `ValidateEndpointSlice`, the
 * registry strategy's warnings, and library checks), in code order. Metadata rules live
 * with the other metadata rules.
 */
export const ENDPOINT_SLICE_RULES: readonly ManifestRule[] = [
  ADDRESS_TYPE, // EPS001
  ADDRESS_TYPE_FQDN_DEPRECATED, // EPS002
  ENDPOINTS_LIST, // EPS003
  ENDPOINT_ADDRESSES, // EPS004
  ENDPOINT_ADDRESS_FORMAT, // EPS005
  ENDPOINT_ADDRESS_SPECIAL, // EPS006
  ENDPOINT_ADDRESS_CANONICAL, // EPS007
  ENDPOINT_HOSTNAME, // EPS008
  ENDPOINT_NODE_NAME, // EPS009
  ENDPOINT_FIELD_TYPES, // EPS010
  ENDPOINT_ZONE, // EPS011
  ENDPOINT_HINTS, // EPS012
  ENDPOINT_DEPRECATED_TOPOLOGY, // EPS013
  PORTS_LIST, // EPS014
  PORT_NAME, // EPS015
  PORT_NAME_UNIQUE, // EPS016
  PORT_PROTOCOL, // EPS017
  PORT_APP_PROTOCOL, // EPS018
  PORT_NUMBER, // EPS019
  PORT_NUMBER_MISSING, // EPS020
  SERVICE_NAME_LABEL_RULE, // EPS021
  MANAGED_BY_CONTROLLER, // EPS022
];
