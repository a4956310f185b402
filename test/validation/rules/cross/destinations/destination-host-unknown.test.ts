import { Severity } from '../../../../../src/validation/diagnostic';
import { validateManifests } from '../../../../../src/validation/engine';
import { routeTo, service, serviceEntry, setTable, virtualService } from '../helpers';

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
    // istio testdata virtualservice_destinationhosts.yaml: "banana-details" (Service exported to the VirtualService's namespace)
    {
      name: 'a Service exported to the VirtualService\'s namespace by annotation',
      manifests: [service('details', { namespace: 'default', annotations: { 'networking.istio.io/exportTo': 'banana' } }), routeTo('details', { host: 'details.default.svc.cluster.local' }, 'banana')],
    },
    // istio testdata "hello" in hello, hello1 and hello2 (exportTo: hello1,hello2,.)
    {
      name: 'a Service exported to a list of namespaces and its own (".")',
      manifests: [
        service('hello', { namespace: 'hello', annotations: { 'networking.istio.io/exportTo': 'hello1, hello2,.' } }),
        routeTo('hello', { host: 'hello.hello.svc.cluster.local' }, 'hello1'),
        routeTo('hello', { host: 'hello.hello.svc.cluster.local' }, 'hello2'),
        routeTo('hello', { host: 'hello.hello.svc.cluster.local' }, 'hello'),
      ],
    },
    // istio testdata "vs-to-extporto-serviceentry"
    {
      name: 'a ServiceEntry of another namespace exported to the VirtualService\'s',
      manifests: [{ ...serviceEntry('exported', ['abc.bookinfo.com'], 'other'), spec: { hosts: ['abc.bookinfo.com'], exportTo: ['shop'] } }, routeTo('reviews', { host: 'abc.bookinfo.com' })],
    },
    // kiali no_host_checker_test.go TestValidWildcardServiceEntryHost
    { name: 'a wildcard ServiceEntry of another namespace exported everywhere', manifests: [serviceEntry('googlecard', ['*.google.com'], 'google'), routeTo('reviews', { host: 'www.google.com' })] },
    {
      name: 'a VirtualService whose exportTo names the namespace the host is exported to',
      manifests: [{ ...serviceEntry('ext', ['api.example.com'], 'other'), spec: { hosts: ['api.example.com'], exportTo: ['front'] } }, { ...routeTo('reviews', { host: 'api.example.com' }), spec: { hosts: ['reviews'], exportTo: ['front'], http: [{ route: [{ destination: { host: 'api.example.com' } }] }] } }],
    },
  ], [
    // istio testdata "reviews-bookinfo-other": the ServiceEntry is exported to its own namespace only
    {
      name: 'a ServiceEntry of another namespace is exported to its own only',
      manifests: [{ ...serviceEntry('service-entry-other', ['other.bookinfo.com'], 'other'), spec: { hosts: ['other.bookinfo.com'], exportTo: ['.'] } }, routeTo('reviews', { host: 'other.bookinfo.com' })],
      expected: [{ index: 1, path: HOST, message: 'destination host "other.bookinfo.com" is declared by ServiceEntry/other/service-entry-other, but its spec.exportTo makes it visible to other only, and Istio looks the host up for namespace shop: the route finds no service and fails with 503; export the ServiceEntry to namespace shop' }],
    },
    // istio testdata "service-entry-ignore": a wildcard "*" ServiceEntry exported to its own namespace
    {
      name: 'a wildcard ServiceEntry of another namespace is exported to its own only',
      manifests: [service('reviews'), { ...serviceEntry('service-entry-ignore', ['*'], 'default-ignore'), spec: { hosts: ['*'], exportTo: ['.'] } }, routeTo('reviews', { host: 'ratings' })],
      expected: [{ index: 2, path: HOST, message: 'no Service/shop/ratings' }],
    },
    // istio testdata "cross-namespace-details": the Service is exported to banana only
    {
      name: 'a Service is exported by annotation to another namespace only',
      manifests: [service('details', { namespace: 'default', annotations: { 'networking.istio.io/exportTo': 'banana' } }), routeTo('details', { host: 'details.default.svc.cluster.local' }, 'istio-system')],
      expected: [{ index: 1, path: HOST, message: 'is declared by Service/default/details, but its networking.istio.io/exportTo annotation makes it visible to banana only, and Istio looks the host up for namespace istio-system' }],
    },
    {
      name: 'a Service exported to its own namespace (".") is routed to from another',
      manifests: [service('reviews', { annotations: { 'networking.istio.io/exportTo': '.' } }), routeTo('web', { host: 'reviews.shop.svc.cluster.local' }, 'front')],
      expected: [{ index: 1, path: HOST, message: 'makes it visible to shop only' }],
    },
    // istio testdata "hello-export-to-bogus": the VirtualService's own exportTo is the lookup scope
    {
      name: 'the VirtualService\'s exportTo names a namespace the Service is not exported to',
      manifests: [
        service('hello', { namespace: 'hello', annotations: { 'networking.istio.io/exportTo': 'hello1,hello2,.' } }),
        virtualService('hello-export-to-bogus', { hosts: ['hello'], exportTo: ['bogus'], http: [{ route: [{ destination: { host: 'hello.hello.svc.cluster.local' } }] }] }, 'hello'),
      ],
      expected: [{ index: 1, path: HOST, message: 'Istio looks the host up for namespace bogus (the VirtualService\'s exportTo)' }],
    },
    // kiali no_host_checker_test.go TestNoValidHost (http, tcp and tls routes), and mirrors[]
    {
      name: 'tcp, tls and mirrors[] destinations name no Service of the set',
      manifests: [service('reviews'), virtualService('reviews', {
        hosts: ['reviews'],
        http: [{ route: [{ destination: { host: 'reviews' } }], mirrors: [{ destination: { host: 'shadow' } }] }],
        tcp: [{ route: [{ destination: { host: 'db' } }] }],
        tls: [{ match: [{ sniHosts: ['reviews'] }], route: [{ destination: { host: 'secure.shop.svc.cluster.local' } }] }],
      })],
      expected: [
        { index: 1, path: 'spec.http[0].mirrors[0].destination.host', message: 'no Service/shop/shadow' },
        { index: 1, path: 'spec.tcp[0].route[0].destination.host', message: 'no Service/shop/db' },
        { index: 1, path: 'spec.tls[0].route[0].destination.host', message: 'no Service/shop/secure' },
      ],
    },
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
