import { Severity } from '../../../../src/validation/diagnostic';
import { validateManifests } from '../../../../src/validation/engine';
import { routeTo, service, serviceEntry, setTable, virtualService } from './helpers';

const HOST = 'spec.http[0].route[0].destination.host';

describe('XR002 destination-host-unknown', () => {
  setTable('XR002', 'warns', [
    // istio analyzer testdata virtualservice_destinationhosts.yaml: "reviews", "reviews-fqdn"
    { name: 'a short name of a Service of the set', manifests: [service('reviews'), routeTo('reviews', { host: 'reviews' })] },
    { name: 'the FQDN of a Service of the set', manifests: [service('reviews'), routeTo('reviews', { host: 'reviews.shop.svc.cluster.local' })] },
    // istio testdata "reviews-external" and "reviews-bookinfo-eu"
    { name: 'a host a ServiceEntry declares', manifests: [service('reviews'), serviceEntry('ext', ['external-reviews.org']), routeTo('reviews', { host: 'external-reviews.org' })] },
    { name: 'a host a wildcard ServiceEntry covers', manifests: [service('reviews'), serviceEntry('eu', ['*.eu.bookinfo.com']), routeTo('reviews', { host: 'reviews.eu.bookinfo.com' })] },
    { name: 'a short name a ServiceEntry declares by FQDN', manifests: [service('reviews'), serviceEntry('legacy', ['legacy.shop.svc.cluster.local']), routeTo('reviews', { host: 'legacy' })] },
    { name: 'a short name a ServiceEntry declares as written', manifests: [service('reviews'), serviceEntry('legacy', ['legacy']), routeTo('reviews', { host: 'legacy' })] },
    { name: 'an external two-label name (no Services in a namespace "org")', manifests: [service('reviews'), routeTo('reviews', { host: 'httpbin.org' })] },
    { name: 'an external FQDN', manifests: [service('reviews'), routeTo('reviews', { host: 'api.example.com' })] },
    // istio testdata "reviews-bookinfo-eu-wildcard"
    { name: 'a wildcard host', manifests: [service('reviews'), routeTo('reviews', { host: '*.eu.bookinfo.com' })] },
    { name: 'an IP address (VS035\'s)', manifests: [service('reviews'), routeTo('reviews', { host: '10.0.0.1' })] },
    { name: 'a host with a trailing dot', manifests: [service('reviews'), routeTo('reviews', { host: 'ratings.shop.svc.cluster.local.' })] },
    { name: 'a Service of a namespace the set holds no Service of', manifests: [service('reviews'), routeTo('reviews', { host: 'ratings.other.svc.cluster.local' })] },
    { name: 'a short name when the set holds no Service at all', manifests: [routeTo('reviews', { host: 'reviews' })] },
    { name: 'a host of another type (VS035\'s)', manifests: [service('reviews'), routeTo('reviews', { host: 42 })] },
    {
      name: 'an FQDN under another cluster domain',
      manifests: [service('reviews'), routeTo('reviews', { host: 'ratings.shop.svc.cluster.local' })],
      options: { clusterDomain: 'corp.example' },
    },
  ], [
    // istio testdata "reviews-bogushost"
    {
      name: 'a short name names no Service of the set',
      manifests: [service('reviews'), routeTo('reviews', { host: 'reviews-bogus', subset: 'v1' })],
      expected: [{ index: 1, path: HOST, message: 'destination host "reviews-bogus" matches no Service in the set: there is no Service/shop/reviews-bogus' }],
    },
    // istio testdata "reviews-mirror-bogushost"
    {
      name: 'a mirror names no Service of the set',
      manifests: [service('reviews'), virtualService('reviews', { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews' } }], mirror: { host: 'reviews-bogus' } }] })],
      expected: [{ index: 1, path: 'spec.http[0].mirror.host', message: 'no Service/shop/reviews-bogus' }],
    },
    {
      name: 'an FQDN names no Service of the set',
      manifests: [service('reviews'), routeTo('web', { host: 'ratings.shop.svc.cluster.local' }, 'front')],
      expected: [{ index: 1, path: HOST, message: 'no Service/shop/ratings' }],
    },
    {
      name: 'a short name resolves in the VirtualService\'s namespace, not the Service\'s',
      manifests: [service('reviews'), service('web', { namespace: 'front' }), routeTo('web', { host: 'reviews' }, 'front')],
      expected: [{ index: 2, path: HOST, message: 'no Service/front/reviews' }],
    },
    {
      name: 'name.namespace names no Service of a namespace the set holds',
      manifests: [service('reviews'), routeTo('reviews', { host: 'ratings.shop' })],
      expected: [{ index: 1, path: HOST, message: 'no Service/shop/ratings' }],
    },
    {
      name: 'name.namespace.svc names no Service of the set',
      manifests: [service('reviews'), routeTo('reviews', { host: 'ratings.shop.svc' })],
      expected: [{ index: 1, path: HOST, message: 'no Service/shop/ratings' }],
    },
    {
      name: 'a Service name differs only by case',
      manifests: [service('reviews'), routeTo('reviews', { host: 'Reviews' })],
      expected: [{ index: 1, path: HOST, message: 'no Service/shop/Reviews' }],
    },
    {
      name: 'an FQDN under the configured cluster domain names no Service',
      manifests: [service('reviews'), routeTo('reviews', { host: 'ratings.shop.svc.corp.example' })],
      options: { clusterDomain: 'corp.example' },
      expected: [{ index: 1, path: HOST, message: 'Istio has no cluster for ratings.shop.svc.corp.example' }],
    },
    {
      name: 'a ServiceEntry declares another host',
      manifests: [service('reviews'), serviceEntry('ext', ['ratings.example.com']), routeTo('reviews', { host: 'ratings' })],
      expected: [{ index: 2, path: HOST, message: 'no Service/shop/ratings' }],
    },
  ]);

  it('warns with the whole message and says the set may be incomplete', () => {
    const found = validateManifests([service('reviews'), routeTo('reviews', { host: 'ratings' })]).filter(d => d.code === 'XR002');
    expect(found).toEqual([{
      severity: Severity.WARNING,
      code: 'XR002',
      rule: 'destination-host-unknown',
      message: 'destination host "ratings" matches no Service in the set: there is no Service/shop/ratings, so unless it is applied from elsewhere (the set may be incomplete) Istio has no cluster for ratings.shop.svc.cluster.local and the route fails with 503',
      path: HOST,
      resource: 'VirtualService/shop/reviews',
      index: 1,
      value: 'ratings',
    }]);
  });
});
