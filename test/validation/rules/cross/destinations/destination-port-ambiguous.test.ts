import { Severity } from '../../../../../src/validation/diagnostic';
import { validateManifests } from '../../../../../src/validation/engine';
import { JsonObject } from '../../../../../src/validation/manifest';
import { multiPort, routeTo, service, serviceEntry, setTable, virtualService } from '../helpers';

/** A ServiceEntry `shop/ext` for api.example.com with ports 80 and 443. */
function twoPortEntry(): JsonObject {
  const entry = serviceEntry('ext', ['api.example.com']);
  return { ...entry, spec: { ...(entry.spec as JsonObject), ports: [{ number: 80, name: 'http', protocol: 'HTTP' }, { number: 443, name: 'https', protocol: 'TLS' }] } };
}

describe('XR005 destination-port-ambiguous', () => {
  setTable('XR005', 'warns', [
    { name: 'a Service with one port', manifests: [service('reviews'), routeTo('reviews', { host: 'reviews' })] },
    // istio analyzer testdata virtualservice_destinationhosts.yaml: "reviews-2port-present"
    { name: 'a port named for a Service with several', manifests: [multiPort('reviews-2port', [80, 443]), routeTo('reviews', { host: 'reviews-2port', subset: 'v1', port: { number: 80 } })] },
    { name: 'two ports with one number (53/TCP and 53/UDP)', manifests: [service('dns', { spec: { ports: [{ name: 'tcp', port: 53 }, { name: 'udp', port: 53, protocol: 'UDP' }] } }), routeTo('dns', { host: 'dns' })] },
    { name: 'a host the set has no Service for', manifests: [multiPort('reviews', [80, 443]), routeTo('ratings', { host: 'ratings' })] },
    { name: 'a ServiceEntry with one port', manifests: [serviceEntry('ext', ['api.example.com']), routeTo('api', { host: 'api.example.com' })] },
    { name: 'a port named for a ServiceEntry with several', manifests: [twoPortEntry(), routeTo('api', { host: 'api.example.com', port: { number: 80 } })] },
    { name: 'a ServiceEntry with several ports that is not exported to the VirtualService (XR002\'s)', manifests: [{ ...twoPortEntry(), metadata: { name: 'ext', namespace: 'other' }, spec: { ...twoPortEntry().spec as object, exportTo: ['.'] } }, routeTo('api', { host: 'api.example.com' })] },
    { name: 'a Service whose ports cannot be read', manifests: [service('reviews', { spec: { ports: [{ port: 80 }, 'https'] } }), routeTo('reviews', { host: 'reviews' })] },
    { name: 'a malformed port (VS037\'s)', manifests: [multiPort('reviews', [80, 443]), routeTo('reviews', { host: 'reviews', port: {} })] },
  ], [
    // istio testdata "reviews-2port-missing"
    {
      name: 'no port is named for a Service with several',
      manifests: [multiPort('reviews-2port', [80, 443]), routeTo('reviews', { host: 'reviews-2port', subset: 'v1' })],
      expected: [{ index: 1, path: 'spec.http[0].route[0].destination', message: 'destination host "reviews-2port" names no port, and Service/shop/reviews-2port has several (80, 443)' }],
    },
    {
      name: 'no port is named for a ServiceEntry with several',
      manifests: [twoPortEntry(), routeTo('api', { host: 'api.example.com' })],
      expected: [{ index: 1, path: 'spec.http[0].route[0].destination', message: 'destination host "api.example.com" names no port, and ServiceEntry/shop/ext has several (80, 443)' }],
    },
    // deliberate since the host registry: a Service and a ServiceEntry declaring one host in one
    // scope resolve to the Service, as upstream's InitServiceEntryHostMap fills its map
    {
      name: 'a ServiceEntry declares the short name of a Service with several ports',
      manifests: [multiPort('reviews', [80, 443]), serviceEntry('r', ['reviews']), routeTo('reviews', { host: 'reviews' })],
      expected: [{ index: 2, path: 'spec.http[0].route[0].destination', message: 'Service/shop/reviews has several (80, 443)' }],
    },
    {
      name: 'a mirror and a tcp route name no port',
      manifests: [
        virtualService('db', { hosts: ['db'], http: [{ route: [{ destination: { host: 'db', port: { number: 5432 } } }], mirror: { host: 'db.shop.svc.cluster.local' } }], tcp: [{ route: [{ destination: { host: 'db' } }] }] }, 'shop'),
        multiPort('db', [5432, 9187]),
      ],
      expected: [
        { index: 0, path: 'spec.http[0].mirror', message: 'destination host "db.shop.svc.cluster.local" names no port' },
        { index: 0, path: 'spec.tcp[0].route[0].destination', message: 'destination host "db" names no port' },
      ],
    },
  ]);

  it('warns with the whole message', () => {
    const found = validateManifests([multiPort('reviews', [80, 9080]), routeTo('reviews', { host: 'reviews' })]).filter(d => d.code === 'XR005');
    expect(found).toEqual([{
      severity: Severity.WARNING,
      code: 'XR005',
      rule: 'destination-port-ambiguous',
      message: 'destination host "reviews" names no port, and Service/shop/reviews has several (80, 9080): Istio then routes to the port the request arrived on, which fails with 503 when that port is not one of these (a gateway\'s 80 or 443, or the port of another host); set port.number',
      path: 'spec.http[0].route[0].destination',
      resource: 'VirtualService/shop/reviews',
      index: 1,
    }]);
  });
});
