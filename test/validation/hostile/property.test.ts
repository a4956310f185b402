/**
 * Property test: whatever JSON-like value a manifest of a known kind holds (wrong types,
 * `__proto__` and `constructor` keys, nesting within a bound), validateManifests never throws,
 * reports no internal error (TRF000), and every diagnostic has a code, a path and a message.
 */
import fc from 'fast-check';
import { validateManifests } from '../../../src';
import { ISTIO_NETWORKING_VERSIONS } from '../../../src/validation/kinds';

const TYPES: readonly string[] = [
  'v1/Service', 'discovery.k8s.io/v1/EndpointSlice',
  ...['VirtualService', 'DestinationRule', 'Gateway', 'ServiceEntry'].flatMap(kind => ISTIO_NETWORKING_VERSIONS.map(version => `${version}/${kind}`)),
];

/** Keys a rule reads, keys that are plain-object traps, and anything else. */
const key = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'spec', 'metadata', 'name', 'namespace',
    'hosts', 'http', 'route', 'destination', 'host', 'port', 'ports', 'number', 'subset', 'subsets', 'selector', 'labels',
    'annotations', 'type', 'protocol', 'targetPort', 'nodePort', 'match', 'uri', 'prefix', 'exact', 'regex', 'weight',
    'gateways', 'servers', 'tls', 'mode', 'endpoints', 'addresses', 'trafficPolicy', 'retries', 'fault', 'timeout', 'exportTo'),
  fc.string({ maxLength: 8 }),
);

const scalar = fc.oneof(
  fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string({ maxLength: 12 }),
  fc.constantFrom('', '*', 'a.b', '80', 'http', 'TCP', 'None', 'v1', '10s', '0', '-1', '1e3', 'mesh', 'ns/gw'),
);

const value = fc.letrec(tie => ({
  node: fc.oneof({ depthSize: 'small', maxDepth: 6 }, scalar, tie('array'), tie('object')),
  array: fc.array(tie('node'), { maxLength: 4 }),
  object: fc.dictionary(key, tie('node'), { maxKeys: 5 }),
})).node;

/** A manifest of a known kind, with arbitrary metadata and spec (and sometimes stray top-level keys). */
const manifest = fc.record({
  type: fc.constantFrom(...TYPES),
  metadata: fc.oneof(value, fc.record({ name: fc.oneof(fc.string({ maxLength: 10 }), value), namespace: fc.oneof(fc.constant('shop'), value) })),
  spec: value,
  extra: fc.dictionary(key, value, { maxKeys: 2 }),
}).map(({ type, metadata, spec, extra }) => {
  const slash = type.lastIndexOf('/');
  // JSON.parse makes `__proto__` an own key, as a YAML or JSON reader does
  const object = JSON.parse(JSON.stringify({ ...extra, apiVersion: type.slice(0, slash), kind: type.slice(slash + 1), metadata, spec }) ?? 'null');
  return object as unknown;
});

test('validateManifests never throws and every diagnostic is complete', () => {
  fc.assert(fc.property(fc.array(manifest, { minLength: 1, maxLength: 4 }), manifests => {
    const diagnostics = validateManifests(manifests);
    for (const d of diagnostics) {
      expect(d.code).not.toBe('TRF000');
      expect(typeof d.code).toBe('string');
      expect(typeof d.path).toBe('string');
      expect(typeof d.message).toBe('string');
      expect(d.message.length).toBeGreaterThan(0);
    }
  }), { numRuns: 200, seed: 20261205 });
});
