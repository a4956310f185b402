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

/** The most characters `show()` and `describeKind()` echo of a value; the rest is cut. */
export const MAX_SHOWN = 256;

/** A string as JSON, cut to {@link MAX_SHOWN} characters (with its length when cut). */
function quoted(text: string, max: number): string {
  if (text.length <= max) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, max))}... (${text.length} characters)`;
}

/** A number as a message shows it: JSON's form, and NaN / Infinity by name (JSON would say null). */
function numberText(value: number): string {
  return Number.isFinite(value) ? JSON.stringify(value) : String(value);
}

type Frame = { readonly close: string; readonly items: Array<[string | undefined, unknown]>; next: number };

/**
 * JSON text of a value, stopped after about `max` characters: one step per character written at
 * most, no recursion, so a deep, huge, cyclic or shared (aliased) value costs no more than the
 * excerpt. A cycle is shown as `[cycle]`.
 */
function boundedJson(value: unknown, max: number): string {
  let out = '';
  const stack: Frame[] = [];
  const open = new Set<unknown>();
  const write = (item: unknown): void => {
    if (item === null || item === undefined || typeof item === 'function' || typeof item === 'symbol') out += 'null';
    else if (typeof item === 'string') out += quoted(item, max - out.length > 16 ? max - out.length : 16);
    else if (typeof item === 'number') out += numberText(item);
    else if (typeof item === 'bigint') out += String(item);
    else if (typeof item === 'boolean') out += String(item);
    else if (open.has(item)) out += '[cycle]';
    else if (Array.isArray(item)) {
      out += '[';
      open.add(item);
      stack.push({ close: ']', items: item.slice(0, max).map((element): [string | undefined, unknown] => [undefined, element]), next: 0 });
    } else {
      out += '{';
      open.add(item);
      const items: Array<[string | undefined, unknown]> = [];
      for (const key of Object.keys(item as object)) {
        const v = (item as { [key: string]: unknown })[key];
        if (v !== undefined && typeof v !== 'function' && typeof v !== 'symbol') items.push([key, v]);
        if (items.length > max) break;
      }
      stack.push({ close: '}', items, next: 0 });
    }
  };
  const frames: unknown[] = [];
  write(value);
  if (stack.length > 0) frames.push(value);
  while (stack.length > 0) {
    if (out.length > max) return `${out.slice(0, max)}...`;
    const frame = stack[stack.length - 1];
    if (frame.next >= frame.items.length) {
      out += frame.close;
      stack.pop();
      open.delete(frames.pop());
      continue;
    }
    const [key, item] = frame.items[frame.next];
    if (frame.next > 0) out += ',';
    frame.next++;
    if (key !== undefined) out += `${quoted(key, 64)}:`;
    const depth = stack.length;
    write(item);
    if (stack.length > depth) frames.push(item);
  }
  return out.length > max ? `${out.slice(0, max)}...` : out;
}

/**
 * Renders a value for a message: strings quoted, everything else as JSON, cut to about
 * {@link MAX_SHOWN} characters, so that a huge, deep or aliased value is never echoed whole.
 */
export function show(value: unknown): string {
  if (typeof value === 'string') return quoted(value, MAX_SHOWN);
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return numberText(value);
  return boundedJson(value, MAX_SHOWN);
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
  if (typeof value === 'string') return `a string ${quoted(value, MAX_SHOWN)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `a ${typeof value} ${String(value)}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

/** "A, B or C": a list of allowed values for a message. */
export function oneOf(allowed: readonly string[]): string {
  return allowed.length === 1 ? allowed[0] : `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`;
}
