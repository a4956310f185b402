/**
 * `spec.exportTo`: the namespaces the ServiceEntry is visible to, `~` allowed
 * (validateExportTo with isServiceEntry).
 */
import { Severity } from '../../diagnostic';
import { SERVICE_ENTRY } from '../../kinds';
import { objectAt, stringAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { checkExportTo } from '../istio-common/export-to';
import { seShape } from './shape';

export const exportToRule: ManifestRule = {
  code: 'SE034',
  name: 'export-to',
  severity: Severity.ERROR,
  appliesTo: SERVICE_ENTRY,
  description: 'exportTo entries are ".", "*", "~" or namespace names (DNS-1123 labels), without duplicates ("." stands for the ServiceEntry\'s namespace), and "*" and "~" stand alone (validateExportTo)',
  upstream: ['IST0106'],
  check(manifest, context) {
    const namespace = stringAt(objectAt(manifest, 'metadata'), 'namespace') || 'default';
    checkExportTo((seShape(manifest).spec ?? {}).exportTo, namespace, 'spec.exportTo', context.report.bind(context), { allowNone: true, kind: 'ServiceEntry' });
  },
};

export const EXPORT_TO_RULES: readonly ManifestRule[] = [exportToRule];
