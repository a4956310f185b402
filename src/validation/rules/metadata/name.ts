import { Severity } from '../../diagnostic';
import { METADATA_KINDS } from '../../kinds';
import { JsonObject, has, isObject, show, stringAt, typeKey, valueAt } from '../../manifest';
import { ManifestRule, RuleContext } from '../../rule';
import { NameFormat, nameFormatFor } from './name-formats';
import { mustBeStringMessage } from './values';

/**
 * The server's name generator (`names.SimpleNameGenerator`) keeps at most 58 characters of
 * `generateName` and appends 5 random characters from `[bcdfghjklmnpqrstvwxz2456789]`.
 */
const MAX_GENERATED_PREFIX = 58;
const SAMPLE_SUFFIX = 'xxxxx';

/** A name the server could generate from `generateName`. */
export function sampleGeneratedName(generateName: string): string {
  return `${generateName.slice(0, MAX_GENERATED_PREFIX)}${SAMPLE_SUFFIX}`;
}

/** A field given a value: present, not null, not the empty string (Go's `len(x) != 0`). */
function isGiven(metadata: JsonObject | undefined, key: string): boolean {
  return has(metadata, key) && valueAt(metadata, key) !== '';
}

function formatOf(manifest: JsonObject): { format: NameFormat; kind: string } {
  return { format: nameFormatFor(typeKey(manifest)), kind: stringAt(manifest, 'kind') ?? 'object' };
}

export const nameRequiredRule: ManifestRule = {
  code: 'MET001',
  name: 'name-required',
  severity: Severity.ERROR,
  appliesTo: METADATA_KINDS,
  description: 'an object needs metadata.name or metadata.generateName (ValidateObjectMetaAccessor)',
  check(manifest: JsonObject, context: RuleContext): void {
    const metadata = valueAt(manifest, 'metadata');
    if (metadata !== undefined && metadata !== null && !isObject(metadata)) {
      context.report('metadata', `metadata must be an object with a name, got ${Array.isArray(metadata) ? 'an array' : show(metadata)}`, metadata);
      return;
    }
    const meta = isObject(metadata) ? metadata : undefined;
    if (isGiven(meta, 'name') || isGiven(meta, 'generateName')) return;
    const empty = valueAt(meta, 'name') === '' ? ', got an empty name' : '';
    context.report('metadata.name', `metadata.name or metadata.generateName is required${empty}`);
  },
};

export const nameFormatRule: ManifestRule = {
  code: 'MET002',
  name: 'name-format',
  severity: Severity.ERROR,
  appliesTo: METADATA_KINDS,
  description: "metadata.name has the kind's name format: a DNS-1035 label for Services (ValidateServiceName), a DNS-1123 subdomain for EndpointSlices and most other kinds (NameIsDNSSubdomain)",
  check(manifest: JsonObject, context: RuleContext): void {
    const metadata = valueAt(manifest, 'metadata');
    if (!isGiven(isObject(metadata) ? metadata : undefined, 'name')) return;
    const name = valueAt(metadata, 'name');
    if (typeof name !== 'string') {
      context.report('metadata.name', mustBeStringMessage('name', name), name);
      return;
    }
    const { format, kind } = formatOf(manifest);
    const problems = format.checkName(name);
    if (problems.length > 0) {
      context.report('metadata.name', `name ${show(name)} ${problems.join('; ')}; ${format.explain(kind)}`, name);
    }
  },
};

export const generateNameFormatRule: ManifestRule = {
  code: 'MET003',
  name: 'generate-name-format',
  severity: Severity.ERROR,
  appliesTo: METADATA_KINDS,
  description: 'metadata.generateName is a valid name prefix once a trailing "-" is masked, and, without metadata.name, the names generated from it are valid (ValidateObjectMetaAccessor, NameGenerator)',
  check(manifest: JsonObject, context: RuleContext): void {
    const metadata = valueAt(manifest, 'metadata');
    const meta = isObject(metadata) ? metadata : undefined;
    if (!isGiven(meta, 'generateName')) return;
    const prefix = valueAt(meta, 'generateName');
    if (typeof prefix !== 'string') {
      context.report('metadata.generateName', mustBeStringMessage('generateName', prefix), prefix);
      return;
    }
    const { format, kind } = formatOf(manifest);
    const problems = format.checkPrefix(prefix);
    if (problems.length > 0) {
      context.report('metadata.generateName', `generateName ${show(prefix)} is not a valid name prefix: ${problems.join('; ')}; ${format.explain(kind)}`, prefix);
      return;
    }
    // The server generates the name before validating it, so a prefix that passes the
    // prefix check ("1-" masks to "a") can still give invalid names ("1-x7k2p").
    if (isGiven(meta, 'name')) return;
    const sample = sampleGeneratedName(prefix);
    const sampleProblems = format.checkName(sample);
    if (sampleProblems.length > 0) {
      context.report('metadata.generateName', `generateName ${show(prefix)} gives names such as ${show(sample)}, which ${sampleProblems.join('; ')}; ${format.explain(kind)}`, prefix);
    }
  },
};
