/**
 * The labels of subsets taken from workloads: each workload's pod-template labels, less the
 * ones every workload subset of the same rule shares (`app: reviews`), so that what is left
 * (`version: v2`) tells the subsets apart, as hand-written DestinationRules do.
 */
import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { describeKind, findWorkloadObject, podTemplateOf } from '../../selector/workload-object';

/** Labels cdk8s and cdk8s-plus generate themselves (the address label `cdk8s.io/metadata.addr`). */
const GENERATED_LABEL_PREFIX = 'cdk8s.io/';

/** How many subset names a message lists at most. */
const LISTED = 5;

/** A problem with a workload subset, reported at synth against the subset's labels. */
export interface WorkloadSubsetProblem {
  readonly code: string;
  readonly rule: string;
  readonly message: string;
}

/** The labels a workload subset selects by, or why there are none. */
export interface WorkloadSubsetLabels {
  readonly labels: Record<string, string>;
  readonly problem?: WorkloadSubsetProblem;
}

/** Objects being rendered for a subset right now: a rule that selects itself is reported, not recursed into. */
const rendering = new Set<ApiObject>();

/**
 * The labels of each workload subset of one rule, in order, with a problem for a subset whose
 * labels are all shared or the same as an earlier subset's. Linear in the number of labels:
 * shared labels are counted, and label sets compared, in maps.
 */
export function resolveWorkloadSubsets(subsets: ReadonlyArray<{ readonly name: string; readonly workload: IConstruct }>): WorkloadSubsetLabels[] {
  const own = subsets.map(s => podLabels(s.workload));
  const resolved = own.filter(o => o.problem === undefined);
  if (resolved.length < 2) return own;
  const counts = new Map<string, number>();
  for (const o of resolved) {
    for (const [key, value] of Object.entries(o.labels)) {
      const pair = `${key}\u0000${value}`;
      counts.set(pair, (counts.get(pair) ?? 0) + 1);
    }
  }
  const shared = (key: string, value: string) => counts.get(`${key}\u0000${value}`) === resolved.length;
  const resolvedNames = subsets.filter((_, j) => own[j].problem === undefined).map(s => s.name);
  const firstWithLabels = new Map<string, number>();
  return own.map((o, i) => {
    if (o.problem !== undefined) return o;
    const labels = Object.fromEntries(Object.entries(o.labels).filter(([key, value]) => !shared(key, value)));
    if (Object.keys(labels).length > 0) {
      const canonical = JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      const first = firstWithLabels.get(canonical);
      if (first === undefined) {
        firstWithLabels.set(canonical, i);
        return { labels };
      }
      return {
        labels,
        problem: {
          code: 'DR091',
          rule: 'subset-workload-indistinct',
          message: `subset ${JSON.stringify(subsets[i].name)}: workload ${subsets[i].workload.node.path} has the same pod labels ${JSON.stringify(labels)} as the workload of subset ${JSON.stringify(subsets[first].name)}, so both subsets select the same pods; give its pod template a label of its own (such as version)`,
        },
      };
    }
    const others = resolvedNames.filter(name => name !== subsets[i].name);
    const listed = others.slice(0, LISTED).map(n => JSON.stringify(n)).join(', ') + (others.length > LISTED ? ', ...' : '');
    return {
      labels: {},
      problem: {
        code: 'DR091',
        rule: 'subset-workload-indistinct',
        message: `subset ${JSON.stringify(subsets[i].name)}: the pod labels of workload ${subsets[i].workload.node.path} are all shared by the workloads of subsets ${listed}, so nothing tells its pods apart; give its pod template a label of its own (such as version)`,
      },
    };
  });
}

/** The pod-template labels of a workload: the user's own, or the generated ones when it has none. */
function podLabels(workload: IConstruct): WorkloadSubsetLabels {
  const source = workload.node.path;
  const lookup = findWorkloadObject(workload);
  if (lookup.problem !== undefined) return unresolved('SEL005', 'selector-pod-template', lookup.problem);
  const rendered = render(lookup.object);
  if ('error' in rendered) {
    return unresolved('TRF002', 'renderable', `workload ${source} could not be rendered to read its pod labels: ${rendered.error}`);
  }
  const template = podTemplateOf(rendered.json);
  if (!template) {
    return unresolved('SEL005', 'selector-pod-template',
      `construct ${source} renders a ${describeKind(rendered.json)}, which has no pod template; expected a workload with spec.template (spec.jobTemplate.spec.template for a CronJob) or a Pod`);
  }
  const all = Object.entries(template.labels).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  const users = all.filter(([key]) => !key.startsWith(GENERATED_LABEL_PREFIX));
  const labels = Object.fromEntries(users.length > 0 ? users : all);
  if (Object.keys(labels).length === 0) {
    return unresolved('SEL003', 'selector-empty', `workload ${source} has no pod labels to select its pods by; add pod template labels`);
  }
  return { labels };
}

function unresolved(code: string, rule: string, message: string): WorkloadSubsetLabels {
  return { labels: {}, problem: { code, rule, message } };
}

/** The object's rendering, or the message of what it threw (or of it selecting itself). */
function render(object: ApiObject): { json: unknown } | { error: string } {
  if (rendering.has(object)) return { error: `rendering ${object.node.path} needs its own subset labels, which come from ${object.node.path}` };
  rendering.add(object);
  try {
    return { json: object.toJson() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    rendering.delete(object);
  }
}
