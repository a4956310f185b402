import { ruleCatalogue, validateManifests } from '../../../../src/validation/engine';
import { VIRTUAL_SERVICE } from '../../../../src/validation/kinds';
import { virtualService } from './helpers';

// The two seed examples of the reference (reference/istio-virtualservice.md) must be clean,
// in every served version.

/** The codes of the VirtualService-level, destination, TLS/TCP and unreachable-rule checks. */
const CODES = [
  'VS001', 'VS002', 'VS003', 'VS004', 'VS005', 'VS006', 'VS007', 'VS008', 'VS009', 'VS010', 'VS011', 'VS012',
  'VS013', 'VS014', 'VS034', 'VS035', 'VS036', 'VS037', 'VS038', 'VS039', 'VS065', 'VS066', 'VS067', 'VS068',
  'VS069', 'VS070', 'VS082',
];

describe('seed examples', () => {
  it('every rule of this group is registered for the three VirtualService versions', () => {
    const catalogue = new Map(ruleCatalogue().map(rule => [rule.code, rule]));
    for (const code of CODES) {
      expect(catalogue.get(code)?.appliesTo).toEqual([...VIRTUAL_SERVICE]);
    }
  });

  it.each([
    ['retries', { hosts: ['foo'], http: [{ route: [{ destination: { host: 'foo' } }], retries: { attempts: 3, perTryTimeout: '2s' } }] }],
    ['fault delay', { hosts: ['foo'], http: [{ fault: { delay: { percentage: { value: 0.1 }, fixedDelay: '5s' } }, route: [{ destination: { host: 'foo' } }] }] }],
  ])('the %s example is clean', (_name, spec) => {
    for (const apiVersion of ['networking.istio.io/v1', 'networking.istio.io/v1beta1', 'networking.istio.io/v1alpha3']) {
      expect(validateManifests([{ ...virtualService({ spec }), apiVersion }])).toEqual([]);
    }
  });
});
