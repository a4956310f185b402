import { Severity } from '../../../../../src/validation/diagnostic';
import { validateManifests } from '../../../../../src/validation/engine';
import { JsonObject } from '../../../../../src/validation/manifest';
import { routeTo, serviceEntry, service, setTable, virtualService } from '../helpers';
import { destinationRule } from '../istio-helpers';

const SUBSET = 'spec.http[0].route[0].destination.subset';

/** A DestinationRule `name` for `host` with the named subsets (labels version: <name>). */
function dr(name: string, host: string, subsets: string[], namespace = 'shop'): JsonObject {
  return destinationRule(name, { host, subsets: subsets.map(s => ({ name: s, labels: { version: s } })) }, namespace);
}

describe('XR007 destination-subset-undefined', () => {
  setTable('XR007', 'errors', [
    // istio analyzer testdata virtualservice_destinationrules.yaml: "reviews", "reviews-fqdn", "reviews-mirror"
    { name: 'a subset the DestinationRule for the host defines', manifests: [dr('reviews', 'reviews', ['v1']), routeTo('reviews', { host: 'reviews', subset: 'v1' })] },
    { name: 'the FQDN of a host whose DestinationRule uses the short name', manifests: [dr('reviews', 'reviews', ['v1']), routeTo('reviews', { host: 'reviews.shop.svc.cluster.local', subset: 'v1' })] },
    {
      name: 'a mirror to a defined subset',
      manifests: [dr('reviews', 'reviews', ['v1', 'v2']), virtualService('reviews', { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews', subset: 'v1' } }], mirror: { host: 'reviews', subset: 'v2' } }] })],
    },
    // kiali subset_presence_checker_test.go TestDestRuleDifferentNamespaceFQDNName
    { name: 'a DestinationRule of another namespace naming the FQDN', manifests: [dr('reviews', 'reviews.shop.svc.cluster.local', ['v1'], 'other'), routeTo('reviews', { host: 'reviews', subset: 'v1' })] },
    { name: 'a short name from another namespace, by FQDN', manifests: [dr('reviews', 'reviews', ['v1']), routeTo('web', { host: 'reviews.shop.svc.cluster.local', subset: 'v1' }, 'front')] },
    // kiali TestSubsetPresentWildcardDestinationRule
    { name: 'a wildcard DestinationRule covering the host defines it', manifests: [dr('all', '*.local', ['v1']), routeTo('reviews', { host: 'reviews', subset: 'v1' })] },
    // kiali TestCorrectServiceEntry
    { name: 'a subset of a DestinationRule for a ServiceEntry host', manifests: [serviceEntry('ext', ['api.example.com']), dr('api', 'api.example.com', ['v1'], 'other'), routeTo('api', { host: 'api.example.com', subset: 'v1' })] },
    { name: 'a destination without subset', manifests: [dr('reviews', 'reviews', ['v1']), routeTo('reviews', { host: 'reviews' })] },
    { name: 'an empty subset', manifests: [dr('reviews', 'reviews', ['v1']), routeTo('reviews', { host: 'reviews', subset: '' })] },
    { name: 'a subset of a wrong type (VS rules\')', manifests: [dr('reviews', 'reviews', ['v1']), routeTo('reviews', { host: 'reviews', subset: 2 })] },
    { name: 'no DestinationRule for the host (XR008\'s)', manifests: [service('reviews'), routeTo('reviews', { host: 'reviews', subset: 'v1' })] },
    // kiali TestCheckerWithSubsetsMatchingShortHostnameDiffNs: the short name means another host there
    { name: 'a DestinationRule for the same short name in another namespace (XR008\'s)', manifests: [dr('reviews', 'reviews', ['v1'], 'other'), routeTo('reviews', { host: 'reviews', subset: 'v2' })] },
    { name: 'a DestinationRule with subsets of a wrong type', manifests: [destinationRule('reviews', { host: 'reviews', subsets: 'v1' }), routeTo('reviews', { host: 'reviews' })] },
    { name: 'a DestinationRule with subset names of a wrong type and a defined one', manifests: [destinationRule('reviews', { host: 'reviews', subsets: [null, { name: 3 }, { name: 'v1' }] }), routeTo('reviews', { host: 'reviews', subset: 'v1' })] },
    { name: 'a "__proto__" subset the DestinationRule defines', manifests: [dr('reviews', 'reviews', ['__proto__']), routeTo('reviews', { host: 'reviews', subset: '__proto__' })] },
  ], [
    // istio testdata "reviews-bogussubset"
    {
      name: 'the DestinationRule for the host lacks the subset',
      manifests: [dr('reviews', 'reviews', ['v1']), routeTo('reviews', { host: 'reviews', subset: 'bogus' })],
      expected: [{ index: 1, path: SUBSET, message: 'subset "bogus" of host "reviews" is not defined by DestinationRule/shop/reviews (subsets: v1): Istio has no cluster for subset bogus of reviews.shop.svc.cluster.local and the route fails with 503; add the subset to the DestinationRule, or name one of its subsets' }],
    },
    // istio testdata "reviews-mirror-bogussubset"
    {
      name: 'a mirror names a subset the DestinationRule lacks',
      manifests: [dr('reviews', 'reviews', ['v1']), virtualService('reviews', { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews', subset: 'v1' } }], mirror: { host: 'reviews', subset: 'bogus' } }] })],
      expected: [{ index: 1, path: 'spec.http[0].mirror.subset', message: 'and the mirrored copies of the requests go nowhere' }],
    },
    // kiali TestInvalidServiceEntry (http and tls routes), and tcp and mirrors[]
    {
      name: 'tcp, tls and mirrors[] destinations name subsets the DestinationRule lacks',
      manifests: [
        dr('db', 'db.shop.svc.cluster.local', ['v1']),
        virtualService('db', {
          hosts: ['db'],
          http: [{ route: [{ destination: { host: 'db', subset: 'v1' } }], mirrors: [{ destination: { host: 'db', subset: 'v1' } }, { destination: { host: 'db', subset: 'v3' } }] }],
          tcp: [{ route: [{ destination: { host: 'db', subset: 'v2' } }] }],
          tls: [{ match: [{ sniHosts: ['db'] }], route: [{ destination: { host: 'db', subset: 'v4' } }] }],
        }),
      ],
      expected: [
        { index: 1, path: 'spec.http[0].mirrors[1].destination.subset', message: 'subset "v3"' },
        { index: 1, path: 'spec.tcp[0].route[0].destination.subset', message: 'subset "v2"' },
        { index: 1, path: 'spec.tls[0].route[0].destination.subset', message: 'subset "v4"' },
      ],
    },
    {
      name: 'the exact DestinationRule lacks the subset a wildcard one defines (the most specific applies)',
      manifests: [dr('all', '*.shop.svc.cluster.local', ['v2']), dr('reviews', 'reviews', ['v1']), routeTo('reviews', { host: 'reviews', subset: 'v2' })],
      expected: [{ index: 2, path: SUBSET, message: 'is not defined by DestinationRule/shop/reviews (subsets: v1)' }],
    },
    {
      name: 'the most specific wildcard DestinationRule lacks the subset',
      manifests: [dr('mesh', '*.local', ['v2']), dr('shop', '*.shop.svc.cluster.local', ['v1']), routeTo('reviews', { host: 'reviews', subset: 'v2' })],
      expected: [{ index: 2, path: SUBSET, message: 'is not defined by DestinationRule/shop/shop (subsets: v1)' }],
    },
    {
      name: 'two DestinationRules for the host lack the subset',
      manifests: [dr('reviews', 'reviews', ['v1']), destinationRule('reviews', { host: 'reviews.shop.svc.cluster.local' }, 'front'), routeTo('reviews', { host: 'reviews', subset: 'v2' })],
      expected: [{ index: 2, path: SUBSET, message: 'DestinationRule/shop/reviews (subsets: v1) and DestinationRule/front/reviews (no subsets)' }],
    },
    {
      name: 'a subset differs only by case',
      manifests: [dr('reviews', 'reviews', ['v1']), routeTo('reviews', { host: 'reviews', subset: 'V1' })],
      expected: [{ index: 1, path: SUBSET, message: 'subset "V1"' }],
    },
    {
      name: 'a "__proto__" subset the DestinationRule lacks',
      manifests: [dr('reviews', 'reviews', ['v1']), routeTo('reviews', { host: 'reviews', subset: '__proto__' })],
      expected: [{ index: 1, path: SUBSET, message: 'subset "__proto__"' }],
    },
  ]);

  it('errors with the whole diagnostic', () => {
    const found = validateManifests([dr('reviews', 'reviews', ['v1']), routeTo('reviews', { host: 'reviews', subset: 'v2' })]).filter(d => d.code === 'XR007');
    expect(found).toEqual([{
      severity: Severity.ERROR,
      code: 'XR007',
      rule: 'destination-subset-undefined',
      message: 'subset "v2" of host "reviews" is not defined by DestinationRule/shop/reviews (subsets: v1): Istio has no cluster for subset v2 of reviews.shop.svc.cluster.local and the route fails with 503; add the subset to the DestinationRule, or name one of its subsets',
      path: SUBSET,
      resource: 'VirtualService/shop/reviews',
      index: 1,
      value: 'v2',
    }]);
  });
});
