import { SetRule } from '../../rule';
import { destinationHostPartiallyQualifiedRule } from './destination-host-partially-qualified';
import { destinationHostUnknownRule } from './destination-host-unknown';
import { destinationPortAmbiguousRule } from './destination-port-ambiguous';
import { destinationServicePortRule } from './destination-service-port';
import { duplicateVirtualServiceHostRule } from './duplicate-virtual-service-host';
import { selectorMatchesNothingRule } from './selector-matches-nothing';

/** The app-wide checks across Services, workloads and VirtualServices, in code order. */
export const CROSS_RESOURCE_RULES: readonly SetRule[] = [
  destinationServicePortRule,
  destinationHostUnknownRule,
  selectorMatchesNothingRule,
  duplicateVirtualServiceHostRule,
  destinationPortAmbiguousRule,
  destinationHostPartiallyQualifiedRule,
];
