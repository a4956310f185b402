import { Severity } from '../../../../src/validation/diagnostic';
import { validateManifests } from '../../../../src/validation/engine';
import { JsonObject } from '../../../../src/validation/manifest';
import { setTable, virtualService } from './helpers';

/** A VirtualService `name` for `hosts`, bound to `gateways` (none: the mesh). */
function vs(name: string, hosts: string[], gateways?: string[], namespace = 'shop'): JsonObject {
  return virtualService(name, {
    hosts,
    ...(gateways ? { gateways } : {}),
    http: [{ route: [{ destination: { host: 'reviews.shop.svc.cluster.local' } }] }],
  }, namespace);
}

const MESH = 'sidecars get the routes of only one VirtualService per host and ignore the other\'s';
const GATEWAY = 'a gateway merges the routes of both in creation order, so a catch-all route of one hides the routes of the other';

describe('XR004 duplicate-virtual-service-host', () => {
  setTable('XR004', 'warns', [
    { name: 'different hosts', manifests: [vs('a', ['reviews']), vs('b', ['ratings'])] },
    { name: 'one host in two namespaces', manifests: [vs('a', ['reviews.shop.svc.cluster.local']), vs('b', ['reviews.shop.svc.cluster.local'], undefined, 'other')] },
    // a short name means another Service in each namespace
    { name: 'one short name in two namespaces', manifests: [vs('a', ['reviews']), vs('b', ['reviews'], undefined, 'other')] },
    { name: 'one host on the mesh and on a gateway', manifests: [vs('a', ['app.example.com']), vs('b', ['app.example.com'], ['web'])] },
    { name: 'one host on two gateways', manifests: [vs('a', ['app.example.com'], ['web']), vs('b', ['app.example.com'], ['istio-system/public'])] },
    { name: 'a host and a wildcard that covers it', manifests: [vs('a', ['app.example.com'], ['web']), vs('b', ['*.example.com'], ['web'])] },
    { name: 'one VirtualService listing a host twice', manifests: [vs('a', ['reviews', 'reviews.shop.svc.cluster.local'])] },
    { name: 'delegate VirtualServices (no hosts)', manifests: [virtualService('a', { http: [] }), virtualService('b', { http: [] })] },
    { name: 'hosts of a wrong type', manifests: [virtualService('a', { hosts: 'reviews' }), virtualService('b', { hosts: 'reviews' }), virtualService('c', { hosts: [5, null] }), virtualService('d', { hosts: [5, null] })] },
  ], [
    {
      name: 'two mesh VirtualServices route one host',
      manifests: [vs('a', ['reviews']), vs('b', ['ratings', 'reviews'])],
      expected: [{ index: 1, path: 'spec.hosts[1]', message: `host "reviews" is also routed by VirtualService/shop/a for the mesh (sidecars): ${MESH}` }],
    },
    {
      name: 'a short name and the FQDN it stands for',
      manifests: [vs('a', ['reviews']), vs('b', ['reviews.shop.svc.cluster.local'])],
      expected: [{ index: 1, path: 'spec.hosts[0]', message: 'host "reviews.shop.svc.cluster.local" is also routed by VirtualService/shop/a' }],
    },
    {
      name: 'a short name and the FQDN under the configured cluster domain',
      manifests: [vs('a', ['reviews']), vs('b', ['reviews.shop.svc.corp.example'])],
      options: { clusterDomain: 'corp.example' },
      expected: [{ index: 1, path: 'spec.hosts[0]', message: 'is also routed by VirtualService/shop/a' }],
    },
    {
      name: 'gateways [] and [mesh] are the same',
      manifests: [vs('a', ['reviews'], []), vs('b', ['reviews'], ['mesh'])],
      expected: [{ index: 1, path: 'spec.hosts[0]', message: 'for the mesh (sidecars)' }],
    },
    {
      name: 'two VirtualServices route one host on one gateway',
      manifests: [vs('a', ['app.example.com'], ['web']), vs('b', ['app.example.com'], ['web'])],
      expected: [{ index: 1, path: 'spec.hosts[0]', message: `host "app.example.com" is also routed by VirtualService/shop/a for gateway shop/web: ${GATEWAY}` }],
    },
    {
      name: 'the gateway is named short, as namespace/name, as ./name and in the legacy name.namespace form',
      manifests: [
        vs('a', ['app.example.com'], ['web']),
        vs('b', ['app.example.com'], ['shop/web']),
        vs('c', ['app.example.com'], ['./web']),
        vs('d', ['app.example.com'], ['web.shop.svc.cluster.local']),
      ],
      expected: [
        { index: 1, path: 'spec.hosts[0]', message: 'VirtualService/shop/a for gateway shop/web' },
        { index: 2, path: 'spec.hosts[0]', message: 'VirtualService/shop/a for gateway shop/web' },
        { index: 3, path: 'spec.hosts[0]', message: 'VirtualService/shop/a for gateway shop/web' },
      ],
    },
    {
      name: 'they share the mesh and a gateway',
      manifests: [vs('a', ['app.example.com'], ['mesh', 'istio-system/public']), vs('b', ['app.example.com'], ['istio-system/public', 'mesh'])],
      expected: [{ index: 1, path: 'spec.hosts[0]', message: `for gateway istio-system/public and the mesh (sidecars): ${GATEWAY}; ${MESH}` }],
    },
    {
      name: 'they share one of their gateways',
      manifests: [vs('a', ['app.example.com'], ['web', 'mesh']), vs('b', ['app.example.com'], ['web'])],
      expected: [{ index: 1, path: 'spec.hosts[0]', message: 'for gateway shop/web:' }],
    },
    {
      name: 'a VirtualService without namespace and one in default',
      manifests: [virtualService('a', { hosts: ['reviews'] }, null), virtualService('b', { hosts: ['reviews'] }, 'default', 'networking.istio.io/v1alpha3')],
      expected: [{ index: 1, path: 'spec.hosts[0]', message: 'is also routed by VirtualService/default/a' }],
    },
    {
      name: 'three VirtualServices route one host: the later ones name the first',
      manifests: [vs('a', ['reviews']), vs('b', ['reviews']), vs('c', ['reviews'])],
      expected: [
        { index: 1, path: 'spec.hosts[0]', message: 'is also routed by VirtualService/shop/a' },
        { index: 2, path: 'spec.hosts[0]', message: 'is also routed by VirtualService/shop/a' },
      ],
    },
  ]);

  it('warns with the whole message and the host as value', () => {
    const found = validateManifests([vs('a', ['reviews']), vs('b', ['reviews'])]).filter(d => d.code === 'XR004');
    expect(found).toEqual([{
      severity: Severity.WARNING,
      code: 'XR004',
      rule: 'duplicate-virtual-service-host',
      message: `host "reviews" is also routed by VirtualService/shop/a for the mesh (sidecars): ${MESH}; merge them into one VirtualService, or route the paths of one through a delegate`,
      path: 'spec.hosts[0]',
      resource: 'VirtualService/shop/b',
      index: 1,
      value: 'reviews',
    }]);
  });
});
