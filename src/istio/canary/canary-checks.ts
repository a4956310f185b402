/**
 * What a canary needs from its Service and workloads, checked at synth: the Service's
 * selector matches the pods of both workloads, in the Service's namespace. A selector copied
 * from one workload (`app: api, version: v1`) never reaches the other's pods, and the canary
 * gets no traffic whatever its weight.
 */
import { IConstruct } from 'constructs';
import { findWorkloadObject, podTemplateOf } from '../../selector/workload-object';
import { IService } from '../../service/i-service';
import { Severity } from '../../validation/diagnostic';
import { formatDiagnostic } from '../../validation/format-diagnostic';
import { objectAt, show, stringAt } from '../../validation/manifest';

/** The code of the check (listed in the rule catalogue as a construct check). */
export const CANARY_SELECTOR_CODE = 'CAN001';
const RULE = 'canary-service-reaches-workloads';

/** One workload of a canary, by its role. */
export interface CanaryCheck {
  readonly role: 'stable' | 'canary';
  readonly workload: IConstruct;
}

/** The rendered pod labels and namespace of a workload, or undefined when it cannot be read (reported elsewhere: SEL005, TRF002). */
function podsOf(workload: IConstruct): { labels: Record<string, unknown>; namespace: string } | undefined {
  const lookup = findWorkloadObject(workload);
  if (lookup.problem !== undefined) return undefined;
  let json: unknown;
  try {
    json = lookup.object.toJson();
  } catch {
    return undefined;
  }
  const template = podTemplateOf(json);
  if (!template) return undefined;
  return { labels: template.labels, namespace: stringAt(objectAt(json, 'metadata'), 'namespace') || 'default' };
}

function error(service: IService, path: string, message: string, value?: unknown): string {
  return formatDiagnostic({
    severity: Severity.ERROR, code: CANARY_SELECTOR_CODE, rule: RULE, message, path,
    resource: `Service/${service.namespace}/${service.name}`, index: 0,
    ...(value === undefined ? {} : { value }),
  });
}

function showLabels(labels: Record<string, unknown>): string {
  const entries = Object.entries(labels);
  return entries.length === 0 ? '(none)' : entries.map(([k, v]) => `${k}=${typeof v === 'string' ? v : show(v)}`).join(', ');
}

/**
 * Error lines (formatted diagnostics) when the Service cannot reach the pods of a workload.
 *
 * @param selector reads the Service's rendered `spec.selector` (at synth)
 */
export function checkCanaryReach(service: IService, selector: () => Record<string, unknown> | undefined, workloads: readonly CanaryCheck[]): string[] {
  const labels = selector();
  if (!labels || Object.keys(labels).length === 0) {
    return [error(service, 'spec.selector',
      `Service ${service.name} has no selector, so it sends no traffic to the pods of the stable or the canary workload; select them by the labels they share (ServiceSelector.fromLabels({ app: ... }))`)];
  }
  const errors: string[] = [];
  for (const { role, workload } of workloads) {
    const pods = podsOf(workload);
    if (!pods) continue;
    if (pods.namespace !== service.namespace) {
      errors.push(error(service, 'metadata.namespace',
        `the ${role} workload ${workload.node.path} is in namespace ${show(pods.namespace)} but Service ${service.name} is in ${show(service.namespace)}: a Service reaches pods of its own namespace only`));
      continue;
    }
    const missing = Object.entries(labels).filter(([key, value]) => pods.labels[key] !== value);
    if (missing.length === 0) continue;
    const shared = Object.fromEntries(Object.entries(labels).filter(([key, value]) => pods.labels[key] === value));
    errors.push(error(service, 'spec.selector',
      `Service ${service.name} selects ${showLabels(labels)}, but the pods of the ${role} workload ${workload.node.path} are labelled ${showLabels(pods.labels)} (${missing.map(([k]) => k).join(', ')} differ), so the Service never reaches them and the ${role} subset gets no traffic; select by the labels both workloads share${Object.keys(shared).length > 0 ? ` (${showLabels(shared)})` : ''}, and let the DestinationRule's subsets tell them apart`,
      labels));
  }
  return errors;
}
