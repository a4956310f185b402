/**
 * A DestinationRule: its host and what the host names in the set, its subsets (with the
 * workloads each selects), and its traffic policies level by level: the whole rule, each
 * port of it, each subset, each port of a subset.
 */
import { arrayAt, isObject, objectAt, stringAt, valueAt } from '../validation/manifest';
import { HostTarget, HostTargets } from './host-targets';
import { refOf } from './resources';
import { selectorText } from './service-summary';
import { PolicyText, policyText } from './traffic-policy-text';
import { LabelMap, WorkloadIndex, combineSelectors, labelsAt } from './workload-index';

/** One subset of a DestinationRule. */
export interface SubsetSummary {
  /** The name as written; `?` when missing. */
  readonly name: string;
  /** LABELS: `version=v1`, or `<none>`. */
  readonly labels: string;
  readonly labelMap: LabelMap;
  /**
   * WORKLOADS: how many workloads of the set the subset selects (the host's Service selector
   * or ServiceEntry workload selector, plus the subset's labels); absent when the set has no
   * workloads, or the host names nothing in the set that selects workloads.
   */
  readonly workloads?: number;
}

/** The traffic policy of one level. */
export interface TrafficPolicySummary extends PolicyText {
  /** `rule`, `port 9080`, `subset v1`, `subset v1, port 9080`. */
  readonly level: string;
}

/** A DestinationRule. */
export interface DestinationRuleSummary {
  readonly namespace: string;
  readonly name: string;
  /** `spec.host` as written; `?` when missing. */
  readonly host: string;
  /** The Service or ServiceEntry of the set the host names; absent when none (or a wildcard). */
  readonly target?: HostTarget;
  readonly subsets: readonly SubsetSummary[];
  /** Every level that has a traffic policy, in order: rule, its ports, then each subset and its ports. */
  readonly policies: readonly TrafficPolicySummary[];
}

/** What resolving hosts and counting workloads needs; without it, no target and no counts. */
export interface DestinationRuleContext {
  readonly hosts: HostTargets;
  readonly workloads: WorkloadIndex;
  /** The workload selector of each ServiceEntry, by `namespace/name`. */
  readonly entrySelectors: ReadonlyMap<string, LabelMap>;
}

/** Summarises one DestinationRule manifest. Never throws, whatever the manifest holds. */
export function summarizeDestinationRule(manifest: unknown, context?: DestinationRuleContext): DestinationRuleSummary {
  const ref = refOf(manifest);
  const spec = objectAt(manifest, 'spec');
  const host = stringAt(spec, 'host');
  const target = host && context ? context.hosts.resolve(host, ref.namespace).target : undefined;
  const selector = context && target ? targetSelector(target, context) : undefined;

  const subsets: SubsetSummary[] = [];
  const policies: TrafficPolicySummary[] = [...levelPolicies(valueAt(spec, 'trafficPolicy'), 'rule', '')];
  for (const subset of (arrayAt(spec, 'subsets') ?? []).filter(isObject)) {
    const name = stringAt(subset, 'name') || '?';
    const labelMap = labelsAt(subset, 'labels');
    const workloads = context && !context.workloads.isEmpty && selector ? countSelected(context.workloads, selector, labelMap) : undefined;
    subsets.push({ name, labels: selectorText(labelMap), labelMap, ...(workloads !== undefined ? { workloads } : {}) });
    policies.push(...levelPolicies(valueAt(subset, 'trafficPolicy'), `subset ${name}`, `subset ${name}, `));
  }
  return { namespace: ref.namespace, name: ref.name, host: host || '?', ...(target ? { target } : {}), subsets, policies };
}

/** The selector and namespace of the workloads behind a target, when it selects any. */
function targetSelector(target: HostTarget, context: DestinationRuleContext): { namespace: string; labels: LabelMap } | undefined {
  const labels = target.kind === 'Service'
    ? context.hosts.service(target)?.selectorLabels
    : context.entrySelectors.get(`${target.namespace}/${target.name}`);
  return labels && Object.keys(labels).length > 0 ? { namespace: target.namespace, labels } : undefined;
}

/** How many workloads carry the target's selector and the subset's labels. */
function countSelected(workloads: WorkloadIndex, selector: { namespace: string; labels: LabelMap }, subset: LabelMap): number {
  const combined = combineSelectors(selector.labels, subset);
  return combined ? workloads.select(selector.namespace, combined).length : 0;
}

/** The policy of one level and of each of its `portLevelSettings`; nothing when it has no policy object. */
function levelPolicies(policy: unknown, level: string, portPrefix: string): TrafficPolicySummary[] {
  if (!isObject(policy)) return [];
  const out: TrafficPolicySummary[] = [{ level, ...policyText(policy) }];
  for (const setting of (arrayAt(policy, 'portLevelSettings') ?? []).filter(isObject)) {
    const number = valueAt(objectAt(setting, 'port'), 'number');
    out.push({ level: `${portPrefix}port ${typeof number === 'number' ? number : '?'}`, ...policyText(setting) });
  }
  return out;
}
