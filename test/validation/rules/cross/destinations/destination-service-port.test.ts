import { Severity } from '../../../../../src/validation/diagnostic';
import { validateManifests } from '../../../../../src/validation/engine';
import { multiPort, routeTo, service, serviceEntry, setTable, virtualService } from '../helpers';

const WRONG_PORT = 'destination port 999 is not a port of Service/shop/reviews (ports: 80)';

describe('XR001 destination-service-port', () => {
  setTable('XR001', 'errors', [
    // istio analyzer testdata virtualservice_destinationhosts.yaml: "reviews" (base case)
    { name: 'a short name with a port of the Service', manifests: [service('reviews'), routeTo('reviews', { host: 'reviews', port: { number: 80 } })] },
    { name: 'a destination without a port', manifests: [service('reviews'), routeTo('reviews', { host: 'reviews' })] },
    // istio testdata "cross-namespace": an FQDN to a Service of another namespace
    {
      name: 'an FQDN to a Service of another namespace',
      manifests: [service('reviews', { namespace: 'default' }), routeTo('reviews', { host: 'reviews.default.svc.cluster.local', port: { number: 80 } }, 'istio-system')],
    },
    { name: 'any of several ports', manifests: [multiPort('reviews', [80, 9080]), routeTo('reviews', { host: 'reviews', port: { number: 9080 } })] },
    { name: 'a host no Service of the set has (XR002\'s)', manifests: [service('reviews'), routeTo('ratings', { host: 'ratings', port: { number: 999 } })] },
    { name: 'a Service in another namespace than the short name resolves to', manifests: [service('reviews', { namespace: 'other' }), routeTo('reviews', { host: 'reviews', port: { number: 999 } })] },
    { name: 'a port number of a wrong type (VS037\'s)', manifests: [service('reviews'), routeTo('reviews', { host: 'reviews', port: { number: '999' } })] },
    { name: 'a Service whose ports cannot be read', manifests: [service('reviews', { spec: { ports: [{ port: '80' }] } }), routeTo('reviews', { host: 'reviews', port: { number: 999 } })] },
    { name: 'a Service without ports', manifests: [service('reviews', { spec: { ports: undefined } }), routeTo('reviews', { host: 'reviews', port: { number: 999 } })] },
    // istio testdata virtualservice_destinationhosts.yaml: "reviews-external" (a ServiceEntry host)
    { name: 'a port of the ServiceEntry the host resolves to', manifests: [serviceEntry('ext', ['api.example.com']), routeTo('api', { host: 'api.example.com', port: { number: 443 } })] },
    { name: 'a port of the wildcard ServiceEntry that covers the host', manifests: [serviceEntry('eu', ['*.eu.example.com']), routeTo('api', { host: 'api.eu.example.com', port: { number: 443 } })] },
    { name: 'a ServiceEntry whose ports cannot be read', manifests: [{ ...serviceEntry('ext', ['api.example.com']), spec: { hosts: ['api.example.com'], ports: [{ number: 'x' }] } }, routeTo('api', { host: 'api.example.com', port: { number: 80 } })] },
    {
      name: 'an FQDN under the configured cluster domain',
      manifests: [service('reviews'), routeTo('reviews', { host: 'reviews.shop.svc.corp.example', port: { number: 80 } })],
      options: { clusterDomain: 'corp.example' },
    },
    {
      name: 'an FQDN under another cluster domain (not an in-cluster name here)',
      manifests: [service('reviews'), routeTo('reviews', { host: 'reviews.shop.svc.cluster.local', port: { number: 999 } })],
      options: { clusterDomain: 'corp.example' },
    },
    { name: 'a port in a manifest that is not a VirtualService', manifests: [service('reviews'), { ...routeTo('reviews', { host: 'reviews', port: { number: 999 } }), kind: 'DestinationRule' }] },
  ], [
    // istio testdata "reviews-bogusport"
    {
      name: 'a destination port is not a port of the Service',
      manifests: [service('reviews'), routeTo('reviews', { host: 'reviews', subset: 'v1', port: { number: 999 } })],
      expected: [{ index: 1, path: 'spec.http[0].route[0].destination.port.number', message: WRONG_PORT }],
    },
    {
      name: 'the port is the Service\'s targetPort',
      manifests: [service('reviews'), routeTo('reviews', { host: 'reviews', port: { number: 8080 } })],
      expected: [{ index: 1, path: 'spec.http[0].route[0].destination.port.number', message: '8080 is the targetPort of service port 80: a destination names the Service port, not the container port' }],
    },
    {
      name: 'an FQDN names a Service of another namespace and a port it lacks',
      manifests: [routeTo('reviews', { host: 'reviews.shop.svc.cluster.local', port: { number: 999 } }, 'istio-system'), service('reviews')],
      expected: [{ index: 0, path: 'spec.http[0].route[0].destination.port.number', message: WRONG_PORT }],
    },
    {
      name: 'a VirtualService without a namespace routes to a Service of default',
      manifests: [service('reviews', { namespace: null }), routeTo('reviews', { host: 'reviews', port: { number: 81 } }, null)],
      expected: [{ index: 1, path: 'spec.http[0].route[0].destination.port.number', message: 'is not a port of Service/default/reviews' }],
    },
    {
      name: 'the host has the DNS search-path form reviews.shop',
      manifests: [service('reviews'), routeTo('web', { host: 'reviews.shop', port: { number: 999 } }, 'front')],
      expected: [{ index: 1, path: 'spec.http[0].route[0].destination.port.number', message: WRONG_PORT }],
    },
    {
      name: 'an FQDN under the configured cluster domain names a missing port',
      manifests: [service('reviews'), routeTo('reviews', { host: 'reviews.shop.svc.corp.example', port: { number: 999 } })],
      options: { clusterDomain: 'corp.example' },
      expected: [{ index: 1, path: 'spec.http[0].route[0].destination.port.number', message: WRONG_PORT }],
    },
    {
      name: 'a mirror, a mirrors entry, a tcp and a tls route name missing ports',
      manifests: [
        multiPort('reviews', [80, 443]),
        virtualService('reviews', {
          hosts: ['reviews'],
          http: [{
            route: [{ destination: { host: 'reviews', port: { number: 80 } } }],
            mirror: { host: 'reviews', port: { number: 81 } },
            mirrors: [{ destination: { host: 'reviews', port: { number: 80 } } }, { destination: { host: 'reviews', port: { number: 82 } } }],
          }],
          tcp: [{ route: [{ destination: { host: 'reviews', port: { number: 83 } } }] }],
          tls: [{ match: [{ sniHosts: ['reviews'] }], route: [{ destination: { host: 'reviews', port: { number: 8443 } } }] }],
        }),
      ],
      expected: [
        { index: 1, path: 'spec.http[0].mirror.port.number', message: 'destination port 81 is not a port of Service/shop/reviews (ports: 80, 443)' },
        { index: 1, path: 'spec.http[0].mirrors[1].destination.port.number', message: 'destination port 82' },
        { index: 1, path: 'spec.tcp[0].route[0].destination.port.number', message: 'destination port 83' },
        { index: 1, path: 'spec.tls[0].route[0].destination.port.number', message: 'destination port 8443' },
      ],
    },
    {
      name: 'a destination port is not a port of the ServiceEntry the host resolves to',
      manifests: [serviceEntry('ext', ['api.example.com']), routeTo('api', { host: 'api.example.com', port: { number: 80 } })],
      expected: [{ index: 1, path: 'spec.http[0].route[0].destination.port.number', message: 'destination port 80 is not a port of ServiceEntry/shop/ext (host "api.example.com", ports: 443): Istio finds no cluster for api.example.com:80 and the route fails with 503; add the port to the ServiceEntry' }],
    },
    {
      name: 'a mirror port is not a port of the wildcard ServiceEntry that covers the host',
      manifests: [serviceEntry('eu', ['*.eu.example.com']), virtualService('api', { hosts: ['api'], http: [{ route: [{ destination: { host: 'api.eu.example.com', port: { number: 443 } } }], mirror: { host: 'mirror.eu.example.com', port: { number: 8443 } } }] })],
      expected: [{ index: 1, path: 'spec.http[0].mirror.port.number', message: 'destination port 8443 is not a port of ServiceEntry/shop/eu (host "*.eu.example.com", ports: 443)' }],
    },
    // deliberate since the host registry: a Service and a ServiceEntry declaring one host in one
    // scope resolve to the Service, as upstream's InitServiceEntryHostMap fills its map
    {
      name: 'a ServiceEntry declares the FQDN of a Service too: the Service\'s ports count',
      manifests: [service('reviews'), serviceEntry('reviews', ['reviews.shop.svc.cluster.local']), routeTo('reviews', { host: 'reviews', port: { number: 443 } })],
      expected: [{ index: 2, path: 'spec.http[0].route[0].destination.port.number', message: 'destination port 443 is not a port of Service/shop/reviews (ports: 80)' }],
    },
    {
      name: 'only the second of two VirtualServices is wrong',
      manifests: [
        service('reviews'),
        routeTo('a', { host: 'reviews', port: { number: 80 } }),
        virtualService('b', { hosts: ['b'], http: [{ route: [{ destination: { host: 'reviews', port: { number: 80 } }, weight: 50 }, { destination: { host: 'reviews', port: { number: 90 } }, weight: 50 }] }] }, 'shop', 'networking.istio.io/v1beta1'),
      ],
      expected: [{ index: 2, path: 'spec.http[0].route[1].destination.port.number', message: 'destination port 90' }],
    },
  ]);

  it('reports an error with the whole message and the port as value', () => {
    const found = validateManifests([service('reviews'), routeTo('reviews', { host: 'reviews', port: { number: 999 } })]).filter(d => d.code === 'XR001');
    expect(found).toEqual([{
      severity: Severity.ERROR,
      code: 'XR001',
      rule: 'destination-service-port',
      message: 'destination port 999 is not a port of Service/shop/reviews (ports: 80): Istio finds no cluster for reviews:999 and the route fails with 503; a destination names a port of the Service (spec.ports[].port)',
      path: 'spec.http[0].route[0].destination.port.number',
      resource: 'VirtualService/shop/reviews',
      index: 1,
      value: 999,
    }]);
  });

  it('never throws on malformed VirtualServices and Services', () => {
    const odd = [
      service('reviews', { spec: { ports: 'eighty' } }),
      virtualService('a', { hosts: 'x', http: 'y' }),
      virtualService('b', { http: [null, 1, { route: [null, { destination: 'reviews' }, { destination: { host: 5, port: 'x' } }] }] }),
      virtualService('c', { http: [{ mirror: [], mirrors: {} }], tcp: [{ route: {} }], tls: null }),
      { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: null, spec: [] },
    ];
    expect(validateManifests(odd).filter(d => d.code === 'TRF000')).toEqual([]);
  });
});
