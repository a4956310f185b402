import { ManifestRule } from '../../rule';
import { ADDRESS_RULES } from './addresses';
import { DNS_RULES } from './dns';
import { DYNAMIC_DNS_RULES } from './dynamic-dns';
import { ENDPOINT_RULES } from './endpoints';
import { EXPORT_TO_RULES } from './export-to';
import { HOST_RULES } from './hosts';
import { MULTIPLE_HOSTS_RULES } from './multiple-hosts';
import { PORT_RULES } from './ports';
import { RESOLUTION_RULES } from './resolution';
import { WORKLOAD_SELECTOR_RULES } from './workload-selector';

/** Every ServiceEntry rule (Istio's webhook checks, ValidateServiceEntry, and the CRD's rules), in code order. */
export const SERVICE_ENTRY_RULES: readonly ManifestRule[] = [
  ...HOST_RULES, // SE001-003
  ...ADDRESS_RULES, // SE004-005
  ...PORT_RULES, // SE006-013
  ...RESOLUTION_RULES, // SE014
  ...WORKLOAD_SELECTOR_RULES, // SE015-018
  ...ENDPOINT_RULES, // SE019-026
  ...DNS_RULES, // SE027-028
  ...DYNAMIC_DNS_RULES, // SE029-032
  ...MULTIPLE_HOSTS_RULES, // SE033
  ...EXPORT_TO_RULES, // SE034
];
