import { Severity } from '../../../../../src/validation/diagnostic';
import { validateManifests } from '../../../../../src/validation/engine';
import { JsonObject } from '../../../../../src/validation/manifest';
import { setTable, virtualService } from '../helpers';

/** A VirtualService `name` for `hosts`, bound to `gateways` (none: the mesh), with `exportTo` when given. */
function vs(name: string, hosts: string[], gateways?: string[], namespace = 'shop', exportTo?: string[]): JsonObject {
  return virtualService(name, {
    hosts,
    ...(gateways ? { gateways } : {}),
    ...(exportTo ? { exportTo } : {}),
    http: [{ route: [{ destination: { host: 'reviews.shop.svc.cluster.local' } }] }],
  }, namespace);
}

const MESH = 'sidecars get the routes of only one VirtualService per host and ignore the other\'s';

describe('XR004 duplicate-virtual-service-host', () => {
  setTable('XR004', 'warns', [
    { name: 'different hosts', manifests: [vs('a', ['reviews']), vs('b', ['ratings'])] },
    // a short name means another Service in each namespace
    { name: 'one short name in two namespaces', manifests: [vs('a', ['reviews']), vs('b', ['reviews'], undefined, 'other')] },
    { name: 'one host on the mesh and on a gateway (XR009 looks at gateways)', manifests: [vs('a', ['app.example.com']), vs('b', ['app.example.com'], ['web'])] },
    { name: 'one host on one gateway (XR009\'s)', manifests: [vs('a', ['app.example.com'], ['web']), vs('b', ['app.example.com'], ['web'])] },
    { name: 'one VirtualService listing a host twice', manifests: [vs('a', ['reviews', 'reviews.shop.svc.cluster.local'])] },
    { name: 'delegate VirtualServices (no hosts)', manifests: [virtualService('a', { http: [] }), virtualService('b', { http: [] })] },
    { name: 'hosts of a wrong type', manifests: [virtualService('a', { hosts: 'reviews' }), virtualService('b', { hosts: 'reviews' }), virtualService('c', { hosts: [5, null] }), virtualService('d', { hosts: [5, null] })] },
    // istio testdata virtualservice_conflictingmeshgatewayhosts.yaml: "reviews" in foo and bar (bar's is on a gateway only)
    { name: 'a host on the mesh and its FQDN on a gateway of another namespace', manifests: [vs('reviews', ['reviews'], undefined, 'foo'), vs('reviews', ['reviews.foo.svc.cluster.local'], ['istio-ingressgateway'], 'bar')] },
    // istio testdata "ratings" in team1 and team2: both exported to their own namespace only
    { name: 'one host exported by each VirtualService to its own namespace only', manifests: [vs('ratings', ['ratings'], ['mesh'], 'team1', ['.']), vs('ratings', ['ratings.team1.svc.cluster.local'], ['istio-ingressgateway', 'mesh'], 'team2', ['.'])] },
    // istio testdata virtualservice_conflictingmeshgatewayhosts_with_exportto.yaml: "productpage-b"
    { name: 'one wildcard host exported to two different namespaces', manifests: [vs('productpage-b', ['*.productpage.b'], undefined, 'foo', ['foo']), vs('productpage-b', ['*.productpage.b'], undefined, 'bar', ['.'])] },
    { name: 'a host and a wildcard covering it, both exported everywhere (upstream compares exported-everywhere hosts exactly)', manifests: [vs('a', ['app.example.com']), vs('b', ['*.example.com'])] },
  ], [
    // istio testdata "productpage" and "bogus-productpage"
    {
      name: 'two mesh VirtualServices of one namespace route one host',
      manifests: [vs('productpage', ['productpage'], undefined, 'foo'), vs('bogus-productpage', ['productpage'], undefined, 'foo')],
      expected: [
        { index: 0, path: 'spec.hosts[0]', message: `host "productpage" is also routed by VirtualService/foo/bogus-productpage for the mesh (sidecars): ${MESH}` },
        { index: 1, path: 'spec.hosts[0]', message: 'host "productpage" is also routed by VirtualService/foo/productpage for the mesh (sidecars)' },
      ],
    },
    // istio testdata "ratings" in foo (gateways [mesh]) and bar (the FQDN, gateways [istio-ingressgateway, mesh])
    {
      name: 'a short name and its FQDN in a VirtualService of another namespace, both on the mesh',
      manifests: [vs('ratings', ['ratings'], ['mesh'], 'foo'), vs('ratings', ['ratings.foo.svc.cluster.local', 'google.com'], ['istio-ingressgateway', 'mesh'], 'bar')],
      expected: [
        { index: 0, path: 'spec.hosts[0]', message: 'host "ratings" is also routed by VirtualService/bar/ratings (host "ratings.foo.svc.cluster.local") for the mesh (sidecars)' },
        { index: 1, path: 'spec.hosts[0]', message: 'is also routed by VirtualService/foo/ratings (host "ratings")' },
      ],
    },
    // istio testdata "ratings" in team3 (exportTo *) and team4 (no exportTo)
    {
      name: 'exportTo ["*"] and no exportTo are the same scope',
      manifests: [vs('ratings', ['ratings'], ['mesh'], 'team3', ['*']), vs('ratings', ['ratings.team3.svc.cluster.local'], ['istio-ingressgateway', 'mesh'], 'team4')],
      expected: [
        { index: 0, path: 'spec.hosts[0]', message: 'VirtualService/team4/ratings' },
        { index: 1, path: 'spec.hosts[0]', message: 'VirtualService/team3/ratings' },
      ],
    },
    // istio testdata "ratings" in team2: google.com exported to team2 only meets bar's google.com exported everywhere
    {
      name: 'a host exported to one namespace meets the same host exported everywhere',
      manifests: [vs('ratings', ['google.com'], ['istio-ingressgateway', 'mesh'], 'bar'), vs('ratings', ['ratings.team1.svc.cluster.local', 'google.com'], ['istio-ingressgateway', 'mesh'], 'team2', ['.'])],
      expected: [
        { index: 0, path: 'spec.hosts[0]', message: 'host "google.com" is also routed by VirtualService/team2/ratings for the mesh (sidecars) of namespace team2' },
        { index: 1, path: 'spec.hosts[1]', message: 'host "google.com" is also routed by VirtualService/bar/ratings for the mesh (sidecars) of namespace team2' },
      ],
    },
    // istio testdata virtualservice_conflictingmeshgatewayhosts_with_exportto.yaml: "productpage"
    {
      name: 'one wildcard host in two namespaces, exported everywhere',
      manifests: [vs('productpage', ['*.productpage'], undefined, 'foo'), vs('productpage', ['*.productpage'], undefined, 'bar')],
      expected: [
        { index: 0, path: 'spec.hosts[0]', message: 'VirtualService/bar/productpage' },
        { index: 1, path: 'spec.hosts[0]', message: 'VirtualService/foo/productpage' },
      ],
    },
    // istio testdata "productpage-c": exported to foo, and the same wildcard exported everywhere
    {
      name: 'a wildcard exported to one namespace and the same wildcard exported everywhere',
      manifests: [vs('productpage-c', ['*.productpage.c'], undefined, 'foo', ['foo']), vs('productpage-c', ['*.productpage.c'], undefined, 'bar', ['*'])],
      expected: [
        { index: 0, path: 'spec.hosts[0]', message: 'VirtualService/bar/productpage-c for the mesh (sidecars) of namespace foo' },
        { index: 1, path: 'spec.hosts[0]', message: 'VirtualService/foo/productpage-c for the mesh (sidecars) of namespace foo' },
      ],
    },
    // istio testdata "productpage-d": *.productpage.d exported to foo only overlaps *.d exported everywhere
    {
      name: 'a wildcard exported to its namespace overlaps a wider wildcard exported everywhere',
      manifests: [vs('productpage-d', ['*.productpage.d'], undefined, 'foo', ['.']), vs('productpage-d', ['*.d'], undefined, 'bar', ['*'])],
      expected: [
        { index: 0, path: 'spec.hosts[0]', message: 'host "*.productpage.d" is also routed by VirtualService/bar/productpage-d (host "*.d") for the mesh (sidecars) of namespace foo' },
        { index: 1, path: 'spec.hosts[0]', message: 'host "*.d" is also routed by VirtualService/foo/productpage-d (host "*.productpage.d")' },
      ],
    },
    {
      name: 'an FQDN in two namespaces (deliberate since IST0109 scoping: the host, not the VirtualService\'s namespace, decides)',
      manifests: [vs('a', ['reviews.shop.svc.cluster.local']), vs('b', ['reviews.shop.svc.cluster.local'], undefined, 'other')],
      expected: [
        { index: 0, path: 'spec.hosts[0]', message: 'VirtualService/other/b' },
        { index: 1, path: 'spec.hosts[0]', message: 'VirtualService/shop/a' },
      ],
    },
    {
      name: 'a short name and the FQDN under the configured cluster domain',
      manifests: [vs('a', ['reviews']), vs('b', ['reviews.shop.svc.corp.example'])],
      options: { clusterDomain: 'corp.example' },
      expected: [
        { index: 0, path: 'spec.hosts[0]', message: 'is also routed by VirtualService/shop/b' },
        { index: 1, path: 'spec.hosts[0]', message: 'is also routed by VirtualService/shop/a' },
      ],
    },
    {
      name: 'gateways [] and [mesh] are the same',
      manifests: [vs('a', ['reviews'], []), vs('b', ['reviews'], ['mesh'])],
      expected: [
        { index: 0, path: 'spec.hosts[0]', message: 'for the mesh (sidecars)' },
        { index: 1, path: 'spec.hosts[0]', message: 'for the mesh (sidecars)' },
      ],
    },
    {
      name: 'a VirtualService without namespace and one in default',
      manifests: [virtualService('a', { hosts: ['reviews'] }, null), virtualService('b', { hosts: ['reviews'] }, 'default', 'networking.istio.io/v1alpha3')],
      expected: [
        { index: 0, path: 'spec.hosts[0]', message: 'is also routed by VirtualService/default/b' },
        { index: 1, path: 'spec.hosts[0]', message: 'is also routed by VirtualService/default/a' },
      ],
    },
    {
      name: 'five VirtualServices route one host: each names three others and says there are more',
      manifests: [vs('a', ['reviews']), vs('b', ['reviews']), vs('c', ['reviews']), vs('d', ['reviews']), vs('e', ['reviews'])],
      expected: [
        { index: 0, path: 'spec.hosts[0]', message: 'is also routed by VirtualService/shop/b, VirtualService/shop/c, VirtualService/shop/d and others for' },
        { index: 1, path: 'spec.hosts[0]', message: 'is also routed by VirtualService/shop/a, VirtualService/shop/c, VirtualService/shop/d and others for' },
        { index: 2, path: 'spec.hosts[0]', message: 'is also routed by VirtualService/shop/a' },
        { index: 3, path: 'spec.hosts[0]', message: 'is also routed by VirtualService/shop/a' },
        { index: 4, path: 'spec.hosts[0]', message: 'is also routed by VirtualService/shop/a, VirtualService/shop/b, VirtualService/shop/c and others for' },
      ],
    },
  ]);

  it('warns with the whole message and the host as value (Kiali\'s level: Istio admits both objects)', () => {
    const found = validateManifests([vs('a', ['reviews']), vs('b', ['reviews'])]).filter(d => d.code === 'XR004');
    expect(found[1]).toEqual({
      severity: Severity.WARNING,
      code: 'XR004',
      rule: 'duplicate-virtual-service-host',
      message: `host "reviews" is also routed by VirtualService/shop/a for the mesh (sidecars): ${MESH}; merge them into one VirtualService, or route the paths of one through a delegate`,
      path: 'spec.hosts[0]',
      resource: 'VirtualService/shop/b',
      index: 1,
      value: 'reviews',
    });
  });
});
