import { ManifestRule } from '../../rule';
import { BIND_RULES } from './bind';
import { HOST_RULES } from './hosts';
import { PORT_RULES } from './port';
import { SERVER_RULES } from './servers';
import { SERVER_TLS_RULES } from './server-tls';
import { TLS_CERTIFICATE_RULES } from './tls-certificates';
import { TLS_SETTING_RULES } from './tls-settings';
import { TLS_SOURCE_RULES } from './tls-sources';

/** Every Gateway rule (Istio's webhook checks, ValidateGateway, and the CRD's rules), in code order. */
export const GATEWAY_RULES: readonly ManifestRule[] = [
  ...SERVER_RULES, // GW001-003
  ...HOST_RULES, // GW004-005
  ...PORT_RULES, // GW006-010
  ...BIND_RULES, // GW011
  ...SERVER_TLS_RULES, // GW012-013
  ...TLS_SOURCE_RULES, // GW014-016
  ...TLS_CERTIFICATE_RULES, // GW017-019
  ...TLS_SETTING_RULES, // GW020-023
];
