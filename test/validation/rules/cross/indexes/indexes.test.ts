/**
 * The shared indexes of the VirtualService reference rules: Istio's host overlap, the host
 * registry (InitServiceEntryHostMap / GetDestinationHost), the DestinationRule index and the
 * Gateway index; and the rules on manifests of every wrong shape.
 */
import { validateManifests } from '../../../../../src/validation/engine';
import { JsonObject } from '../../../../../src/validation/manifest';
import { ManifestEntry } from '../../../../../src/validation/rule';
import { DestinationRuleIndex, resourceNameFromHost } from '../../../../../src/validation/rules/cross/indexes/destination-rule-index';
import { GatewayIndex, parseGatewayReference, sanitizeServerHosts } from '../../../../../src/validation/rules/cross/indexes/gateway-index';
import { HostMatcher, hostsOverlap } from '../../../../../src/validation/rules/cross/indexes/host-match';
import { HostRegistry, convertHostToFqdn, exportScopes } from '../../../../../src/validation/rules/cross/indexes/host-registry';
import { routeTo, service, serviceEntry, virtualService } from '../helpers';
import { destinationRule, gateway, server } from '../istio-helpers';

function entries(manifests: unknown[]): ManifestEntry[] {
  return manifests.map((manifest, index) => ({ index, manifest: manifest as JsonObject }));
}

describe('hostsOverlap (host.Name.Matches)', () => {
  it.each([
    ['a.example.com', 'a.example.com', true],
    ['a.example.com', 'b.example.com', false],
    ['*.example.com', 'a.example.com', true],
    ['a.example.com', '*.example.com', true],
    ['*.example.com', '*.a.example.com', true],
    ['*.a.example.com', '*.example.com', true],
    ['*.a.example.com', '*.b.example.com', false],
    ['*', 'anything', true],
    ['*example.com', 'myexample.com', true],
    ['*.example.com', 'example.com', false],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(hostsOverlap(a, b)).toBe(expected);
  });
});

describe('HostMatcher', () => {
  const hosts = ['a.example.com', '*.example.com', '*.b.example.com', 'x.b.example.com', '*', 'other.org', '*example.net', '__proto__'];
  const matcher = new HostMatcher<string>();
  hosts.forEach(h => matcher.add(h, h));

  it.each(['a.example.com', 'x.b.example.com', '*.b.example.com', '*.example.com', '*.org', '*', 'z.example.net', '*xample.net', '*.net', '__proto__', 'constructor', '*le.com'])(
    'finds exactly the hosts that overlap %s', (query) => {
      expect(matcher.overlapping(query).map(m => m.value).sort()).toEqual(hosts.filter(h => hostsOverlap(h, query)).sort());
    });

  it('finds nothing for the empty host, and in an empty matcher', () => {
    expect(matcher.overlapping('')).toEqual([]);
    expect(new HostMatcher<string>().overlapping('a')).toEqual([]);
  });
});

describe('host registry', () => {
  it('qualifies only names without a dot that are not wildcards (ConvertHostToFQDN)', () => {
    expect(convertHostToFqdn('shop', 'reviews', 'cluster.local')).toBe('reviews.shop.svc.cluster.local');
    expect(convertHostToFqdn('shop', 'reviews.shop', 'cluster.local')).toBe('reviews.shop');
    expect(convertHostToFqdn('shop', '*', 'cluster.local')).toBe('*');
  });

  it('reads exportTo scopes', () => {
    expect(exportScopes(undefined, 'shop')).toEqual(['*']);
    expect(exportScopes(['.', 'front', '.'], 'shop')).toEqual(['shop', 'front']);
    expect(exportScopes(['front', '*'], 'shop')).toEqual(['*']);
  });

  const registry = HostRegistry.of(entries([
    service('reviews', { annotations: { 'networking.istio.io/exportTo': '., front' } }),
    service('ratings'),
    { ...serviceEntry('ext', ['api.example.com', '*.eu.example.com', 'legacy'], 'other'), spec: { hosts: ['api.example.com', '*.eu.example.com', 'legacy'], exportTo: ['.'], ports: [{ number: 80 }, { number: 80 }, { number: 443 }] } },
    serviceEntry('wild', ['*.example.org']),
  ]), 'cluster.local');

  it.each([
    ['shop', undefined, 'reviews', 'Service/shop/reviews'],
    ['front', undefined, 'reviews.shop.svc.cluster.local', 'Service/shop/reviews'],
    ['back', undefined, 'reviews.shop.svc.cluster.local', undefined],
    ['back', ['front'], 'reviews.shop.svc.cluster.local', 'Service/shop/reviews'],
    ['shop', ['bogus'], 'reviews', undefined],
    ['back', undefined, 'ratings.shop.svc.cluster.local', 'Service/shop/ratings'],
    ['other', undefined, 'api.example.com', 'ServiceEntry/other/ext'],
    ['shop', undefined, 'api.example.com', undefined],
    ['other', undefined, 'x.eu.example.com', 'ServiceEntry/other/ext'],
    ['shop', undefined, 'x.eu.example.com', undefined],
    ['other', undefined, 'legacy', 'ServiceEntry/other/ext'],
    ['any', undefined, 'a.b.example.org', 'ServiceEntry/shop/wild'],
    ['any', undefined, '*.b.example.org', 'ServiceEntry/shop/wild'],
    ['any', undefined, '__proto__', undefined],
  ])('from %s (exportTo %j), %s resolves to %s', (namespace, exportTo, host, expected) => {
    const found = registry.resolve(namespace as string, exportTo as string[] | undefined, host as string);
    expect(found ? `${found.entry.manifest.kind}/${(found.entry.manifest.metadata as JsonObject).namespace}/${(found.entry.manifest.metadata as JsonObject).name}` : undefined).toBe(expected);
  });

  it('keeps the distinct port numbers with names and protocols', () => {
    expect(registry.resolve('other', undefined, 'api.example.com')?.ports?.map(p => p.number)).toEqual([80, 443]);
    expect(registry.resolve('shop', undefined, 'ratings')?.ports).toEqual([{ number: 80, name: 'http', protocol: undefined }]);
  });
});

describe('DestinationRule index', () => {
  it('names hosts as GetResourceNameFromHost does', () => {
    expect(resourceNameFromHost('shop', 'reviews', 'cluster.local')).toBe('shop/reviews');
    expect(resourceNameFromHost('shop', 'reviews.front.svc.cluster.local', 'cluster.local')).toBe('front/reviews');
    expect(resourceNameFromHost('shop', 'a.b.front.svc.cluster.local', 'cluster.local')).toBe('front/a.b');
    expect(resourceNameFromHost('shop', 'api.example.com', 'cluster.local')).toBe('shop/api.example.com');
  });

  const index = DestinationRuleIndex.of(entries([
    destinationRule('reviews', { host: 'reviews', subsets: [{ name: 'v1' }, { name: 'v1' }, { name: 'v2' }] }),
    destinationRule('mesh', { host: '*.local', subsets: [{ name: 'all' }] }, 'istio-system'),
    destinationRule('shop', { host: '*.shop.svc.cluster.local' }, 'istio-system'),
    destinationRule('nohost', { subsets: [{ name: 'v1' }] }),
  ]), 'cluster.local');

  it.each([
    ['shop', 'reviews', ['reviews']],
    ['front', 'reviews.shop.svc.cluster.local', ['reviews']],
    ['shop', 'ratings', ['shop']],
    ['front', 'ratings', ['mesh']],
    ['front', 'api.example.com', []],
    ['front', '*.shop.svc.cluster.local', ['shop']],
    ['front', '', []],
  ])('from %s, %s has the DestinationRules %j', (namespace, host, expected) => {
    expect(index.forHost(namespace, host).map(dr => dr.name)).toEqual(expected);
  });

  it('keeps the first of two subsets with one name', () => {
    expect([...index.forHost('shop', 'reviews')[0].subsets]).toEqual([['v1', 0], ['v2', 2]]);
  });
});

describe('Gateway index', () => {
  it.each([
    ['mesh', { form: 'mesh', key: '' }],
    ['web', { form: 'short', key: 'shop/web' }],
    ['./web', { form: 'namespaced', key: 'shop/web' }],
    ['istio-system/web', { form: 'namespaced', key: 'istio-system/web' }],
    ['web.istio-system', { form: 'legacy', key: 'istio-system/web' }],
    ['web.istio-system.svc.cluster.local', { form: 'legacy', key: 'istio-system/web' }],
    ['istio-system/web~istio-autogenerated-k8s-gateway~http', { form: 'internal', key: 'istio-system/web~istio-autogenerated-k8s-gateway~http' }],
  ])('reads the reference %s', (reference, expected) => {
    expect(parseGatewayReference(reference, 'shop')).toEqual({ reference, ...expected });
  });

  it('rewrites server hosts as sanitizeServerHostNamespace', () => {
    expect(sanitizeServerHosts(['./a.com', '*/b.com', 'ns/c.com', 'd.com'], 'gw')).toEqual(['gw/a.com', 'b.com', 'ns/c.com', 'd.com']);
    expect(sanitizeServerHosts(['./a.com', '*/*', 'd.com'], 'gw')).toEqual(['*']);
  });

  it('indexes Gateways by namespace/name and answers which hosts they serve', () => {
    const index = GatewayIndex.of(entries([
      gateway('public', {}, [server(80, ['*.example.com', 'shop/internal.example.org']), null, { hosts: 'x' }]),
      gateway('public', {}, [server(80, ['other.com'])]),
      { ...gateway('broken', {}, []), spec: null },
    ]));
    const publicGateway = index.get('istio-system/public');
    expect(publicGateway?.hosts).toEqual(['*.example.com', 'shop/internal.example.org']);
    expect(index.get('istio-system/broken')?.servers).toEqual([]);
    expect(index.servesAny(publicGateway!, 'front', ['a.example.com'])).toBe(true);
    expect(index.servesAny(publicGateway!, 'front', ['internal.example.org'])).toBe(false);
    expect(index.servesAny(publicGateway!, 'shop', ['internal.example.org'])).toBe(true);
    expect(index.servesAny(publicGateway!, 'shop', ['*.org'])).toBe(true);
    expect(index.servesAny(publicGateway!, 'front', ['other.com'])).toBe(false);
  });
});

describe('the VirtualService reference rules on manifests of every wrong shape', () => {
  const codes = ['XR001', 'XR002', 'XR004', 'XR005', 'XR007', 'XR008', 'XR009', 'XR010', 'XR011', 'XR012', 'XR013', 'XR014'];
  const odd: unknown[] = [
    null, 5, 'text', [], {},
    { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: null, spec: null },
    { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'a' }, spec: [] },
    virtualService('b', { hosts: [null, 5, {}, '__proto__'], gateways: [null, {}, '__proto__', 'constructor/x'], exportTo: [null, 5], http: [null, 5, { route: null, mirror: 5, mirrors: [null, { destination: [] }], match: [null, { gateways: 'x' }] }], tcp: {}, tls: [{ route: [{ destination: { host: '__proto__', subset: '__proto__', port: { number: 'x' } } }] }] }),
    { apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name: 'c' }, spec: { host: '__proto__', subsets: [null, { name: null }, { name: '__proto__' }] } },
    { apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name: 'd' }, spec: { host: 5, subsets: {} } },
    { apiVersion: 'networking.istio.io/v1', kind: 'Gateway', metadata: { name: 'e' }, spec: { servers: [null, { hosts: [null, '*/*'] }, { port: [] }] } },
    { apiVersion: 'networking.istio.io/v1', kind: 'Gateway', metadata: { name: '__proto__' }, spec: 'x' },
    { apiVersion: 'networking.istio.io/v1', kind: 'ServiceEntry', metadata: { name: 'f', annotations: null }, spec: { hosts: [null, '', '*.example.com'], ports: 'x', exportTo: 'x' } },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'g', annotations: { 'networking.istio.io/exportTo': 5 } }, spec: { ports: [null] } },
    service('h', { annotations: { 'networking.istio.io/exportTo': ' , ,' } }),
    routeTo('h', { host: 'h', port: { number: 81 } }),
  ];

  it('never throw, and never crash the engine', () => {
    const found = validateManifests(odd);
    expect(found.filter(d => d.code === 'TRF000')).toEqual([]);
    const mine = found.filter(d => codes.includes(d.code));
    // the one real finding: port 81 of Service/default/h
    expect(mine.map(d => d.code)).toContain('XR001');
  });
});
