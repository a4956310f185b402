/**
 * Text from the input made safe to print: control characters escaped, so a value can neither
 * move the cursor, recolour the terminal, start a new line (and forge a diagnostic or a CI
 * workflow command) nor hide text; long values cut to a short excerpt.
 */

/**
 * C0 controls, DEL, C1 controls, the Unicode line and paragraph separators, the bidirectional
 * formatting characters (which reorder what a terminal or a code review shows) and unpaired
 * surrogates.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const NAMED: ReadonlyMap<string, string> = new Map([['\n', '\\n'], ['\r', '\\r'], ['\t', '\\t']]);

/** Every unsafe character as an escape: `\n`, `\r`, `\t`, else `\u001b` (four hex digits). */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE, c => NAMED.get(c) ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The longest excerpt of a value a human-readable message shows. */
export const EXCERPT_LENGTH = 80;

/** The ellipsis that ends a cut value. */
export const ELLIPSIS = '…';

/**
 * The text cut to at most `max` characters (UTF-16 units), the last one an ellipsis; never
 * splits a surrogate pair.
 */
export function cut(text: string, max: number = EXCERPT_LENGTH): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + ELLIPSIS;
}

/** A value as a human-readable output shows it: cut, then escaped. */
export function excerpt(text: string, max: number = EXCERPT_LENGTH): string {
  return escapeControl(cut(text, max));
}

/** A JSON string literal (`"..."`, escapes included); the grammar has no ambiguity, so matching is linear. */
const QUOTED = /"(?:[^"\\]|\\.)*"/g;

/**
 * A message or field path with every JSON-quoted value in it (`show()` quotes them so) cut to
 * `max` characters inside the quotes, and the whole cut to `total` characters. Not escaped:
 * for formats that escape on their own (JSON, SARIF).
 */
export function shortenValues(text: string, max: number = EXCERPT_LENGTH, total: number = MESSAGE_LENGTH): string {
  const shortened = text.length <= max + 2 ? text : text.replace(QUOTED, quoted => {
    if (quoted.length <= max + 2) return quoted;
    // do not end inside an escape such as \u00 or after a lone backslash
    const inner = cut(quoted.slice(1, -1), max).replace(/\\(?:u[0-9a-fA-F]{0,3})?…$/, ELLIPSIS);
    return `"${inner}"`;
  });
  return cut(shortened, total);
}

/** The longest message a human-readable output shows. */
export const MESSAGE_LENGTH = 1000;

/** A message or field path for a human-readable output: values shortened, then escaped. */
export function safeMessage(text: string, max: number = EXCERPT_LENGTH, total: number = MESSAGE_LENGTH): string {
  return escapeControl(shortenValues(text, max, total));
}

/**
 * A line that a CI runner could read as a workflow command (GitHub reads a line starting with
 * `::` as one) gets a harmless prefix.
 */
export function safeLineStart(line: string): string {
  return line.startsWith('::') ? ` ${line}` : line;
}
