/** Wording of JSON types and values in the schema messages. */


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

/** A value's JSON type with its value: `null`, `an array`, `an object`, `a string "80"`, `a number 5`. */
export { describeKind as describeValue } from '../manifest';
