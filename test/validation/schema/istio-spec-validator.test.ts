import * as fs from 'fs';
import { ISTIO_VALIDATOR_FILE, renderIstioValidator } from '../../../scripts/generate-istio-validator';
import { compiledSpecValidator } from '../../../scripts/istio-schema';
import { ISTIO_KINDS, IstioKind } from '../../../src/validation/schema/istio-supplement';
import { codePointLength } from '../../../src/validation/schema/string-length';

type Validate = ((data: unknown) => boolean) & { errors?: Array<{ instancePath: string; keyword: string }> | null };
const precompiled = require('../../../src/validation/schema/istio-spec-validator.generated.js') as { [kind: string]: Validate };

test('istio-spec-validator.generated.js is up to date (run npx ts-node --transpile-only scripts/generate-istio-validator.ts)', () => {
  expect(fs.readFileSync(ISTIO_VALIDATOR_FILE, 'utf-8')).toBe(renderIstioValidator());
}, 60000);

test('istio-spec-validator.generated.js requires nothing but istio-formats and string-length', () => {
  const text = fs.readFileSync(ISTIO_VALIDATOR_FILE, 'utf-8');
  const requests = new Set([...text.matchAll(/\brequire\(\s*(["'])([^"']*)\1\s*\)/g)].map(m => m[2]));
  expect([...requests].sort()).toEqual(['./istio-formats', './string-length']);
});

test.each([
  ['', 0],
  ['abc', 3],
  ['\u00e9t\u00e9', 3],
  ['\u{1F600}', 1],
  ['a\u{1F600}b', 3],
  ['\ud800', 1],
  ['\ud800a', 2],
  ['\udc00\ud800', 2],
])('codePointLength(%j) is %i, as Go counts runes', (text, length) => {
  expect(codePointLength(text)).toBe(length);
});

test('istio-spec-validator.generated.js exports one validator per Istio kind', () => {
  expect(Object.keys(precompiled).sort()).toEqual([...ISTIO_KINDS].sort());
  for (const kind of ISTIO_KINDS) expect(typeof precompiled[kind]).toBe('function');
});

const SPECS: Array<[IstioKind, unknown]> = [
  ['VirtualService', { hosts: ['foo'], http: [{ route: [{ destination: { host: 'foo' } }], retries: { attempts: 3, perTryTimeout: '2s' } }] }],
  ['VirtualService', { hosts: ['foo'], http: [{ fault: { delay: { percentage: { value: 0.1 }, fixedDelay: '5s' } }, route: [{ destination: { host: 'foo' } }] }] }],
  ['VirtualService', { hosts: ['foo'], http: [{ route: [{ destination: { host: 'foo', port: { number: 'eighty' } } }] }] }],
  ['VirtualService', { hosts: ['foo'], http: [{ route: [{ destination: {} }] }] }],
  ['VirtualService', { hosts: ['foo'], http: [{ match: [{ uri: { exact: '/a', prefix: '/b' } }], route: [{ destination: { host: 'foo' }, weight: 2 ** 40 }] }] }],
  ['VirtualService', { hosts: 'foo', tcp: [{ route: [{ destination: { host: 'db', port: { number: -1 } } }] }] }],
  ['VirtualService', { hosts: ['foo'], http: [{ directResponse: { body: { string: 'x', bytes: 'eA==' } } }] }],
  ['VirtualService', { hosts: ['foo'], http: [{ route: [{ destination: { host: 'a' }, headers: { request: { set: { a: 1 } } } }], headers: { response: { remove: 'x' } } }] }],
  ['DestinationRule', { host: 'a', trafficPolicy: { connectionPool: { tcp: { maxConnections: 1 } }, outlierDetection: { consecutive5xxErrors: 1 } } }],
  ['DestinationRule', { trafficPolicy: { loadBalancer: { simple: 'RANDOM', consistentHash: { httpHeaderName: 'x', useSourceIp: true, ringHash: {}, maglev: {} } } } }],
  ['DestinationRule', {
    host: 'a',
    subsets: [{ name: 'v1', trafficPolicy: { portLevelSettings: [{ port: { number: -1 }, loadBalancer: { simple: 'NOPE', consistentHash: { httpCookie: {} } }, tls: { mode: 5 } }] } }, {}],
  }],
  ['DestinationRule', { host: 'a', trafficPolicy: { tunnel: {}, proxyProtocol: { version: 'V3' }, retryBudget: { percent: 101 }, loadBalancer: { warmup: { minimumPercent: -1 } } } }],
  ['Gateway', { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['a'], tls: { mode: 'SIMPLE', credentialName: 'c' } }] }],
  ['Gateway', { servers: [{ port: { number: 2 ** 32 }, tls: { mode: 'OPTIONAL_MUTUAL', credentialNames: [], tlsCertificates: [{}, {}, {}] } }, 'x'] }],
  ['ServiceEntry', { hosts: ['httpbin.org'], ports: [{ number: 80, name: 'http', protocol: 'HTTP' }], resolution: 'DNS' }],
  ['ServiceEntry', { hosts: [], addresses: ['x'.repeat(65)], ports: [{ number: -1 }], resolution: 'DYNAMIC', endpoints: [{ ports: { http: 2 ** 32 } }] }],
];

test.each(SPECS.map(([kind, spec], i) => [i, kind, spec] as const))('the precompiled validator gives the verdict of a fresh compile (spec %i, %s)', (_i, kind, spec) => {
  const fresh = compiledSpecValidator(kind, 'v1beta1');
  const freshValid = fresh(spec);
  const freshErrors = (fresh.errors ?? []).map(e => `${e.instancePath} ${e.keyword}`);
  const validate = precompiled[kind];
  const valid = validate(spec);
  expect(valid).toBe(freshValid);
  expect((validate.errors ?? []).map(e => `${e.instancePath} ${e.keyword}`)).toEqual(freshErrors);
});
