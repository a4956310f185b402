/**
 * The bytes and characters of a YAML input, checked and decoded as kubectl does.
 *
 * kubectl reads a file through `unicode.BOMOverride`: a UTF-16 (LE or BE) file with a byte
 * order mark is decoded, a UTF-8 byte order mark is dropped. It then splits the stream at `---`
 * lines and gives each document to go-yaml v2 as a stream of its own, so a byte order mark that
 * starts a later document is dropped too. go-yaml refuses characters outside YAML 1.1's
 * printable set (`control characters are not allowed`): NUL, the C0 controls but tab, line
 * feed and carriage return, DEL, the C1 controls but U+0085, U+FFFE and U+FFFF. Invalid UTF-8
 * is refused here as go-yaml refuses it (kubectl would silently turn it into U+FFFD, so the
 * object applied would not be the one in the file).
 */

/** A problem at a place in the input. */
export class YamlCharacterError extends Error {
  constructor(message: string, public readonly line: number, public readonly column: number) {
    super(message);
    this.name = 'YamlCharacterError';
  }
}

/** Characters go-yaml's reader refuses (YAML 1.1 `c-printable`); lone surrogates included. */
const NOT_PRINTABLE = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

/** 1-based line and column (in UTF-16 code units) of an offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** `U+0085 (NEXT LINE)`-style name of a character. */
function codePoint(text: string, offset: number): string {
  const code = text.codePointAt(offset) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Decodes a file's bytes as kubectl does: UTF-16 LE or BE when it starts with that byte order
 * mark, UTF-8 otherwise (a UTF-8 byte order mark dropped).
 *
 * @throws YamlCharacterError at the first byte that is not valid UTF-8 (or UTF-16)
 */
export function decodeYamlBytes(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decode(bytes.subarray(2), 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decode(bytes.subarray(2), 'utf-16be');
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return decode(bytes.subarray(start), 'utf-8');
}

function decode(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // find where: the longest valid prefix, decoded leniently, gives the line
    const lenient = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
    const bad = lenient.indexOf('\ufffd');
    const at = positionOf(lenient, bad < 0 ? lenient.length : bad);
    const name = encoding === 'utf-8' ? 'UTF-8' : 'UTF-16';
    throw new YamlCharacterError(`invalid ${name}: Kubernetes' YAML reader (go-yaml) refuses it; save the file as ${name}`, at.line, at.column);
  }
}

/**
 * Checks the characters of a decoded input and drops the byte order marks kubectl drops: at the
 * start of the input and at the start of a document (the line after a `---` line).
 *
 * @throws YamlCharacterError at a character go-yaml refuses, or a byte order mark at the
 * start of another line (go-yaml would read the rest of that line one column to the right)
 */
export function checkYamlText(text: string): string {
  const bad = NOT_PRINTABLE.exec(text);
  if (bad) {
    const at = positionOf(text, bad.index);
    throw new YamlCharacterError(
      `control character ${codePoint(text, bad.index)}: Kubernetes' YAML reader (go-yaml) refuses control characters; remove it, or write it as an escape such as "\\x01" in a double-quoted string`,
      at.line, at.column);
  }
  if (text.indexOf('\ufeff') < 0) return text;
  let result = '';
  let from = 0;
  for (let i = text.indexOf('\ufeff'); i >= 0; i = text.indexOf('\ufeff', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) !== 10) continue; // inside a line: part of a scalar, as for go-yaml
    if (i === 0 || startsDocument(text, i)) {
      result += text.slice(from, i);
      from = i + 1;
      continue;
    }
    const at = positionOf(text, i);
    throw new YamlCharacterError(
      `byte order mark (U+FEFF) at the start of a line that does not start a document: remove it (kubectl drops one only at the start of a file or of a document after ---)`,
      at.line, at.column);
  }
  return result + text.slice(from);
}

/** Whether the line ending just before `offset` is a `---` document separator line (as kubectl splits). */
function startsDocument(text: string, offset: number): boolean {
  const previousEnd = offset - 1; // the \n
  const previousStart = text.lastIndexOf('\n', previousEnd - 1) + 1;
  const line = text.slice(previousStart, previousEnd).replace(/^\ufeff/, '');
  if (!line.startsWith('---')) return false;
  const rest = line.slice(3).trim();
  return rest === '' || rest.startsWith('#');
}
