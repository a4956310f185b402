import { Severity } from '../../../../../src/validation/diagnostic';
import { validateManifests } from '../../../../../src/validation/engine';
import { routeTo, service, serviceEntry, setTable } from '../helpers';

const HOST = 'spec.http[0].route[0].destination.host';

describe('XR006 destination-host-partially-qualified', () => {
  setTable('XR006', 'warns', [
    { name: 'a short name', manifests: [service('reviews'), routeTo('reviews', { host: 'reviews' })] },
    { name: 'an FQDN', manifests: [service('reviews'), routeTo('web', { host: 'reviews.shop.svc.cluster.local' }, 'front')] },
    { name: 'a two-label external name (no Services in a namespace "org")', manifests: [service('reviews'), routeTo('reviews', { host: 'httpbin.org' })] },
    { name: 'name.namespace that a ServiceEntry declares', manifests: [service('reviews'), serviceEntry('alias', ['reviews.shop']), routeTo('web', { host: 'reviews.shop' }, 'front')] },
    { name: 'name.namespace.svc under a wildcard ServiceEntry', manifests: [serviceEntry('all', ['*.svc']), routeTo('web', { host: 'reviews.shop.svc' }, 'front')] },
  ], [
    {
      name: 'the host is name.namespace',
      manifests: [service('reviews'), routeTo('web', { host: 'reviews.shop' }, 'front')],
      expected: [{ index: 1, path: HOST, message: 'destination host "reviews.shop" is a DNS search-path form that Istio does not expand' }],
    },
    {
      name: 'the host is name.namespace.svc, even with no Service of that namespace in the set',
      manifests: [routeTo('web', { host: 'reviews.shop.svc' }, 'front')],
      expected: [{ index: 0, path: HOST, message: 'write "reviews.shop.svc.cluster.local"' }],
    },
    {
      name: 'the host is name.namespace.svc under a configured cluster domain',
      manifests: [routeTo('web', { host: 'reviews.shop.svc' }, 'front')],
      options: { clusterDomain: 'corp.example' },
      expected: [{ index: 0, path: HOST, message: 'write "reviews.shop.svc.corp.example"' }],
    },
  ]);

  it('warns with the whole message and the host as value', () => {
    const found = validateManifests([service('reviews'), routeTo('web', { host: 'reviews.shop' }, 'front')]).filter(d => d.code === 'XR006');
    expect(found).toEqual([{
      severity: Severity.WARNING,
      code: 'XR006',
      rule: 'destination-host-partially-qualified',
      message: 'destination host "reviews.shop" is a DNS search-path form that Istio does not expand: Istio qualifies only names without a dot and looks "reviews.shop" up as written, so the route finds no service and fails with 503; write "reviews.shop.svc.cluster.local"',
      path: HOST,
      resource: 'VirtualService/front/web',
      index: 1,
      value: 'reviews.shop',
    }]);
  });
});
