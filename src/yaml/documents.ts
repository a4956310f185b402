/**
 * The Kubernetes objects in one YAML input, each with where it came from, read as kubectl
 * reads them (see ./characters, ./limits, ./plain-scalars).
 */
import { YAMLException, load } from 'js-yaml';
import { isObject } from '../validation/manifest';
import { DocumentLocator, Position } from './document-locator';
import { InputError } from '../cli/errors';
import { PathSegment, formatFieldPath, parseFieldPath } from '../cli/field-path';
import { RawDocument, splitDocuments } from './split';
import { KUBERNETES_YAML_SCHEMA } from './js-yaml-schema';
import { YamlCharacterError, checkYamlText, decodeYamlBytes, positionOf } from './characters';
import { YamlDepthError, readSimpleYaml } from './fast-reader';
import { complexKeyLine } from './complex-keys';
import { MAX_DEPTH, treeProblem } from './limits';

/**
 * An input to read: its text, or its bytes, decoded as kubectl decodes them (UTF-8, or UTF-16
 * with a byte order mark). Only bytes let the reader decode UTF-16 and refuse invalid UTF-8:
 * text decoded as UTF-8 beforehand has already turned them into U+FFFD.
 */
export interface YamlInput {
  /** The input's name in messages: a file name, or `<stdin>`. */
  readonly name: string;
  /** The text, used when no bytes are given. */
  readonly text: string;
  /** The bytes as read, decoded here. */
  readonly bytes?: Uint8Array;
}

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
 * Every key is an own property (`__proto__` and `constructor` included).
 *
 * @throws InputError with the line and column of malformed YAML (duplicate keys included), of
 * characters or bytes go-yaml refuses, of complex keys, of a document whose aliases expand
 * beyond a node budget or that nests too deep, of a document or List item that is not a
 * mapping or has no kind, or when the input holds no document at all
 */
export function parseDocuments(input: YamlInput): SourceDocument[] {
  const text = readText(input);
  const documents: SourceDocument[] = [];
  let sawDocument = false;
  for (const raw of splitDocuments(text)) {
    if (!raw.content) continue;
    const { value, shared } = loadDocument(input.name, raw);
    if (value === null || value === undefined) continue;
    sawDocument = true;
    const problem = treeProblem(value, shared);
    if (problem) {
      const at = problem.startsWith('document contains excessive aliasing') ? firstAlias(raw.text)
        : problem.startsWith('the number ') ? firstNonFinite(raw.text) : undefined;
      throw new InputError(input.name, problem, at ? raw.firstLine + at.line - 1 : raw.content.line, at ? at.column : raw.content.column);
    }
    const locator = new DocumentLocator(raw.text, raw.firstLine, raw.content);
    if (!isObject(value)) {
      throw new InputError(input.name, `expected a mapping (a Kubernetes object with apiVersion and kind), got ${describe(value)}`, raw.content.line, raw.content.column);
    }
    addObject(input.name, value, [], locator, documents);
  }
  if (!sawDocument) {
    throw new InputError(input.name, text.trim() === ''
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
  if (!Object.prototype.hasOwnProperty.call(value, 'kind') || value.kind === null || value.kind === '') {
    // kubectl: Object 'Kind' is missing in '{...}'
    const at = locator.locate(prefix);
    const where = prefix.length === 0 ? 'the document' : `${formatFieldPath(prefix)}`;
    throw new InputError(file, `${where} has content but no kind: Kubernetes refuses it ("Object 'Kind' is missing"); add kind and apiVersion, or remove the document`, at.line, at.column);
  }
  out.push(new ParsedDocument(file, out.length, value, locator, prefix));
}

/** 1-based line and column of the first alias (`*name`) in a document's text, if one is found. */
function firstAlias(text: string): { line: number; column: number } | undefined {
  const match = /(^|[\s,[{:-])\*[^\s,[\]{}]/m.exec(text);
  return match ? positionOf(text, match.index + match[1].length) : undefined;
}

/** Where the first plain `.inf` or `.nan` (any case YAML 1.1 reads as a number) of a document is. */
function firstNonFinite(text: string): { line: number; column: number } | undefined {
  const match = /(^|[\s,[{:])([-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))(?=[ \t]*(?:$|[,\]}#]))/m.exec(text);
  return match ? positionOf(text, match.index + match[1].length) : undefined;
}

/** The input's text, decoded from its bytes when given, with its characters checked. */
function readText(input: YamlInput): string {
  if (!input.bytes && input.text.startsWith('\ufffd\ufffd') && input.text.includes('\u0000')) {
    throw new InputError(input.name, 'the input looks like UTF-16 that was read as UTF-8: read it as bytes (kubectl decodes UTF-16 with a byte order mark), or save it as UTF-8', 1, 1);
  }
  try {
    return checkYamlText(input.bytes ? decodeYamlBytes(input.bytes) : input.text);
  } catch (error) {
    if (error instanceof YamlCharacterError) throw new InputError(input.name, error.message, error.line, error.column);
    throw error;
  }
}

/** A document's value; `shared` when aliases may make nodes appear more than once. */
function loadDocument(file: string, raw: RawDocument): { value: unknown; shared: boolean } {
  let simple: { value: unknown } | undefined;
  try {
    simple = readSimpleYaml(raw.text);
  } catch (error) {
    if (error instanceof YamlDepthError) throw new InputError(file, error.message, raw.firstLine + error.line - 1);
    throw error;
  }
  if (simple) return { value: simple.value, shared: false };
  const complexKey = complexKeyLine(raw.text);
  if (complexKey !== undefined) {
    throw new InputError(file, 'invalid YAML: a mapping or a list used as a key: Kubernetes\' YAML reader refuses it ("invalid map key"); use a string key', raw.firstLine + complexKey - 1);
  }
  try {
    return { value: load(raw.text, { schema: KUBERNETES_YAML_SCHEMA }), shared: true };
  } catch (error) {
    if (error instanceof RangeError) {
      // js-yaml recurses on nesting; a stack overflow means the document nests far too deep
      throw new InputError(file, `the document nests more than ${MAX_DEPTH.toLocaleString('en-US')} levels deep`, raw.content?.line ?? raw.firstLine, raw.content?.column);
    }
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
