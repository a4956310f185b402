/**
 * A faster way to write what cdk8s's `Yaml.stringify` writes, byte for byte.
 *
 * cdk8s serialises every document with the `yaml` package (YAML 1.1, lineWidth 0), which
 * first builds a node tree of the whole document; for large apps that is most of synth. The
 * documents cdk8s writes are plain JSON data, so this writer lays out the block mappings and
 * sequences itself, exactly as `yaml` does, writes the simplest scalars directly (names,
 * numbers, booleans), and hands every other scalar to `yaml`'s own scalar stringifier with
 * the context `yaml` would give it. A document it is not sure about (a multi-line scalar,
 * an undefined value, an object that is not plain data) is written by `yaml` itself.
 * test/synth/yaml-writer.test.ts compares the two on the examples and on generated documents.
 */
import * as path from 'path';

interface ScalarContext { [key: string]: unknown }
type Stringify = (item: unknown, ctx: ScalarContext) => string;

interface YamlInternals {
  readonly stringify: Stringify;
  readonly createNode: (value: unknown) => unknown;
  readonly baseContext: ScalarContext;
  readonly stringifyDocument: (value: unknown) => string;
}

/** The `yaml` versions the writer's output is compared with (test/synth/yaml-writer.test.ts). */
const TESTED_YAML = /^2\.9\./;

/** cdk8s's options for `YAML.stringify`. */
const OPTIONS = { keepUndefined: true, lineWidth: 0, version: '1.1' } as const;

let internals: YamlInternals | undefined | null;

/** The `yaml` module cdk8s itself uses, and its scalar stringifier. */
function yamlInternals(): YamlInternals | undefined {
  if (internals !== undefined) return internals ?? undefined;
  try {
    const cdk8sEntry = require.resolve('cdk8s');
    const yamlEntry = require.resolve('yaml', { paths: [path.dirname(cdk8sEntry)] });
    // the layout below is checked against yaml 2.9; another version is left to write itself
    const version = (require(path.join(path.dirname(yamlEntry), '..', 'package.json')) as { version: string }).version;
    if (!TESTED_YAML.test(version)) throw new Error(`yaml ${version} is not a version this writer is checked against`);
    const yaml = require(yamlEntry) as { Document: new (value: unknown, options: object) => object; stringify: (value: unknown, options: object) => string };
    const module = require(path.join(path.dirname(yamlEntry), 'stringify', 'stringify.js')) as {
      createStringifyContext: (doc: object, options: object) => ScalarContext;
      stringify: Stringify;
    };
    const doc = new yaml.Document(null, OPTIONS) as { createNode: (value: unknown) => unknown };
    internals = {
      stringify: module.stringify,
      createNode: value => doc.createNode(value),
      baseContext: module.createStringifyContext(doc, OPTIONS),
      stringifyDocument: value => yaml.stringify(value, OPTIONS),
    };
  } catch {
    internals = null;
  }
  return internals ?? undefined;
}

/** Thrown inside the writer when a document needs `yaml` itself. */
class NeedsYaml extends Error {}

/** YAML 1.1 words that read as booleans or null, so they cannot be written plain. */
const SPECIAL_WORDS = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE',
  'on', 'On', 'ON', 'off', 'Off', 'OFF', 'null', 'Null', 'NULL',
]);
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
      if (SIMPLE_STRING.test(value) && !SPECIAL_WORDS.has(value) && value.length <= 1024) return value;
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
 * What cdk8s's `Yaml.stringify(...docs)` returns, faster: documents joined with `---`, an
 * undefined document written as an empty line.
 */
export function writeYaml(docs: readonly unknown[]): string | undefined {
  const yaml = yamlInternals();
  if (!yaml) return undefined;
  return docs.map(doc => (doc === undefined ? '\n' : writeDocument(doc) ?? yaml.stringifyDocument(doc))).join('---\n');
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
