import { describeManifests } from '../../src/describe/describe';
import { quote, renderMermaid } from '../../src/describe/mermaid';
import { GraphEdge, TrafficGraph } from '../../src/describe/traffic-graph';

function service(namespace: string, name: string, spec: Record<string, unknown>): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { ports: [{ port: 80 }], ...spec } };
}

function virtualService(namespace: string, name: string, spec: Record<string, unknown>): Record<string, unknown> {
  return { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name, namespace }, spec };
}

/** A VirtualService in `shop` with one HTTP route to each host. */
function routesTo(...hosts: string[]): Record<string, unknown> {
  return virtualService('shop', 'routes', { hosts: ['web'], http: hosts.map(host => ({ route: [{ destination: { host } }] })) });
}

function workload(kind: string, namespace: string, name: string, labels: Record<string, string>): Record<string, unknown> {
  const metadata = { name, namespace };
  const template = { metadata: { labels } };
  switch (kind) {
    case 'Pod': return { apiVersion: 'v1', kind, metadata: { ...metadata, labels } };
    case 'CronJob': return { apiVersion: 'batch/v1', kind, metadata, spec: { jobTemplate: { spec: { template } } } };
    case 'Job': return { apiVersion: 'batch/v1', kind, metadata, spec: { template } };
    default: return { apiVersion: 'apps/v1', kind, metadata, spec: { template } };
  }
}

const graphOf = (manifests: unknown[]): TrafficGraph => describeManifests(manifests).graph;
const edgesFrom = (graph: TrafficGraph, from: string): GraphEdge[] => graph.edges.filter(e => e.from === from);
const labelOf = (graph: TrafficGraph, id: string): string | undefined => graph.nodes.find(n => n.id === id)?.label;

describe('buildTrafficGraph: hosts to Services', () => {
  const services = [service('shop', 'web', { selector: { app: 'web' } }), service('billing', 'api', { selector: { app: 'api' } })];

  it.each<[string, string]>([
    ['a short name, in the VirtualService namespace', 'web'],
    ['name.namespace', 'web.shop'],
    ['name.namespace.svc', 'web.shop.svc'],
    ['the full DNS name', 'web.shop.svc.cluster.local'],
  ])('resolves %s', (_name, host) => {
    const graph = graphOf([...services, routesTo(host)]);
    expect(edgesFrom(graph, 'vs_shop_routes').map(e => e.to)).toEqual(['svc_shop_web']);
  });

  it('resolves a Service in another namespace', () => {
    expect(edgesFrom(graphOf([...services, routesTo('api.billing.svc.cluster.local')]), 'vs_shop_routes').map(e => e.to)).toEqual(['svc_billing_api']);
  });

  it('does not resolve a short name against another namespace', () => {
    const graph = graphOf([...services, routesTo('api')]);
    expect(edgesFrom(graph, 'vs_shop_routes').map(e => e.to)).toEqual(['ext_api_shop_svc_cluster_local']);
    expect(labelOf(graph, 'ext_api_shop_svc_cluster_local')).toBe('api.shop.svc.cluster.local\nnot in input');
  });

  it('makes outside hosts external nodes, one per host', () => {
    const graph = graphOf([routesTo('api.example.com', 'API.example.com'), virtualService('shop', 'other', { hosts: ['x'], http: [{ route: [{ destination: { host: 'api.example.com' } }] }] })]);
    expect(graph.nodes.filter(n => n.kind === 'external').map(n => n.id)).toEqual(['ext_api_example_com']);
    expect(graph.edges.map(e => e.to)).toEqual(['ext_api_example_com', 'ext_api_example_com', 'ext_api_example_com']);
  });

  it('labels route edges with the route, its match, the subset and the share', () => {
    const graph = graphOf([
      ...services,
      virtualService('shop', 'routes', {
        hosts: ['web'],
        http: [{
          name: 'canary',
          match: [{ uri: { prefix: '/api' } }],
          route: [{ destination: { host: 'web', subset: 'v1', port: { number: 80 } }, weight: 90 }, { destination: { host: 'web', subset: 'v2' }, weight: 10 }],
        }],
      }),
    ]);
    expect(edgesFrom(graph, 'vs_shop_routes')).toEqual([
      { from: 'vs_shop_routes', to: 'svc_shop_web', kind: 'route', label: 'canary: uri prefix /api, subset v1, port 80, 90%', percent: 90 },
      { from: 'vs_shop_routes', to: 'svc_shop_web', kind: 'route', label: 'canary: uri prefix /api, subset v2, 10%', percent: 10 },
    ]);
  });

  it('draws mirrors, delegation and responses', () => {
    const graph = graphOf([
      ...services,
      virtualService('shop', 'root', {
        hosts: ['web'],
        http: [
          { name: 'shadow', route: [{ destination: { host: 'web' } }], mirror: { host: 'web-shadow' }, mirrorPercentage: { value: 5 } },
          { name: 'team', match: [{ uri: { prefix: '/team' } }], delegate: { name: 'team-routes' } },
          { name: 'gone', match: [{ uri: { prefix: '/old' } }], delegate: { name: 'missing', namespace: 'nowhere' } },
          { name: 'tls', redirect: { scheme: 'https' } },
        ],
      }),
      virtualService('shop', 'team-routes', { http: [{ route: [{ destination: { host: 'web' } }] }] }),
    ]);
    expect(edgesFrom(graph, 'vs_shop_root').map(e => [e.kind, e.to, e.label])).toEqual([
      ['route', 'svc_shop_web', 'shadow: *, 100%'],
      ['mirror', 'ext_web_shadow_shop_svc_cluster_local', 'shadow: *, mirror, 5%'],
      ['delegate', 'vs_shop_team_routes', 'team: uri prefix /team, delegate'],
      ['delegate', 'ext_VirtualService_nowhere_missing', 'gone: uri prefix /old, delegate'],
      ['response', 'resp_shop_root_http_3', 'tls: *'],
    ]);
    expect(labelOf(graph, 'resp_shop_root_http_3')).toBe('redirect 301 scheme https');
    expect(labelOf(graph, 'vs_shop_team_routes')).toBe('(delegate)\nVirtualService shop/team-routes');
  });
});

describe('buildTrafficGraph: Services to workloads', () => {
  const kinds = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'];

  it.each(kinds)('a selector picks the pods of a %s', kind => {
    const graph = graphOf([service('shop', 'web', { selector: { app: 'web' } }), workload(kind, 'shop', 'web', { app: 'web', tier: 'frontend' })]);
    expect(edgesFrom(graph, 'svc_shop_web')).toEqual([{ from: 'svc_shop_web', to: `wl_shop_web_${kind}`, kind: 'selects', label: '80->80' }]);
    expect(labelOf(graph, `wl_shop_web_${kind}`)).toBe(`${kind} shop/web`);
  });

  it.each<[string, Record<string, unknown>]>([
    ['in another namespace', workload('Deployment', 'other', 'web', { app: 'web' })],
    ['missing a selector label', workload('Deployment', 'shop', 'web', { tier: 'frontend' })],
    ['with another value', workload('Deployment', 'shop', 'web', { app: 'api' })],
    ['that runs no pods', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } } }],
  ])('a selector does not pick a workload %s', (_name, other) => {
    expect(edgesFrom(graphOf([service('shop', 'web', { selector: { app: 'web' } }), other]), 'svc_shop_web')).toEqual([]);
  });

  it('a Service without a selector picks no workload, but its EndpointSlices', () => {
    const graph = graphOf([
      service('data', 'db', { ports: [{ port: 5432, targetPort: 15432 }] }),
      workload('Deployment', 'data', 'anything', {}),
      {
        apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
        metadata: { name: 'db-1', namespace: 'data', labels: { 'kubernetes.io/service-name': 'db' } },
        endpoints: [1, 2, 3, 4, 5].map(i => ({ addresses: [`192.0.2.${i}`] })),
      },
    ]);
    expect(edgesFrom(graph, 'svc_data_db')).toEqual([{ from: 'svc_data_db', to: 'eps_data_db_1', kind: 'endpoints', label: '5432->15432' }]);
    expect(labelOf(graph, 'eps_data_db_1')).toBe('EndpointSlice data/db-1\n192.0.2.1, 192.0.2.2, 192.0.2.3, 192.0.2.4 +1 more');
  });

  it('an ExternalName Service points at its DNS name', () => {
    const graph = graphOf([service('shop', 'db', { type: 'ExternalName', externalName: 'DB.example.com' })]);
    expect(edgesFrom(graph, 'svc_shop_db')).toEqual([{ from: 'svc_shop_db', to: 'ext_db_example_com', kind: 'alias', label: 'DNS alias' }]);
  });
});

describe('buildTrafficGraph: ids and order', () => {
  it('gives distinct valid ids to names that sanitise alike', () => {
    const graph = graphOf([service('shop', 'a-b', {}), service('shop', 'a.b', {}), service('shop', 'end', {}), service('o', 'x', {})]);
    const ids = graph.nodes.map(n => n.id);
    expect(ids).toEqual(['svc_o_x', 'svc_shop_a_b', 'svc_shop_a_b_2', 'svc_shop_end']);
    for (const id of ids) expect(id).toMatch(/^[a-z]+_[A-Za-z0-9_]+$/);
  });

  it('is the same whatever the order of the input', () => {
    const manifests = [
      service('shop', 'web', { selector: { app: 'web' } }),
      service('shop', 'api', { selector: { app: 'api' } }),
      workload('Deployment', 'shop', 'web', { app: 'web' }),
      workload('Pod', 'shop', 'api-0', { app: 'api' }),
      workload('StatefulSet', 'shop', 'api', { app: 'api' }),
      routesTo('web', 'api', 'outside.example.com'),
      virtualService('shop', 'a', { hosts: ['api'], http: [{ route: [{ destination: { host: 'api' } }] }] }),
    ];
    const forward = renderMermaid(graphOf(manifests));
    expect(renderMermaid(graphOf([...manifests].reverse()))).toBe(forward);
  });
});

describe('renderMermaid', () => {
  it('quotes labels and escapes what would end them or read as HTML or Markdown', () => {
    expect(quote('a "b" | <c> #d; `e`\nf')).toBe('"a #quot;b#quot; #124; #lt;c#gt; #35;d; #96;e#96;<br/>f"');
  });

  it('writes a flowchart with a shape per kind and an arrow per edge kind', () => {
    const graph = graphOf([
      service('shop', 'web', { selector: { app: 'web' } }),
      service('shop', 'db', { type: 'ExternalName', externalName: 'db.example.com' }),
      workload('Deployment', 'shop', 'web', { app: 'web' }),
      virtualService('shop', 'web', {
        hosts: ['web'],
        http: [
          { name: 'main', route: [{ destination: { host: 'web' } }], mirror: { host: 'db' } },
          { name: 'down', directResponse: { status: 503 } },
        ],
      }),
    ]);
    expect(renderMermaid(graph)).toBe([
      'flowchart LR',
      '  vs_shop_web(["web<br/>VirtualService shop/web"])',
      '  svc_shop_db["Service shop/db<br/>ExternalName 80/TCP"]',
      '  svc_shop_web["Service shop/web<br/>ClusterIP 80/TCP"]',
      '  wl_shop_web_Deployment[["Deployment shop/web"]]',
      '  ext_db_example_com{{"db.example.com<br/>external"}}',
      '  resp_shop_web_http_1>"respond 503"]',
      '  vs_shop_web -->|"main: *, 100%"| svc_shop_web',
      '  vs_shop_web -.->|"main: *, mirror, 100%"| svc_shop_db',
      '  vs_shop_web -->|"down: *"| resp_shop_web_http_1',
      '  svc_shop_db -.->|"DNS alias"| ext_db_example_com',
      '  svc_shop_web ==>|"80-#gt;80"| wl_shop_web_Deployment',
      '',
    ].join('\n'));
  });

  it('writes an empty flowchart for no resources', () => {
    expect(renderMermaid(graphOf([]))).toBe('flowchart LR\n');
  });
});
