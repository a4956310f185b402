import { Severity } from '../../../../../src/validation/diagnostic';
import { validateManifests } from '../../../../../src/validation/engine';
import { JsonObject } from '../../../../../src/validation/manifest';
import { setTable, virtualService } from '../helpers';

/** A VirtualService `name` for `hosts`, bound to `gateways` (none: the mesh). */
function vs(name: string, hosts: string[], gateways?: string[], namespace = 'shop'): JsonObject {
  return virtualService(name, {
    hosts,
    ...(gateways ? { gateways } : {}),
    http: [{ route: [{ destination: { host: 'reviews.shop.svc.cluster.local' } }] }],
  }, namespace);
}

const GATEWAY = 'a gateway merges the routes of both in creation order, so a catch-all route of one hides the routes of the other';

describe('XR009 duplicate-gateway-virtual-service-host', () => {
  setTable('XR009', 'warns', [
    { name: 'different hosts on one gateway', manifests: [vs('a', ['a.example.com'], ['web']), vs('b', ['b.example.com'], ['web'])] },
    { name: 'one host on the mesh (XR004\'s)', manifests: [vs('a', ['reviews']), vs('b', ['reviews'])] },
    { name: 'one host on the mesh and on a gateway', manifests: [vs('a', ['app.example.com']), vs('b', ['app.example.com'], ['web'])] },
    { name: 'one host on two gateways', manifests: [vs('a', ['app.example.com'], ['web']), vs('b', ['app.example.com'], ['istio-system/public'])] },
    { name: 'a host and a wildcard that covers it', manifests: [vs('a', ['app.example.com'], ['web']), vs('b', ['*.example.com'], ['web'])] },
    { name: 'a short name on one gateway from two namespaces', manifests: [vs('a', ['reviews'], ['istio-system/public']), vs('b', ['reviews'], ['istio-system/public'], 'other')] },
    { name: 'one VirtualService listing a host twice', manifests: [vs('a', ['reviews', 'reviews.shop.svc.cluster.local'], ['web'])] },
    { name: 'a "*" VirtualService alone in its namespace on a gateway', manifests: [vs('a', ['*'], ['web']), vs('b', ['app.example.com'], ['web'], 'other')] },
    { name: 'gateways of a wrong type', manifests: [virtualService('a', { hosts: ['a'], gateways: 'web' }), virtualService('b', { hosts: ['a'], gateways: [5] })] },
  ], [
    // kiali single_host_checker_test.go: two VirtualServices for one host on one gateway
    {
      name: 'two VirtualServices route one host on one gateway',
      manifests: [vs('a', ['app.example.com'], ['web']), vs('b', ['app.example.com'], ['web'])],
      expected: [
        { index: 0, path: 'spec.hosts[0]', message: `host "app.example.com" is also routed by VirtualService/shop/b for gateway shop/web: ${GATEWAY}; merge them` },
        { index: 1, path: 'spec.hosts[0]', message: 'host "app.example.com" is also routed by VirtualService/shop/a for gateway shop/web' },
      ],
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
        { index: 0, path: 'spec.hosts[0]', message: 'VirtualService/shop/b, VirtualService/shop/c, VirtualService/shop/d for gateway shop/web' },
        { index: 1, path: 'spec.hosts[0]', message: 'VirtualService/shop/a, VirtualService/shop/c, VirtualService/shop/d for gateway shop/web' },
        { index: 2, path: 'spec.hosts[0]', message: 'for gateway shop/web' },
        { index: 3, path: 'spec.hosts[0]', message: 'for gateway shop/web' },
      ],
    },
    {
      name: 'they share one of their gateways (and the mesh, XR004\'s)',
      manifests: [vs('a', ['app.example.com'], ['web', 'mesh']), vs('b', ['app.example.com'], ['web'])],
      expected: [
        { index: 0, path: 'spec.hosts[0]', message: 'for gateway shop/web:' },
        { index: 1, path: 'spec.hosts[0]', message: 'for gateway shop/web:' },
      ],
    },
    {
      name: 'the FQDN of a Service from two namespaces on one gateway',
      manifests: [vs('a', ['reviews.shop.svc.cluster.local'], ['istio-system/public']), vs('b', ['reviews.shop.svc.cluster.local'], ['istio-system/public'], 'other')],
      expected: [
        { index: 0, path: 'spec.hosts[0]', message: 'VirtualService/other/b for gateway istio-system/public' },
        { index: 1, path: 'spec.hosts[0]', message: 'VirtualService/shop/a for gateway istio-system/public' },
      ],
    },
    // kiali single_host_checker: a "*" host collides with the other hosts of its namespace on the gateway
    {
      name: 'a "*" VirtualService and another of its namespace on one gateway',
      manifests: [vs('all', ['*'], ['web']), vs('app', ['app.example.com'], ['web'])],
      expected: [
        { index: 0, path: 'spec.hosts[0]', message: 'host "*" is also routed by VirtualService/shop/app (host "app.example.com") for gateway shop/web (host "*" takes every host of namespace shop)' },
        { index: 1, path: 'spec.hosts[0]', message: 'host "app.example.com" is also routed by VirtualService/shop/all (host "*")' },
      ],
    },
  ]);

  it('warns with the whole diagnostic', () => {
    const found = validateManifests([vs('a', ['app.example.com'], ['web']), vs('b', ['app.example.com'], ['web'])]).filter(d => d.code === 'XR009');
    expect(found[1]).toEqual({
      severity: Severity.WARNING,
      code: 'XR009',
      rule: 'duplicate-gateway-virtual-service-host',
      message: `host "app.example.com" is also routed by VirtualService/shop/a for gateway shop/web: ${GATEWAY}; merge them into one VirtualService, or route the paths of one through a delegate`,
      path: 'spec.hosts[0]',
      resource: 'VirtualService/shop/b',
      index: 1,
      value: 'app.example.com',
    });
  });
});
