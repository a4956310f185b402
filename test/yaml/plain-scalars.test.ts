import { load } from 'js-yaml';
import { KUBERNETES_YAML_SCHEMA } from '../../src/yaml/js-yaml-schema';
import { PLAIN_SCALAR_TABLE, plainScalarValue, readsAsString, scalarTypes } from '../../src/yaml/plain-scalars';

/** The value of `v: <scalar>` read with the schema. */
function read(scalar: string): unknown {
  return (load(`v: ${scalar}`, { schema: KUBERNETES_YAML_SCHEMA }) as { v: unknown }).v;
}

// Rows follow go-yaml v2's resolve() (resolve.go) and its decode tests (decode_test.go), which
// is how sigs.k8s.io/yaml, kubectl and the API server read plain scalars.
describe('YAML 1.1 plain scalars, as Kubernetes reads them', () => {
  it.each([
    // booleans: YAML 1.1's y/n, yes/no, on/off, true/false in three casings
    ['yes', true], ['Yes', true], ['YES', true], ['y', true], ['Y', true], ['on', true], ['On', true], ['ON', true],
    ['true', true], ['True', true], ['TRUE', true],
    ['no', false], ['No', false], ['NO', false], ['n', false], ['N', false], ['off', false], ['Off', false], ['OFF', false],
    ['false', false], ['False', false], ['FALSE', false],
    // nulls
    ['~', null], ['null', null], ['Null', null], ['NULL', null], ['', null],
    // ints: decimal, octal with a leading 0, 0o, hex, binary, underscores, signs
    ['0', 0], ['123', 123], ['-123', -123], ['+123', 123], ['0755', 493], ['0o755', 493], ['-0755', -493],
    ['0x1F', 31], ['0XFF', 255], ['-0x1F', -31], ['0b1010', 10], ['-0b11', -3], ['1_000', 1000], ['1__0_0', 100], ['0x_1F', 31],
    ['-0', 0], ['9007199254740991', 9007199254740991],
    // floats
    ['1.5', 1.5], ['-1.5', -1.5], ['1.', 1], ['.5', 0.5], ['+.5', 0.5], ['1e3', 1000], ['1.5E-2', 0.015], ['1_000.5', 1000.5],
    ['08', 8], ['09.5', 9.5], // not octal: go-yaml falls back to a float
    ['.inf', Infinity], ['-.Inf', -Infinity], ['+.INF', Infinity],
  ])('reads %j as %j', (scalar, expected) => {
    expect(read(scalar)).toBe(expected);
    expect(plainScalarValue(scalar)).toBe(expected);
  });

  it('reads .nan as NaN', () => {
    expect(read('.nan')).toBeNaN();
    expect(read('.NaN')).toBeNaN();
  });

  it.each([
    // YAML 1.2-only or non-Go forms stay strings
    'yes please', 'YeS', 'tRUE', 'nULL', '0x', '0b2', '0o8', '1:20', '1_000x', '_1', '.', '-x', '+x', '1.2.3', '1e', 'e3', '0x1p3', '.e3', '._5',
    // timestamps stay strings (go-yaml hands them to JSON as written)
    '2001-12-14', '2001-12-14t21:59:43.10-05:00',
    'http', 'cluster.local', 'nginx:1.25',
  ])('keeps %j a string', scalar => {
    expect(read(scalar)).toBe(scalar);
    expect(plainScalarValue(scalar)).toBe(scalar);
  });

  it.each([
    ['"yes"', 'yes'], ["'on'", 'on'], ['"0755"', '0755'], ['"1_000"', '1_000'], ['!!str yes', 'yes'], ['!!str 0755', '0755'],
  ])('keeps quoted or !!str %s a string', (scalar, expected) => {
    expect(read(scalar)).toBe(expected);
  });

  it('reads ints beyond 64 bits the way go-yaml does: decimal as a float, hex as a string', () => {
    expect(read('18446744073709551615')).toBe(18446744073709551615); // uint64 max
    expect(read('99999999999999999999999')).toBe(1e23);
    expect(read('0x1FFFFFFFFFFFFFFFF')).toBe('0x1FFFFFFFFFFFFFFFF');
  });

  it('reads explicit !!int, !!float and !!bool tags', () => {
    expect(read('!!int 0755')).toBe(493);
    expect(read('!!float 1')).toBe(1);
    expect(read('!!bool on')).toBe(true);
  });

  it('errors when an explicit !!int tag is on something that is not an int', () => {
    expect(() => read('!!int abc')).toThrow(/cannot resolve a node with !<tag:yaml.org,2002:int> explicit tag/);
  });

  it('keeps the values of other tags as written, as go-yaml does', () => {
    expect(load('b: !Custom [1, 2]\nc: !Ref {x: 1}\nd: !!timestamp 2001-12-14', { schema: KUBERNETES_YAML_SCHEMA }))
      .toEqual({ b: [1, 2], c: { x: 1 }, d: '2001-12-14' });
  });

  it('decodes !!binary as go-yaml does: the bytes, as a string (kubectl reads `!!binary aGVsbG8=` as "hello")', () => {
    expect(load('a: !!binary aGVsbG8=\nb: !!binary |\n  aGVs\n  bG8=\n', { schema: KUBERNETES_YAML_SCHEMA })).toEqual({ a: 'hello', b: 'hello' });
  });

  it('turns YAML 1.1 keys into property names as sigs.k8s.io/yaml does (yes: is "true")', () => {
    expect(load('yes: 1\n0755: 2\nn: 3', { schema: KUBERNETES_YAML_SCHEMA })).toEqual({ true: 1, 493: 2, false: 3 });
  });

  it('merges << keys, explicit keys winning', () => {
    expect(load('base: &b {a: 1, b: 2}\nobj:\n  <<: *b\n  b: 3', { schema: KUBERNETES_YAML_SCHEMA }))
      .toEqual({ base: { a: 1, b: 2 }, obj: { a: 1, b: 3 } });
  });
});

describe('the plain scalar table: Kubernetes, YAML 1.1 and YAML 1.2 readers', () => {
  it.each([
    // go-yaml v2 reads Go's ParseInt(s, 0, 64) forms that YAML 1.1 does not have
    ['0o12', 'int', 'string', 'int'], ['0O12', 'int', 'string', 'string'], ['0B101', 'int', 'string', 'string'], ['0X1F', 'int', 'string', 'string'],
    ['012', 'int', 'int', 'int'], ['1_000', 'int', 'int', 'string'], ['0x_1F', 'int', 'int', 'string'],
    // sexagesimal: YAML 1.1 only; go-yaml keeps it a string
    ['1:30', 'string', 'int', 'string'], ['1:30.5', 'string', 'float', 'string'],
    // booleans and nulls
    ['y', 'bool', 'bool', 'string'], ['on', 'bool', 'bool', 'string'], ['true', 'bool', 'bool', 'bool'], ['~', 'null', 'null', 'null'], ['', 'null', 'null', 'null'],
    // floats
    ['.nan', 'float', 'float', 'float'], ['-.Inf', 'float', 'float', 'float'], ['1e3', 'float', 'float', 'float'], ['e3', 'string', 'float', 'string'], ['08', 'float', 'int', 'int'],
    // timestamps stay strings for go-yaml's JSON
    ['2024-01-01', 'string', 'timestamp', 'string'],
    ['<<', 'merge', 'merge', 'string'], ['=', 'string', 'value', 'string'],
    ['app', 'string', 'string', 'string'], ['0o8', 'string', 'string', 'string'],
  ])('types %j as %s (Kubernetes), %s (YAML 1.1), %s (YAML 1.2)', (text, kubernetes, yaml11, yaml12) => {
    expect(scalarTypes(text)).toEqual({ kubernetes, yaml11, yaml12 });
    expect(readsAsString(text)).toBe(kubernetes === 'string' && yaml11 === 'string' && yaml12 === 'string');
  });

  it('types as the reader reads: every row the Kubernetes column marks is read as a non-string', () => {
    for (const text of ['0o12', '0O12', '0B101', '0X1F', '1_000', 'y', '~', '.nan', '1e3', '08']) {
      expect(typeof plainScalarValue(text)).not.toBe('string');
    }
    for (const text of ['1:30', '2024-01-01', 'e3', '=']) expect(plainScalarValue(text)).toBe(text);
  });

  it('has a row for every type, each with its forms', () => {
    expect(PLAIN_SCALAR_TABLE.map(rule => rule.type)).toEqual(['null', 'bool', 'int', 'float', 'timestamp', 'merge', 'value']);
    expect(PLAIN_SCALAR_TABLE.every(rule => rule.forms.length > 0)).toBe(true);
  });
});
