/**
 * `spec.exportTo`: the namespaces the VirtualService is visible to (validateExportTo).
 */
import { Severity } from '../../diagnostic';
import { VIRTUAL_SERVICE } from '../../kinds';
import { objectAt, show, stringAt, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { describeKind, isIstioDnsLabel, isSet, vsShape } from './shape';

const PRIVATE = '.';
const PUBLIC = '*';
const NONE = '~';

export const exportToRule: ManifestRule = {
  code: 'VS012',
  name: 'export-to',
  severity: Severity.ERROR,
  appliesTo: VIRTUAL_SERVICE,
  description: 'exportTo entries are ".", "*" or namespace names (DNS-1123 labels), without "~" or duplicates ("." stands for the VirtualService\'s namespace, "default" when unset), and "*" must be alone (validateExportTo)',
  check(manifest, context) {
    const { spec } = vsShape(manifest);
    const list = valueAt(spec, 'exportTo');
    if (!isSet(list)) return;
    if (!Array.isArray(list)) {
      context.report('spec.exportTo', `exportTo must be a list of namespaces, got ${describeKind(list)}`, list);
      return;
    }
    const namespace = stringAt(objectAt(manifest, 'metadata'), 'namespace') || 'default';
    const seen = new Set<string>();
    list.forEach((entry, index) => {
      const path = `spec.exportTo[${index}]`;
      if (typeof entry !== 'string') {
        context.report(path, `exportTo entry must be a string, got ${describeKind(entry)}`, entry);
        return;
      }
      const key = entry === PRIVATE ? namespace : entry;
      if (seen.has(key)) {
        context.report(path, key === entry
          ? `duplicate entries in exportTo for entry ${show(entry)}: list each namespace once`
          : `duplicate entries in exportTo: "." and current namespace ${show(namespace)} are the same namespace: keep one of them`, entry);
        return;
      }
      if (entry === NONE) {
        context.report(path, 'exportTo ~ (none) is not allowed for Istio configuration objects: only a ServiceEntry may hide itself from every namespace; use "." to keep the VirtualService in its own namespace', entry);
        return;
      }
      if (key !== PUBLIC && key !== PRIVATE && !isIstioDnsLabel(key)) {
        context.report(path, `exportTo entry ${show(entry)} is invalid: only ".", "*", or a valid DNS 1123 label (a namespace name) is allowed as exportTo entry`, entry);
        return;
      }
      seen.add(key);
    });
    if (seen.has(PUBLIC) && list.length > 1) {
      context.report('spec.exportTo',
        `cannot have both public (*) and non-public exportTo values for a resource: "*" already exports to every namespace, so it must be the only entry; got ${show(list)}`,
        list);
    }
  },
};

export const EXPORT_TO_RULES: readonly ManifestRule[] = [exportToRule];
