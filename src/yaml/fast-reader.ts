/**
 * A fast reader for the plain block YAML that tools write (cdk8s, Helm, kubectl): block
 * mappings and sequences, plain and single-line quoted scalars, comments. Anything else (flow
 * collections, anchors, aliases, tags, block or multi-line scalars, merge keys, duplicate
 * keys, tabs) makes it return undefined, and the document is read by js-yaml instead. Values
 * are resolved as Kubernetes reads YAML (1.1, `plainScalarValue`), so the result equals
 * js-yaml's with KUBERNETES_YAML_SCHEMA; test/yaml/fast-reader.test.ts compares the two.
 */
import { CR, DASH, DOT, HASH, PERCENT, SPACE, TAB } from './char-codes';
import { MAX_DEPTH } from './limits';
import { isKubernetesWord, plainScalarValue } from './plain-scalars';

interface Line {
  readonly indent: number;
  readonly text: string;
  /** 1-based line in the document's text. */
  readonly line: number;
}

/** A document nesting deeper than MAX_DEPTH, at a line of its text. */
export class YamlDepthError extends Error {
  constructor(public readonly line: number) {
    super(`the document nests more than ${MAX_DEPTH.toLocaleString('en-US')} levels deep`);
    this.name = 'YamlDepthError';
  }
}

/** Signals that this reader does not handle the document. */
class Unsupported extends Error {}

const unsupported = (): never => {
  throw new Unsupported();
};

/** Characters a plain scalar may not start with here (YAML indicators, quotes, flow). */
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;
/** JSON-compatible escapes only, so JSON.parse reads a double-quoted scalar as YAML does. */
const JSON_SAFE_DOUBLE = /^"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"$/;

const DOCUMENT_START = /^---\s*$/;

/**
 * Splits into lines with their indentation, dropping blank and comment-only lines. Lines are
 * found with `indexOf` and cut once (this runs over every line of every input).
 */
function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  const length = text.length;
  let number = 0;
  for (let start = 0; start <= length;) {
    number++;
    let end = text.indexOf('\n', start);
    if (end < 0) end = length;
    const next = end + 1;
    if (end > start && text.charCodeAt(end - 1) === CR) end--;
    let first = start;
    while (first < end && text.charCodeAt(first) === SPACE) first++;
    const c = first < end ? text.charCodeAt(first) : -1;
    if (c === TAB) {
      if (text.slice(first, end).trim() !== '') unsupported(); // tabs in indentation
    } else if (c !== -1 && c !== HASH) {
      const rest = text.slice(first, end);
      const indent = first - start;
      // the document start marker on the first line is skipped; any other marker or directive is not handled here
      if (!(indent === 0 && lines.length === 0 && DOCUMENT_START.test(rest))) {
        if ((c === DASH && rest.startsWith('---')) || (c === DOT && rest.startsWith('...')) || c === PERCENT) unsupported();
        lines.push({ indent, text: stripComment(rest), line: number });
      }
    }
    start = next;
  }
  return lines;
}

/** Removes a trailing comment (a `#` after a space, outside quotes) and trailing spaces. */
function stripComment(text: string): string {
  if (!text.includes('#')) return text.trimEnd();
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
      else if (c === 92 && quote === 34) i++;
      continue;
    }
    if ((c === 34 || c === 39) && (i === 0 || text[i - 1] === ' ' || text[i - 1] === ':' || text[i - 1] === '-')) {
      // a quoted scalar starts only at the start of a key or value
      const before = text.slice(0, i).trimEnd();
      if (before === '' || before.endsWith(':') || before.endsWith('-')) quote = c;
      continue;
    }
    if (c === 35 && (text[i - 1] === ' ' || text[i - 1] === '\t')) return text.slice(0, i).trimEnd();
  }
  return text.trimEnd();
}

/**
 * Whether a plain scalar may resolve to something other than a string: it starts with a digit,
 * a sign, a dot or `~`, or it is one of YAML 1.1's boolean and null words (the only values
 * that start with a letter).
 */
const MAX_WORD_LENGTH = 5; // false, FALSE

function mayBeTyped(text: string): boolean {
  if (text === '') return true;
  const c = text.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 126) return true;
  return text.length <= MAX_WORD_LENGTH && isKubernetesWord(text);
}

/** A scalar written on one line: quoted, `[]`/`{}`, or plain. */
function scalar(text: string): unknown {
  const first = text[0];
  if (first === '\'') {
    if (text.length < 2 || !text.endsWith('\'')) unsupported();
    const body = text.slice(1, -1);
    if (/'(?!')/.test(body.replace(/''/g, ''))) unsupported();
    return body.replace(/''/g, '\'');
  }
  if (first === '"') {
    if (!JSON_SAFE_DOUBLE.test(text)) unsupported();
    return JSON.parse(text) as string;
  }
  if (text === '[]') return [];
  if (text === '{}') return {};
  if (INDICATOR_START.test(text) || text.includes(': ') || text.endsWith(':') || text.includes(' #') || text === '<<') unsupported();
  return mayBeTyped(text) ? plainScalarValue(text) : text;
}

/** Where `key:` ends in a mapping line, or -1 when the line is not a mapping entry. */
function keyEnd(text: string): number {
  if (text[0] === '"' || text[0] === '\'') {
    const quote = text[0];
    let i = 1;
    while (i < text.length) {
      if (text[i] === quote) {
        if (quote === '\'' && text[i + 1] === '\'') { i += 2; continue; }
        break;
      }
      if (quote === '"' && text[i] === '\\') i++;
      i++;
    }
    return text[i + 1] === ':' && (i + 2 === text.length || text[i + 2] === ' ') ? i + 1 : -1;
  }
  const colon = text.indexOf(': ');
  if (colon >= 0) return colon;
  return text.endsWith(':') ? text.length - 1 : -1;
}

class Reader {
  private position = 0;
  private depth = 0;

  constructor(private readonly lines: Line[]) {}

  public document(): unknown {
    if (this.lines.length === 0) return null;
    const value = this.block(this.lines[0].indent);
    if (this.position < this.lines.length) unsupported();
    return value;
  }

  private peek(): Line | undefined {
    return this.lines[this.position];
  }

  private block(indent: number): unknown {
    const line = this.peek() as Line;
    if (++this.depth > MAX_DEPTH) throw new YamlDepthError(line.line);
    try {
      if (isSequenceItem(line.text)) return this.sequence(indent);
      if (keyEnd(line.text) >= 0) return this.mapping(indent);
    } finally {
      this.depth--;
    }
    this.position++;
    const value = scalar(line.text);
    const next = this.peek();
    if (next && next.indent >= indent) unsupported(); // a multi-line scalar
    return value;
  }

  private mapping(indent: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (let line = this.peek(); line && line.indent === indent && !isSequenceItem(line.text); line = this.peek()) {
      const end = keyEnd(line.text);
      if (end < 0) unsupported();
      const keyText = line.text.slice(0, end).trimEnd();
      if (keyText === '') unsupported();
      const name = String(scalar(keyText));
      if (keyText === '<<' || Object.prototype.hasOwnProperty.call(result, name)) unsupported();
      const rest = line.text.slice(end + 1).trim();
      this.position++;
      const value = rest === '' ? this.nested(indent, true) : this.inlineValue(rest, indent);
      // every key is an own property, `__proto__` included, never the object's prototype
      if (name === '__proto__') Object.defineProperty(result, name, { value, enumerable: true, writable: true, configurable: true });
      else result[name] = value;
    }
    const next = this.peek();
    if (next && next.indent > indent) unsupported();
    return result;
  }

  /** A value written after `key: ` or `- `; a more indented line after it would continue it. */
  private inlineValue(text: string, indent: number): unknown {
    const value = scalar(text);
    const next = this.peek();
    if (next && next.indent > indent) unsupported(); // a multi-line scalar
    return value;
  }

  /** The block under `key:` (or `-`): more indented, or a sequence at the key's own indent. */
  private nested(indent: number, allowSequenceAtSameIndent: boolean): unknown {
    const next = this.peek();
    if (!next) return null;
    if (next.indent > indent) return this.block(next.indent);
    if (allowSequenceAtSameIndent && next.indent === indent && isSequenceItem(next.text)) return this.sequence(indent);
    return null;
  }

  private sequence(indent: number): unknown[] {
    const result: unknown[] = [];
    for (let line = this.peek(); line && line.indent === indent && isSequenceItem(line.text); line = this.peek()) {
      const rest = line.text === '-' ? '' : line.text.slice(2);
      const offset = line.text === '-' ? 0 : 2 + (rest.length - rest.trimStart().length);
      const content = rest.trimStart();
      if (content === '') {
        this.position++;
        result.push(this.nested(indent, false));
        continue;
      }
      if (isSequenceItem(content) || keyEnd(content) >= 0) {
        // `- key: value` or `- - item`: the item is a block starting on this line
        this.lines[this.position] = { indent: indent + offset, text: content, line: line.line };
        result.push(this.block(indent + offset));
        continue;
      }
      this.position++;
      result.push(this.inlineValue(content, indent));
    }
    const next = this.peek();
    if (next && next.indent > indent) unsupported();
    return result;
  }
}

function isSequenceItem(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

/** Reads a document of plain block YAML, or returns undefined when js-yaml must read it. */
export function readSimpleYaml(text: string): { value: unknown } | undefined {
  try {
    return { value: new Reader(linesOf(text)).document() };
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}
