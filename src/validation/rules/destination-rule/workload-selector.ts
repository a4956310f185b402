/**
 * `spec.workloadSelector`: the workloads of the namespace the rule applies to
 * (validateWorkloadSelector, and the CRD's CEL rules on `matchLabels`, which say the same).
 */
import { Severity } from '../../diagnostic';
import { objectAt, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { checkWorkloadSelectorLabels, hasNoLabels } from '../istio-common/selector-labels';
import { drRule, drShape, reporter } from './shape';

export const workloadSelectorLabelsRule: ManifestRule = drRule({
  code: 'DR007',
  name: 'destination-rule-workload-selector-labels',
  severity: Severity.ERROR,
  description: 'workloadSelector.matchLabels has no empty key and no "*" in keys or values (validateWorkloadSelector; CRD CEL rules)',
  check(manifest, context) {
    const selector = objectAt(drShape(manifest).spec, 'workloadSelector');
    checkWorkloadSelectorLabels(valueAt(selector, 'matchLabels'), 'spec.workloadSelector.matchLabels', reporter(context));
  },
});

export const workloadSelectorWithoutLabelsRule: ManifestRule = drRule({
  code: 'DR008',
  name: 'destination-rule-workload-selector-without-labels',
  severity: Severity.WARNING,
  description: 'a workloadSelector has matchLabels; without them the rule applies to every workload of the namespace (validateWorkloadSelector)',
  check(manifest, context) {
    const selector = objectAt(drShape(manifest).spec, 'workloadSelector');
    if (selector === undefined || !hasNoLabels(selector.matchLabels)) return;
    context.report('spec.workloadSelector',
      'workload selector specified without labels: the DestinationRule applies to every workload of its namespace; add matchLabels, or remove workloadSelector', selector);
  },
});

export const WORKLOAD_SELECTOR_RULES: readonly ManifestRule[] = [workloadSelectorLabelsRule, workloadSelectorWithoutLabelsRule];
