/**
 * XR040: a DestinationRule subset that selects none of the workloads of its host, and that
 * no VirtualService of the set routes to (istioctl analyze IST0173; Kiali KIA0203 at its
 * "unknown" level, shown as info and mapped to a warning here). Nothing fails yet, but a
 * route to it would (a canary subset declared before its pods is the usual case). See
 * `destination-rule-subsets.ts` for what "selects" means and when the rule is silent.
 */
import { Severity } from '../../../diagnostic';
import { SetRule } from '../../../rule';
import { emptySubsets } from './destination-rule-subsets';

export const destinationRuleSubsetUnusedNoPodsRule: SetRule = {
  code: 'XR040',
  name: 'destination-rule-subset-unused-no-pods',
  severity: Severity.WARNING,
  upstream: ['IST0173', 'KIA0203'],
  description: 'a DestinationRule subset that no VirtualService of the set routes to selects a workload of its host (same matching as XR039, Kiali\'s); a warning, as Kiali classes an unreferenced subset (unknown, shown as info; istioctl makes every IST0173 an Error), since no request fails until a route names it',
  check(manifests, context) {
    for (const subset of emptySubsets(manifests, context.options.clusterDomain)) {
      if (subset.routedBy.length > 0) continue;
      context.report(subset.entry, `${subset.path}.labels`,
        `subset ${JSON.stringify(subset.name)} selects no pods: ${subset.explanation}; no VirtualService of the set routes to it yet, but a route to it would fail with 503 (no healthy upstream); fix the subset's labels, or deploy its pods before routing to it`);
    }
  },
};
