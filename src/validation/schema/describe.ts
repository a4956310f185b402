/** Wording of JSON types and values in the schema messages. */
import { show } from '../manifest';

/** A value's JSON type with its value: `null`, `an array`, `an object`, `a string "80"`, `a number 5`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `a string ${show(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `a ${typeof value} ${String(value)}`;
  return typeof value;
}

/** A schema type with its article: `an integer`, `a string`, `null`. */
export function describeType(type: string): string {
  if (type === 'null') return 'null';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** `"a", "b" and "c"` style lists, or `"a" or "b"` with `or`. */
export function joinWords(words: readonly string[], last: 'and' | 'or'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1]}`;
}
