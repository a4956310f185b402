/**
 * XR007 and XR008: a VirtualService destination names a subset that no DestinationRule for its
 * host defines. Istio builds the subset's cluster only from a DestinationRule
 * (`outbound|<port>|<subset>|<host>`); without it the route answers 503 and a mirror's copies
 * go nowhere (istioctl analyze IST0101 `host+subset in destinationrule`, DestinationRuleAnalyzer;
 * Kiali KIA1107, SubsetPresenceChecker).
 *
 * The DestinationRule for a host is found as {@link DestinationRuleIndex.forHost} says: the same
 * host (short names qualified in each object's namespace, or upstream's `GetResourceNameFromHost`
 * name), else the most specific wildcard DestinationRule covering it, as Kiali and Istio's proxies
 * do. Two levels: the set holds a DestinationRule for the host that lacks the subset (XR007, an
 * error: the set shows the subset is missing), or none for the host at all (XR008, a warning: the
 * DestinationRule may be applied from elsewhere).
 */
import { Severity } from '../../../diagnostic';
import { resourceId } from '../../../manifest';
import { SetRule, SetRuleContext, ManifestEntry } from '../../../rule';
import { DestinationRuleIndex, DestinationRuleInfo, describeSubsets } from '../indexes/destination-rule-index';
import { VsDestination, serviceDestinations } from '../indexes/destinations';
import { convertHostToFqdn } from '../indexes/host-registry';

interface SubsetFinding {
  readonly d: VsDestination;
  readonly subset: string;
  /** The DestinationRules for the host; empty when the set holds none. */
  readonly rules: readonly DestinationRuleInfo[];
}

function isMirror(path: string): boolean {
  return path.endsWith('.mirror') || path.includes('.mirrors[');
}

function consequence(d: VsDestination): string {
  return isMirror(d.path) ? 'the mirrored copies of the requests go nowhere' : 'the route fails with 503';
}

const computed = new WeakMap<readonly ManifestEntry[], { length: number; clusterDomain: string; found: SubsetFinding[] }>();

/** The destinations with a subset that no DestinationRule for their host defines, once per set for both rules. */
function subsetFindings(manifests: readonly ManifestEntry[], clusterDomain: string): SubsetFinding[] {
  const cached = computed.get(manifests);
  if (cached && cached.length === manifests.length && cached.clusterDomain === clusterDomain) return cached.found;
  const found = findSubsetFindings(manifests, clusterDomain);
  computed.set(manifests, { length: manifests.length, clusterDomain, found });
  return found;
}

function findSubsetFindings(manifests: readonly ManifestEntry[], clusterDomain: string): SubsetFinding[] {
  const index = DestinationRuleIndex.of(manifests, clusterDomain);
  // each (namespace, host) once: its DestinationRules and the subsets they define together
  const byHost = new Map<string, { rules: DestinationRuleInfo[]; subsets: Set<string> }>();
  const found: SubsetFinding[] = [];
  for (const d of serviceDestinations(manifests, clusterDomain).all) {
    if (d.subset === undefined || d.host.startsWith('*')) continue;
    const key = `${d.namespace}\n${d.host}`;
    let known = byHost.get(key);
    if (!known) {
      const rules = index.forHost(d.namespace, d.host);
      known = { rules, subsets: new Set(rules.flatMap(rule => [...rule.subsets.keys()])) };
      byHost.set(key, known);
    }
    if (known.subsets.has(d.subset)) continue;
    found.push({ d, subset: d.subset, rules: known.rules });
  }
  return found;
}

function report(context: SetRuleContext, d: VsDestination, message: string): void {
  context.report(d.entry, `${d.path}.subset`, message, d.subset);
}

export const destinationSubsetUndefinedRule: SetRule = {
  code: 'XR007',
  name: 'destination-subset-undefined',
  severity: Severity.ERROR,
  upstream: ['IST0101', 'KIA1107'],
  description: 'a VirtualService destination subset (http, tcp and tls routes, mirror and mirrors) is defined by the DestinationRule of the set for its host (the same host with short names qualified, else the most specific wildcard DestinationRule covering it), when the set holds one (istioctl analyze IST0101 host+subset in destinationrule, DestinationRuleAnalyzer; Kiali KIA1107, SubsetPresenceChecker, which warns; an error here because the set shows the subset is missing)',
  check(manifests, context) {
    for (const { d, subset, rules } of subsetFindings(manifests, context.options.clusterDomain)) {
      if (rules.length === 0) continue;
      const names = rules.slice(0, 3).map(rule => `${resourceId(rule.entry.manifest)} (${describeSubsets(rule)})`).join(' and ')
        + (rules.length > 3 ? ` and ${rules.length - 3} more` : '');
      report(context, d,
        `subset ${JSON.stringify(subset)} of host ${JSON.stringify(d.host)} is not defined by ${names}: Istio has no cluster for subset ${subset} of ${convertHostToFqdn(d.namespace, d.host, context.options.clusterDomain)} and ${consequence(d)}; add the subset to the DestinationRule, or name one of its subsets`);
    }
  },
};

export const destinationSubsetWithoutRuleRule: SetRule = {
  code: 'XR008',
  name: 'destination-subset-without-destination-rule',
  severity: Severity.WARNING,
  upstream: ['IST0101', 'KIA1107'],
  description: 'a VirtualService destination subset (http, tcp and tls routes, mirror and mirrors) has a DestinationRule in the set for its host; a warning, since the DestinationRule may be applied from elsewhere (istioctl analyze IST0101 host+subset in destinationrule, DestinationRuleAnalyzer; Kiali KIA1107, SubsetPresenceChecker)',
  check(manifests, context) {
    for (const { d, subset, rules } of subsetFindings(manifests, context.options.clusterDomain)) {
      if (rules.length > 0) continue;
      const fqdn = convertHostToFqdn(d.namespace, d.host, context.options.clusterDomain);
      report(context, d,
        `subset ${JSON.stringify(subset)} of host ${JSON.stringify(d.host)} is defined by no DestinationRule in the set: there is none for ${fqdn}, so unless one is applied from elsewhere (the set may be incomplete) Istio has no cluster for the subset and ${consequence(d)}; add a DestinationRule for ${JSON.stringify(d.host)} with subset ${JSON.stringify(subset)}`);
    }
  },
};
