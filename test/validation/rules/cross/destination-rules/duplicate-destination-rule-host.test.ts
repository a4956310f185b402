import { setTable } from '../helpers';
import { destinationRule } from '../istio-helpers';

const POLICY = { loadBalancer: { simple: 'ROUND_ROBIN' } };

function subsets(...names: string[]): Array<Record<string, unknown>> {
  return names.map(name => ({ name, labels: { version: name } }));
}

describe('XR042 duplicate-destination-rule-host', () => {
  setTable('XR042', 'warns', [
    // Kiali multi_match_checker_test: different subsets of one host merge fine
    { name: 'two rules with different subsets', manifests: [destinationRule('a', { host: 'reviews', subsets: subsets('v1') }), destinationRule('b', { host: 'reviews.shop.svc.cluster.local', subsets: subsets('v2') })] },
    { name: 'one trafficPolicy and other subsets', manifests: [destinationRule('a', { host: 'reviews', trafficPolicy: POLICY }), destinationRule('b', { host: 'reviews', subsets: subsets('v1') })] },
    { name: 'rules of different namespaces (precedence, not merge)', manifests: [destinationRule('a', { host: 'reviews.shop.svc.cluster.local', subsets: subsets('v1') }, 'shop'), destinationRule('b', { host: 'reviews.shop.svc.cluster.local', subsets: subsets('v1') }, 'client')] },
    { name: 'a wildcard and a name (the most specific applies)', manifests: [destinationRule('a', { host: '*.shop.svc.cluster.local', trafficPolicy: POLICY }), destinationRule('b', { host: 'reviews', trafficPolicy: POLICY })] },
    { name: 'different workloadSelectors', manifests: [destinationRule('a', { host: 'reviews', trafficPolicy: POLICY, workloadSelector: { matchLabels: { app: 'a' } } }), destinationRule('b', { host: 'reviews', trafficPolicy: POLICY, workloadSelector: { matchLabels: { app: 'b' } } })] },
    { name: 'different exportTo', manifests: [destinationRule('a', { host: 'reviews', subsets: subsets('v1'), exportTo: ['.'] }), destinationRule('b', { host: 'reviews', subsets: subsets('v1'), exportTo: ['*'] })] },
    { name: 'one rule repeating a subset (the webhook\'s concern)', manifests: [destinationRule('a', { host: 'reviews', subsets: subsets('v1', 'v1') })] },
  ], [
    // Kiali TestMultiHostMatchInvalid: the same subset name twice
    {
      name: 'two rules define subset v1',
      manifests: [destinationRule('a', { host: 'reviews', subsets: subsets('v1') }), destinationRule('b', { host: 'reviews.shop.svc.cluster.local', subsets: subsets('v2', 'v1') })],
      expected: [{ index: 1, path: 'spec.subsets[1].name', message: 'subset "v1" of host "reviews.shop.svc.cluster.local" is also defined by DestinationRule/shop/a: Istio merges the DestinationRules of one host in a namespace and keeps the first definition' }],
    },
    {
      name: 'two rules set a top-level trafficPolicy',
      manifests: [destinationRule('a', { host: 'reviews', trafficPolicy: POLICY }), destinationRule('b', { host: 'reviews', trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } } })],
      expected: [{ index: 1, path: 'spec.trafficPolicy', message: 'trafficPolicy for host "reviews" is ignored: DestinationRule/shop/a is a DestinationRule for the same host in this namespace' }],
    },
    {
      name: 'equal workloadSelectors and exportTo written differently',
      manifests: [
        destinationRule('a', { host: 'reviews', subsets: subsets('v1'), exportTo: ['.'], workloadSelector: { matchLabels: { app: 'x', tier: 'y' } } }),
        destinationRule('b', { host: 'reviews', subsets: subsets('v1'), exportTo: ['shop'], workloadSelector: { matchLabels: { tier: 'y', app: 'x' } } }),
      ],
      expected: [{ index: 1, path: 'spec.subsets[0].name', message: 'also defined by DestinationRule/shop/a' }],
    },
  ]);
});
