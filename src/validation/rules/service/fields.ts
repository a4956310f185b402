/**
 * Readers for the Service fields several rules share: the port list, effective protocol,
 * requested node ports, annotations, and the wording of wrong-type messages.
 */
import { isInteger, keyPath, oneOf } from '../../manifest';
import { JsonObject, arrayAt, isObject, objectAt, show, valueAt } from '../../manifest';
import { isSet } from './service-type';
import { memoizePerManifest } from '../../memo';
import { Severity } from '../../diagnostic';
import { SERVICE } from '../../kinds';
import { ManifestRule } from '../../rule';

/** One entry of `spec.ports`, with its path; `port` is undefined when the entry is not an object. */
export interface PortEntry {
  readonly index: number;
  /** `spec.ports[0]` */
  readonly path: string;
  readonly value: unknown;
  readonly port: JsonObject | undefined;
}

/**
 * The entries of `spec.ports`; empty when it is absent or not a list. Read once per spec for
 * the many port rules (the list is shared: callers must not change it).
 */
export const servicePorts: (spec: unknown) => readonly PortEntry[] = memoizePerManifest(readServicePorts);

function readServicePorts(spec: unknown): PortEntry[] {
  return (arrayAt(spec, 'ports') ?? []).map((value, index) => ({
    index,
    path: `spec.ports[${index}]`,
    value,
    port: isObject(value) ? value : undefined,
  }));
}

/** The effective protocol of a port: `TCP` when absent or empty (the v1 defaulter). */
export function protocolOf(port: unknown): string {
  const raw = valueAt(port, 'protocol');
  if (!isSet(raw) || raw === '') return 'TCP';
  return typeof raw === 'string' ? raw : JSON.stringify(raw);
}

/**
 * The `nodePort` of a port when one is requested: undefined when absent, null or 0
 * (0 means "allocate one"), the raw value otherwise (possibly of a wrong type).
 */
export function requestedNodePort(port: unknown): unknown {
  const raw = valueAt(port, 'nodePort');
  return !isSet(raw) || raw === 0 ? undefined : raw;
}


/** An annotation of a manifest; `path` is set when it is present (most Services carry none). */
export interface AnnotationValue {
  readonly present: boolean;
  readonly value: unknown;
  /** `metadata.annotations["key"]`, or "" when the annotation is absent. */
  readonly path: string;
}

const ABSENT: AnnotationValue = Object.freeze({ present: false, value: undefined, path: '' });

/** The value of an annotation, and whether the key is present at all. */
export function annotation(manifest: unknown, key: string): AnnotationValue {
  const annotations = objectAt(objectAt(manifest, 'metadata'), 'annotations');
  if (annotations === undefined || !Object.prototype.hasOwnProperty.call(annotations, key)) return ABSENT;
  return { present: true, value: annotations[key], path: keyPath('metadata.annotations', key) };
}


/** "a string", "a number", "a list"... for messages about wrong types. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string': return 'a string';
    case 'number': return 'a number';
    case 'boolean': return 'a boolean';
    case 'object': return 'an object';
    default: return typeof value;
  }
}

/** A hint for a value that differs from an allowed one only by letter case. */
function caseHint(value: string, allowed: readonly string[]): string {
  const match = allowed.find(a => a.toLowerCase() === value.toLowerCase());
  return match ? ` (values are case-sensitive: did you mean ${JSON.stringify(match)}?)` : '';
}


/** The problem with an enum value, or undefined when it is allowed. */
export function enumProblem(field: string, value: unknown, allowed: readonly string[]): string | undefined {
  if (typeof value !== 'string') return `${field} must be a string, one of ${oneOf(allowed)}; got ${describeValue(value)}`;
  if (allowed.includes(value)) return undefined;
  return `${field} ${show(value)} is not supported: must be ${oneOf(allowed)}${caseHint(value, allowed)}`;
}

/** A value for a message about its type: `a string "80"`, `a boolean true`, `null`. */
export function describeValue(value: unknown): string {
  return value === null ? 'null' : `${describeType(value)} ${show(value)}`;
}

export { isInteger, keyPath, oneOf };

/** A rule that `spec.<field>`, when set, is one of a few values (the API server's enum checks). */
export interface SpecEnumRuleSpec {
  readonly code: string;
  readonly name: string;
  readonly description: string;
  readonly field: string;
  readonly allowed: readonly string[];
  /** Whether `""` counts as absent (the defaulter fills it in). */
  readonly emptyIsDefault?: boolean;
}

export function specEnumRule(spec: SpecEnumRuleSpec): ManifestRule {
  return {
    code: spec.code,
    name: spec.name,
    severity: Severity.ERROR,
    appliesTo: [SERVICE],
    description: spec.description,
    check(manifest, context) {
      const raw = valueAt(objectAt(manifest, 'spec'), spec.field);
      if (raw === undefined || raw === null || (spec.emptyIsDefault === true && raw === '')) return;
      const problem = enumProblem(spec.field, raw, spec.allowed);
      if (problem) context.report(`spec.${spec.field}`, problem, raw);
    },
  };
}
