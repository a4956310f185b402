/**
 * `spec.workloadSelector`: exact labels, not empty, not together with endpoints, and not
 * with resolution NONE (ValidateServiceEntry, ValidateAlphaWorkloadSelector; the CRD's CEL
 * rules and maxLength on label values).
 */
import { Severity } from '../../diagnostic';
import { SERVICE_ENTRY } from '../../kinds';
import { isObject, keyPath, objectAt, show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { checkWorkloadSelectorLabels, hasNoLabels } from '../istio-common/selector-labels';
import { isSet, seShape } from './shape';

const MAX_VALUE_LENGTH = 63;

function selectorOf(manifest: unknown): unknown {
  return valueAt(seShape(manifest).spec, 'workloadSelector');
}

export const workloadSelectorLabelsRule: ManifestRule = {
  code: 'SE015',
  name: 'workload-selector-labels',
  severity: Severity.ERROR,
  appliesTo: SERVICE_ENTRY,
  description: `workloadSelector.labels has no empty key and no "*" in a key or value, and values of at most ${MAX_VALUE_LENGTH} characters (ValidateAlphaWorkloadSelector; the CRD's CEL rule and maxLength)`,
  upstream: ['IST0106'],
  check(manifest, context) {
    const labels = objectAt(selectorOf(manifest), 'labels');
    if (!labels) return;
    const path = 'spec.workloadSelector.labels';
    checkWorkloadSelectorLabels(labels, path, context.report.bind(context));
    for (const [key, value] of Object.entries(labels)) {
      if (typeof value === 'string' && value.length > MAX_VALUE_LENGTH) {
        context.report(keyPath(path, key), `label value ${show(value.slice(0, 20))}... is ${value.length} characters long, at most ${MAX_VALUE_LENGTH} are allowed`, value);
      }
    }
  },
};

export const workloadSelectorWithoutLabelsRule: ManifestRule = {
  code: 'SE016',
  name: 'workload-selector-without-labels',
  severity: Severity.WARNING,
  appliesTo: SERVICE_ENTRY,
  description: 'a workloadSelector has labels; without them it selects every workload of the namespace (ValidateServiceEntry, ValidateAlphaWorkloadSelector)',
  upstream: ['IST0133'],
  check(manifest, context) {
    const selector = selectorOf(manifest);
    if (!isObject(selector) || !hasNoLabels(valueAt(selector, 'labels'))) return;
    context.report('spec.workloadSelector',
      'service entry: workload selector specified without labels, will be applied to all services in namespace: add the labels of the pods that implement the service, or remove workloadSelector',
      selector);
  },
};

export const workloadSelectorAndEndpointsRule: ManifestRule = {
  code: 'SE017',
  name: 'workload-selector-and-endpoints',
  severity: Severity.ERROR,
  appliesTo: SERVICE_ENTRY,
  description: 'a ServiceEntry has either a workloadSelector or endpoints, not both (ValidateServiceEntry; the CRD\'s CEL rule)',
  upstream: ['IST0106'],
  check(manifest, context) {
    if (!isSet(selectorOf(manifest)) || !isSet(valueAt(seShape(manifest).spec, 'endpoints'))) return;
    context.report('spec.workloadSelector',
      'only one of WorkloadSelector or Endpoints is allowed in Service Entry: select the pods with workloadSelector, or list the addresses in endpoints, not both');
  },
};

export const workloadSelectorResolutionNoneRule: ManifestRule = {
  code: 'SE018',
  name: 'workload-selector-resolution-none',
  severity: Severity.WARNING,
  appliesTo: SERVICE_ENTRY,
  description: 'a workloadSelector has no effect with resolution NONE (ValidateServiceEntry)',
  upstream: ['IST0133'],
  check(manifest, context) {
    if (seShape(manifest).resolution !== 'NONE' || !isSet(selectorOf(manifest))) return;
    context.report('spec.workloadSelector',
      'workloadSelector should not be set when resolution mode is NONE: set resolution STATIC to send traffic to the selected pods, or remove workloadSelector');
  },
};

export const WORKLOAD_SELECTOR_RULES: readonly ManifestRule[] = [
  workloadSelectorLabelsRule, workloadSelectorWithoutLabelsRule, workloadSelectorAndEndpointsRule, workloadSelectorResolutionNoneRule,
];
