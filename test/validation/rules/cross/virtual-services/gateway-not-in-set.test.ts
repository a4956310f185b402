import { Severity } from '../../../../../src/validation/diagnostic';
import { validateManifests } from '../../../../../src/validation/engine';
import { setTable, virtualService } from '../helpers';
import { gateway } from '../istio-helpers';

const SELECTOR = { istio: 'ingressgateway' };

describe('XR011 gateway-not-in-set', () => {
  setTable('XR011', 'warns', [
    { name: 'a Gateway of the set', manifests: [gateway('public', SELECTOR, []), virtualService('a', { hosts: ['*'], gateways: ['istio-system/public'] })] },
    { name: 'a missing Gateway of a namespace the set holds Gateways of (XR010\'s)', manifests: [gateway('public', SELECTOR, []), virtualService('a', { hosts: ['*'], gateways: ['istio-system/private'] })] },
    { name: 'mesh only', manifests: [virtualService('a', { hosts: ['reviews'], gateways: ['mesh'] })] },
    { name: 'no gateways', manifests: [virtualService('a', { hosts: ['reviews'] })] },
  ], [
    // istio analyzer testdata virtualservice_gateways.yaml "httpbin-bogus", in a set without Gateways
    {
      name: 'the set holds no Gateway at all',
      manifests: [virtualService('httpbin-bogus', { hosts: ['*'], gateways: ['httpbin-gateway-bogus'] }, 'default')],
      expected: [{ index: 0, path: 'spec.gateways[0]', message: 'gateway "httpbin-gateway-bogus" names no Gateway of the set: there is no Gateway/default/httpbin-gateway-bogus (a short name is looked up in the VirtualService\'s namespace default); the set holds no Gateway of namespace default, so unless it is applied from elsewhere (the set may be incomplete), the VirtualService is not applied to that gateway; name a Gateway as namespace/name' }],
    },
    {
      name: 'the set holds Gateways of other namespaces only',
      manifests: [gateway('web', SELECTOR, [], 'shop'), virtualService('a', { hosts: ['*'], gateways: ['istio-system/public'], http: [{ match: [{ gateways: ['istio-system/internal'] }] }] })],
      expected: [
        { index: 1, path: 'spec.gateways[0]', message: 'there is no Gateway/istio-system/public; the set holds no Gateway of namespace istio-system' },
        { index: 1, path: 'spec.http[0].match[0].gateways[0]', message: 'this match never applies' },
      ],
    },
  ]);

  it('warns with the whole diagnostic', () => {
    const found = validateManifests([virtualService('a', { hosts: ['*'], gateways: ['istio-system/public'] })]).filter(d => d.code === 'XR011');
    expect(found).toEqual([expect.objectContaining({ severity: Severity.WARNING, code: 'XR011', rule: 'gateway-not-in-set', path: 'spec.gateways[0]', value: 'istio-system/public' })]);
  });
});
