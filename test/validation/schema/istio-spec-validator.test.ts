import * as fs from 'fs';
import { ISTIO_VALIDATOR_FILE, renderIstioValidator } from '../../../scripts/generate-istio-validator';
import { compiledSpecValidator } from '../../../scripts/istio-schema';

const precompiled = require('../../../src/validation/schema/istio-spec-validator.generated.js') as ((data: unknown) => boolean) & { errors?: Array<{ instancePath: string; keyword: string }> | null };

test('istio-spec-validator.generated.js is up to date (run npx ts-node --transpile-only scripts/generate-istio-validator.ts)', () => {
  expect(fs.readFileSync(ISTIO_VALIDATOR_FILE, 'utf-8')).toBe(renderIstioValidator());
}, 30000);

test('istio-spec-validator.generated.js requires nothing but istio-formats', () => {
  const text = fs.readFileSync(ISTIO_VALIDATOR_FILE, 'utf-8');
  const requests = new Set([...text.matchAll(/\brequire\(\s*(["'])([^"']*)\1\s*\)/g)].map(m => m[2]));
  expect([...requests]).toEqual(['./istio-formats']);
});

const SPECS: unknown[] = [
  { hosts: ['foo'], http: [{ route: [{ destination: { host: 'foo' } }], retries: { attempts: 3, perTryTimeout: '2s' } }] },
  { hosts: ['foo'], http: [{ fault: { delay: { percentage: { value: 0.1 }, fixedDelay: '5s' } }, route: [{ destination: { host: 'foo' } }] }] },
  { hosts: ['foo'], http: [{ route: [{ destination: { host: 'foo', port: { number: 'eighty' } } }] }] },
  { hosts: ['foo'], http: [{ route: [{ destination: {} }] }] },
  { hosts: ['foo'], http: [{ match: [{ uri: { exact: '/a', prefix: '/b' } }], route: [{ destination: { host: 'foo' }, weight: 2 ** 40 }] }] },
  { hosts: 'foo', tcp: [{ route: [{ destination: { host: 'db', port: { number: -1 } } }] }] },
  { hosts: ['foo'], http: [{ directResponse: { body: { string: 'x', bytes: 'eA==' } } }] },
];

test.each(SPECS.map((spec, i) => [i, spec]))('the precompiled validator gives the verdict of a fresh compile (spec %i)', (_i, spec) => {
  const fresh = compiledSpecValidator('v1beta1');
  const freshValid = fresh(spec);
  const freshErrors = (fresh.errors ?? []).map(e => `${e.instancePath} ${e.keyword}`);
  const valid = precompiled(spec);
  expect(valid).toBe(freshValid);
  expect((precompiled.errors ?? []).map(e => `${e.instancePath} ${e.keyword}`)).toEqual(freshErrors);
});
