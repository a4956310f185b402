import { ManifestRule, SetRule } from '../rule';
import { DESTINATION_RULE_RULES } from './destination-rule';
import { ENDPOINT_SLICE_RULES } from './endpoint-slice';
import { GATEWAY_RULES } from './gateway';
import { METADATA_RULES } from './metadata';
import { NODE_PORT_SET_RULES } from './node-port-conflicts';
import { CROSS_RESOURCE_RULES } from './cross';
import { LOAD_BALANCER_EXPOSURE_RULES } from './service/load-balancer-exposure';
import { SCHEMA_RULES } from '../schema';
import { SERVICE_RULES } from './service';
import { SERVICE_ENTRY_RULES } from './service-entry';
import { VIRTUAL_SERVICE_RULES } from './virtual-service';

/** Every per-manifest rule. */
export const MANIFEST_RULES: readonly ManifestRule[] = [
  ...METADATA_RULES,
  ...SERVICE_RULES,
  ...LOAD_BALANCER_EXPOSURE_RULES,
  ...ENDPOINT_SLICE_RULES,
  ...VIRTUAL_SERVICE_RULES,
  ...DESTINATION_RULE_RULES,
  ...GATEWAY_RULES,
  ...SERVICE_ENTRY_RULES,
  ...SCHEMA_RULES,
];

/** Every rule over the whole set of manifests. */
export const SET_RULES: readonly SetRule[] = [
  ...NODE_PORT_SET_RULES,
  ...CROSS_RESOURCE_RULES,
];
