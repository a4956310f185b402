/** Rendering helpers: output holds only what the user set (DESIGN principle 4). */

export type JsonMap = { [key: string]: unknown };

/** Drops undefined entries. */
export function compact(object: JsonMap): JsonMap {
  const out: JsonMap = {};
  for (const [key, value] of Object.entries(object)) {
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** A copy of a list, or undefined when it is empty or missing. */
export function nonEmpty<T>(list: readonly T[] | undefined): T[] | undefined {
  return list && list.length > 0 ? [...list] : undefined;
}

/** A copy of a map, or undefined when it is empty or missing. */
export function nonEmptyMap<T>(map: { [key: string]: T } | undefined): { [key: string]: T } | undefined {
  return map && Object.keys(map).length > 0 ? { ...map } : undefined;
}

/** A mapping as JavaScript writes one: not an array, a function or an instance of a class. */
export function isPlainObject(value: unknown): value is { [key: string]: unknown } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
