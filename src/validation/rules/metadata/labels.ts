import { Severity } from '../../diagnostic';
import { isLabelValue, isQualifiedName } from '../../format/labels';
import { METADATA_KINDS } from '../../kinds';
import { JsonObject, isObject, objectAt, show, valueAt } from '../../manifest';
import { ManifestRule, RuleContext } from '../../rule';
import { describeValue, mapEntryPath, mustBeStringMessage } from './values';

const LABELS_PATH = 'metadata.labels';

/** `metadata.labels` when it is a map; undefined when absent, null or not a map. */
function labelsOf(manifest: JsonObject): JsonObject | undefined {
  return objectAt(objectAt(manifest, 'metadata'), 'labels');
}

export const labelKeysRule: ManifestRule = {
  code: 'MET005',
  name: 'label-keys',
  severity: Severity.ERROR,
  appliesTo: METADATA_KINDS,
  description: 'metadata.labels is a map whose keys are qualified names, an optional DNS subdomain prefix and "/" then a name of at most 63 characters (ValidateLabels, IsQualifiedName)',
  check(manifest: JsonObject, context: RuleContext): void {
    const labels = valueAt(objectAt(manifest, 'metadata'), 'labels');
    if (labels === undefined || labels === null) return;
    if (!isObject(labels)) {
      context.report(LABELS_PATH, `labels must be a map of strings, got ${describeValue(labels)}`, labels);
      return;
    }
    for (const key of Object.keys(labels)) {
      const problems = isQualifiedName(key);
      if (problems.length > 0) {
        context.report(mapEntryPath(LABELS_PATH, key), `label key ${show(key)} is not a valid qualified name: ${problems.join('; ')}`, key);
      }
    }
  },
};

export const labelValuesRule: ManifestRule = {
  code: 'MET006',
  name: 'label-values',
  severity: Severity.ERROR,
  appliesTo: METADATA_KINDS,
  description: 'metadata.labels values are strings, empty or at most 63 alphanumeric, "-", "_" or "." characters starting and ending with an alphanumeric (ValidateLabels, IsValidLabelValue)',
  check(manifest: JsonObject, context: RuleContext): void {
    for (const [key, value] of Object.entries(labelsOf(manifest) ?? {})) {
      // null decodes to "" on the server, a valid (empty) value
      if (value === null) continue;
      const path = mapEntryPath(LABELS_PATH, key);
      if (typeof value !== 'string') {
        context.report(path, mustBeStringMessage(`label ${show(key)} value`, value), value);
        continue;
      }
      const problems = isLabelValue(value);
      if (problems.length > 0) {
        context.report(path, `label ${show(key)} value ${show(value)} is invalid: ${problems.join('; ')}`, value);
      }
    }
  },
};
