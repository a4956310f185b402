/**
 * One fixture per class of hostile input, read as kubectl reads it. The expected outcome of
 * each was taken from `kubectl label --local -f FILE k=v -o json` (kubectl 1.32), which decodes
 * a file offline exactly as kubectl does.
 */
import * as fs from 'fs';
import * as path from 'path';
import { InputError } from '../../src/cli/errors';
import { SourceDocument, parseDocuments } from '../../src/yaml/documents';
import { MAX_DEPTH } from '../../src/yaml/limits';

const FIXTURES = path.join(__dirname, 'fixtures');

/** Reads a fixture from its bytes, as kubectl does. */
function read(file: string): SourceDocument[] {
  return parseDocuments({ name: file, text: '', bytes: fs.readFileSync(path.join(FIXTURES, file)) });
}

/** The InputError reading a fixture throws. */
function refusal(file: string): InputError {
  try {
    read(file);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error(`expected ${file} to be refused`);
}

/** The object at a path, as own properties only (never through a prototype). */
function own(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null || !Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

describe('hostile YAML, read as kubectl reads it', () => {
  test('errors when aliases expand past the node budget (a billion laughs)', () => {
    const error = refusal('alias-bomb.yaml');
    expect(error.message).toMatch(/excessive aliasing/);
    expect(error.message).toContain('1,000,000 nodes');
    // the first alias: line 7, `a1: &a1 [*a0, ...`
    expect([error.file, error.line, error.column]).toEqual(['alias-bomb.yaml', 7, 14]);
  });

  test('keeps a top-level __proto__ key as a plain key, never the prototype', () => {
    const [doc] = read('proto-top-level.yaml');
    const manifest = doc.manifest as Record<string, unknown>;
    expect(Object.getPrototypeOf(manifest)).toBe(Object.prototype);
    expect(Object.keys(manifest)).toEqual(['__proto__', 'apiVersion', 'kind', 'metadata', 'spec']);
    expect(own(manifest, '__proto__', 'kind')).toBe('Service');
    // the Service Kubernetes reads has no ports
    expect(own(manifest, 'spec', 'ports')).toBeUndefined();
    expect((manifest.spec as Record<string, unknown>).ports).toBeUndefined();
  });

  test.each(['proto-nested.yaml', 'proto-flow.yaml'])('keeps a nested __proto__ key as a plain key (%s)', file => {
    const [doc] = read(file);
    const spec = own(doc.manifest, 'spec') as Record<string, unknown>;
    expect(Object.getPrototypeOf(spec)).toBe(Object.prototype);
    expect(spec.ports).toBeUndefined();
    expect(own(spec, '__proto__', 'ports')).toEqual([{ port: 80 }]);
  });

  test('keeps constructor a plain key', () => {
    const [doc] = read('proto-nested.yaml');
    expect(own(doc.manifest, 'spec', 'constructor')).toEqual({ name: 'x' });
  });

  test('drops a byte order mark that starts a later document, as kubectl does', () => {
    const docs = read('bom-later-document.yaml');
    expect(docs.map(d => [d.line, own(d.manifest, 'metadata', 'name')])).toEqual([[1, 'first'], [6, 'second']]);
  });

  test('errors when a byte order mark starts a line inside a document', () => {
    let error: unknown;
    try {
      parseDocuments({ name: 'in.yaml', text: 'apiVersion: v1\n\ufeffkind: ConfigMap\n' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/^byte order mark \(U\+FEFF\) at the start of a line that does not start a document/);
    expect((error as InputError).line).toBe(2);
  });

  test.each([
    ['utf16le.yaml', [['sixteen-le', 'héllo']]],
    ['utf16be.yaml', [['sixteen-be', undefined], ['second', undefined]]],
  ])('decodes %s (UTF-16 with a byte order mark) as kubectl does', (file, expected) => {
    expect(read(file).map(d => [own(d.manifest, 'metadata', 'name'), own(d.manifest, 'data', 'greeting')])).toEqual(expected);
  });

  test.each([
    ['nul.yaml', 'U+0000', 6, 7],
    ['c1-control.yaml', 'U+0081', 6, 7],
  ])('errors on %s: go-yaml refuses control characters', (file, code, line, column) => {
    const error = refusal(file);
    expect(error.message).toContain(`control character ${code}`);
    expect(error.message).toMatch(/go-yaml\) refuses control characters/);
    expect([error.line, error.column]).toEqual([line, column]);
  });

  test('errors on invalid UTF-8, with the line', () => {
    const error = refusal('invalid-utf8.yaml');
    expect(error.message).toMatch(/^invalid UTF-8: Kubernetes' YAML reader \(go-yaml\) refuses it/);
    expect(error.line).toBe(6);
  });

  test('reads !!binary as go-yaml does: the decoded bytes, as a string', () => {
    expect(own(read('binary.yaml')[0].manifest, 'data', 'greeting')).toBe('hello');
  });

  test('errors on a complex key, as kubectl does ("invalid map key")', () => {
    const error = refusal('complex-key.yaml');
    expect(error.message).toMatch(/a mapping or a list used as a key.*invalid map key/);
    expect(error.line).toBe(6);
  });

  test('reads 2^63 as go-yaml does (a uint64), leaving the int64 range to the schema', () => {
    expect(own(read('int-2-63.yaml')[0].manifest, 'metadata', 'generation')).toBe(2 ** 63);
  });

  test('errors on a document with content but no kind; skips comment-only documents', () => {
    const error = refusal('no-kind.yaml');
    expect(error.message).toMatch(/has content but no kind.*Object 'Kind' is missing/);
    expect(error.line).toBe(8);
  });

  test('errors on 5,000 levels of nesting with the file and line, never a stack overflow', () => {
    const error = refusal('deep-5000.yaml');
    expect(error.message).toBe(`the document nests more than ${MAX_DEPTH.toLocaleString('en-US')} levels deep`);
    expect([error.file, error.line]).toEqual(['deep-5000.yaml', 7]);
  });

  test('errors on 5,000 levels of flow nesting with the file and line, never a stack overflow', () => {
    const error = refusal('deep-flow-5000.yaml');
    expect(error.message).toMatch(/nests more than 1,000 levels deep/);
    expect(error.line).toBeGreaterThan(0);
  });

  test('errors on .nan and .inf values, which sigs.k8s.io/yaml cannot send', () => {
    expect(() => parseDocuments({ name: 'in.yaml', text: 'apiVersion: v1\nkind: ConfigMap\ndata:\n  v: .nan\n' }))
      .toThrow(/the number NaN .*json: unsupported value/);
  });

  test('names the line and column of the first .nan or .inf', () => {
    const text = 'apiVersion: v1\nkind: Service\nspec:\n  ports:\n  - port: 80\n    x: [1, -.Inf]\n';
    expect(() => parseDocuments({ name: 'in.yaml', text })).toThrow(expect.objectContaining({ line: 6, column: 12 }));
  });

  test('reads aliases within the budget', () => {
    const [doc] = parseDocuments({ name: 'in.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: &l {app: web}\n  annotations: *l\n' });
    expect(own(doc.manifest, 'metadata', 'annotations')).toEqual({ app: 'web' });
  });
});

describe('hostile YAML given as text', () => {
  test('keeps __proto__ a plain key through << merge keys (the js-yaml path)', () => {
    const [doc] = parseDocuments({ name: 'in.yaml', text: 'base: &b {__proto__: {ports: [1]}}\nkind: Service\nspec:\n  <<: *b\n' });
    const spec = own(doc.manifest, 'spec') as Record<string, unknown>;
    expect(spec.ports).toBeUndefined();
    expect(own(spec, '__proto__', 'ports')).toEqual([1]);
  });

  test('errors on UTF-16 read as UTF-8 with a message that says so', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'utf16le.yaml')).toString('utf-8');
    expect(() => parseDocuments({ name: 'in.yaml', text })).toThrow(/looks like UTF-16 that was read as UTF-8/);
  });
});
