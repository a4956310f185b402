/**
 * `spec.exportTo`: the namespaces the DestinationRule is visible to (validateExportTo, with
 * the rule for DestinationRules that have a workload selector).
 */
import { Severity } from '../../diagnostic';
import { ManifestRule } from '../../rule';
import { checkExportTo } from '../istio-common/export-to';
import { drRule, drShape, isSet, reporter } from './shape';

export const exportToRule: ManifestRule = drRule({
  code: 'DR006',
  name: 'destination-rule-export-to',
  severity: Severity.ERROR,
  description: 'exportTo entries are ".", "*" or namespace names, without "~" or duplicates, "*" alone; with a workloadSelector only the own namespace (validateExportTo)',
  check(manifest, context) {
    const { spec, namespace } = drShape(manifest);
    if (spec === undefined) return;
    checkExportTo(spec.exportTo, namespace, 'spec.exportTo', reporter(context),
      { kind: 'DestinationRule', workloadSelector: isSet(spec, 'workloadSelector') });
  },
});

export const EXPORT_TO_RULES: readonly ManifestRule[] = [exportToRule];
