import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { stringAt, objectAt } from '../validation/manifest';
import { equalityLabels } from './equality-labels';
import { NO_POD_TEMPLATE, ResolvedSelector, SelectorProblem, unresolved } from './resolved-selector';
import { describeKind, findWorkloadObject, podTemplateOf } from './workload-object';

/** Labels cdk8s and cdk8s-plus generate themselves (the address label `cdk8s.io/metadata.addr`). */
const GENERATED_LABEL_PREFIX = 'cdk8s.io/';

/**
 * Objects being rendered for a selector right now: an object whose rendering selects itself
 * (a Service given to `fromWorkload`) is reported instead of recursing.
 */
const rendering = new Set<ApiObject>();

/**
 * The equality labels that select a workload's pods, for a Service in `serviceNamespace`.
 * Reads what the workload renders, so it runs at synth and sees labels added at any time.
 * Within a synth session every object renders once (src/synth/session.ts), however many
 * Services select it.
 */
export function resolveWorkload(workload: IConstruct, serviceNamespace: string | undefined): ResolvedSelector {
  const source = workload.node.path;
  const lookup = findWorkloadObject(workload);
  if (lookup.problem !== undefined) return unresolved(NO_POD_TEMPLATE.code, NO_POD_TEMPLATE.rule, lookup.problem);
  const rendered = render(lookup.object);
  if ('error' in rendered) {
    return unresolved('TRF002', 'renderable', `workload ${source} could not be rendered to read its pod labels: ${rendered.error}`);
  }
  const manifest = rendered.json;
  const template = podTemplateOf(manifest);
  if (!template) {
    return unresolved(NO_POD_TEMPLATE.code, NO_POD_TEMPLATE.rule,
      `construct ${source} renders a ${describeKind(manifest)}, which has no pod template; expected a workload with spec.template (spec.jobTemplate.spec.template for a CronJob) or a Pod`);
  }

  const problems: SelectorProblem[] = [];
  const workloadNamespace = stringAt(objectAt(manifest, 'metadata'), 'namespace') ?? 'default';
  if (workloadNamespace !== (serviceNamespace ?? 'default')) {
    problems.push({
      code: 'SEL002',
      rule: 'selector-namespace',
      message: `workload ${source} is in namespace ${JSON.stringify(workloadNamespace)} but the Service is in ${JSON.stringify(serviceNamespace ?? 'default')}; a Service selects pods in its own namespace only`,
    });
  }
  const templateLabels = template.labels as Record<string, string>;
  const userLabels = Object.fromEntries(Object.entries(templateLabels).filter(([key]) => !key.startsWith(GENERATED_LABEL_PREFIX)));
  if (Object.keys(userLabels).length > 0) {
    return { labels: userLabels, problems };
  }
  const resolved = template.selector !== undefined
    ? equalityLabels(template.selector, source)
    : { labels: { ...templateLabels }, problems: [] };
  if (Object.keys(resolved.labels).length === 0 && resolved.problems.length === 0) {
    problems.push({
      code: 'SEL003',
      rule: 'selector-empty',
      message: `workload ${source} has no pod labels to select its pods by; add pod template labels, or a selector with matchLabels`,
    });
  }
  return { labels: resolved.labels, problems: [...problems, ...resolved.problems] };
}

/** The object's rendering, or the message of what it threw (or of it selecting itself). */
function render(object: ApiObject): { json: unknown } | { error: string } {
  if (rendering.has(object)) return { error: `rendering ${object.node.path} needs its own selector, which selects ${object.node.path}` };
  rendering.add(object);
  try {
    return { json: object.toJson() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    rendering.delete(object);
  }
}
