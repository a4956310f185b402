/**
 * XR042: two DestinationRules of one namespace for the same host (and the same
 * workloadSelector and exportTo), whose merge drops part of one (Kiali KIA0201,
 * destinationrules.multimatch). Istio merges such rules (`mergeDestinationRule`): it adds
 * the subsets of the later one whose names are new, and takes its top-level trafficPolicy
 * only when the earlier one has none. So a subset name defined twice, or a second top-level
 * trafficPolicy, is silently ignored.
 *
 * Kiali also flags rules of different namespaces and overlapping wildcards, and any pair
 * where one has no subsets; Istio applies those by precedence (the most specific host, the
 * client's namespace first) rather than merging them, so this rule reports only what the
 * merge drops. The earlier rule is the first in the input (in a cluster, the older one).
 */
import { Severity } from '../../../diagnostic';
import { isObject, objectAt, resourceId, valueAt } from '../../../manifest';
import { ManifestEntry, SetRule } from '../../../rule';
import { DestinationRuleIndex } from '../indexes/destination-rule-index';
import { labelPairs, selectorKey } from '../indexes/workload-index';

interface Merged {
  readonly subsets: Map<string, ManifestEntry>;
  policy: ManifestEntry | undefined;
}

/** The workloadSelector as text, or undefined when it cannot be read. */
function workloadSelectorKey(manifest: unknown): string | undefined {
  const selector = valueAt(objectAt(manifest, 'spec'), 'workloadSelector');
  if (selector === undefined || selector === null) return '';
  const pairs = labelPairs(valueAt(selector, 'matchLabels'));
  return pairs ? `selector ${selectorKey(pairs)}` : undefined;
}

export const duplicateDestinationRuleHostRule: SetRule = {
  code: 'XR042',
  name: 'duplicate-destination-rule-host',
  severity: Severity.WARNING,
  upstream: ['KIA0201'],
  description: 'two DestinationRules of one namespace for the same host, workloadSelector and exportTo do not define the same subset name or both a top-level trafficPolicy, which Istio\'s merge (mergeDestinationRule) drops from the later one (Kiali KIA0201, narrowed to what the merge drops: rules of other namespaces and wildcard overlaps apply by precedence instead)',
  check(manifests, context) {
    const rules = DestinationRuleIndex.of(manifests, context.options.clusterDomain);
    if (rules.all.length < 2) return;
    const merged = new Map<string, Merged>();
    for (const rule of rules.all) {
      const selector = workloadSelectorKey(rule.entry.manifest);
      if (selector === undefined) continue;
      const exportTo = rule.exportTo ? [...new Set(rule.exportTo.map(e => (e === '.' ? rule.namespace : e)))].sort().join(',') : '';
      const key = `${rule.namespace}\n${rule.fqdn}\n${selector}\n${exportTo}`;
      let into = merged.get(key);
      if (!into) {
        into = { subsets: new Map(), policy: undefined };
        merged.set(key, into);
      }
      for (const [name, index] of rule.subsets) {
        const first = into.subsets.get(name);
        if (!first) {
          into.subsets.set(name, rule.entry);
        } else if (first !== rule.entry) {
          context.report(rule.entry, `spec.subsets[${index}].name`,
            `subset ${JSON.stringify(name)} of host ${JSON.stringify(rule.host)} is also defined by ${resourceId(first.manifest)}: Istio merges the DestinationRules of one host in a namespace and keeps the first definition, so this one is ignored; define each subset once, or merge the two rules`,
            name);
        }
      }
      if (isObject(valueAt(objectAt(rule.entry.manifest, 'spec'), 'trafficPolicy'))) {
        if (!into.policy) {
          into.policy = rule.entry;
        } else if (into.policy !== rule.entry) {
          context.report(rule.entry, 'spec.trafficPolicy',
            `trafficPolicy for host ${JSON.stringify(rule.host)} is ignored: ${resourceId(into.policy.manifest)} is a DestinationRule for the same host in this namespace with a trafficPolicy of its own, and Istio's merge keeps only the first; move the settings into one rule`);
        }
      }
    }
  },
};
