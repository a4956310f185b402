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
 * and asks `yaml`'s public `stringify` how it writes every other scalar, as a key or as a value
 * of a one-entry mapping (remembered, since apps repeat their values). A document it is not
 * sure about (a multi-line scalar, a long key, an undefined value, an object that is not plain
 * data) is written whole with `yaml`'s `stringify`, with a string tag that applies the same
 * rule. test/yaml/writer.test.ts compares them.
 */
import * as path from 'path';
import { isPlainObject } from '../util/json';
import { readsAsString } from './plain-scalars';

interface YamlModule {
  readonly stringify: (value: unknown, options: object) => string;
}

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

/** Thrown inside the writer when a document needs `yaml` itself. */
class NeedsYaml extends Error {}

/** Starts with a letter or `_`, then letters, digits, `_`, `.`, `/`, `-`: never quoted by `yaml`. */
const SIMPLE_STRING = /^[A-Za-z_][A-Za-z0-9_./-]*$/;

/** A line starting as a directive or a document marker: how `yaml` writes it depends on where it is. */
const DOCUMENT_MARKER = /^(?:%|---|\.\.\.)/;


/** How `yaml` writes a scalar, remembered; forgotten whole when it grows past a bound. */
class ScalarCache {
  private static readonly LIMIT = 20_000;
  private readonly values = new Map<unknown, string | null>();
  private readonly keys = new Map<string, string | null>();
  private readonly nestedKeys = new Map<string, string | null>();

  /** A scalar as the value of a mapping entry, or null when `yaml` writes it on several lines. */
  public value(value: unknown): string | null {
    let text = this.values.get(value);
    if (text === undefined) {
      const written = yamlModule().stringify({ k: value }, OPTIONS);
      // "k: <scalar>\n": anything else (a block scalar, a second line) goes to `yaml` whole
      text = written.startsWith('k: ') && written.indexOf('\n') === written.length - 1 ? written.slice(3, -1) : null;
      ScalarCache.remember(this.values, value, text);
    }
    return text;
  }

  /**
   * A string as a key of the root mapping (`root`) or of a nested one, or null when `yaml`
   * writes it as an explicit or multi-line key. Only a key that starts like a document marker
   * (`---`, `...`) is written differently in the two: quoted in the root mapping, plain below.
   */
  public key(key: string, root: boolean): string | null {
    const nested = !root && DOCUMENT_MARKER.test(key);
    const cache = nested ? this.nestedKeys : this.keys;
    let text = cache.get(key);
    if (text === undefined) {
      const entry: { [key: string]: unknown } = {};
      Object.defineProperty(entry, key, { value: null, enumerable: true, writable: true, configurable: true });
      const prefix = nested ? 'k:\n  ' : '';
      const written = yamlModule().stringify(nested ? { k: entry } : entry, OPTIONS);
      const line = written.startsWith(prefix) ? written.slice(prefix.length) : '';
      text = line.endsWith(': null\n') && line.indexOf('\n') === line.length - 1 && !line.startsWith('? ')
        ? line.slice(0, -': null\n'.length)
        : null;
      ScalarCache.remember(cache, key, text);
    }
    return text;
  }

  private static remember<K>(map: Map<K, string | null>, key: K, text: string | null): void {
    if (map.size >= ScalarCache.LIMIT) map.clear();
    map.set(key, text);
  }
}

let scalarCache: ScalarCache | undefined;

class Writer {
  constructor(private readonly yaml: ScalarCache) {}

  public document(value: unknown): string {
    // `yaml` writes a scalar document that starts like a document marker as a block scalar
    if (typeof value === 'string' && DOCUMENT_MARKER.test(value)) throw new NeedsYaml();
    return `${this.node(value, '')}\n`;
  }

  /** A scalar as `yaml` writes it in a block mapping or sequence. */
  private scalar(value: unknown, implicitKey: boolean, rootKey = false): string {
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
    const text = implicitKey && typeof value === 'string' ? this.yaml.key(value, rootKey) : this.yaml.value(value);
    if (text === null || (implicitKey && text.length > 1024)) throw new NeedsYaml();
    return text;
  }

  /** Any value at the start of a line (or after `- `), its lines joined at `indent`. */
  private node(value: unknown, indent: string): string {
    if (Array.isArray(value)) return value.length === 0 ? '[]' : this.sequence(value, indent);
    if (isPlainObject(value)) {
      const keys = Object.keys(value);
      return keys.length === 0 ? '{}' : this.mapping(value, keys, indent);
    }
    return this.scalar(value, false);
  }

  private mapping(value: { [key: string]: unknown }, keys: string[], indent: string): string {
    const childIndent = `${indent}  `;
    const lines: string[] = [];
    for (const key of keys) {
      const item = value[key];
      if (item === undefined) throw new NeedsYaml();
      const keyText = this.scalar(key, true, indent === '');
      if (Array.isArray(item) && item.length > 0) {
        lines.push(`${keyText}:\n${childIndent}${this.sequence(item, childIndent)}`);
      } else if (isPlainObject(item) && Object.keys(item).length > 0) {
        lines.push(`${keyText}:\n${childIndent}${this.mapping(item, Object.keys(item), childIndent)}`);
      } else {
        lines.push(`${keyText}: ${this.node(item, childIndent)}`);
      }
    }
    return lines.join(`\n${indent}`);
  }

  private sequence(value: unknown[], indent: string): string {
    const itemIndent = `${indent}  `;
    const lines: string[] = [];
    for (const item of value) {
      if (item === undefined) throw new NeedsYaml();
      lines.push(`- ${this.node(item, itemIndent)}`);
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
  scalarCache ??= new ScalarCache();
  try {
    return new Writer(scalarCache).document(doc);
  } catch (error) {
    if (error instanceof NeedsYaml) return undefined;
    throw error;
  }
}
