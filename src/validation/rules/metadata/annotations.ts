import { Severity } from '../../diagnostic';
import { isQualifiedName } from '../../format/labels';
import { METADATA_KINDS } from '../../kinds';
import { JsonObject, isObject, objectAt, show, valueAt } from '../../manifest';
import { ManifestRule, RuleContext } from '../../rule';
import { describeValue, mapEntryPath, mustBeStringMessage } from './values';

const ANNOTATIONS_PATH = 'metadata.annotations';

/** `TotalAnnotationSizeLimitB`: 256 KiB. */
export const ANNOTATIONS_SIZE_LIMIT = 256 * 1024;

/** `metadata.annotations` when it is a map; undefined when absent, null or not a map. */
function annotationsOf(manifest: JsonObject): JsonObject | undefined {
  return objectAt(objectAt(manifest, 'metadata'), 'annotations');
}

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export const annotationKeysRule: ManifestRule = {
  code: 'MET007',
  name: 'annotation-keys',
  severity: Severity.ERROR,
  appliesTo: METADATA_KINDS,
  description: 'metadata.annotations is a map whose keys, lower-cased, are qualified names (ValidateAnnotations)',
  check(manifest: JsonObject, context: RuleContext): void {
    const annotations = valueAt(objectAt(manifest, 'metadata'), 'annotations');
    if (annotations === undefined || annotations === null) return;
    if (!isObject(annotations)) {
      context.report(ANNOTATIONS_PATH, `annotations must be a map of strings, got ${describeValue(annotations)}`, annotations);
      return;
    }
    for (const key of Object.keys(annotations)) {
      // case does not matter in annotation keys: upstream lower-cases before checking
      const problems = isQualifiedName(key.toLowerCase());
      if (problems.length > 0) {
        context.report(mapEntryPath(ANNOTATIONS_PATH, key), `annotation key ${show(key)} is not a valid qualified name: ${problems.join('; ')}`, key);
      }
    }
  },
};

export const annotationValuesRule: ManifestRule = {
  code: 'MET008',
  name: 'annotation-values',
  severity: Severity.ERROR,
  appliesTo: METADATA_KINDS,
  description: 'metadata.annotations values are strings (ObjectMeta.annotations is a map[string]string)',
  check(manifest: JsonObject, context: RuleContext): void {
    for (const [key, value] of Object.entries(annotationsOf(manifest) ?? {})) {
      // null decodes to "" on the server
      if (value === null || typeof value === 'string') continue;
      context.report(mapEntryPath(ANNOTATIONS_PATH, key), mustBeStringMessage(`annotation ${show(key)} value`, value), value);
    }
  },
};

export const annotationsSizeRule: ManifestRule = {
  code: 'MET009',
  name: 'annotations-size',
  severity: Severity.ERROR,
  appliesTo: METADATA_KINDS,
  description: 'metadata.annotations keys and values total at most 256 KiB in UTF-8 bytes (ValidateAnnotationsSize)',
  check(manifest: JsonObject, context: RuleContext): void {
    let total = 0;
    for (const [key, value] of Object.entries(annotationsOf(manifest) ?? {})) {
      total += utf8Length(key) + (typeof value === 'string' ? utf8Length(value) : 0);
    }
    if (total > ANNOTATIONS_SIZE_LIMIT) {
      context.report(
        ANNOTATIONS_PATH,
        `annotations total ${total} bytes (keys and values, UTF-8), over the limit of ${ANNOTATIONS_SIZE_LIMIT} bytes (256 KiB)`,
        total,
      );
    }
  },
};
