/**
 * Hostile shapes: inputs built to make validation slow, deep or huge. Each is validated to its
 * outcome, without an exception or an internal error (TRF000). Timing is measured by the
 * benchmark (bench/hostile.ts), not here.
 */
import { Diagnostic, NodePortRange, TrafficValidationError, Validation, formatDiagnostic, validateManifests } from '../../../src';
import { hostsOverlap } from '../../../src/validation/format/istio-host';
import { show } from '../../../src/validation/manifest';

function vs(hosts: unknown[], spec: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'vs', namespace: 'shop' },
    spec: { hosts, gateways: ['shop/gw'], http: [{ route: [{ destination: { host: 'reviews' } }] }], ...spec },
  };
}

function service(spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'web' }): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'Service', metadata, spec };
}

function validate(manifests: unknown[]): Diagnostic[] {
  const diagnostics = validateManifests(manifests);
  expect(diagnostics.filter(d => d.code === 'TRF000')).toEqual([]);
  return diagnostics;
}

const codes = (diagnostics: Diagnostic[], code: string) => diagnostics.filter(d => d.code === code);

describe('many hosts', () => {
  test('100,000 distinct hosts are accepted', () => {
    const hosts = Array.from({ length: 100_000 }, (_, i) => `h${i}.example.com`);
    expect(codes(validate([vs(hosts)]), 'VS008')).toEqual([]);
  });

  test('one host 3,000 times: one finding per repeat, naming the first', () => {
    const found = codes(validate([vs(Array.from({ length: 3000 }, () => 'a.example.com'))]), 'VS008');
    expect(found).toHaveLength(2999);
    expect(found[2998]).toMatchObject({ path: 'spec.hosts[2999]', message: expect.stringContaining('repeats host "a.example.com" (hosts[0])') });
  });

  test('the first overlap found is the one a pairwise comparison finds', () => {
    // generated hosts over a small alphabet, so that repeats and wildcard overlaps are common
    const names = ['a.b', 'b', '*.b', '*b', '*', 'x.a.b', '*.a.b', 'ab', '*a.b'];
    let seed = 7;
    const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; };
    for (let round = 0; round < 200; round++) {
      const hosts = Array.from({ length: 1 + (next() % 6) }, () => names[next() % names.length]);
      const expected = hosts.flatMap((host, j) => {
        const i = hosts.slice(0, j).findIndex(earlier => hostsOverlap(earlier, host));
        return i < 0 ? [] : [`spec.hosts[${j}] (hosts[${i}])`];
      });
      // a mesh-bound "*" is VS007's, so these are bound to a gateway only
      const found = codes(validate([vs(hosts)]), 'VS008').map(d => `${d.path} ${/\(hosts\[\d+\]\)/.exec(d.message)?.[0]}`);
      expect({ hosts, found }).toEqual({ hosts, found: expected });
    }
  });
});

describe('deep and shared values', () => {
  function nested(depth: number, wrap: (inner: unknown) => unknown): unknown {
    let value: unknown = 'leaf';
    for (let i = 0; i < depth; i++) value = wrap(value);
    return value;
  }

  test('3,000 levels of nesting are reported, not a stack overflow', () => {
    const deep = nested(3000, inner => ({ x: inner }));
    const found = validate([vs(['a.example.com'], { http: [deep] }), service({ ports: [{ port: 80 }], selector: nested(3000, inner => [inner]) })]);
    expect(codes(found, 'TRF003').map(d => d.message)).toEqual([
      expect.stringContaining('nest more than 1000 levels'),
      expect.stringContaining('nest more than 1000 levels'),
    ]);
  });

  test('400 levels of nesting are checked', () => {
    const found = validate([service({ ports: [{ port: 80, extra: nested(400, inner => ({ x: [inner] })) }] })]);
    expect(codes(found, 'SCH004').map(d => d.path)).toEqual(['spec.ports[0].extra']);
  });

  test('an alias bomb (one value shared 2^24 times) is refused by the size budget', () => {
    const bomb = nested(24, inner => [inner, inner]);
    const found = validate([service({ ports: [{ port: 80 }], selector: { app: 'web' }, externalIPs: bomb }, { name: 'web', labels: { a: bomb } })]);
    expect(codes(found, 'TRF003').map(d => d.message)).toEqual([expect.stringContaining('shared (aliased) parts')]);
  });

  test('shared values under the budget are checked once per object', () => {
    const shared = { route: [{ destination: { host: 'reviews' } }], bogus: nested(10, inner => ({ k: inner })) };
    const found = validate([vs(['a.example.com'], { http: Array.from({ length: 1000 }, () => shared) })]);
    expect(codes(found, 'SCH004').map(d => d.path)).toEqual(['spec.http[0].bogus']);
  });

  test('a cyclic value is checked and shown without looping', () => {
    const cycle: Record<string, unknown> = { name: 'c' };
    cycle.self = cycle;
    const found = validate([vs(['a.example.com'], { http: [cycle] })]);
    expect(found.length).toBeGreaterThan(0);
    expect(show(cycle)).toBe('{"name":"c","self":[cycle]}');
  });

  test('show() cuts huge values and names non-finite numbers', () => {
    expect(show('x'.repeat(50_000_000))).toMatch(/^"x+"\.\.\. \(50000000 characters\)$/);
    expect(show(Array.from({ length: 1_000_000 }, (_, i) => i)).length).toBeLessThan(300);
    expect(show(NaN)).toBe('NaN');
    expect(show([Infinity])).toBe('[Infinity]');
  });
});

// the benchmark measures 1,000,000 documents; a quarter of that keeps npm test quick
test('250,000 small documents are validated', () => {
  const manifests = Array.from({ length: 250_000 }, (_, i) => (i % 2 === 0 ? { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `c${i}` } } : 'text'));
  const found = validate(manifests);
  expect(found).toHaveLength(125_000);
  expect(found.every(d => d.code === 'TRF001')).toBe(true);
});

describe('defaults the API server applies', () => {
  test('empty type, sessionAffinity, externalTrafficPolicy and port protocol are read as their defaults', () => {
    const spec = { type: '', sessionAffinity: '', externalTrafficPolicy: '', ports: [{ port: 80, protocol: '', targetPort: '' }], selector: { app: 'web' } };
    expect(validate([service(spec)])).toEqual([]);
    expect(validate([service({ ...spec, type: 'NodePort' })])).toEqual([]);
  });

  test('errors when a pointer field (ipFamilyPolicy, internalTrafficPolicy) is empty: the API server does not default it', () => {
    const found = validate([service({ ipFamilyPolicy: '', internalTrafficPolicy: '', ports: [{ port: 80 }], selector: { app: 'web' } })]);
    expect(found.map(d => `${d.code} ${d.path}`)).toEqual(expect.arrayContaining(['SVC021 spec.ipFamilyPolicy', 'SVC033 spec.internalTrafficPolicy']));
  });
});

describe('library API arguments', () => {
  const refused: Array<[string, () => unknown, string]> = [
    ['null', () => validateManifests(null as unknown as unknown[]), 'expects a list of manifests'],
    ['a string', () => validateManifests('kind: Service' as unknown as unknown[]), 'got the string "kind: Service"'],
    ['an object', () => validateManifests({} as unknown as unknown[]), 'wrap a single manifest in a list'],
    ['null options', () => validateManifests([], null as never), 'options must be an object'],
    ['options as a string', () => Validation.validateManifests([], 'cluster.local' as never), 'options must be an object'],
    ['a nodePortRange of the wrong type', () => validateManifests([], { nodePortRange: '30000-32767' as never }), 'NodePortRange.parse'],
    ['a clusterDomain of the wrong type', () => validateManifests([], { clusterDomain: 5 as never }), 'clusterDomain expects a string'],
    ['formatDiagnostic(undefined)', () => formatDiagnostic(undefined as never), 'formatDiagnostic expects a diagnostic'],
    ['Validation.formatDiagnostic of a string', () => Validation.formatDiagnostic('x' as never), 'formatDiagnostic expects a diagnostic'],
  ];
  test.each(refused)('errors when given %s', (_, call, message) => {
    let thrown: unknown;
    try {
      call();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TrafficValidationError);
    expect((thrown as TrafficValidationError).code).toBe('TRF004');
    expect((thrown as Error).message).toContain(message);
  });

  test('accepts well-typed options', () => {
    expect(validateManifests([], { nodePortRange: NodePortRange.of(30000, 30100), clusterDomain: 'example.org' })).toEqual([]);
  });
});
