/**
 * YAML 1.1 scalars as Kubernetes reads them.
 *
 * The API server and kubectl decode YAML with go-yaml v2 (through sigs.k8s.io/yaml), which
 * follows YAML 1.1: `yes`, `on`, `y` are booleans, `0755` is octal, `1_000` is an int. The
 * validator must see the same values, or a label `enabled: yes` would pass here and be refused
 * there. These functions follow go-yaml v2's `resolve()`; timestamps stay strings, as go-yaml
 * gives them to `interface{}` (and so to JSON).
 */
import { FAILSAFE_SCHEMA, Schema, Type } from 'js-yaml';

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

/** A plain scalar could be a number only when it starts with a digit or a sign (go-yaml's hint). */
function startsNumeric(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 43 || c === 45;
}

/** The int go-yaml reads from a plain scalar, or undefined when it is not one. */
export function yaml11Int(text: string): number | undefined {
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
export function yaml11Float(text: string): number | undefined {
  const special = SPECIAL_FLOATS.get(text);
  if (special !== undefined) return special;
  if (text.charCodeAt(0) === 46 /* . */) return DOT_FLOAT.test(text) ? Number(text) : undefined;
  if (!startsNumeric(text)) return undefined;
  const plain = text.indexOf('_') >= 0 ? text.replace(/_/g, '') : text;
  return STYLE_FLOAT.test(plain) ? Number(plain) : undefined;
}

/** The boolean go-yaml reads from a plain scalar, or undefined. */
export function yaml11Bool(text: string): boolean | undefined {
  if (TRUES.has(text)) return true;
  if (FALSES.has(text)) return false;
  return undefined;
}

/** Whether a plain scalar is one of the words go-yaml reads as a boolean or null. */
export function isYaml11Word(text: string): boolean {
  return TRUES.has(text) || FALSES.has(text) || NULLS.has(text);
}

/** Whether go-yaml reads a plain scalar as null. */
export function isYaml11Null(text: string): boolean {
  return NULLS.has(text);
}

/** The value of an untagged plain scalar, as go-yaml v2 resolves it. */
export function plainScalarValue(text: string): unknown {
  if (isYaml11Null(text)) return null;
  const bool = yaml11Bool(text);
  if (bool !== undefined) return bool;
  const int = yaml11Int(text);
  if (int !== undefined) return int;
  const float = yaml11Float(text);
  return float !== undefined ? float : text;
}

const nullType = new Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (data: string | null) => data === null || isYaml11Null(data),
  construct: () => null,
});

const boolType = new Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && yaml11Bool(data) !== undefined,
  construct: (data: string) => yaml11Bool(data),
});

const intType = new Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && yaml11Int(data) !== undefined,
  construct: (data: string) => yaml11Int(data),
});

const floatType = new Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  // an explicit `!!float 1` is a float too; implicitly, ints resolve first
  resolve: (data: string | null) => data !== null && (yaml11Float(data) !== undefined || yaml11Int(data) !== undefined),
  construct: (data: string) => yaml11Float(data) ?? yaml11Int(data),
});

/** `<<: *base` merges a mapping (js-yaml merges the pairs whose key carries this tag). */
const mergeType = new Type('tag:yaml.org,2002:merge', {
  kind: 'scalar',
  resolve: (data: string | null) => data === '<<',
});

/**
 * Any other tag (`!!binary`, `!!timestamp`, `!Custom`): go-yaml keeps the value as it is
 * written (a string, list or map) instead of refusing the document.
 */
const otherTags = [
  new Type('', { kind: 'scalar', multi: true, construct: (data: string | null) => data ?? '' }),
  new Type('', { kind: 'sequence', multi: true, construct: (data: unknown[] | null) => data ?? [] }),
  new Type('', { kind: 'mapping', multi: true, construct: (data: object | null) => data ?? {} }),
];

/** js-yaml schema reading scalars as Kubernetes does (YAML 1.1, go-yaml v2), with `<<` merge keys. */
export const KUBERNETES_YAML_SCHEMA: Schema = FAILSAFE_SCHEMA.extend({
  implicit: [nullType, boolType, intType, floatType, mergeType],
  explicit: otherTags,
});
