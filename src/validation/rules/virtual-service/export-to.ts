/**
 * `spec.exportTo`: the namespaces the VirtualService is visible to (validateExportTo).
 */
import { Severity } from '../../diagnostic';
import { VIRTUAL_SERVICE } from '../../kinds';
import { objectAt, stringAt, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { checkExportTo } from '../istio-common/export-to';
import { vsShape } from './shape';

export const exportToRule: ManifestRule = {
  code: 'VS012',
  name: 'export-to',
  severity: Severity.ERROR,
  appliesTo: VIRTUAL_SERVICE,
  description: 'exportTo entries are ".", "*" or namespace names (DNS-1123 labels), without "~" or duplicates ("." stands for the VirtualService\'s namespace, "default" when unset), and "*" must be alone (validateExportTo)',
  check(manifest, context) {
    const { spec } = vsShape(manifest);
    const namespace = stringAt(objectAt(manifest, 'metadata'), 'namespace') || 'default';
    checkExportTo(valueAt(spec, 'exportTo'), namespace, 'spec.exportTo',
      (path, message, value) => context.report(path, message, value), { kind: 'VirtualService' });
  },
};

export const EXPORT_TO_RULES: readonly ManifestRule[] = [exportToRule];
