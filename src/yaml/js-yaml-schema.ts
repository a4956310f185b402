/**
 * The js-yaml schema that reads scalars as Kubernetes does (go-yaml v2, YAML 1.1), typing plain
 * scalars with the table in ./plain-scalars. Documents the fast reader does not handle are read
 * with it.
 */
import { FAILSAFE_SCHEMA, Schema, Type } from 'js-yaml';
import { isKubernetesNull, kubernetesBool, kubernetesFloat, kubernetesInt } from './plain-scalars';

const nullType = new Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (data: string | null) => data === null || isKubernetesNull(data),
  construct: () => null,
});

const boolType = new Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && kubernetesBool(data) !== undefined,
  construct: (data: string) => kubernetesBool(data),
});

const intType = new Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && kubernetesInt(data) !== undefined,
  construct: (data: string) => kubernetesInt(data),
});

const floatType = new Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  // an explicit `!!float 1` is a float too; implicitly, ints resolve first
  resolve: (data: string | null) => data !== null && (kubernetesFloat(data) !== undefined || kubernetesInt(data) !== undefined),
  construct: (data: string) => kubernetesFloat(data) ?? kubernetesInt(data),
});

/** `<<: *base` merges a mapping (js-yaml merges the pairs whose key carries this tag). */
const mergeType = new Type('tag:yaml.org,2002:merge', {
  kind: 'scalar',
  resolve: (data: string | null) => data === '<<',
});

/**
 * `!!binary`: go-yaml decodes the base64 text and gives the bytes to JSON as a string (so
 * `!!binary aGVsbG8=` is `hello`; bytes that are not UTF-8 become U+FFFD).
 */
const binaryType = new Type('tag:yaml.org,2002:binary', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && /^[A-Za-z0-9+/=\s]*$/.test(data),
  construct: (data: string) => Buffer.from(data.replace(/\s+/g, ''), 'base64').toString('utf-8'),
});

/**
 * Any other tag (`!!timestamp`, `!Custom`): go-yaml keeps the value as it is written (a string,
 * list or map) instead of refusing the document.
 */
const otherTags = [
  new Type('', { kind: 'scalar', multi: true, construct: (data: string | null) => data ?? '' }),
  new Type('', { kind: 'sequence', multi: true, construct: (data: unknown[] | null) => data ?? [] }),
  new Type('', { kind: 'mapping', multi: true, construct: (data: object | null) => data ?? {} }),
];

/** js-yaml schema reading scalars as Kubernetes does (YAML 1.1, go-yaml v2), with `<<` merge keys. */
export const KUBERNETES_YAML_SCHEMA: Schema = FAILSAFE_SCHEMA.extend({
  implicit: [nullType, boolType, intType, floatType, mergeType],
  explicit: [binaryType, ...otherTags],
});
