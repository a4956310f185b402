import { SetRule } from '../../rule';
import { destinationHostPartiallyQualifiedRule } from './destinations/destination-host-partially-qualified';
import { destinationHostUnknownRule } from './destinations/destination-host-unknown';
import { destinationPortAmbiguousRule } from './destinations/destination-port-ambiguous';
import { destinationServicePortRule } from './destinations/destination-service-port';
import { destinationSubsetUndefinedRule, destinationSubsetWithoutRuleRule } from './destinations/destination-subset';
import { duplicateGatewayVirtualServiceHostRule, duplicateVirtualServiceHostRule } from './virtual-services/duplicate-virtual-service-host';
import { gatewayHostMismatchRule, gatewayLegacyReferenceRule, gatewayNotInSetRule, gatewayUnknownRule } from './virtual-services/gateway-references';
import { gatewayRouteWithoutSubsetRule } from './virtual-services/gateway-route-without-subset';
import { selectorMatchesNothingRule } from './workloads/selector-matches-nothing';
import { destinationRuleTlsWithoutCaRule } from './destination-rules/destination-rule-tls-without-ca';
import { conflictingGatewaysRule } from './gateways/conflicting-gateways';
import { gatewayDuplicateCertificateRule } from './gateways/gateway-duplicate-certificate';
import { gatewayPortNotOnServiceRule } from './gateways/gateway-port-not-on-service';
import { serviceEntryAddressesRequiredRule } from './service-entries/service-entry-addresses-required';
import { serviceEntryProtocolConflictRule } from './service-entries/service-entry-protocol-conflict';
import { servicePortProtocolRule } from './workloads/service-port-protocol';
import { workloadPortProtocolConflictRule } from './workloads/workload-port-protocol-conflict';
import { workloadTargetPortConflictRule } from './workloads/workload-target-port-conflict';
import { destinationRuleSubsetNoPodsRule } from './destination-rules/destination-rule-subset-no-pods';
import { destinationRuleSubsetUnusedNoPodsRule } from './destination-rules/destination-rule-subset-unused-no-pods';
import { destinationRuleHostUnknownRule } from './destination-rules/destination-rule-host-unknown';
import { duplicateDestinationRuleHostRule } from './destination-rules/duplicate-destination-rule-host';

/**
 * The app-wide checks, in code order: VirtualService destinations (destinations/), VirtualService
 * hosts and gateway references (virtual-services/), DestinationRules, Gateways, ServiceEntries, and
 * Services with their workloads; the indexes they share are in indexes/.
 */
export const CROSS_RESOURCE_RULES: readonly SetRule[] = [
  destinationServicePortRule,
  destinationHostUnknownRule,
  selectorMatchesNothingRule,
  duplicateVirtualServiceHostRule,
  destinationPortAmbiguousRule,
  destinationHostPartiallyQualifiedRule,
  destinationSubsetUndefinedRule,
  destinationSubsetWithoutRuleRule,
  duplicateGatewayVirtualServiceHostRule,
  gatewayUnknownRule,
  gatewayNotInSetRule,
  gatewayLegacyReferenceRule,
  gatewayHostMismatchRule,
  gatewayRouteWithoutSubsetRule,
  // XR030 onwards: DestinationRules, Gateways, ServiceEntries, Service ports and workloads
  destinationRuleTlsWithoutCaRule,
  conflictingGatewaysRule,
  gatewayDuplicateCertificateRule,
  gatewayPortNotOnServiceRule,
  serviceEntryAddressesRequiredRule,
  serviceEntryProtocolConflictRule,
  servicePortProtocolRule,
  workloadPortProtocolConflictRule,
  workloadTargetPortConflictRule,
  destinationRuleSubsetNoPodsRule,
  destinationRuleSubsetUnusedNoPodsRule,
  destinationRuleHostUnknownRule,
  duplicateDestinationRuleHostRule,
];
