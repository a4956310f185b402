/**
 * The Kubernetes objects in one YAML input, each with where it came from.
 */
import { YAMLException, load } from 'js-yaml';
import { isObject } from '../validation/manifest';
import { DocumentLocator, Position } from './document-locator';
import { InputError } from './errors';
import { PathSegment, formatFieldPath, parseFieldPath } from './field-path';
import { InputFile } from './input';
import { RawDocument, splitDocuments } from './yaml-split';
import { KUBERNETES_YAML_SCHEMA } from './yaml11-schema';
import { readSimpleYaml } from './fast-yaml';

/** One object read from an input, with a way to find its fields in the source. */
export interface SourceDocument {
  /** The input's name (`InputFile.name`). */
  readonly file: string;
  /** Position among the objects read from the file, 0-based (empty documents take none; each item of a List takes one). */
  readonly index: number;
  /** 1-based line where the object starts (its first key). */
  readonly line: number;
  /** The parsed object, values read as Kubernetes reads YAML (1.1). */
  readonly manifest: unknown;
  /**
   * 1-based line and column of a field path such as `spec.ports[0].nodePort` (the key of a map
   * entry, the item of a list); the nearest ancestor present in the YAML when the field is missing.
   */
  locate(path: string): { line: number; column: number };
}

class ParsedDocument implements SourceDocument {
  constructor(
    public readonly file: string,
    public readonly index: number,
    public readonly manifest: unknown,
    private readonly locator: DocumentLocator,
    /** Path of this object inside the YAML document: empty, or `items[i]` of a List. */
    private readonly prefix: readonly PathSegment[],
  ) {}

  public get line(): number {
    return this.locator.locate(this.prefix).line;
  }

  public locate(path: string): Position {
    const segments = parseFieldPath(path);
    return this.locator.locate(this.prefix.length === 0 ? segments : [...this.prefix, ...segments]);
  }
}

/**
 * Reads every object of a YAML input, one per document (YAML 1.1, as Kubernetes reads it).
 * Empty documents (`---` with nothing, as Helm writes them) are skipped; a List (`kind: List`,
 * as `kubectl get -o yaml` writes, or any `*List` with `items`) gives its items.
 *
 * @throws InputError with the line and column of malformed YAML (duplicate keys included), of a
 * document or List item that is not a mapping, or when the input holds no document at all
 */
export function parseDocuments(input: InputFile): SourceDocument[] {
  const documents: SourceDocument[] = [];
  let sawDocument = false;
  for (const raw of splitDocuments(input.text)) {
    if (!raw.content) continue;
    const value = loadDocument(input.name, raw);
    if (value === null || value === undefined) continue;
    sawDocument = true;
    const locator = new DocumentLocator(raw.text, raw.firstLine, raw.content);
    if (!isObject(value)) {
      throw new InputError(input.name, `expected a mapping (a Kubernetes object with apiVersion and kind), got ${describe(value)}`, raw.content.line, raw.content.column);
    }
    addObject(input.name, value, [], locator, documents);
  }
  if (!sawDocument) {
    throw new InputError(input.name, input.text.trim() === ''
      ? 'the input is empty: expected YAML documents with Kubernetes objects'
      : 'no YAML documents: the input holds only comments or empty documents');
  }
  return documents;
}

/** Adds an object, or the items of a List, recursively. */
function addObject(file: string, value: Record<string, unknown>, prefix: PathSegment[], locator: DocumentLocator, out: SourceDocument[]): void {
  const items = value.items;
  if (typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(items)) {
    items.forEach((item: unknown, i) => {
      const itemPath = [...prefix, 'items', i];
      if (!isObject(item)) {
        const at = locator.locate(itemPath);
        throw new InputError(file, `${formatFieldPath(itemPath)} of the ${value.kind} must be a mapping (a Kubernetes object), got ${describe(item)}`, at.line, at.column);
      }
      addObject(file, item, itemPath, locator, out);
    });
    return;
  }
  out.push(new ParsedDocument(file, out.length, value, locator, prefix));
}

function loadDocument(file: string, raw: RawDocument): unknown {
  const simple = readSimpleYaml(raw.text);
  if (simple) return simple.value;
  try {
    return load(raw.text, { schema: KUBERNETES_YAML_SCHEMA });
  } catch (error) {
    if (error instanceof YAMLException && error.mark) {
      const { line, column, position } = error.mark;
      throw new InputError(file, `invalid YAML: ${explain(error.reason, raw.text, position)}`, raw.firstLine + line, column + 1);
    }
    throw new InputError(file, `invalid YAML: ${error instanceof Error ? error.message : String(error)}`, raw.firstLine);
  }
}

/** js-yaml's reason, with the key named for duplicates. */
function explain(reason: string, text: string, position: number): string {
  if (reason === 'duplicated mapping key') {
    const key = /^("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^:#\n,{}[\]]*?)\s*:(?:\s|$)/.exec(text.slice(position, position + 300));
    const name = key?.[1]?.trim();
    return name ? `duplicate key ${name.startsWith('"') || name.startsWith('\'') ? name : JSON.stringify(name)} in a mapping (Kubernetes refuses duplicate keys)` : 'duplicate key in a mapping (Kubernetes refuses duplicate keys)';
  }
  return reason;
}

/** `a list`, `the string "nginx"`, `the number 3`, `the boolean true`. */
function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `the ${typeof value} ${String(value)}`;
  return typeof value;
}
