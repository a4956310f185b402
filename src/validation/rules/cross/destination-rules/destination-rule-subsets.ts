/**
 * The DestinationRule subsets of a set that select none of the pods of the host's workloads,
 * for XR039 (a VirtualService routes to the subset) and XR040 (none does).
 *
 * A subset is a part of the endpoints of the host: Istio takes the endpoints of the Service
 * (or of a ServiceEntry's `workloadSelector`) and keeps those whose labels carry the subset's
 * labels. So, as Kiali does (KIA0203), a subset selects the workloads of the Service's
 * namespace that carry both the Service's selector and the subset's labels; istioctl
 * (IST0173) looks for a pod anywhere with the subset's labels, and misses a subset whose
 * labels only pods of another Service carry.
 *
 * Only subsets of a host that resolves (istioctl's `GetDestinationHost`) to a Service with a
 * selector, or to a ServiceEntry with a `workloadSelector`, are checked, and only when the
 * set holds workloads that the Service (ServiceEntry) selects: otherwise its pods are
 * described elsewhere. Topology labels that Istio adds from the pod's node
 * (`topology.kubernetes.io/region`, `.../zone`, `topology.istio.io/subzone`,
 * `kubernetes.io/hostname`...) are not known from a pod template, so they are not matched.
 */
import { JsonObject, arrayAt, objectAt, resourceId, stringAt, valueAt } from '../../../manifest';
import { ManifestEntry } from '../../../rule';
import { serviceShape } from '../../service/service-type';
import { DestinationRuleIndex } from '../indexes/destination-rule-index';
import { destinationsOf } from '../indexes/destinations';
import { HostRegistry } from '../indexes/host-registry';
import { namespaceOf, setKinds } from '../indexes/set-index';
import { Workload, WorkloadIndex, labelPairs, mergePairs, selectorText, workloadName } from '../indexes/workload-index';

/** Labels Istio sets on an endpoint from its node or cluster, not from the pod template. */
const TOPOLOGY_LABELS: ReadonlySet<string> = new Set([
  'topology.kubernetes.io/region',
  'topology.kubernetes.io/zone',
  'topology.istio.io/subzone',
  'kubernetes.io/hostname',
  'topology.istio.io/cluster',
  'topology.istio.io/network',
]);

/** How many of the host's workloads the hint looks at. */
const HINT_SCAN = 50;

/** One subset that selects no workload of the set. */
export interface EmptySubset {
  readonly entry: ManifestEntry;
  /** `spec.subsets[1]` */
  readonly path: string;
  readonly name: string;
  /** Why, for the message: what selects the host's workloads, and the nearest workloads. */
  readonly explanation: string;
  /** The VirtualServices of the set that route to the subset (their `Kind/ns/name`). */
  readonly routedBy: readonly string[];
}

/** The host's workloads: the selector that picks them, in a namespace, and who declares it. */
interface HostWorkloads {
  readonly selector: Array<[string, string]>;
  readonly namespace: string;
  /** `Service/shop/reviews selector app="reviews"` */
  readonly source: string;
}

function hostWorkloads(entry: ManifestEntry, kind: 'Service' | 'ServiceEntry'): HostWorkloads | undefined {
  const namespace = namespaceOf(entry.manifest);
  let selector: Array<[string, string]> | undefined;
  if (kind === 'Service') {
    const shape = serviceShape(entry.manifest);
    if (shape.type === 'ExternalName') return undefined;
    selector = labelPairs(objectAt(shape.spec, 'selector'));
  } else {
    selector = labelPairs(objectAt(objectAt(objectAt(entry.manifest, 'spec'), 'workloadSelector'), 'labels'));
  }
  if (!selector || selector.length === 0) return undefined;
  return { selector, namespace, source: `${resourceId(entry.manifest)} (selector ${selectorText(selector)})` };
}

/** `ns/name of the DestinationRule entry index` + subset name: the key of a routed subset. */
function routedKey(entry: ManifestEntry, subset: string): string {
  return `${entry.index}\n${subset}`;
}

/** Which subsets the set's VirtualServices route to, with the VirtualServices. */
function routedSubsets(manifests: readonly ManifestEntry[], rules: DestinationRuleIndex): Map<string, string[]> {
  const routed = new Map<string, string[]>();
  if (rules.isEmpty) return routed;
  for (const vs of setKinds(manifests).virtualServices) {
    const namespace = namespaceOf(vs.manifest);
    for (const { destination } of destinationsOf(vs.manifest as JsonObject)) {
      const host = stringAt(destination, 'host');
      const subset = stringAt(destination, 'subset');
      if (!host || !subset) continue;
      for (const rule of rules.forHost(namespace, host)) {
        if (!rule.subsets.has(subset)) continue;
        const key = routedKey(rule.entry, subset);
        const list = routed.get(key) ?? [];
        routed.set(key, list);
        const name = resourceId(vs.manifest);
        if (!list.includes(name)) list.push(name);
      }
    }
  }
  return routed;
}

const computed = new WeakMap<readonly ManifestEntry[], { length: number; clusterDomain: string; result: readonly EmptySubset[] }>();

/** The subsets of the set's DestinationRules that select no workload of the set (see the file header). */
export function emptySubsets(manifests: readonly ManifestEntry[], clusterDomain: string): readonly EmptySubset[] {
  const cached = computed.get(manifests);
  if (cached && cached.length === manifests.length && cached.clusterDomain === clusterDomain) return cached.result;
  const result = findEmptySubsets(manifests, clusterDomain);
  computed.set(manifests, { length: manifests.length, clusterDomain, result });
  return result;
}

function findEmptySubsets(manifests: readonly ManifestEntry[], clusterDomain: string): EmptySubset[] {
  const found: EmptySubset[] = [];
  const rules = DestinationRuleIndex.of(manifests, clusterDomain);
  if (rules.isEmpty) return found;
  const workloads = WorkloadIndex.of(manifests);
  if (!workloads.hasWorkloads()) return found;
  const registry = HostRegistry.of(manifests, clusterDomain);
  let routed: Map<string, string[]> | undefined;
  for (const rule of rules.all) {
    if (rule.subsets.size === 0 || rule.fqdn.startsWith('*')) continue;
    const target = registry.resolve(rule.namespace, rule.exportTo, rule.host);
    if (!target) continue;
    const host = hostWorkloads(target.entry, target.kind);
    if (!host || !workloads.hasWorkloads(host.namespace)) continue;
    const serving = workloads.select(host.selector, host.namespace);
    // the host's pods are described elsewhere
    if (serving.length === 0) continue;
    (arrayAt(objectAt(rule.entry.manifest, 'spec'), 'subsets') ?? []).forEach((subset, i) => {
      const name = stringAt(subset, 'name');
      const labels = labelPairs(valueAt(subset, 'labels'));
      // a subset without labels is the whole host (Kiali KIA0209 is another matter)
      if (name === undefined || !labels || labels.length === 0) return;
      const matched = labels.filter(([key]) => !TOPOLOGY_LABELS.has(key));
      const merged = mergePairs(host.selector, matched);
      if (merged && workloads.select(merged, host.namespace).length > 0) return;
      routed ??= routedSubsets(manifests, rules);
      const nearest = nearestLabels(serving, matched);
      found.push({
        entry: rule.entry,
        path: `spec.subsets[${i}]`,
        name,
        explanation: merged
          ? `no workload selected by ${host.source} carries ${selectorText(matched)}${nearest}`
          : `its labels ${selectorText(matched)} contradict the selector of ${host.source}`,
        routedBy: routed.get(routedKey(rule.entry, name)) ?? [],
      });
    });
  }
  return found;
}

/**
 * The host's workload that carries the most of the subset's labels, and the first label it
 * lacks: ` (Deployment/shop/reviews-v1 has version="v1")`.
 */
function nearestLabels(serving: readonly Workload[], labels: ReadonlyArray<[string, string]>): string {
  let best: { workload: Workload; score: number } | undefined;
  // a few dozen are enough for a hint
  for (const workload of serving.slice(0, HINT_SCAN)) {
    let score = 0;
    for (const [key, value] of labels) if (workload.labels.get(key) === value) score++;
    if (!best || score > best.score) best = { workload, score };
  }
  const lacking = best && labels.find(([key, value]) => best.workload.labels.get(key) !== value);
  if (!best || !lacking) return '';
  const has = best.workload.labels.get(lacking[0]);
  return ` (${workloadName(best.workload)} ${has === undefined ? `has no label ${JSON.stringify(lacking[0])}` : `has ${lacking[0]}=${JSON.stringify(has)}`})`;
}
