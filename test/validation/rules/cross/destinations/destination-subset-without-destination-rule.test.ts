import { Severity } from '../../../../../src/validation/diagnostic';
import { validateManifests } from '../../../../../src/validation/engine';
import { routeTo, service, setTable, virtualService } from '../helpers';
import { destinationRule } from '../istio-helpers';

const SUBSET = 'spec.http[0].route[0].destination.subset';

describe('XR008 destination-subset-without-destination-rule', () => {
  setTable('XR008', 'warns', [
    { name: 'a subset of the DestinationRule for the host', manifests: [destinationRule('reviews', { host: 'reviews', subsets: [{ name: 'v1' }] }), routeTo('reviews', { host: 'reviews', subset: 'v1' })] },
    { name: 'a DestinationRule for the host that lacks the subset (XR007\'s)', manifests: [destinationRule('reviews', { host: 'reviews', subsets: [{ name: 'v1' }] }), routeTo('reviews', { host: 'reviews', subset: 'v2' })] },
    { name: 'a wildcard DestinationRule covering the host', manifests: [destinationRule('all', { host: '*.shop.svc.cluster.local', subsets: [{ name: 'v1' }] }), routeTo('reviews', { host: 'reviews', subset: 'v1' })] },
    { name: 'destinations without subsets', manifests: [service('reviews'), routeTo('reviews', { host: 'reviews' })] },
    { name: 'a wildcard destination host (VS rules\')', manifests: [routeTo('reviews', { host: '*.example.com', subset: 'v1' })] },
    { name: 'a DestinationRule without a host', manifests: [destinationRule('reviews', { subsets: [{ name: 'v1' }] }), routeTo('reviews', { host: 'reviews' })] },
  ], [
    // istio analyzer testdata virtualservice_destinationhosts.yaml "reviews" (subset v1, no DestinationRule in that file)
    {
      name: 'the set holds no DestinationRule at all',
      manifests: [service('reviews'), routeTo('reviews', { host: 'reviews', subset: 'v1' })],
      expected: [{ index: 1, path: SUBSET, message: 'subset "v1" of host "reviews" is defined by no DestinationRule in the set: there is none for reviews.shop.svc.cluster.local, so unless one is applied from elsewhere (the set may be incomplete) Istio has no cluster for the subset and the route fails with 503; add a DestinationRule for "reviews" with subset "v1"' }],
    },
    // kiali subset_presence_checker_test.go TestCheckerWithSubsetsMatchingShortHostnameDiffNs
    {
      name: 'the DestinationRule for the short name is in another namespace',
      manifests: [destinationRule('reviews', { host: 'reviews', subsets: [{ name: 'v1' }] }, 'other'), routeTo('reviews', { host: 'reviews', subset: 'v1' })],
      expected: [{ index: 1, path: SUBSET, message: 'there is none for reviews.shop.svc.cluster.local' }],
    },
    // kiali TestWrongDestinationRule: a DestinationRule for another host
    {
      name: 'the DestinationRule is for another host',
      manifests: [destinationRule('ratings', { host: 'ratings', subsets: [{ name: 'v1' }] }), routeTo('reviews', { host: 'reviews', subset: 'v1' })],
      expected: [{ index: 1, path: SUBSET, message: 'subset "v1" of host "reviews" is defined by no DestinationRule' }],
    },
    {
      name: 'a mirror names a subset of a host without DestinationRule',
      manifests: [destinationRule('reviews', { host: 'reviews', subsets: [{ name: 'v1' }] }), virtualService('reviews', { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews', subset: 'v1' } }], mirror: { host: 'shadow', subset: 'v1' } }] })],
      expected: [{ index: 1, path: 'spec.http[0].mirror.subset', message: 'there is none for shadow.shop.svc.cluster.local, so unless one is applied from elsewhere (the set may be incomplete) Istio has no cluster for the subset and the mirrored copies of the requests go nowhere' }],
    },
  ]);

  it('warns with the whole diagnostic', () => {
    const found = validateManifests([routeTo('reviews', { host: 'reviews', subset: 'v1' })]).filter(d => d.code === 'XR008');
    expect(found).toEqual([expect.objectContaining({ severity: Severity.WARNING, code: 'XR008', rule: 'destination-subset-without-destination-rule', resource: 'VirtualService/shop/reviews', value: 'v1' })]);
  });
});
