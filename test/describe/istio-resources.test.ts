import * as fs from 'fs';
import { parseAllDocuments } from 'yaml';
import { describeManifests, renderDescription } from '../../src/describe/describe';
import { summarizeDestinationRule } from '../../src/describe/destination-rule-summary';
import { gatewayRefOf, summarizeGateway } from '../../src/describe/gateway-summary';
import { renderMermaid } from '../../src/describe/mermaid';
import { summarizeServiceEntry } from '../../src/describe/service-entry-summary';
import { connectionPoolText, loadBalancerText, outlierDetectionText, tlsText } from '../../src/describe/traffic-policy-text';

const VERSIONS = ['networking.istio.io/v1', 'networking.istio.io/v1beta1', 'networking.istio.io/v1alpha3'];

function istio(kind: string, namespace: string, name: string, spec: unknown, apiVersion = VERSIONS[0]): Record<string, unknown> {
  return { apiVersion, kind, metadata: { name, namespace }, spec };
}

function service(namespace: string, name: string, selector: Record<string, string>): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { selector, ports: [{ name: 'http', port: 80 }] } };
}

function deployment(namespace: string, name: string, labels: Record<string, string>): Record<string, unknown> {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace }, spec: { template: { metadata: { labels } } } };
}

const REVIEWS_DR = {
  host: 'reviews',
  trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' }, portLevelSettings: [{ port: { number: 9080 }, loadBalancer: { simple: 'RANDOM' } }] },
  subsets: [
    { name: 'v1', labels: { version: 'v1' } },
    { name: 'v2', labels: { version: 'v2' }, trafficPolicy: { loadBalancer: { simple: 'ROUND_ROBIN' }, portLevelSettings: [{ port: { number: 9080 }, tls: { mode: 'DISABLE' } }] } },
    { name: 'v3', labels: { version: 'v3' } },
  ],
};

describe('DestinationRules', () => {
  it.each(VERSIONS)('reads %s', apiVersion => {
    const description = describeManifests([istio('DestinationRule', 'shop', 'web', { host: 'web' }, apiVersion)]);
    expect(description.destinationRules.map(r => `${r.namespace}/${r.name} ${r.host}`)).toEqual(['shop/web web']);
  });

  it('resolves the host, counts the workloads of each subset, and lists a policy per level', () => {
    const description = describeManifests([
      service('bookinfo', 'reviews', { app: 'reviews' }),
      deployment('bookinfo', 'reviews-v1', { app: 'reviews', version: 'v1' }),
      deployment('bookinfo', 'reviews-v2a', { app: 'reviews', version: 'v2' }),
      deployment('bookinfo', 'reviews-v2b', { app: 'reviews', version: 'v2' }),
      deployment('bookinfo', 'other-v1', { app: 'other', version: 'v1' }),
      deployment('elsewhere', 'reviews-v1', { app: 'reviews', version: 'v1' }),
      istio('DestinationRule', 'bookinfo', 'reviews', REVIEWS_DR),
    ]);
    expect(description.destinationRules).toEqual([{
      namespace: 'bookinfo',
      name: 'reviews',
      host: 'reviews',
      target: { kind: 'Service', namespace: 'bookinfo', name: 'reviews' },
      subsets: [
        { name: 'v1', labels: 'version=v1', labelMap: { version: 'v1' }, workloads: 1 },
        { name: 'v2', labels: 'version=v2', labelMap: { version: 'v2' }, workloads: 2 },
        { name: 'v3', labels: 'version=v3', labelMap: { version: 'v3' }, workloads: 0 },
      ],
      policies: [
        { level: 'rule', loadBalancer: '-', connectionPool: '-', outlierDetection: '-', tls: 'ISTIO_MUTUAL' },
        { level: 'port 9080', loadBalancer: 'RANDOM', connectionPool: '-', outlierDetection: '-', tls: '-' },
        { level: 'subset v2', loadBalancer: 'ROUND_ROBIN', connectionPool: '-', outlierDetection: '-', tls: '-' },
        { level: 'subset v2, port 9080', loadBalancer: '-', connectionPool: '-', outlierDetection: '-', tls: 'DISABLE' },
      ],
    }]);
  });

  it('renders a block with the subset and policy tables', () => {
    const text = renderDescription(describeManifests([
      service('bookinfo', 'reviews', { app: 'reviews' }),
      deployment('bookinfo', 'reviews-v1', { app: 'reviews', version: 'v1' }),
      istio('DestinationRule', 'bookinfo', 'reviews', REVIEWS_DR),
    ]));
    expect(text.slice(text.indexOf('DestinationRule'))).toBe([
      'DestinationRule bookinfo/reviews',
      'Host:      reviews -> Service bookinfo/reviews',
      'SUBSET   LABELS       WORKLOADS',
      'v1       version=v1   1',
      'v2       version=v2   0',
      'v3       version=v3   0',
      'POLICY                 LOAD BALANCER   CONNECTION POOL   OUTLIER DETECTION   TLS',
      'rule                   -               -                 -                   ISTIO_MUTUAL',
      'port 9080              RANDOM          -                 -                   -',
      'subset v2              ROUND_ROBIN     -                 -                   -',
      'subset v2, port 9080   -               -                 -                   DISABLE',
      '',
    ].join('\n'));
  });

  it('leaves the WORKLOADS column out when the set has no workloads, and says what the host names', () => {
    const text = renderDescription(describeManifests([
      istio('DestinationRule', 'shop', 'api', { host: 'api.example.com', subsets: [{ name: 'v1', labels: { version: 'v1' } }] }),
      istio('DestinationRule', 'shop', 'missing', { host: 'cart' }),
      istio('DestinationRule', 'shop', 'wide', { host: '*.shop.svc.cluster.local' }),
      istio('ServiceEntry', 'shop', 'api', { hosts: ['*.example.com'], resolution: 'DNS' }),
    ]));
    expect(text).toContain([
      'DestinationRule shop/api',
      'Host:      api.example.com -> ServiceEntry shop/api host *.example.com',
      'SUBSET   LABELS',
      'v1       version=v1',
      'Policies:  <none>',
    ].join('\n'));
    expect(text).toContain('DestinationRule shop/missing\nHost:      cart -> not in input\nSubsets:   <none>\nPolicies:  <none>\n');
    expect(text).toContain('Host:      *.shop.svc.cluster.local (wildcard)\n');
  });

  it('shows ? for the workloads of a host it cannot follow to workloads', () => {
    const rules = describeManifests([
      deployment('shop', 'web', { app: 'web' }),
      istio('DestinationRule', 'shop', 'external', { host: 'api.example.com', subsets: [{ name: 'v1', labels: { version: 'v1' } }] }),
      istio('DestinationRule', 'shop', 'web', { host: 'web', subsets: [{ name: 'v1', labels: { app: 'web' } }] }),
      service('shop', 'web', { app: 'web' }),
    ]);
    expect(rules.destinationRules.map(r => r.subsets.map(s => s.workloads))).toEqual([[undefined], [1]]);
    expect(renderDescription(rules)).toContain('SUBSET   LABELS       WORKLOADS\nv1       version=v1   ?\n');
  });

  it('counts no workloads for a subset whose labels contradict the Service selector', () => {
    const rules = describeManifests([
      service('shop', 'web', { app: 'web' }),
      deployment('shop', 'web', { app: 'web' }),
      istio('DestinationRule', 'shop', 'web', { host: 'web.shop.svc.cluster.local', subsets: [{ name: 'x', labels: { app: 'api' } }, { name: 'all' }] }),
    ]).destinationRules;
    expect(rules[0].subsets.map(s => [s.name, s.labels, s.workloads])).toEqual([['x', 'app=api', 0], ['all', '<none>', 1]]);
  });

  it.each<[string, unknown]>([
    ['a null spec', null],
    ['a spec that is a list', [1, 2]],
    ['a host that is a number', { host: 5 }],
    ['subsets that are not a list', { host: 'web', subsets: { name: 'v1' } }],
    ['null subsets and policies', { host: 'web', subsets: [null, { name: null, labels: null, trafficPolicy: null }], trafficPolicy: { portLevelSettings: [null, { port: null }] } }],
    ['policies of the wrong types', { host: 'web', trafficPolicy: { loadBalancer: 'x', connectionPool: [], outlierDetection: 7, tls: 'x' } }],
    ['__proto__ keys', JSON.parse('{"host":"web","subsets":[{"name":"v1","labels":{"__proto__":"x","constructor":"y"}}]}')],
  ])('degrades to ? or skips on %s', (_name, spec) => {
    const rule = summarizeDestinationRule(istio('DestinationRule', 'shop', 'web', spec));
    expect(() => renderDescription(describeManifests([istio('DestinationRule', 'shop', 'web', spec), deployment('shop', 'x', { app: 'x' })]))).not.toThrow();
    expect(rule.name).toBe('web');
  });

  it('keeps __proto__ and constructor as ordinary subset labels', () => {
    const rule = summarizeDestinationRule(istio('DestinationRule', 'shop', 'web', JSON.parse('{"host":"web","subsets":[{"name":"v1","labels":{"__proto__":"x","constructor":"y"}}]}')));
    expect(rule.subsets[0].labels).toBe('__proto__=x,constructor=y');
    expect(Object.getPrototypeOf(rule.subsets[0].labelMap)).toBe(Object.prototype);
  });

  it('shows policies of the wrong type as ?', () => {
    const rule = summarizeDestinationRule(istio('DestinationRule', 'shop', 'web', { host: 'web', trafficPolicy: { loadBalancer: 'x', connectionPool: [], outlierDetection: 7, tls: 'x' } }));
    expect(rule.policies).toEqual([{ level: 'rule', loadBalancer: '?', connectionPool: '?', outlierDetection: '?', tls: '?' }]);
  });
});

describe('traffic policy text', () => {
  it.each<[unknown, string]>([
    [undefined, '-'],
    [{}, '-'],
    [{ simple: 'LEAST_REQUEST' }, 'LEAST_REQUEST'],
    [{ simple: 3 }, '?'],
    [{ consistentHash: { httpHeaderName: 'x-user' } }, 'hash header x-user'],
    [{ consistentHash: { httpCookie: { name: 'session', ttl: '10s' } } }, 'hash cookie session ttl 10s'],
    [{ consistentHash: { useSourceIp: true, maglev: { tableSize: 65537 } } }, 'hash source IP (maglev)'],
    [{ consistentHash: { httpQueryParameterName: 'user', ringHash: {} } }, 'hash query param user (ring hash)'],
    [{ consistentHash: 'x' }, 'hash ?'],
    [{ simple: 'ROUND_ROBIN', localityLbSetting: { enabled: true }, warmupDurationSecs: '60s' }, 'ROUND_ROBIN, locality, warmup 60s'],
    [{ simple: 'LEAST_REQUEST', warmup: { duration: '30s' } }, 'LEAST_REQUEST, warmup 30s'],
  ])('load balancer %j -> %s', (value, expected) => {
    expect(loadBalancerText(value)).toBe(expected);
  });

  it.each<[unknown, string]>([
    [null, '-'],
    [{ tcp: { maxConnections: 100, connectTimeout: '30ms', tcpKeepalive: { time: '7200s' } } }, 'tcp: max connections 100, connect timeout 30ms, keepalive'],
    [{ http: { http1MaxPendingRequests: 1, maxRequestsPerConnection: 1, maxRetries: 3, useClientProtocol: true } }, 'http: max pending 1, max per connection 1, max retries 3, client protocol'],
    [{ tcp: {}, http: { h2UpgradePolicy: 'UPGRADE', http2MaxRequests: 1000, idleTimeout: '1h' } }, 'tcp: defaults; http: max requests 1000, idle timeout 1h, h2 upgrade UPGRADE'],
    [{ tcp: 'x' }, 'tcp: ?'],
    [{ tcp: { maxConnections: { nested: true } } }, 'tcp: max connections ?'],
  ])('connection pool %j -> %s', (value, expected) => {
    expect(connectionPoolText(value)).toBe(expected);
  });

  it.each<[unknown, string]>([
    [undefined, '-'],
    [{}, 'defaults'],
    [{ consecutive5xxErrors: 7, interval: '5m', baseEjectionTime: '15m', maxEjectionPercent: 100 }, '5xx errors 7, interval 5m, eject 15m, max ejected 100%'],
    [{ consecutiveGatewayErrors: 3, minHealthPercent: 50, splitExternalLocalOriginErrors: true, consecutiveLocalOriginFailures: 2 }, 'gateway errors 3, local failures 2, min health 50%, split local errors'],
    [{ consecutiveErrors: 5 }, 'errors 5'],
  ])('outlier detection %j -> %s', (value, expected) => {
    expect(outlierDetectionText(value)).toBe(expected);
  });

  it.each<[unknown, string]>([
    [undefined, '-'],
    [{}, 'DISABLE'],
    [{ mode: 'SIMPLE', sni: 'api.example.com' }, 'SIMPLE, sni api.example.com'],
    [{ mode: 'ISTIO_MUTUAL' }, 'ISTIO_MUTUAL'],
    [{ mode: 1 }, '?'],
    ['x', '?'],
  ])('tls %j -> %s', (value, expected) => {
    expect(tlsText(value)).toBe(expected);
  });
});

describe('Gateways', () => {
  it.each(VERSIONS)('reads %s, with its selector and servers', apiVersion => {
    const gateway = summarizeGateway(istio('Gateway', 'edge', 'public', {
      selector: { istio: 'ingressgateway' },
      servers: [
        { port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['shop/*.example.com', 'api.example.com'], tls: { mode: 'SIMPLE', credentialName: 'cert' } },
        { port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'], tls: { httpsRedirect: true } },
        { port: { number: 15443, name: 'tls', protocol: 'TLS' }, hosts: ['*.internal'], tls: {} },
        { port: { number: 8080, name: 'plain', protocol: 'HTTP' }, hosts: ['*'] },
      ],
    }, apiVersion));
    expect(describeManifests([istio('Gateway', 'edge', 'public', {}, apiVersion)]).gateways).toHaveLength(1);
    expect(gateway.selector).toBe('istio=ingressgateway');
    expect(gateway.servers.map(s => [s.port, s.protocol, s.name, s.hosts.join(','), s.tls])).toEqual([
      [443, 'HTTPS', 'https', 'shop/*.example.com,api.example.com', 'SIMPLE'],
      [80, 'HTTP', 'http', '*', 'redirect to HTTPS'],
      [15443, 'TLS', 'tls', '*.internal', 'PASSTHROUGH'],
      [8080, 'HTTP', 'plain', '*', '-'],
    ]);
  });

  it('degrades to ? on servers of the wrong shape', () => {
    const gateway = summarizeGateway(istio('Gateway', 'edge', 'g', { selector: 'x', servers: [null, { port: 'x', hosts: 'y', tls: 5 }, { port: { number: '80' }, tls: { mode: 2 } }] }));
    expect(gateway.selector).toBe('<none>');
    expect(gateway.servers).toEqual([
      { port: '?', protocol: '?', hosts: [], tls: '?' },
      { port: '80', protocol: '?', hosts: [], tls: '?' },
    ]);
    expect(renderDescription(describeManifests([istio('Gateway', 'edge', 'g', { servers: [] })]))).toBe('Gateway edge/g\nSelector:  <none>\n<no servers>\n');
  });

  // rows of istio/istio pilot/pkg/model/virtualservice_test.go gatewayNameTests (TestResolveGatewayName)
  it.each<[string, string, string | undefined]>([
    ['./gateway', 'default', 'default/gateway'],
    ['gateway', 'default', 'default/gateway'],
    ['default/gateway', 'foo', 'default/gateway'],
    ['gateway.default', 'default', 'default/gateway'],
    ['gateway.default', 'foo', 'default/gateway'],
    ['private.ingress.svc.cluster.local', 'foo', 'ingress/private'],
    ['mesh', 'foo', undefined],
  ])('a VirtualService in %s names gateway %s', (reference, namespace, expected) => {
    const ref = gatewayRefOf(reference, namespace);
    expect(ref ? `${ref.namespace}/${ref.name}` : undefined).toBe(expected);
  });
});

describe('ServiceEntries', () => {
  it.each(VERSIONS)('reads %s with the defaults', apiVersion => {
    const entry = summarizeServiceEntry(istio('ServiceEntry', 'shop', 'api', { hosts: ['api.example.com'], ports: [{ number: 443, name: 'https', protocol: 'TLS' }] }, apiVersion));
    expect(entry).toEqual({
      namespace: 'shop', name: 'api', hosts: ['api.example.com'], addresses: [], ports: '443/TLS',
      portList: [{ number: 443, name: 'https', protocol: 'TLS' }], location: 'MESH_EXTERNAL', resolution: 'NONE', endpoints: '<none>', workloadSelector: {},
    });
    expect(describeManifests([istio('ServiceEntry', 'shop', 'api', {}, apiVersion)]).serviceEntries).toHaveLength(1);
  });

  it('shows the endpoints or the workload selector', () => {
    const withEndpoints = summarizeServiceEntry(istio('ServiceEntry', 'shop', 'db', {
      hosts: ['db.internal'], addresses: ['10.0.0.5'], location: 'MESH_INTERNAL', resolution: 'STATIC',
      ports: [{ number: 5432, name: 'pg', targetPort: 15432 }], endpoints: [{ address: '10.0.0.6' }, null, { address: '10.0.0.7' }],
    }));
    expect([withEndpoints.ports, withEndpoints.endpoints, withEndpoints.portList[0].targetPort]).toEqual(['5432', '2 endpoints', 15432]);
    const withSelector = summarizeServiceEntry(istio('ServiceEntry', 'shop', 'vm', { hosts: ['vm.internal'], workloadSelector: { labels: { app: 'vm' } } }));
    expect(withSelector.endpoints).toBe('workloads app=vm');
  });

  it('degrades to ? on fields of the wrong type', () => {
    const entry = summarizeServiceEntry(istio('ServiceEntry', 'shop', 'x', { hosts: 'a', location: 1, resolution: [], ports: [{ number: null }], endpoints: 'x' }));
    expect([entry.hosts, entry.location, entry.resolution, entry.ports, entry.endpoints]).toEqual([[], '?', '?', '?', '<none>']);
  });

  it('renders the table', () => {
    expect(renderDescription(describeManifests([
      istio('ServiceEntry', 'shop', 'api', { hosts: ['api.example.com', 'www.example.com'], resolution: 'DNS', ports: [{ number: 443, name: 'https', protocol: 'TLS' }, { number: 80, name: 'http', protocol: 'HTTP' }] }),
    ]))).toBe([
      'NAMESPACE   NAME   HOSTS                             ADDRESSES   PORT(S)           LOCATION        RESOLUTION   ENDPOINTS',
      'shop        api    api.example.com,www.example.com   <none>      443/TLS,80/HTTP   MESH_EXTERNAL   DNS          <none>',
      '',
    ].join('\n'));
  });
});

describe('the traffic graph with Gateways, ServiceEntries and subsets', () => {
  const graphOf = (manifests: unknown[]) => describeManifests(manifests).graph;
  const route = (namespace: string, name: string, destinations: unknown[], extra: Record<string, unknown> = {}) =>
    istio('VirtualService', namespace, name, { hosts: [name], http: [{ name: 'main', route: destinations.map(destination => ({ destination })) }], ...extra });

  it('sends a route with a subset to the subset node, which picks the workloads of its Service with its labels', () => {
    const graph = graphOf([
      service('shop', 'web', { app: 'web' }),
      deployment('shop', 'web-v1', { app: 'web', version: 'v1' }),
      deployment('shop', 'web-v2', { app: 'web', version: 'v2' }),
      istio('DestinationRule', 'shop', 'web', { host: 'web', subsets: [{ name: 'v1', labels: { version: 'v1' } }] }),
      route('shop', 'web', [{ host: 'web', subset: 'v1' }, { host: 'web', subset: 'v9' }, { host: 'web' }]),
    ]);
    expect(graph.edges.filter(e => e.from === 'vs_shop_web').map(e => e.to)).toEqual(['sub_shop_web_v1', 'svc_shop_web', 'svc_shop_web']);
    expect(graph.edges.filter(e => e.from === 'sub_shop_web_v1' || e.to === 'sub_shop_web_v1').map(e => [e.from, e.kind, e.to])).toEqual([
      ['vs_shop_web', 'route', 'sub_shop_web_v1'],
      ['svc_shop_web', 'subset', 'sub_shop_web_v1'],
      ['sub_shop_web_v1', 'selects', 'wl_shop_web_v1_Deployment'],
    ]);
    expect(graph.nodes.find(n => n.id === 'sub_shop_web_v1')).toEqual({ id: 'sub_shop_web_v1', kind: 'subset', label: 'subset v1\nDestinationRule shop/web\nversion=v1' });
  });

  it('prefers the DestinationRule in the route\'s namespace, and an exact host over a wildcard', () => {
    const graph = graphOf([
      service('shop', 'web', { app: 'web' }),
      istio('DestinationRule', 'aaa', 'web', { host: 'web.shop.svc.cluster.local', subsets: [{ name: 'v1' }] }),
      istio('DestinationRule', 'front', 'web', { host: 'web.shop.svc.cluster.local', subsets: [{ name: 'v1' }] }),
      istio('DestinationRule', 'shop', 'all', { host: '*.shop.svc.cluster.local', subsets: [{ name: 'v1' }, { name: 'v2' }] }),
      route('front', 'a', [{ host: 'web.shop.svc.cluster.local', subset: 'v1' }]),
      route('other', 'b', [{ host: 'web.shop.svc.cluster.local', subset: 'v1' }, { host: 'web.shop.svc.cluster.local', subset: 'v2' }]),
      route('other', 'c', [{ host: 'api.shop.svc.cluster.local', subset: 'v2' }]),
    ]);
    const targets = (from: string) => graph.edges.filter(e => e.from === from && e.kind === 'route').map(e => e.to);
    expect(targets('vs_front_a')).toEqual(['sub_front_web_v1']);
    // an exact DestinationRule exists for the host: the wildcard one is not consulted
    expect(targets('vs_other_b')).toEqual(['sub_aaa_web_v1', 'svc_shop_web']);
    expect(targets('vs_other_c')).toEqual(['sub_shop_all_v2']);
  });

  it('resolves hosts to ServiceEntry hosts, exactly or through a wildcard, and follows their workload selector', () => {
    const graph = graphOf([
      istio('ServiceEntry', 'shop', 'api', { hosts: ['api.example.com', '*.example.org'], resolution: 'DNS', ports: [{ number: 443, name: 'https', protocol: 'TLS' }] }, VERSIONS[1]),
      istio('ServiceEntry', 'shop', 'vm', { hosts: ['vm.internal'], location: 'MESH_INTERNAL', resolution: 'STATIC', workloadSelector: { labels: { app: 'vm' } } }, VERSIONS[2]),
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'vm-0', namespace: 'shop', labels: { app: 'vm' } } },
      istio('DestinationRule', 'shop', 'org', { host: '*.example.org', subsets: [{ name: 'eu' }] }),
      route('shop', 'out', [{ host: 'api.example.com' }, { host: 'WWW.example.org', subset: 'eu' }, { host: 'www.example.net' }, { host: 'vm.internal' }]),
    ]);
    expect(graph.edges.filter(e => e.from === 'vs_shop_out').map(e => e.to)).toEqual([
      'se_shop_api_api_example_com', 'sub_shop_org_eu', 'ext_www_example_net', 'se_shop_vm_vm_internal',
    ]);
    expect(graph.nodes.find(n => n.id === 'se_shop_api_api_example_com')?.label).toBe('api.example.com\nServiceEntry shop/api\nMESH_EXTERNAL DNS 443/TLS');
    expect(graph.edges.filter(e => e.from === 'se_shop_vm_vm_internal').map(e => [e.kind, e.to])).toEqual([['selects', 'wl_shop_vm_0_Pod']]);
    expect(graph.edges.filter(e => e.to === 'sub_shop_org_eu' && e.kind === 'subset').map(e => e.from)).toEqual(['se_shop_api_example_org']);
  });

  it('draws a Gateway to each VirtualService bound to it, in every way a VirtualService names a gateway', () => {
    const graph = graphOf([
      istio('Gateway', 'edge', 'public', { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80, protocol: 'HTTP', name: 'http' }, hosts: ['*'] }] }, VERSIONS[2]),
      istio('Gateway', 'shop', 'local', { servers: [] }, VERSIONS[1]),
      route('shop', 'a', [], { gateways: ['edge/public', 'local', 'mesh'] }),
      route('shop', 'b', [], { gateways: ['public.edge.svc.cluster.local', './local', 'missing'] }),
      route('shop', 'c', []),
    ]);
    expect(graph.edges.filter(e => e.kind === 'binds').map(e => `${e.from} -> ${e.to}`)).toEqual([
      'gw_edge_public -> vs_shop_a', 'gw_shop_local -> vs_shop_a', 'gw_edge_public -> vs_shop_b', 'gw_shop_local -> vs_shop_b',
    ]);
    expect(graph.nodes.find(n => n.id === 'gw_edge_public')?.label).toBe('Gateway edge/public\nHTTP 80 *');
  });

  it('writes the new kinds in Mermaid with their own shapes and arrows', () => {
    const mermaid = renderMermaid(graphOf([
      istio('Gateway', 'edge', 'gw', { servers: [{ port: { number: 443, protocol: 'HTTPS', name: 'https' }, hosts: ['*'], tls: { mode: 'SIMPLE' } }] }),
      istio('ServiceEntry', 'shop', 'api', { hosts: ['api.example.com'] }),
      istio('DestinationRule', 'shop', 'api', { host: 'api.example.com', subsets: [{ name: 'v1', labels: { v: '1' } }] }),
      route('shop', 'api', [{ host: 'api.example.com', subset: 'v1' }], { gateways: ['edge/gw'] }),
    ]));
    expect(mermaid).toBe([
      'flowchart LR',
      '  gw_edge_gw[/"Gateway edge/gw<br/>HTTPS 443 *, TLS SIMPLE"\\]',
      '  vs_shop_api(["api<br/>VirtualService shop/api<br/>gateways edge/gw"])',
      '  se_shop_api_api_example_com[/"api.example.com<br/>ServiceEntry shop/api<br/>MESH_EXTERNAL NONE #lt;none#gt;"/]',
      '  sub_shop_api_v1("subset v1<br/>DestinationRule shop/api<br/>v=1")',
      '  gw_edge_gw --> vs_shop_api',
      '  vs_shop_api -->|"main: *, subset v1, 100%"| sub_shop_api_v1',
      '  se_shop_api_api_example_com -.-> sub_shop_api_v1',
      '',
    ].join('\n'));
  });

  it('is the same whatever the order of the input', () => {
    const text = fs.readFileSync('test/cli/fixtures/istio-kinds/clean.yaml', 'utf-8');
    const manifests = parseAllDocuments(text).map(doc => doc.toJS());
    expect(renderMermaid(graphOf([...manifests].reverse()))).toBe(renderMermaid(graphOf(manifests)));
    expect(renderDescription(describeManifests([...manifests].reverse()))).toBe(renderDescription(describeManifests(manifests)));
  });
});

describe('the istio-kinds fixture', () => {
  const manifests = parseAllDocuments(fs.readFileSync('test/cli/fixtures/istio-kinds/clean.yaml', 'utf-8')).map(doc => doc.toJS());

  it('JSON matches its snapshot', () => {
    expect(JSON.parse(JSON.stringify(describeManifests(manifests)))).toMatchSnapshot();
  });

  it('Mermaid matches its snapshot', () => {
    expect(renderMermaid(describeManifests(manifests).graph)).toMatchSnapshot();
  });
});

describe('untrusted input', () => {
  const ISTIO_KINDS = ['DestinationRule', 'Gateway', 'ServiceEntry', 'VirtualService'];
  const junk: unknown[] = [null, 0, 'x', true, [], [null], {}, { a: null }, JSON.parse('{"__proto__":{"x":1}}'), [{ name: null }]];

  it('never throws, whatever the fields hold', () => {
    const manifests: unknown[] = [];
    const fields = ['host', 'hosts', 'subsets', 'trafficPolicy', 'servers', 'selector', 'ports', 'workloadSelector', 'endpoints', 'location', 'resolution', 'gateways', 'http'];
    for (const kind of ISTIO_KINDS) {
      for (const value of junk) {
        manifests.push(istio(kind, 'shop', 'x', value));
        for (const field of fields) manifests.push(istio(kind, 'shop', `x-${field}`, { [field]: value }));
        manifests.push({ apiVersion: VERSIONS[1], kind, metadata: value, spec: { host: 'x', hosts: ['x'] } });
      }
    }
    const description = describeManifests(manifests);
    expect(() => renderDescription(description)).not.toThrow();
    expect(() => renderMermaid(description.graph)).not.toThrow();
    expect(() => JSON.stringify(description)).not.toThrow();
  });

  it('matches many Services, subsets and workloads with shared labels one to one (time is measured in the benchmark)', () => {
    const manifests: unknown[] = [];
    for (let i = 0; i < 2000; i++) {
      manifests.push(service('shop', `svc-${i}`, { app: `app-${i}` }));
      manifests.push(deployment('shop', `dep-${i}`, { app: `app-${i}`, tier: 'web', version: 'v1' }));
      manifests.push(istio('DestinationRule', 'shop', `dr-${i}`, { host: `svc-${i}`, subsets: [{ name: 'v1', labels: { version: 'v1' } }] }));
    }
    manifests.push(istio('VirtualService', 'shop', 'vs', { hosts: ['x'], http: [{ route: Array.from({ length: 2000 }, (_, i) => ({ destination: { host: `svc-${i}`, subset: 'v1' } })) }] }));
    const description = describeManifests(manifests);
    expect(description.destinationRules.every(rule => rule.subsets[0].workloads === 1)).toBe(true);
    expect(description.graph.edges.filter(e => e.kind === 'route').every(e => e.to.startsWith('sub_'))).toBe(true);
  });
});

describe('repeated input', () => {
  it('draws one subset node and one set of edges for a subset name given twice, or a DestinationRule given twice', () => {
    const dr = istio('DestinationRule', 'shop', 'web', { host: 'web', subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v1', labels: { version: 'v2' } }] });
    const graph = describeManifests([
      service('shop', 'web', { app: 'web' }),
      deployment('shop', 'web-v1', { app: 'web', version: 'v1' }),
      dr,
      dr,
    ]).graph;
    expect(graph.nodes.filter(n => n.kind === 'subset').map(n => n.label)).toEqual(['subset v1\nDestinationRule shop/web\nversion=v1']);
    expect(graph.edges.filter(e => e.from === 'sub_shop_web_v1' || e.to === 'sub_shop_web_v1').map(e => `${e.from} ${e.kind} ${e.to}`)).toEqual([
      'svc_shop_web subset sub_shop_web_v1',
      'sub_shop_web_v1 selects wl_shop_web_v1_Deployment',
    ]);
  });
});
