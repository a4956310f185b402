import { ManifestRule } from '../../rule';
import { CLUSTER_IP_RULES } from './cluster-ips';
import { EXTERNAL_IP_RULES } from './external-ips';
import { EXTERNAL_NAME_RULES } from './external-name';
import { LOAD_BALANCER_RULES } from './load-balancer';
import { NODE_PORT_RULES } from './node-ports';
import { PORT_RULES } from './ports';
import { SELECTOR_RULES } from './selector';
import { TOPOLOGY_RULES } from './topology';
import { TRAFFIC_POLICY_RULES } from './traffic-policies';
import { TYPE_AND_AFFINITY_RULES } from './type-and-affinity';
import { WARNING_RULES } from './warnings';

/**
 * Every rule over a `v1/Service` spec, in code order (metadata rules live elsewhere). The
 * engine runs them in this order, so a Service's diagnostics come out by code.
 */
export const SERVICE_RULES: readonly ManifestRule[] = [
  ...TYPE_AND_AFFINITY_RULES,
  ...PORT_RULES,
  ...NODE_PORT_RULES,
  ...SELECTOR_RULES,
  ...CLUSTER_IP_RULES,
  ...EXTERNAL_NAME_RULES,
  ...EXTERNAL_IP_RULES,
  ...LOAD_BALANCER_RULES,
  ...TRAFFIC_POLICY_RULES,
  ...TOPOLOGY_RULES,
  ...WARNING_RULES,
].sort((a, b) => a.code.localeCompare(b.code));
