/**
 * The YAML writer used at synth: what cdk8s's `Yaml.stringify` writes, byte for byte, except
 * that every string Kubernetes' reader or a YAML 1.2 reader would read as something else is
 * quoted, and line breaks and control characters are escaped.
 *
 * cdk8s serialises every document with the `yaml` package (YAML 1.1, lineWidth 0). That writer
 * leaves `0o12`, `0O12`, `0B101` and `0X1F` plain, which go-yaml v2 (kubectl) reads as numbers,
 * and writes U+0085, U+2028, U+2029 and the C1 controls raw, which go-yaml reads as line
 * breaks or refuses. Strings are written here by one rule: plain only when the table in
 * ./plain-scalars says every reader reads them back as the same string and they hold no
 * such character; double-quoted with escapes otherwise (`quotedString`).
 *
 * It is also faster: `yaml` first builds a node tree of the whole document, for large apps most
 * of synth. The documents cdk8s writes are plain JSON data, so this writer lays out the block
 * mappings and sequences itself, exactly as `yaml` does, writes the simplest scalars directly,
 * and hands every other scalar to `yaml`'s own scalar stringifier with the context `yaml` would
 * give it. A document it is not sure about (a multi-line scalar, an undefined value, an object
 * that is not plain data) is written with `yaml`'s public `stringify`, with a string tag that
 * applies the same rule. test/yaml/writer.test.ts compares them.
 */
import * as path from 'path';
import { readsAsString } from './plain-scalars';

interface ScalarContext { [key: string]: unknown }
type Stringify = (item: unknown, ctx: ScalarContext) => string;

interface YamlInternals {
  readonly stringify: Stringify;
  readonly createNode: (value: unknown) => unknown;
  readonly baseContext: ScalarContext;
}

interface YamlModule {
  readonly Document: new (value: unknown, options: object) => object;
  readonly stringify: (value: unknown, options: object) => string;
}

/** The `yaml` versions the writer's output is compared with (test/yaml/writer.test.ts). */
const TESTED_YAML = /^2\.9\./;

/** A tag of the `yaml` package's schema, as much of it as this writer uses. */
interface StringTag {
  readonly identify: (value: unknown) => boolean;
  /** A tag with a `test` wins over the ones without (`yaml` prefers them): this one never matches a plain scalar. */
  readonly test: RegExp;
  readonly default: boolean;
  readonly tag: string;
  readonly stringify: (item: { value: unknown }) => string;
}

/** Strings this writer quotes itself, in documents `yaml` writes: it must never write them as it would. */
const QUOTED_STRING_TAG: StringTag = {
  identify: value => typeof value === 'string' && mustQuote(value),
  test: /(?!)/,
  default: true,
  tag: 'tag:yaml.org,2002:str',
  stringify: item => quotedString(String(item.value)),
};

/** cdk8s's options for `YAML.stringify`, with the string tag first. */
const OPTIONS = { keepUndefined: true, lineWidth: 0, version: '1.1', customTags: (tags: unknown[]) => [QUOTED_STRING_TAG, ...tags] } as const;

/**
 * Characters written only as escapes: C0 controls but tab and line feed, DEL, the C1 controls
 * (U+0085 is a line break to YAML 1.1), U+2028 and U+2029 (line breaks too), the byte order
 * mark, U+FFFE, U+FFFF and lone surrogates (go-yaml refuses them raw).
 */
const MUST_ESCAPE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/u;

/** Whether a string must be written double-quoted: a reader would type it plain, or it holds a character written only as an escape. */
export function mustQuote(value: string): boolean {
  return !readsAsString(value) || MUST_ESCAPE.test(value);
}

const NAMED_ESCAPES: { [code: string]: string } = {
  '0000': '\\0', '0007': '\\a', '000b': '\\v', '001b': '\\e',
};
const RAW_ESCAPES: { [char: string]: string } = {
  '\u0085': '\\N', '\u2028': '\\L', '\u2029': '\\P',
};

/**
 * A double-quoted scalar on one line, read back as `value` by go-yaml, YAML 1.1 and YAML 1.2
 * readers: JSON's escapes written as `yaml` writes them (`\0`, `\a`, `\v`, `\e`, `\xNN`), and the
 * characters JSON leaves raw that YAML reads as breaks or refuses escaped too (`\N`, `\L`,
 * `\P`, `\xNN`, `\uFEFF`). A lone surrogate, which UTF-8 cannot hold, is written as U+FFFD, as
 * writing it to a UTF-8 file would.
 */
export function quotedString(value: string): string {
  return JSON.stringify(value).replace(/\\(?:u([0-9a-f]{4})|.)|[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, (match: string, code: string | undefined) => {
    if (code !== undefined) {
      if (code >= 'd800' && code <= 'dfff') return '\\uFFFD';
      return NAMED_ESCAPES[code] ?? (code.startsWith('00') ? `\\x${code.slice(2)}` : match);
    }
    if (match.startsWith('\\')) return match;
    const raw = RAW_ESCAPES[match];
    if (raw) return raw;
    const point = match.charCodeAt(0);
    return point <= 0xff ? `\\x${point.toString(16)}` : `\\u${point.toString(16).toUpperCase()}`;
  });
}

let internals: YamlInternals | undefined | null;
let publicYaml: YamlModule | undefined;

/** Where the `yaml` module cdk8s itself uses is. */
function yamlEntry(): string {
  try {
    return require.resolve('yaml', { paths: [path.dirname(require.resolve('cdk8s'))] });
  } catch {
    return require.resolve('yaml');
  }
}

/** The `yaml` module cdk8s uses, through its public API. */
function yamlModule(): YamlModule {
  publicYaml ??= require(yamlEntry()) as YamlModule;
  return publicYaml;
}

/** The `yaml` module cdk8s itself uses, and its scalar stringifier. */
function yamlInternals(): YamlInternals | undefined {
  if (internals !== undefined) return internals ?? undefined;
  try {
    const entry = yamlEntry();
    // the layout below is checked against yaml 2.9; with another version, `yaml` writes the documents
    const version = (require(path.join(path.dirname(entry), '..', 'package.json')) as { version: string }).version;
    if (!TESTED_YAML.test(version)) throw new Error(`yaml ${version} is not a version this writer is checked against`);
    const yaml = yamlModule();
    const module = require(path.join(path.dirname(entry), 'stringify', 'stringify.js')) as {
      createStringifyContext: (doc: object, options: object) => ScalarContext;
      stringify: Stringify;
    };
    const doc = new yaml.Document(null, OPTIONS) as { createNode: (value: unknown) => unknown };
    internals = {
      stringify: module.stringify,
      createNode: value => doc.createNode(value),
      baseContext: module.createStringifyContext(doc, OPTIONS),
    };
  } catch {
    internals = null;
  }
  return internals ?? undefined;
}

/** Thrown inside the writer when a document needs `yaml` itself. */
class NeedsYaml extends Error {}

/** Starts with a letter or `_`, then letters, digits, `_`, `.`, `/`, `-`: never quoted by `yaml`. */
const SIMPLE_STRING = /^[A-Za-z_][A-Za-z0-9_./-]*$/;

function isPlainObject(value: unknown): value is { [key: string]: unknown } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

class Writer {
  constructor(private readonly yaml: YamlInternals) {}

  public document(value: unknown): string {
    return `${this.node(value, '', 0)}\n`;
  }

  /** A scalar as `yaml` writes it at this indentation. */
  private scalar(value: unknown, indent: string, implicitKey: boolean, indentAtStart: number): string {
    if (typeof value === 'string') {
      if (SIMPLE_STRING.test(value) && value.length <= 1024 && readsAsString(value)) return value;
      if (mustQuote(value)) {
        const quoted = quotedString(value);
        if (implicitKey && quoted.length > 1024) throw new NeedsYaml();
        return quoted;
      }
    } else if (typeof value === 'number') {
      if (Number.isSafeInteger(value) && !Object.is(value, -0)) return String(value);
    } else if (typeof value === 'boolean') {
      return value ? 'true' : 'false';
    } else if (value === null) {
      return 'null';
    } else {
      throw new NeedsYaml();
    }
    // a node, as the document tree holds it: `yaml` picks the tag from the node (a `<<` value is a merge key)
    const node = this.yaml.createNode(value);
    const text = this.yaml.stringify(node, { ...this.yaml.baseContext, indent, implicitKey, indentAtStart, inFlow: null });
    if (text.includes('\n') || (implicitKey && text.length > 1024)) throw new NeedsYaml();
    return text;
  }

  /** Any value at the start of a line (or after `- `), its lines joined at `indent`. */
  private node(value: unknown, indent: string, indentAtStart: number): string {
    if (Array.isArray(value)) return value.length === 0 ? '[]' : this.sequence(value, indent);
    if (isPlainObject(value)) {
      const keys = Object.keys(value);
      return keys.length === 0 ? '{}' : this.mapping(value, keys, indent);
    }
    return this.scalar(value, indent, false, indentAtStart);
  }

  private mapping(value: { [key: string]: unknown }, keys: string[], indent: string): string {
    const childIndent = `${indent}  `;
    const lines: string[] = [];
    for (const key of keys) {
      const item = value[key];
      if (item === undefined) throw new NeedsYaml();
      const keyText = this.scalar(key, childIndent, true, 0);
      if (Array.isArray(item) && item.length > 0) {
        lines.push(`${keyText}:\n${childIndent}${this.sequence(item, childIndent)}`);
      } else if (isPlainObject(item) && Object.keys(item).length > 0) {
        lines.push(`${keyText}:\n${childIndent}${this.mapping(item, Object.keys(item), childIndent)}`);
      } else {
        lines.push(`${keyText}: ${this.node(item, childIndent, keyText.length + 2)}`);
      }
    }
    return lines.join(`\n${indent}`);
  }

  private sequence(value: unknown[], indent: string): string {
    const itemIndent = `${indent}  `;
    const lines: string[] = [];
    for (const item of value) {
      if (item === undefined) throw new NeedsYaml();
      lines.push(`- ${this.node(item, itemIndent, itemIndent.length)}`);
    }
    return lines.join(`\n${indent}`);
  }
}

/**
 * What cdk8s's `Yaml.stringify(...docs)` returns, with strings quoted and escaped as
 * Kubernetes must read them: documents joined with `---`, an undefined document written as an
 * empty line.
 */
export function writeYaml(docs: readonly unknown[]): string {
  return docs.map(doc => (doc === undefined ? '\n' : writeDocument(doc) ?? writeWithYaml(doc))).join('---\n');
}

/** One document written by `yaml`'s public `stringify`, strings quoted by the same rule. */
export function writeWithYaml(doc: unknown): string {
  return yamlModule().stringify(doc, OPTIONS);
}

/** One document as `yaml` writes it, or undefined when `yaml` itself must write it. */
export function writeDocument(doc: unknown): string | undefined {
  const yaml = yamlInternals();
  if (!yaml) return undefined;
  try {
    return new Writer(yaml).document(doc);
  } catch (error) {
    if (error instanceof NeedsYaml) return undefined;
    throw error;
  }
}
