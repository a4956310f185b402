/**
 * Splits a YAML stream into its documents without parsing them, keeping where each starts.
 *
 * A line starting at column 0 with `---` (then a space, a tab or the end of the line) begins a
 * document, and one with `...` ends it, as the YAML spec says; a marker inside a block scalar
 * or a quoted string at column 0 ends the document there too, so this split matches a parser's.
 */
import { CR, DASH, DOT, HASH, LF, PERCENT, SPACE, TAB } from './char-codes';

/** One document's source text in a YAML stream. */
export interface RawDocument {
  /** The document's text, from its first line (comments and directives before `---` included). */
  readonly text: string;
  /** 1-based line of the file where `text` starts. */
  readonly firstLine: number;
  /** 1-based line and column of the document's first content, or undefined when it has none (only comments, blank lines or a bare `---`). */
  readonly content?: { readonly line: number; readonly column: number };
}


/** Whether `text` has `---` or `...` (as `char`) at `offset`, followed by a space, a tab or the end of the line. */
function isMarker(text: string, offset: number, char: number): boolean {
  if (text.charCodeAt(offset) !== char || text.charCodeAt(offset + 1) !== char || text.charCodeAt(offset + 2) !== char) return false;
  const next = text.charCodeAt(offset + 3);
  return Number.isNaN(next) || next === SPACE || next === TAB || next === CR || next === LF;
}

/** Offset of the first character of `text[from, to)` that is neither a space nor a tab; `to` when none. */
function skipBlanks(text: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB && c !== CR) break;
    i++;
  }
  return i;
}

export function splitDocuments(source: string): RawDocument[] {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const documents: RawDocument[] = [];

  let chunkStart = 0;
  let chunkLine = 1;
  let explicitStart = false;
  let content: { line: number; column: number } | undefined;

  const close = (end: number): void => {
    if (end > chunkStart || content) {
      documents.push({ text: text.slice(chunkStart, end), firstLine: chunkLine, ...(content ? { content } : {}) });
    }
  };
  const open = (start: number, line: number, explicit: boolean): void => {
    chunkStart = start;
    chunkLine = line;
    explicitStart = explicit;
    content = undefined;
  };

  let line = 1;
  let offset = 0;
  const length = text.length;
  while (offset < length) {
    let end = text.indexOf('\n', offset);
    if (end < 0) end = length;
    const first = text.charCodeAt(offset);

    if (first === DASH && isMarker(text, offset, DASH)) {
      if (content || explicitStart) {
        close(offset);
        open(offset, line, true);
      } else {
        // comments and directives before the first `---` belong to its document
        explicitStart = true;
      }
      const rest = skipBlanks(text, offset + 3, end);
      if (rest < end && text.charCodeAt(rest) !== HASH) content = { line, column: rest - offset + 1 };
    } else if (first === DOT && isMarker(text, offset, DOT)) {
      close(end < length ? end + 1 : end);
      open(end + 1, line + 1, false);
    } else if (!content && !(first === PERCENT)) {
      const start = skipBlanks(text, offset, end);
      if (start < end && text.charCodeAt(start) !== HASH) content = { line, column: start - offset + 1 };
    }

    offset = end + 1;
    line++;
  }
  if (chunkStart < length || content || explicitStart) close(length);
  return documents;
}
