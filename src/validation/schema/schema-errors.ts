/**
 * Turns ajv errors into findings of the schema rules: SCH001 (type), SCH002 (enum),
 * SCH003 (required) and SCH005 (anything else: oneOf, formats, ranges, length limits).
 */
import { show } from '../manifest';
import { AjvError } from './ajv-types';
import { describeType, describeValue, joinWords } from './describe';
import { FieldTree } from './field-tree';
import { FieldLocation, fieldPath, locate } from './instance-path';
import { codePointLength } from './string-length';

export const SCHEMA_TYPE = 'SCH001';
export const SCHEMA_ENUM = 'SCH002';
export const SCHEMA_REQUIRED = 'SCH003';
export const SCHEMA_OTHER = 'SCH005';

/** One problem found by a schema validator, in this library's terms. */
export interface SchemaFinding {
  readonly code: string;
  readonly path: string;
  readonly message: string;
  readonly value?: unknown;
}

const FORMAT_RANGES: { readonly [format: string]: string } = {
  int32: 'the int32 range -2147483648 to 2147483647',
  int64: 'the int64 range',
};

/** Paths never reported: the type keys (rules are dispatched by them) and `status` (output only). */
function isIgnored(error: AjvError): boolean {
  const pointer = error.instancePath;
  if (pointer === '/apiVersion' || pointer === '/kind' || pointer === '/status' || pointer.startsWith('/status/')) return true;
  return pointer === '' && error.keyword === 'required'
    && (error.params.missingProperty === 'apiVersion' || error.params.missingProperty === 'kind');
}

function typesOf(errors: readonly AjvError[]): string[] {
  const types = errors.flatMap(error => {
    const type = error.params.type;
    return Array.isArray(type) ? type.map(String) : typeof type === 'string' ? type.split(',') : [];
  });
  return [...new Set(types)];
}

function typeFinding(at: FieldLocation, types: readonly string[]): SchemaFinding {
  return {
    code: SCHEMA_TYPE,
    path: at.path,
    message: `${at.label} must be ${joinWords(types.map(describeType), 'or')}, got ${describeValue(at.value)}`,
    value: at.value,
  };
}

function formatFinding(at: FieldLocation, error: AjvError): SchemaFinding {
  const format = String(error.params.format);
  const range = FORMAT_RANGES[format];
  const message = range
    ? `${at.label} ${show(at.value)} is outside ${range}`
    : `${at.label} ${show(at.value)} is not a valid ${format}`;
  return { code: SCHEMA_OTHER, path: at.path, message, value: at.value };
}

function limitFinding(at: FieldLocation, error: AjvError): SchemaFinding {
  const parent = (error.parentSchema ?? {}) as { minimum?: unknown; maximum?: unknown };
  const uint32 = parent.minimum === 0 && parent.maximum === 4294967295 ? 'uint32 ' : '';
  const message = typeof parent.minimum === 'number' && typeof parent.maximum === 'number'
    ? `${at.label} ${show(at.value)} is outside the ${uint32}range ${parent.minimum} to ${parent.maximum}`
    : `${at.label} ${show(at.value)} must be ${String(error.params.comparison)} ${String(error.params.limit)}`;
  return { code: SCHEMA_OTHER, path: at.path, message, value: at.value };
}

/** How many items, entries or characters a value holds, for the length limits. */
function sizeOf(value: unknown): number | undefined {
  if (Array.isArray(value)) return value.length;
  if (typeof value === 'string') return codePointLength(value);
  if (typeof value === 'object' && value !== null) return Object.keys(value).length;
  return undefined;
}

function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** List, map and string length limits (the value itself is not echoed: it may be long). */
function lengthFinding(at: FieldLocation, error: AjvError): SchemaFinding {
  const limit = Number(error.params.limit);
  const size = sizeOf(at.value) ?? 0;
  const [one, many] = error.keyword.endsWith('Items') ? ['item', 'items']
    : error.keyword.endsWith('Properties') ? ['entry', 'entries'] : ['character', 'characters'];
  const message = error.keyword.startsWith('min')
    ? `${at.label} has ${size === 0 ? `no ${many}` : counted(size, one, many)}: at least ${counted(limit, one, many)} ${limit === 1 ? 'is' : 'are'} required`
    : `${at.label} has ${counted(size, one, many)}: at most ${limit} ${limit === 1 ? 'is' : 'are'} allowed`;
  return { code: SCHEMA_OTHER, path: at.path, message, value: at.value };
}

/**
 * The field names an "at most one of" constraint names: the `required` lists of a oneOf's
 * branches, or of the anyOf under a `not` (the rewritten form, see scripts/at-most-one-of.ts).
 */
function exclusiveFields(schema: unknown): string[] {
  const branches = Array.isArray(schema) ? schema : (schema as { anyOf?: unknown } | null)?.anyOf;
  if (!Array.isArray(branches)) return [];
  const fields = branches.flatMap(branch => {
    const required = (branch as { required?: unknown } | null)?.required;
    return Array.isArray(required) ? required.map(String) : [];
  });
  return [...new Set(fields)];
}

/** The fields of an "at most one of" that a value sets; a field set to null is not set (the API server prunes it). */
function setFields(value: unknown, fields: readonly string[]): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const object = value as { readonly [key: string]: unknown };
  return fields.filter(field => Object.prototype.hasOwnProperty.call(object, field) && object[field] !== undefined && object[field] !== null);
}

/** Whether an "at most one of" failed only because of fields set to null. */
function onlyNullsExcluded(at: FieldLocation, error: AjvError): boolean {
  const fields = exclusiveFields(error.schema);
  return fields.length > 0 && typeof at.value === 'object' && at.value !== null && !Array.isArray(at.value) && setFields(at.value, fields).length <= 1;
}

function exclusiveFinding(at: FieldLocation, error: AjvError, otherwise: string): SchemaFinding {
  const fields = exclusiveFields(error.schema);
  const set = setFields(at.value, fields);
  const message = fields.length > 0 && set.length > 1
    ? `${at.label} sets ${joinWords(set.map(show), 'and')}: only one of ${joinWords(fields.map(show), 'or')} may be set`
    : `${at.label} ${otherwise}`;
  return { code: SCHEMA_OTHER, path: at.path, message, value: at.value };
}

function oneOfFinding(at: FieldLocation, error: AjvError, branches: readonly AjvError[]): SchemaFinding {
  if (Array.isArray(error.params.passingSchemas)) return exclusiveFinding(at, error, 'matches more than one of the allowed forms');
  // No branch matched: the branches' own errors say why (int-or-string: a type or a range).
  const format = branches.find(branch => branch.keyword === 'format');
  if (format) return formatFinding(at, format);
  const types = typesOf(branches.filter(branch => branch.keyword === 'type'));
  if (types.length > 0) return typeFinding(at, types);
  return { code: SCHEMA_OTHER, path: at.path, message: `${at.label} matches none of the allowed forms`, value: at.value };
}

/**
 * Service fields that SetDefaults_Service fills in when they are empty: `type` (ClusterIP),
 * `sessionAffinity` (None), `ports[].protocol` (TCP) and `externalTrafficPolicy` (Cluster, or
 * unset where it does not apply). They are plain strings in the v1 API, so `""` is "not set"
 * and the API server accepts it. The pointer fields (`ipFamilyPolicy`, `internalTrafficPolicy`,
 * `trafficDistribution`) are not defaulted when `""` is written, and are refused.
 */
const DEFAULTED_WHEN_EMPTY = /^spec\.(?:type|sessionAffinity|externalTrafficPolicy|ports\[\d+\]\.protocol)$/;

function isDefaultedEmpty(root: unknown, at: FieldLocation): boolean {
  return at.value === '' && typeof root === 'object' && root !== null && (root as { kind?: unknown }).kind === 'Service'
    && (root as { apiVersion?: unknown }).apiVersion === 'v1' && DEFAULTED_WHEN_EMPTY.test(at.path);
}

function findingsAt(root: unknown, tree: FieldTree, group: readonly AjvError[], rootSchemaPaths: boolean): SchemaFinding[] {
  const at = locate(root, tree, group[0].instancePath);
  const hasOneOf = group.some(error => error.keyword === 'oneOf');
  const isBranch = (error: AjvError): boolean => error.keyword !== 'oneOf' && hasOneOf
    && (rootSchemaPaths ? /\/(oneOf|anyOf)\//.test(error.schemaPath) : true);
  const branches = group.filter(isBranch);
  const own = group.filter(error => !isBranch(error));

  // A value of the wrong type: say so, and nothing else about it.
  const types = typesOf(own.filter(error => error.keyword === 'type'));
  if (types.length > 0) return [typeFinding(at, types)];
  // null stands for "not set" (the API server prunes it): an "at most one of" holds, an enum
  // does not apply, and a field set to null does not count against an "at most one of".
  const checked = at.value === null
    ? own.filter(error => error.keyword !== 'oneOf' && error.keyword !== 'not' && error.keyword !== 'enum')
    : own.filter(error => !((error.keyword === 'not' || (error.keyword === 'oneOf' && Array.isArray(error.params.passingSchemas)))
      && onlyNullsExcluded(at, error)));

  return checked.filter(error => !(error.keyword === 'enum' && isDefaultedEmpty(root, at))).map((error): SchemaFinding => {
    switch (error.keyword) {
      case 'enum': {
        const allowed = Array.isArray(error.params.allowedValues) ? error.params.allowedValues : [];
        return {
          code: SCHEMA_ENUM,
          path: at.path,
          message: `${at.label} ${show(at.value)} must be one of ${allowed.map(show).join(', ')}`,
          value: at.value,
        };
      }
      case 'required': {
        const field = String(error.params.missingProperty);
        return {
          code: SCHEMA_REQUIRED,
          path: fieldPath(at.path, field),
          message: at.path === '' ? `missing required field ${show(field)}` : `missing required field ${show(field)} in ${at.label}`,
        };
      }
      case 'format':
        return formatFinding(at, error);
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        return limitFinding(at, error);
      case 'minItems':
      case 'maxItems':
      case 'minLength':
      case 'maxLength':
      case 'minProperties':
      case 'maxProperties':
        return lengthFinding(at, error);
      case 'oneOf':
        return oneOfFinding(at, error, branches);
      case 'not':
        return exclusiveFinding(at, error, 'does not match the schema (not)');
      default:
        return { code: SCHEMA_OTHER, path: at.path, message: `${at.label} does not match the schema (${error.keyword})`, value: at.value };
    }
  });
}

/**
 * The findings for the errors of one validation run: errors are grouped by value, so that a
 * value of the wrong type yields one SCH001 and the inner errors of a `oneOf` yield one finding.
 */
export function schemaErrorFindings(root: unknown, tree: FieldTree, errors: readonly AjvError[], rootSchemaPaths: boolean): SchemaFinding[] {
  const groups = new Map<string, AjvError[]>();
  for (const error of errors) {
    if (isIgnored(error)) continue;
    const group = groups.get(error.instancePath);
    if (group) group.push(error);
    else groups.set(error.instancePath, [error]);
  }
  const findings: SchemaFinding[] = [];
  const seen = new Set<string>();
  for (const group of groups.values()) {
    for (const finding of findingsAt(root, tree, group, rootSchemaPaths)) {
      const key = `${finding.code} ${finding.path} ${finding.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(finding);
    }
  }
  return findings;
}
