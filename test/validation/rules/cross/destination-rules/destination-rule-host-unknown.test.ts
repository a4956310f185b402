import { service, setTable } from '../helpers';
import { destinationRule, entry } from '../istio-helpers';

function rule(host: string, namespace = 'default', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return destinationRule('fake-host', { host, trafficPolicy: { loadBalancer: { simple: 'LEAST_REQUEST' } }, ...extra }, namespace);
}

const httpbin = service('httpbin', { namespace: 'default' });
const external = entry('ext', { hosts: ['api.example.com'], ports: [{ number: 443, name: 'https', protocol: 'HTTPS' }] }, 'default');

describe('XR041 destination-rule-host-unknown', () => {
  setTable('XR041', 'warns', [
    // Kiali TestValidHost / TestValidShortSvcHost
    { name: 'a short name of a Service', manifests: [rule('httpbin'), httpbin] },
    { name: 'the FQDN of a Service', manifests: [rule('httpbin.default.svc.cluster.local', 'other'), httpbin] },
    // Kiali TestValidWildcardHost / TestValidMeshWideHost
    { name: 'a wildcard host', manifests: [rule('*.default.svc.cluster.local'), httpbin] },
    { name: 'the mesh-wide host', manifests: [rule('*.local', 'istio-system'), httpbin] },
    // Kiali TestSNIProxyExample / TestWildcardServiceEntry
    { name: 'a host of a wildcard ServiceEntry', manifests: [rule('www.wikipedia.org'), entry('wiki', { hosts: ['*.wikipedia.org'], ports: [{ number: 443, name: 'tls', protocol: 'TLS' }] }, 'default')] },
    { name: 'a ServiceEntry host', manifests: [rule('api.example.com'), external] },
    // the set says nothing about namespace "other" or about external hosts
    { name: 'a Service of a namespace the set has no Services in', manifests: [rule('ratings.other.svc.cluster.local'), httpbin] },
    { name: 'an external host when the set has no ServiceEntries', manifests: [rule('api.example.com'), httpbin] },
    // Kiali TestExportedExternalServiceEntry
    { name: 'a ServiceEntry exported to the rule\'s namespace', manifests: [rule('api.example.com', 'shop'), { ...external, spec: { ...(external.spec as object), exportTo: ['shop'] } }] },
    { name: 'a host of a wrong type', manifests: [destinationRule('x', { host: 5 }, 'default'), httpbin] },
  ], [
    // analyzers_test.go "DestinationRuleWithFakeHost"; Kiali TestNoValidHost
    {
      name: 'the FQDN of a Service the set does not hold',
      manifests: [rule('fake-svc.default.svc.cluster.local'), httpbin],
      expected: [{ index: 0, path: 'spec.host', message: 'host "fake-svc.default.svc.cluster.local" matches no Service or ServiceEntry of the set that namespace default can see, so this DestinationRule applies to no traffic; the set has no Service/default/fake-svc' }],
    },
    {
      name: 'a short name',
      manifests: [rule('reviews'), httpbin],
      expected: [{ index: 0, path: 'spec.host', message: 'host "reviews" (reviews.default.svc.cluster.local) matches no Service' }],
    },
    // Kiali TestNoValidShortSvcHost: reviews.test-namespace.svc.cluster is no Service name
    {
      name: 'a truncated FQDN',
      manifests: [rule('httpbin.default.svc.cluster'), httpbin, external],
      expected: [{ index: 0, path: 'spec.host', message: 'fix the host, or declare it in a ServiceEntry' }],
    },
    {
      name: 'a namespace-qualified name Istio does not expand',
      manifests: [rule('httpbin.default'), httpbin],
      expected: [{ index: 0, path: 'spec.host', message: 'Istio does not expand "httpbin.default": write "httpbin.default.svc.cluster.local"' }],
    },
    {
      name: 'an external host no ServiceEntry declares',
      manifests: [rule('api.example.org'), external],
      expected: [{ index: 0, path: 'spec.host', message: 'host "api.example.org" matches no Service or ServiceEntry' }],
    },
    // Kiali TestExportedExternalServiceEntryFail
    {
      name: 'a ServiceEntry exported to another namespace only',
      manifests: [rule('api.example.com', 'shop'), { ...external, spec: { ...(external.spec as object), exportTo: ['.'] } }],
      expected: [{ index: 0, path: 'spec.host', message: 'ServiceEntry/default/ext declares it but does not export it to namespace shop' }],
    },
    {
      name: 'a Service exported to its own namespace only',
      manifests: [rule('httpbin.default.svc.cluster.local', 'shop'), service('httpbin', { namespace: 'default', annotations: { 'networking.istio.io/exportTo': '.' } })],
      expected: [{ index: 0, path: 'spec.host', message: 'Service/default/httpbin declares it but does not export it to namespace shop' }],
    },
  ]);
});
