/**
 * How the YAML readers our files meet type a plain (unquoted, untagged) scalar: the one table
 * the reader types values with and the writer decides what to quote with.
 *
 * - Kubernetes: kubectl and the API server read YAML with go-yaml v2 through sigs.k8s.io/yaml,
 *   which follows YAML 1.1 with Go's number syntax: `yes`, `on`, `y` are booleans; ints are
 *   what `strconv.ParseInt(s, 0, 64)` reads once underscores are removed (`0x1F`, `0b101`,
 *   `0o12`, `0O12`, legacy octal `012`), then uint64, then `strconv.ParseFloat`; `1:30` (YAML
 *   1.1's sexagesimal) stays a string; timestamps are recognised but handed to JSON as the
 *   string written. Follows go-yaml v2's `resolve()` (resolve.go).
 * - YAML 1.1 as the spec types it (the `yaml` package with version 1.1, PyYAML): sexagesimal
 *   numbers `1:30`, timestamps `2024-01-01`, `=` and `<<`.
 * - YAML 1.2 core schema (the `yaml` package's default, most other tools): `true`/`false`,
 *   `null`/`~`, decimal, `0o` and `0x` ints, floats with `.inf` and `.nan`.
 *
 * A string is written plain only when every one of them reads it back as that string.
 */

/** What a reader makes of a plain scalar. */
export type ScalarType = 'string' | 'null' | 'bool' | 'int' | 'float' | 'timestamp' | 'merge' | 'value';

/** One row of the table: a type and, per reader, whether a plain scalar has it. */
export interface ScalarRule {
  readonly type: ScalarType;
  /** Examples of the forms, for readers of this table. */
  readonly forms: string;
  readonly kubernetes: (text: string) => boolean;
  readonly yaml11: (text: string) => boolean;
  readonly yaml12: (text: string) => boolean;
}

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUES = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSES = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const SPECIAL_FLOATS = new Map<string, number>([
  ...['.nan', '.NaN', '.NAN'].map(s => [s, NaN] as [string, number]),
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map(s => [s, Infinity] as [string, number]),
  ...['-.inf', '-.Inf', '-.INF'].map(s => [s, -Infinity] as [string, number]),
]);

/** go-yaml's `yamlStyleFloat`, tried after an int parse fails. */
const STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** What Go's `strconv.ParseFloat` accepts for a scalar starting with `.`. */
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
/** Go's `strconv.ParseInt(s, 0, 64)` syntax: sign, then hex, binary, octal (0o or leading 0) or decimal. */
const GO_INT = /^([-+]?)(?:0[xX]([0-9a-fA-F]+)|0[bB]([01]+)|0[oO]([0-7]+)|0([0-7]*)|([1-9][0-9]*))$/;

const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;
const INT64_MAX = 2n ** 63n - 1n;

/** YAML 1.1 spec forms (yaml.org/type), as the `yaml` package's 1.1 schema reads them. */
const YAML11_INT = /^[-+]?(?:0b[0-1_]+|0[0-7_]+|[0-9][0-9_]*|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const YAML11_FLOAT = /^(?:[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+|[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const YAML11_TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::?[0-9]{2})?))?)?$/;
/** YAML 1.2 core schema forms. */
const YAML12_NULL = /^(?:~|null|Null|NULL)?$/;
const YAML12_BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const YAML12_INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const YAML12_FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

const never = (): boolean => false;

/** The table, in the order the readers try the types. */
export const PLAIN_SCALAR_TABLE: readonly ScalarRule[] = [
  {
    type: 'null',
    forms: '`` ~ null Null NULL',
    kubernetes: text => NULLS.has(text),
    yaml11: text => NULLS.has(text),
    yaml12: text => YAML12_NULL.test(text),
  },
  {
    type: 'bool',
    forms: 'y Y yes Yes YES n N no No NO true True TRUE false False FALSE on On ON off Off OFF (1.2: true and false only)',
    kubernetes: text => TRUES.has(text) || FALSES.has(text),
    yaml11: text => TRUES.has(text) || FALSES.has(text),
    yaml12: text => YAML12_BOOL.test(text),
  },
  {
    type: 'int',
    forms: '12 -12 +12 012 0o12 0O12 0x1F 0X1F 0b101 0B101 1_000 0x_1F (1.1 also 1:30; 1.2: 12 0o12 0x1F only)',
    kubernetes: text => kubernetesInt(text) !== undefined,
    yaml11: text => YAML11_INT.test(text),
    yaml12: text => YAML12_INT.test(text),
  },
  {
    type: 'float',
    forms: '1.5 .5 1. 1e3 08 1_000.5 .inf -.Inf .nan (1.1 also 1:30.5, e3, . and -.)',
    kubernetes: text => kubernetesFloat(text) !== undefined,
    yaml11: text => YAML11_FLOAT.test(text),
    yaml12: text => YAML12_FLOAT.test(text),
  },
  {
    type: 'timestamp',
    forms: '2024-01-01 2001-12-14t21:59:43.10-05:00 (go-yaml hands these to JSON as the string written)',
    kubernetes: never,
    yaml11: text => YAML11_TIMESTAMP.test(text),
    yaml12: never,
  },
  {
    type: 'merge',
    forms: '<<',
    kubernetes: text => text === '<<',
    yaml11: text => text === '<<',
    yaml12: never,
  },
  {
    type: 'value',
    forms: '=',
    kubernetes: never,
    yaml11: text => text === '=',
    yaml12: never,
  },
];

/** A plain scalar could be a number only when it starts with a digit or a sign (go-yaml's hint). */
function startsNumeric(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 43 || c === 45;
}

/** The int go-yaml reads from a plain scalar, or undefined when it is not one. */
export function kubernetesInt(text: string): number | undefined {
  if (!startsNumeric(text)) return undefined;
  const plain = text.indexOf('_') >= 0 ? text.replace(/_/g, '') : text;
  const match = GO_INT.exec(plain);
  if (!match) return undefined;
  const [, sign, hex, bin, oct, leadingZeroOct, dec] = match;
  let digits: string;
  let radix: number;
  if (hex !== undefined) { digits = hex; radix = 16; } else if (bin !== undefined) { digits = bin; radix = 2; } else if (oct !== undefined) { digits = oct; radix = 8; } else if (leadingZeroOct !== undefined) { digits = leadingZeroOct || '0'; radix = 8; } else { digits = dec; radix = 10; }
  if (digits.length <= 12) {
    const value = parseInt(digits, radix);
    return sign === '-' ? (value === 0 ? 0 : -value) : value;
  }
  // long literals: go-yaml accepts int64, then uint64 (unsigned only); anything wider is not an int
  const prefix = radix === 16 ? '0x' : radix === 2 ? '0b' : radix === 8 ? '0o' : '';
  let big = BigInt(prefix + digits);
  if (sign === '-') big = -big;
  if (big < INT64_MIN || big > UINT64_MAX || (big > INT64_MAX && sign !== '')) return undefined;
  return Number(big);
}

/** The float go-yaml reads from a plain scalar that is not an int, or undefined. */
export function kubernetesFloat(text: string): number | undefined {
  const special = SPECIAL_FLOATS.get(text);
  if (special !== undefined) return special;
  if (text.charCodeAt(0) === 46 /* . */) return DOT_FLOAT.test(text) ? Number(text) : undefined;
  if (!startsNumeric(text)) return undefined;
  const plain = text.indexOf('_') >= 0 ? text.replace(/_/g, '') : text;
  return STYLE_FLOAT.test(plain) ? Number(plain) : undefined;
}

/** The boolean go-yaml reads from a plain scalar, or undefined. */
export function kubernetesBool(text: string): boolean | undefined {
  if (TRUES.has(text)) return true;
  if (FALSES.has(text)) return false;
  return undefined;
}

/** Whether go-yaml reads a plain scalar as null. */
export function isKubernetesNull(text: string): boolean {
  return NULLS.has(text);
}

/** Whether a plain scalar is one of the words go-yaml reads as a boolean or null. */
export function isKubernetesWord(text: string): boolean {
  return TRUES.has(text) || FALSES.has(text) || NULLS.has(text);
}

/** The value of an untagged plain scalar, as go-yaml v2 resolves it for JSON (timestamps and `<<` stay strings). */
export function plainScalarValue(text: string): unknown {
  if (isKubernetesNull(text)) return null;
  const bool = kubernetesBool(text);
  if (bool !== undefined) return bool;
  const int = kubernetesInt(text);
  if (int !== undefined) return int;
  const float = kubernetesFloat(text);
  return float !== undefined ? float : text;
}

/** How each reader types a plain scalar. */
export function scalarTypes(text: string): { kubernetes: ScalarType; yaml11: ScalarType; yaml12: ScalarType } {
  const first = (reader: 'kubernetes' | 'yaml11' | 'yaml12'): ScalarType =>
    PLAIN_SCALAR_TABLE.find(rule => rule[reader](text))?.type ?? 'string';
  return { kubernetes: first('kubernetes'), yaml11: first('yaml11'), yaml12: first('yaml12') };
}

/** Characters that start every non-string form in the table except the words. */
function mayBeTyped(text: string): boolean {
  if (text.length === 0) return true;
  const c = text.charCodeAt(0);
  // digits, + - . ~ < =, e and E (YAML 1.1's `e3`), and the first letters of the boolean and null words
  return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 126 || c === 60 || c === 61 || c === 101 || c === 69
    || (text.length <= 5 && /^[yYnNtTfFoO]/.test(text));
}

/** Whether every reader in the table reads `text`, written plain, as the string itself. */
export function readsAsString(text: string): boolean {
  if (!mayBeTyped(text)) return true;
  return PLAIN_SCALAR_TABLE.every(rule => !rule.kubernetes(text) && !rule.yaml11(text) && !rule.yaml12(text));
}
