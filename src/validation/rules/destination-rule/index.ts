import { ManifestRule } from '../../rule';
import { CLIENT_TLS_RULES } from './client-tls';
import { CONNECTION_POOL_RULES } from './connection-pool';
import { EXPORT_TO_RULES } from './export-to';
import { HOST_RULES } from './host';
import { LOAD_BALANCER_RULES } from './load-balancer';
import { LOCALITY_RULES } from './locality';
import { OUTLIER_DETECTION_RULES } from './outlier-detection';
import { PORT_LEVEL_RULES } from './port-level';
import { SUBSET_RULES } from './subsets';
import { TRAFFIC_POLICY_RULES } from './traffic-policy';
import { TUNNEL_RULES } from './tunnel';
import { WORKLOAD_SELECTOR_RULES } from './workload-selector';

/** Every DestinationRule rule (Istio's webhook checks, ValidateDestinationRule), in code order. */
export const DESTINATION_RULE_RULES: readonly ManifestRule[] = [
  ...HOST_RULES, // DR001
  ...SUBSET_RULES, // DR002-005
  ...EXPORT_TO_RULES, // DR006
  ...WORKLOAD_SELECTOR_RULES, // DR007-008
  ...TRAFFIC_POLICY_RULES, // DR009-010
  ...PORT_LEVEL_RULES, // DR011-014
  ...TUNNEL_RULES, // DR015-018 (tunnel, proxyProtocol)
  ...OUTLIER_DETECTION_RULES, // DR019-022
  ...CONNECTION_POOL_RULES, // DR023-027
  ...LOAD_BALANCER_RULES, // DR028-034
  ...LOCALITY_RULES, // DR035-043
  ...CLIENT_TLS_RULES, // DR044-047
];
