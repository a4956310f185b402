/**
 * Line and column of a field in one YAML document, computed on demand.
 *
 * Documents are read with js-yaml, which is fast but keeps no positions. The first time a
 * position is asked for, this parses that one document again with the `yaml` package (YAML
 * 1.1, with a LineCounter) and keeps the tree; documents nobody asks about are never parsed twice.
 */
import type { Document, LineCounter, Node, Pair } from 'yaml';
import { PathSegment } from '../cli/field-path';
import { plainScalarValue } from './plain-scalars';

/** A 1-based position in a file. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

type YamlModule = typeof import('yaml');
let yamlModule: YamlModule | undefined;

/** `yaml` is loaded only when a position is needed, to keep clean runs fast. */
function yaml(): YamlModule {
  yamlModule ??= require('yaml') as YamlModule;
  return yamlModule;
}

interface ParsedText {
  readonly document: Document.Parsed;
  readonly lines: LineCounter;
}

export class DocumentLocator {
  private parsed: ParsedText | undefined;

  /**
   * @param text the document's source text
   * @param firstLine 1-based line of the file where `text` starts
   * @param start position of the document's first content, the answer when nothing better is found
   */
  constructor(
    private readonly text: string,
    private readonly firstLine: number,
    public readonly start: Position,
  ) {}

  /** Position of the field at `segments`, or of its nearest ancestor present in the YAML. */
  public locate(segments: readonly PathSegment[]): Position {
    if (segments.length === 0) return this.start;
    const { document, lines } = this.parse();
    const y = yaml();
    let node: unknown = document.contents;
    let found: Node | Pair | undefined = y.isNode(node) ? node : undefined;
    for (const segment of segments) {
      node = this.deref(node, document);
      if (typeof segment === 'string' && y.isMap(node)) {
        const pair = this.findPair(node.items, segment, document, new Set());
        if (!pair) break;
        found = pair;
        node = pair.value;
      } else if (typeof segment === 'number' && y.isSeq(node)) {
        const item: unknown = node.items[segment];
        if (!y.isNode(item)) break;
        found = item;
        node = item;
      } else {
        break;
      }
    }
    const offset = found ? this.offsetOf(found) : undefined;
    if (offset === undefined) return this.start;
    const position = lines.linePos(offset);
    return { line: this.firstLine + position.line - 1, column: position.col };
  }

  private parse(): ParsedText {
    if (!this.parsed) {
      const y = yaml();
      const lines = new y.LineCounter();
      const document = y.parseDocument(this.text, { version: '1.1', lineCounter: lines, uniqueKeys: false, prettyErrors: false, strict: false });
      this.parsed = { document, lines };
    }
    return this.parsed;
  }

  private deref(node: unknown, document: Document.Parsed): unknown {
    const y = yaml();
    return y.isAlias(node) ? node.resolve(document) : node;
  }

  /** The pair for `key` in a mapping's items: explicit keys first, then `<<` merges in order, as js-yaml reads them. */
  private findPair(items: readonly unknown[], key: string, document: Document.Parsed, seen: Set<unknown>): Pair | undefined {
    const y = yaml();
    const merges: unknown[] = [];
    for (const item of items) {
      if (!y.isPair(item)) continue;
      const name = keyName(item.key, y);
      if (name === key) return item;
      if (name === '<<' && isPlainMergeKey(item.key, y)) merges.push(item.value);
    }
    for (const merge of merges) {
      const sources = y.isSeq(merge) ? merge.items : [merge];
      for (const source of sources) {
        const target = this.deref(source, document);
        if (!y.isMap(target) || seen.has(target)) continue;
        seen.add(target);
        const pair = this.findPair(target.items, key, document, seen);
        if (pair) return pair;
      }
    }
    return undefined;
  }

  /** Where a field starts: its key for a map entry, the node itself otherwise. */
  private offsetOf(found: Node | Pair): number | undefined {
    const y = yaml();
    if (y.isPair(found)) {
      const key = found.key;
      if (y.isNode(key) && key.range) return key.range[0];
      return y.isNode(found.value) && found.value.range ? found.value.range[0] : undefined;
    }
    return found.range ? found.range[0] : undefined;
  }
}

/** A key as js-yaml turns it into a property name (YAML 1.1 scalars, then String()). */
function keyName(key: unknown, y: YamlModule): string | undefined {
  if (key === null || key === undefined) return 'null';
  if (!y.isScalar(key)) return undefined;
  if (key.type === 'PLAIN' && typeof key.source === 'string' && !key.tag) return String(plainScalarValue(key.source));
  return String(key.value);
}

function isPlainMergeKey(key: unknown, y: YamlModule): boolean {
  return y.isScalar(key) && key.type === 'PLAIN' && key.source === '<<';
}
