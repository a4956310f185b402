/**
 * XR039: a DestinationRule subset that a VirtualService of the set routes to, and that
 * selects none of the workloads of its host (istioctl analyze IST0173,
 * DestinationRuleSubsetNotSelectPods; Kiali KIA0203 at its Error level). Requests routed
 * to it fail with 503 (no healthy upstream). See `destination-rule-subsets.ts` for what
 * "selects" means and when the rule is silent.
 */
import { Severity } from '../../../diagnostic';
import { SetRule } from '../../../rule';
import { emptySubsets } from './destination-rule-subsets';
import { someNames } from '../indexes/workload-index';

export const destinationRuleSubsetNoPodsRule: SetRule = {
  code: 'XR039',
  name: 'destination-rule-subset-no-pods',
  severity: Severity.ERROR,
  upstream: ['IST0173', 'KIA0203'],
  description: 'a DestinationRule subset that a VirtualService of the set routes to selects a workload of its host: the Service\'s selector and the subset\'s labels together, in the Service\'s namespace, as Kiali matches (istioctl matches the subset\'s labels alone against any pod, and misses subsets only other Services\' pods fit); checked when the set holds workloads of the host\'s Service (or ServiceEntry workloadSelector); an Error, as istioctl and Kiali class it when the subset is routed to (istioctl analyze IST0173, SubsetSelectPodAnalyzer; Kiali KIA0203)',
  check(manifests, context) {
    for (const subset of emptySubsets(manifests, context.options.clusterDomain)) {
      if (subset.routedBy.length === 0) continue;
      context.report(subset.entry, `${subset.path}.labels`,
        `subset ${JSON.stringify(subset.name)} selects no pods: ${subset.explanation}; ${someNames(subset.routedBy)} route${subset.routedBy.length === 1 ? 's' : ''} to it, and those requests fail with 503 (no healthy upstream) unless its pods come from outside the set; fix the subset's labels or label the pods of the intended version`);
    }
  },
};
