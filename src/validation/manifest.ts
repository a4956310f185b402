/**
 * Plain-object helpers for rules. Rules run on anything a YAML file may hold, so every
 * read is defensive: a wrong type yields `undefined`, never an exception.
 */

/** A JSON object as it appears in a manifest. */
export type JsonObject = { [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectAt(parent: unknown, key: string): JsonObject | undefined {
  if (!isObject(parent)) return undefined;
  const value = parent[key];
  return isObject(value) ? value : undefined;
}

export function arrayAt(parent: unknown, key: string): unknown[] | undefined {
  if (!isObject(parent)) return undefined;
  const value = parent[key];
  return Array.isArray(value) ? value : undefined;
}

export function stringAt(parent: unknown, key: string): string | undefined {
  if (!isObject(parent)) return undefined;
  const value = parent[key];
  return typeof value === 'string' ? value : undefined;
}

export function valueAt(parent: unknown, key: string): unknown {
  return isObject(parent) ? parent[key] : undefined;
}

/** True when the key is present with a value other than null/undefined. */
export function has(parent: unknown, key: string): boolean {
  return isObject(parent) && parent[key] !== undefined && parent[key] !== null;
}

/** A string-to-anything map, or undefined. */
export function entriesAt(parent: unknown, key: string): Array<[string, unknown]> {
  const value = objectAt(parent, key);
  return value ? Object.entries(value) : [];
}

/** Renders a value for a message: strings quoted, everything else as JSON. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** `Kind/namespace/name` for a manifest; `default` when it has no namespace. */
export function resourceId(manifest: unknown): string {
  const kind = stringAt(manifest, 'kind') ?? '<unknown kind>';
  const metadata = objectAt(manifest, 'metadata');
  const namespace = stringAt(metadata, 'namespace') || 'default';
  const name = stringAt(metadata, 'name') ?? stringAt(metadata, 'generateName') ?? '<unnamed>';
  return `${kind}/${namespace}/${name}`;
}

/** The `apiVersion/kind` key rules are registered under, for example `v1/Service`. */
export function typeKey(manifest: unknown): string {
  return `${stringAt(manifest, 'apiVersion') ?? ''}/${stringAt(manifest, 'kind') ?? ''}`;
}

/** Whether a value is a whole JSON number. */
export function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/** Path of a map entry: `metadata.labels["app.kubernetes.io/name"]` (the key JSON-quoted). */
export function keyPath(base: string, key: string): string {
  return `${base}[${JSON.stringify(key)}]`;
}

/** A value's kind for a message: `null`, `an array`, `a string "x"`, `a number 5`, `an object`. */
export function describeKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `a string ${JSON.stringify(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `a ${typeof value} ${String(value)}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

/** "A, B or C": a list of allowed values for a message. */
export function oneOf(allowed: readonly string[]): string {
  return allowed.length === 1 ? allowed[0] : `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`;
}
