import { ApiObject, Chart, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  ClientTls, ClientTlsMode, ClusterIpService, ConnectionPool, Destination, DestinationRule, H2UpgradePolicy, HashAlgorithm, HashKey, Host,
  IstioNetworkingApiVersion, IstioProtocol, LoadBalancer, LocalityLoadBalancing, OutlierDetection, PortTrafficPolicy, ProxyProtocolVersion, ServiceEntry,
  ServiceEntryResolution, ServiceSelector, SimpleLoadBalancer, Subset, TunnelProtocol, VirtualService,
} from '../../src';
import { manifestsOf, newChart, synthErrors } from '../util';

function reviewsService(chart: Chart): ClusterIpService {
  return new ClusterIpService(chart, 'reviews', { metadata: { name: 'reviews' }, selector: ServiceSelector.fromLabels({ app: 'reviews' }), ports: [{ name: 'http', port: 9080 }] });
}

function reviewsDeployment(chart: Chart, version: string, extra: Record<string, string> = {}): kplus.Deployment {
  return new kplus.Deployment(chart, `reviews-${version}`, {
    metadata: { name: `reviews-${version}` },
    podMetadata: { labels: { app: 'reviews', version, ...extra } },
    containers: [{ image: `docker.io/istio/examples-bookinfo-reviews-${version}:1.20.2`, securityContext: { ensureNonRoot: false } }],
  });
}

function specOf(chart: Chart): any {
  return manifestsOf(chart, 'DestinationRule')[0].spec;
}

describe('DestinationRule', () => {
  test('renders host, subsets from labels, and routes take the subset objects', () => {
    // given a Service and a rule with two subsets
    const { app, chart } = newChart({ namespace: 'shop' });
    const reviews = reviewsService(chart);
    const rule = new DestinationRule(chart, 'dr', { metadata: { name: 'reviews' }, host: Host.service(reviews) });
    const v1 = rule.addSubset('v1', { labels: { version: 'v1' } });
    const v2 = rule.addSubset('v2', { labels: { version: 'v2' } });

    // when a VirtualService routes to them
    new VirtualService(chart, 'vs', {
      hosts: [Host.service(reviews)],
      http: [{ route: [{ destination: Destination.service(reviews, { subset: v1 }), weight: 90 }, { destination: Destination.service(reviews, { subset: v2 }), weight: 10 }] }],
    });

    // then both render the subset names
    expect(manifestsOf(chart, 'DestinationRule')).toEqual([{
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: 'reviews', namespace: 'shop' },
      spec: {
        host: 'reviews.shop.svc.cluster.local',
        subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' } }],
      },
    }]);
    expect(manifestsOf(chart, 'VirtualService')[0].spec.http[0].route.map((r: any) => r.destination.subset)).toEqual(['v1', 'v2']);
    expect(rule.subsets.map(s => s.name)).toEqual(['v1', 'v2']);
    expect(v1.destinationRule).toBe(rule);
    expect(rule.namespace).toBe('shop');
    expect(rule.name).toBe('reviews');
    expect(synthErrors(app)).toBeUndefined();
  });

  test('writes the API version asked for, and takes a host by name', () => {
    const { chart } = newChart();
    new DestinationRule(chart, 'dr', { host: Host.of('reviews'), apiVersion: IstioNetworkingApiVersion.V1ALPHA3, trafficPolicy: { loadBalancer: LoadBalancer.random() } });
    const [manifest] = manifestsOf(chart, 'DestinationRule');
    expect(manifest.apiVersion).toBe('networking.istio.io/v1alpha3');
    expect(manifest.spec).toEqual({ host: 'reviews', trafficPolicy: { loadBalancer: { simple: 'RANDOM' } } });
  });

  test('takes a ServiceEntry as host', () => {
    const { app, chart } = newChart();
    const entry = new ServiceEntry(chart, 'se', {
      hosts: ['api.example.com', 'www.example.com'],
      ports: [{ number: 443, protocol: IstioProtocol.TLS }],
      resolution: ServiceEntryResolution.DNS,
    });
    new DestinationRule(chart, 'first', { host: Host.serviceEntry(entry), trafficPolicy: { tls: ClientTls.simple() } });
    new DestinationRule(chart, 'second', { host: Host.serviceEntry(entry, 'www.example.com'), trafficPolicy: { tls: ClientTls.simple() } });
    expect(manifestsOf(chart, 'DestinationRule').map(m => m.spec.host)).toEqual(['api.example.com', 'www.example.com']);
    expect(synthErrors(app)).toBeUndefined();
  });

  test('errors at synth when the ServiceEntry has no such host', () => {
    const { app, chart } = newChart();
    const entry = new ServiceEntry(chart, 'se', { hosts: ['api.example.com'], ports: [{ number: 443, protocol: IstioProtocol.TLS }], resolution: ServiceEntryResolution.DNS });
    new DestinationRule(chart, 'dr', { host: Host.serviceEntry(entry, 'typo.example.com') });
    expect(synthErrors(app)).toMatch(/\[test\/dr\] TRF002 .*ServiceEntry test\/se has no host "typo\.example\.com"/);
  });

  describe('subsets from workloads', () => {
    test('select by the pod labels that tell the workloads apart', () => {
      const { app, chart } = newChart();
      const v1 = reviewsDeployment(chart, 'v1');
      const v2 = reviewsDeployment(chart, 'v2', { track: 'canary' });
      const rule = new DestinationRule(chart, 'dr', { host: Host.of('reviews') });
      rule.addSubset('v1', { workload: v1 });
      rule.addSubset('v2', { workload: v2 });
      expect(specOf(chart).subsets).toEqual([
        { name: 'v1', labels: { version: 'v1' } },
        { name: 'v2', labels: { version: 'v2', track: 'canary' } },
      ]);
      expect(synthErrors(app)).toBeUndefined();
    });

    test('see labels added to the workload after the subset', () => {
      const { chart } = newChart();
      const v1 = reviewsDeployment(chart, 'v1');
      const v2 = reviewsDeployment(chart, 'v2');
      const rule = new DestinationRule(chart, 'dr', { host: Host.of('reviews') });
      rule.addSubset('v1', { workload: v1 });
      rule.addSubset('v2', { workload: v2 });
      v2.podMetadata.addLabel('track', 'canary');
      expect(specOf(chart).subsets[1]).toEqual({ name: 'v2', labels: { version: 'v2', track: 'canary' } });
    });

    test('keep every pod label of a single workload subset, and add explicit labels', () => {
      const { chart } = newChart();
      const v1 = reviewsDeployment(chart, 'v1');
      const rule = new DestinationRule(chart, 'dr', { host: Host.of('reviews') });
      rule.addSubset('v1', { workload: v1, labels: { zone: 'a' } });
      rule.addSubset('all', { labels: { app: 'reviews' } });
      expect(specOf(chart).subsets).toEqual([
        { name: 'v1', labels: { app: 'reviews', version: 'v1', zone: 'a' } },
        { name: 'all', labels: { app: 'reviews' } },
      ]);
    });

    test('read plain ApiObjects with spec.template', () => {
      const { chart } = newChart();
      const raw = (version: string) => new ApiObject(chart, `raw-${version}`, {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name: `db-${version}` },
        spec: { selector: { matchLabels: { app: 'db', version } }, template: { metadata: { labels: { app: 'db', version } }, spec: { containers: [] } } },
      });
      const rule = new DestinationRule(chart, 'dr', { host: Host.of('db') });
      rule.addSubset('a', { workload: raw('a') });
      rule.addSubset('b', { workload: raw('b') });
      expect(specOf(chart).subsets).toEqual([{ name: 'a', labels: { version: 'a' } }, { name: 'b', labels: { version: 'b' } }]);
    });

    test('fall back to the generated pod label of a workload without labels of its own', () => {
      const { chart } = newChart();
      const bare = new kplus.Deployment(chart, 'bare', { containers: [{ image: 'nginx', securityContext: { ensureNonRoot: false } }] });
      const rule = new DestinationRule(chart, 'dr', { host: Host.of('web') });
      rule.addSubset('bare', { workload: bare });
      const labels = specOf(chart).subsets[0].labels;
      expect(Object.keys(labels)).toEqual(['cdk8s.io/metadata.addr']);
    });

    test('errors when two workload subsets have the same pod labels', () => {
      const { app, chart } = newChart();
      const a = reviewsDeployment(chart, 'v1');
      const b = new kplus.Deployment(chart, 'copy', { podMetadata: { labels: { app: 'reviews', version: 'v1' } }, containers: [{ image: 'x', securityContext: { ensureNonRoot: false } }] });
      const c = reviewsDeployment(chart, 'v3');
      const rule = new DestinationRule(chart, 'dr', { host: Host.of('reviews') });
      rule.addSubset('v1', { workload: a });
      rule.addSubset('copy', { workload: b });
      rule.addSubset('v3', { workload: c });
      const errors = synthErrors(app) ?? '';
      expect(errors).not.toContain('spec.subsets[0]');
      expect(errors).not.toContain('spec.subsets[2]');
      expect(errors).toContain('[test/dr] DR091 spec.subsets[1].labels: subset "copy": workload test/copy has the same pod labels {"version":"v1"} as the workload of subset "v1"');
    });

    test('errors when every pod label of a workload subset is shared by the others', () => {
      const { app, chart } = newChart();
      const a = reviewsDeployment(chart, 'v1');
      const b = reviewsDeployment(chart, 'v2');
      const rule = new DestinationRule(chart, 'dr', { host: Host.of('reviews') });
      rule.addSubset('all', { workload: new kplus.Deployment(chart, 'all', { podMetadata: { labels: { app: 'reviews' } }, containers: [{ image: 'x', securityContext: { ensureNonRoot: false } }] }) });
      rule.addSubset('v1', { workload: a });
      rule.addSubset('v2', { workload: b });
      const errors = synthErrors(app) ?? '';
      expect(errors).toMatch(/\[test\/dr\] DR091 spec\.subsets\[0\]\.labels: subset "all": the pod labels of workload test\/all are all shared by the workloads of subsets "v1", "v2"/);
      expect(errors).not.toContain('spec.subsets[1]');
    });

    test('errors when the workload renders no pod template', () => {
      const { app, chart } = newChart();
      const config = new ApiObject(chart, 'config', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'config' } });
      const rule = new DestinationRule(chart, 'dr', { host: Host.of('reviews') });
      rule.addSubset('v1', { workload: config });
      expect(synthErrors(app)).toMatch(/\[test\/dr\] SEL005 spec\.subsets\[0\]\.labels: construct test\/config renders a ConfigMap \(v1\), which has no pod template/);
    });

    test('errors instead of recursing when the rule is its own workload', () => {
      const { app, chart } = newChart();
      const rule = new DestinationRule(chart, 'dr', { host: Host.of('reviews') });
      rule.addSubset('self', { workload: rule });
      expect(synthErrors(app)).toMatch(/\[test\/dr\] SEL005 spec\.subsets\[0\]\.labels: construct test\/dr renders a DestinationRule/);
    });
  });

  test('errors when a subset name is repeated or not a DNS label', () => {
    const { chart } = newChart();
    const rule = new DestinationRule(chart, 'dr', { host: Host.of('reviews') });
    rule.addSubset('v1');
    expect(() => rule.addSubset('v1')).toThrow('DR003 [test/dr] subset "v1" is already defined in this DestinationRule');
    expect(() => rule.addSubset('V_1')).toThrow('DR004 [test/dr] subset "V_1" must be a DNS label');
    expect(rule.subsets).toHaveLength(1);
  });

  test('names subsets defined elsewhere with Subset.named()', () => {
    expect(Destination.host('reviews', { subset: Subset.named('v2') })._render()).toEqual({ host: 'reviews', subset: 'v2' });
    expect(Subset.named('v2').destinationRule).toBeUndefined();
    expect(() => Subset.named('v.2')).toThrow('VS036 subset "v.2" must be a DNS label');
  });

  test('errors when a subset is given as a string from JavaScript', () => {
    expect(() => Destination.host('reviews', { subset: 'v2' as any })).toThrow('TRF012 Destination.host() options.subset expects a Subset, got the string "v2": create it with Subset.named(name)');
  });
});

describe('traffic policies', () => {
  test('render every load balancer', () => {
    const cases: Array<[LoadBalancer, unknown]> = [
      [LoadBalancer.roundRobin(), { simple: 'ROUND_ROBIN' }],
      [LoadBalancer.leastRequest(), { simple: 'LEAST_REQUEST' }],
      [LoadBalancer.random(), { simple: 'RANDOM' }],
      [LoadBalancer.passthrough(), { simple: 'PASSTHROUGH' }],
      [LoadBalancer.simple(SimpleLoadBalancer.LEAST_CONN), { simple: 'LEAST_CONN' }],
      [LoadBalancer.consistentHash(HashKey.httpHeader('x-user')), { consistentHash: { httpHeaderName: 'x-user' } }],
      [LoadBalancer.consistentHash(HashKey.httpCookie({ name: 'session', path: '/', ttl: Duration.hours(1) })), { consistentHash: { httpCookie: { name: 'session', path: '/', ttl: '3600s' } } }],
      [LoadBalancer.consistentHash(HashKey.httpCookie({ name: 'session', ttl: Duration.seconds(0) })), { consistentHash: { httpCookie: { name: 'session', ttl: '0s' } } }],
      [LoadBalancer.consistentHash(HashKey.sourceIp(), { algorithm: HashAlgorithm.ringHash(2048) }), { consistentHash: { useSourceIp: true, ringHash: { minimumRingSize: 2048 } } }],
      [LoadBalancer.consistentHash(HashKey.queryParameter('user'), { algorithm: HashAlgorithm.maglev(65537) }), { consistentHash: { httpQueryParameterName: 'user', maglev: { tableSize: 65537 } } }],
      [LoadBalancer.consistentHash(HashKey.sourceIp(), { algorithm: HashAlgorithm.ringHash() }), { consistentHash: { useSourceIp: true, ringHash: {} } }],
      [LoadBalancer.roundRobin({ warmup: { duration: Duration.seconds(30), minimumPercent: 20, aggression: 1.5 } }),
        { simple: 'ROUND_ROBIN', warmup: { duration: '30s', minimumPercent: 20, aggression: 1.5 } }],
      [LoadBalancer.leastRequest({ locality: LocalityLoadBalancing.distribute([{ source: 'us-west/zone1/*', weights: { 'us-west/zone1/*': 80, 'us-west/zone2/*': 20 } }]) }),
        { simple: 'LEAST_REQUEST', localityLbSetting: { distribute: [{ from: 'us-west/zone1/*', to: { 'us-west/zone1/*': 80, 'us-west/zone2/*': 20 } }] } }],
      [LoadBalancer.localityOnly(LocalityLoadBalancing.failover({ enabled: true, failover: [{ fromRegion: 'us-east', toRegion: 'eu-west' }], failoverPriority: ['topology.istio.io/network'] })),
        { localityLbSetting: { enabled: true, failover: [{ from: 'us-east', to: 'eu-west' }], failoverPriority: ['topology.istio.io/network'] } }],
      [LoadBalancer.localityOnly(LocalityLoadBalancing.disabled(), { duration: Duration.minutes(1) }), { localityLbSetting: { enabled: false }, warmup: { duration: '60s' } }],
      [LoadBalancer.random({ locality: LocalityLoadBalancing.distribute([{ source: 'a/*', weights: { 'a/*': 100 } }], { enabled: true }) }),
        { simple: 'RANDOM', localityLbSetting: { enabled: true, distribute: [{ from: 'a/*', to: { 'a/*': 100 } }] } }],
    ];
    for (const [balancer, expected] of cases) expect(balancer._render()).toEqual(expected);
  });

  test('render connection pools with every field', () => {
    const tcp = {
      maxConnections: 100,
      connectTimeout: Duration.millis(250),
      tcpKeepalive: { probes: 3, time: Duration.minutes(2), interval: Duration.seconds(30) },
      maxConnectionDuration: Duration.hours(1),
      idleTimeout: Duration.seconds(0),
    };
    const http = {
      http1MaxPendingRequests: 10,
      http2MaxRequests: 1000,
      maxRequestsPerConnection: 1,
      maxRetries: 3,
      idleTimeout: Duration.minutes(5),
      h2UpgradePolicy: H2UpgradePolicy.DO_NOT_UPGRADE,
      useClientProtocol: true,
      maxConcurrentStreams: 100,
    };
    const tcpJson = { maxConnections: 100, connectTimeout: '250ms', tcpKeepalive: { probes: 3, time: '120s', interval: '30s' }, maxConnectionDuration: '3600s', idleTimeout: '0s' };
    const httpJson = {
      http1MaxPendingRequests: 10, http2MaxRequests: 1000, maxRequestsPerConnection: 1, maxRetries: 3, idleTimeout: '300s',
      h2UpgradePolicy: 'DO_NOT_UPGRADE', useClientProtocol: true, maxConcurrentStreams: 100,
    };
    expect(ConnectionPool.tcp(tcp)._render()).toEqual({ tcp: tcpJson });
    expect(ConnectionPool.http(http)._render()).toEqual({ http: httpJson });
    expect(ConnectionPool.tcpAndHttp({ maxConnections: 1 }, { http1MaxPendingRequests: 1 })._render()).toEqual({ tcp: { maxConnections: 1 }, http: { http1MaxPendingRequests: 1 } });
  });

  test('errors when the client protocol is kept while upgrading to HTTP/2', () => {
    expect(() => ConnectionPool.http({ useClientProtocol: true, h2UpgradePolicy: H2UpgradePolicy.UPGRADE })).toThrow('DR027 useClientProtocol true cannot be combined with h2UpgradePolicy UPGRADE');
    expect(ConnectionPool.http({ useClientProtocol: false, h2UpgradePolicy: H2UpgradePolicy.UPGRADE })._render()).toEqual({ http: { useClientProtocol: false, h2UpgradePolicy: 'UPGRADE' } });
  });

  test('render outlier detection with every field', () => {
    expect(OutlierDetection.consecutiveErrors({
      consecutive5xxErrors: 7,
      consecutiveGatewayErrors: 3,
      splitExternalLocalOriginErrors: true,
      consecutiveLocalOriginFailures: 2,
      interval: Duration.seconds(5),
      baseEjectionTime: Duration.minutes(1),
      maxEjectionPercent: 50,
      minHealthPercent: 25,
    })._render()).toEqual({
      splitExternalLocalOriginErrors: true,
      consecutiveLocalOriginFailures: 2,
      consecutiveGatewayErrors: 3,
      consecutive5xxErrors: 7,
      interval: '5s',
      baseEjectionTime: '60s',
      maxEjectionPercent: 50,
      minHealthPercent: 25,
    });
    expect(OutlierDetection.consecutiveErrors({ consecutive5xxErrors: 0 })._render()).toEqual({ consecutive5xxErrors: 0 });
  });

  test('errors when local origin failures are counted without splitting them out', () => {
    expect(() => OutlierDetection.consecutiveErrors({ consecutiveLocalOriginFailures: 3 })).toThrow('DR021 consecutiveLocalOriginFailures 3 needs splitExternalLocalOriginErrors: true');
  });

  test('render every client TLS mode and field', () => {
    expect(ClientTls.disable()._render()).toEqual({ mode: 'DISABLE' });
    expect(ClientTls.istioMutual({ sni: 'reviews.shop', subjectAltNames: ['spiffe://cluster.local/ns/shop/sa/reviews'] })._render())
      .toEqual({ mode: 'ISTIO_MUTUAL', subjectAltNames: ['spiffe://cluster.local/ns/shop/sa/reviews'], sni: 'reviews.shop' });
    expect(ClientTls.simple({ caCertificates: '/etc/certs/ca.pem', sni: 'api.example.com', subjectAltNames: ['api.example.com'] })._render())
      .toEqual({ mode: 'SIMPLE', caCertificates: '/etc/certs/ca.pem', subjectAltNames: ['api.example.com'], sni: 'api.example.com' });
    expect(ClientTls.simple({ insecureSkipVerify: true })._render()).toEqual({ mode: 'SIMPLE', insecureSkipVerify: true });
    expect(ClientTls.mutual({ clientCertificate: '/etc/certs/cert.pem', privateKey: '/etc/certs/key.pem', caCertificates: '/etc/certs/ca.pem' })._render())
      .toEqual({ mode: 'MUTUAL', clientCertificate: '/etc/certs/cert.pem', privateKey: '/etc/certs/key.pem', caCertificates: '/etc/certs/ca.pem' });
    expect(ClientTls.mutual({ credentialName: 'client-cert' })._render()).toEqual({ mode: 'MUTUAL', credentialName: 'client-cert' });
    expect(ClientTls.mutual({ credentialName: 'client-cert' }).mode).toBe(ClientTlsMode.MUTUAL);
  });

  test('errors when mutual TLS has no client certificate, or a Secret and files together', () => {
    expect(() => ClientTls.mutual({ clientCertificate: '/c.pem' })).toThrow('DR047 mutual TLS needs a client certificate: set privateKey, or credentialName');
    expect(() => ClientTls.mutual({})).toThrow('DR047 mutual TLS needs a client certificate: set clientCertificate and privateKey, or credentialName');
    expect(() => ClientTls.simple({ credentialName: 'ca', caCertificates: '/ca.pem' })).toThrow('DR046 credentialName "ca" cannot be combined with caCertificates');
    expect(() => ClientTls.mutual({ credentialName: 'c', clientCertificate: '/c.pem', privateKey: '/k.pem' })).toThrow('DR046 credentialName "c" cannot be combined with clientCertificate, privateKey');
  });

  test('errors when a hash cookie has no name', () => {
    expect(() => HashKey.httpCookie({ name: '' })).toThrow('DR029 the hash key cookie needs a name');
  });

  test('render at rule, port and subset level, with tunnel, proxy protocol, exportTo and workloadSelector', () => {
    const { chart } = newChart();
    const outlier = OutlierDetection.consecutiveErrors({ consecutive5xxErrors: 5, interval: Duration.seconds(10) });
    const rule = new DestinationRule(chart, 'dr', {
      host: Host.of('reviews.shop.svc.cluster.local'),
      trafficPolicy: {
        loadBalancer: LoadBalancer.roundRobin(),
        connectionPool: ConnectionPool.tcp({ maxConnections: 50 }),
        outlierDetection: outlier,
        tls: ClientTls.istioMutual(),
        portLevelSettings: [
          { port: 9080, loadBalancer: LoadBalancer.leastRequest(), connectionPool: ConnectionPool.http({ maxRetries: 2 }), outlierDetection: outlier, tls: ClientTls.disable() },
          { port: 9443, tls: ClientTls.simple() },
        ],
        proxyProtocol: ProxyProtocolVersion.V2,
      },
      exportTo: ['.'],
      workloadSelector: { app: 'frontend' },
    });
    rule.addSubset('tunnelled', { labels: { version: 'v3' }, trafficPolicy: { tunnel: { protocol: TunnelProtocol.POST, targetHost: 'egress.example.com', targetPort: 8443 } } });
    rule.addSubset('plain', { trafficPolicy: {} });
    expect(specOf(chart)).toEqual({
      host: 'reviews.shop.svc.cluster.local',
      trafficPolicy: {
        loadBalancer: { simple: 'ROUND_ROBIN' },
        connectionPool: { tcp: { maxConnections: 50 } },
        outlierDetection: { consecutive5xxErrors: 5, interval: '10s' },
        tls: { mode: 'ISTIO_MUTUAL' },
        portLevelSettings: [
          {
            port: { number: 9080 },
            loadBalancer: { simple: 'LEAST_REQUEST' },
            connectionPool: { http: { maxRetries: 2 } },
            outlierDetection: { consecutive5xxErrors: 5, interval: '10s' },
            tls: { mode: 'DISABLE' },
          },
          { port: { number: 9443 }, tls: { mode: 'SIMPLE' } },
        ],
        proxyProtocol: { version: 'V2' },
      },
      subsets: [
        { name: 'tunnelled', labels: { version: 'v3' }, trafficPolicy: { tunnel: { protocol: 'POST', targetHost: 'egress.example.com', targetPort: 8443 } } },
        { name: 'plain' },
      ],
      exportTo: ['.'],
      workloadSelector: { matchLabels: { app: 'frontend' } },
    });
  });

  test('errors when a plain object is given where a builder value is expected', () => {
    const { chart } = newChart();
    expect(() => new DestinationRule(chart, 'dr', { host: Host.of('reviews'), trafficPolicy: { loadBalancer: { simple: 'ROUND_ROBIN' } as any } }))
      .toThrow(/TRF012 \[test\/dr\] trafficPolicy\.loadBalancer expects a LoadBalancer, got a plain object .*: create it with LoadBalancer\./);
    expect(() => new DestinationRule(chart, 'bad', { host: 'reviews' as any })).toThrow(/TRF012 \[test\/bad\] host expects a Host, got the string "reviews"/);
  });

  test('render HTTP/2 keepalive in the HTTP settings of a connection pool', () => {
    const keepAlive = { interval: Duration.seconds(30), timeout: Duration.millis(500) };
    expect(ConnectionPool.http({ http2KeepAlive: keepAlive })._render()).toEqual({ http: { http2KeepAlive: { interval: '30s', timeout: '500ms' } } });
    expect(ConnectionPool.tcpAndHttp({ maxConnections: 10 }, { maxConcurrentStreams: 50, http2KeepAlive: keepAlive })._render())
      .toEqual({ tcp: { maxConnections: 10 }, http: { maxConcurrentStreams: 50, http2KeepAlive: { interval: '30s', timeout: '500ms' } } });
  });

  test('errors when an HTTP/2 keepalive duration is missing or below 1ms', () => {
    // both are required: from JavaScript, one left out is refused when the pool is built
    expect(() => ConnectionPool.http({ http2KeepAlive: { interval: Duration.seconds(30) } as any }))
      .toThrow('TRF012 ConnectionPool.http() options.http2KeepAlive.timeout expects a Duration, got undefined: it is required');
    // durations are checked at synth, as the pool's other timeouts are
    const { app, chart } = newChart();
    new DestinationRule(chart, 'dr', {
      host: Host.of('reviews'),
      trafficPolicy: { connectionPool: ConnectionPool.http({ http2KeepAlive: { interval: Duration.millis(0.5), timeout: Duration.seconds(0) } }) },
    });
    const errors = synthErrors(app) ?? '';
    expect(errors).toContain('[test/dr] DR025 spec.trafficPolicy.connectionPool.http.http2KeepAlive.interval: interval "500000ns" is invalid: duration must be greater than 1ms');
    expect(errors).toContain('[test/dr] DR025 spec.trafficPolicy.connectionPool.http.http2KeepAlive.timeout: timeout "0s" is invalid: duration must be greater than 1ms');
  });

  test('render the attributes of a hash key cookie', () => {
    const key = HashKey.httpCookie({ name: 'session', ttl: Duration.hours(1), attributes: [{ name: 'SameSite', value: 'Strict' }, { name: 'Secure' }] });
    expect(LoadBalancer.consistentHash(key)._render()).toEqual({
      consistentHash: { httpCookie: { name: 'session', ttl: '3600s', attributes: [{ name: 'SameSite', value: 'Strict' }, { name: 'Secure' }] } },
    });
    expect(HashKey.httpCookie({ name: 'session', attributes: [] })._render()).toEqual({ httpCookie: { name: 'session' } });
    // names are compared as Istio compares them: exactly
    expect(HashKey.httpCookie({ name: 'session', attributes: [{ name: 'Secure' }, { name: 'secure' }] })._render())
      .toEqual({ httpCookie: { name: 'session', attributes: [{ name: 'Secure' }, { name: 'secure' }] } });
  });

  test('errors when a cookie attribute has no name, or a name already used', () => {
    expect(() => HashKey.httpCookie({ name: 'session', attributes: [{ name: 'Secure' }, { name: '', value: 'x' }] }))
      .toThrow('DR030 cookie attribute name cannot be empty: attributes[1] needs a name');
    expect(() => HashKey.httpCookie({ name: 'session', attributes: [{ name: 'SameSite', value: 'Lax' }, { name: 'Secure' }, { name: 'SameSite', value: 'Strict' }] }))
      .toThrow('DR030 duplicate cookie attribute name "SameSite" (attributes[2]): list each attribute once');
    expect(() => HashKey.httpCookie({ name: 'session', attributes: [{ value: 'Strict' } as any] }))
      .toThrow('TRF012 HashKey.httpCookie() options.attributes[0].name expects a string, got undefined: it is required');
  });

  test('render a retry budget at rule and subset level, percent as a plain number', () => {
    const { chart } = newChart();
    const rule = new DestinationRule(chart, 'dr', {
      host: Host.of('reviews'),
      trafficPolicy: { retryBudget: { percent: 12.5, minRetryConcurrency: 5, budgetInterval: Duration.seconds(10) } },
    });
    rule.addSubset('v1', { labels: { version: 'v1' }, trafficPolicy: { retryBudget: {} } });
    rule.addSubset('v2', { labels: { version: 'v2' }, trafficPolicy: { retryBudget: { percent: 0 } } });
    expect(specOf(chart)).toEqual({
      host: 'reviews',
      // the CRD's percent is a google.protobuf.DoubleValue, written as a number (not { value })
      trafficPolicy: { retryBudget: { percent: 12.5, minRetryConcurrency: 5, budgetInterval: '10s' } },
      subsets: [
        { name: 'v1', labels: { version: 'v1' }, trafficPolicy: { retryBudget: {} } },
        { name: 'v2', labels: { version: 'v2' }, trafficPolicy: { retryBudget: { percent: 0 } } },
      ],
    });
  });

  test('takes no retry budget in port-level settings', () => {
    const port: PortTrafficPolicy = {
      port: 9080,
      // @ts-expect-error Istio has no port-level retry budget
      retryBudget: { percent: 10 },
    };
    expect(port.port).toBe(9080);
  });

  test('errors at synth when a retry budget percent is outside 0 to 100', () => {
    for (const percent of [-1, 100.5]) {
      const { app, chart } = newChart();
      const rule = new DestinationRule(chart, 'dr', { host: Host.of('reviews') });
      rule.addSubset('v1', { labels: { version: 'v1' }, trafficPolicy: { retryBudget: { percent } } });
      expect(synthErrors(app)).toContain(`[test/dr] SCH005 spec.subsets[0].trafficPolicy.retryBudget.percent: percent ${percent} is outside the range 0 to 100`);
    }
    const { app, chart } = newChart();
    new DestinationRule(chart, 'dr', { host: Host.of('reviews'), trafficPolicy: { retryBudget: { percent: 100 } } });
    expect(synthErrors(app)).toBeUndefined();
  });

  test('render a CA CRL with SIMPLE and MUTUAL TLS', () => {
    expect(ClientTls.simple({ caCertificates: '/etc/certs/ca.pem', caCrl: '/etc/certs/ca.crl' })._render())
      .toEqual({ mode: 'SIMPLE', caCertificates: '/etc/certs/ca.pem', caCrl: '/etc/certs/ca.crl' });
    expect(ClientTls.mutual({ clientCertificate: '/etc/certs/cert.pem', privateKey: '/etc/certs/key.pem', caCrl: '/etc/certs/ca.crl' })._render())
      .toEqual({ mode: 'MUTUAL', clientCertificate: '/etc/certs/cert.pem', privateKey: '/etc/certs/key.pem', caCrl: '/etc/certs/ca.crl' });
  });

  test('errors when a CA CRL is given with credentialName', () => {
    expect(() => ClientTls.simple({ credentialName: 'api-ca', caCrl: '/etc/certs/ca.crl' }))
      .toThrow('DR046 credentialName "api-ca" cannot be combined with caCrl: the Secret holds the certificates, CA and CRL');
    expect(() => ClientTls.mutual({ credentialName: 'client-cert', caCertificates: '/ca.pem', caCrl: '/ca.crl' }))
      .toThrow('DR046 credentialName "client-cert" cannot be combined with caCertificates, caCrl');
  });

  test('a rule with HTTP/2 keepalive, cookie attributes, a retry budget and a CA CRL synthesises without errors', () => {
    const { app, chart } = newChart({ namespace: 'shop' });
    const rule = new DestinationRule(chart, 'dr', {
      metadata: { name: 'reviews' },
      host: Host.of('reviews.shop.svc.cluster.local'),
      trafficPolicy: {
        loadBalancer: LoadBalancer.consistentHash(HashKey.httpCookie({
          name: 'session', path: '/', ttl: Duration.minutes(30), attributes: [{ name: 'SameSite', value: 'Lax' }, { name: 'HttpOnly' }],
        })),
        connectionPool: ConnectionPool.http({ http2MaxRequests: 100, http2KeepAlive: { interval: Duration.seconds(20), timeout: Duration.seconds(5) } }),
        tls: ClientTls.simple({ caCertificates: '/etc/certs/ca.pem', caCrl: '/etc/certs/ca.crl', sni: 'reviews.shop' }),
        retryBudget: { percent: 25, minRetryConcurrency: 4, budgetInterval: Duration.millis(500) },
        portLevelSettings: [{ port: 9443, tls: ClientTls.mutual({ clientCertificate: '/c.pem', privateKey: '/k.pem', caCertificates: '/etc/certs/ca.pem', caCrl: '/etc/certs/ca.crl' }) }],
      },
    });
    rule.addSubset('v2', { labels: { version: 'v2' }, trafficPolicy: { retryBudget: { minRetryConcurrency: 1 } } });
    expect(synthErrors(app)).toBeUndefined();
    expect(specOf(chart)).toEqual({
      host: 'reviews.shop.svc.cluster.local',
      trafficPolicy: {
        loadBalancer: { consistentHash: { httpCookie: { name: 'session', path: '/', ttl: '1800s', attributes: [{ name: 'SameSite', value: 'Lax' }, { name: 'HttpOnly' }] } } },
        connectionPool: { http: { http2MaxRequests: 100, http2KeepAlive: { interval: '20s', timeout: '5s' } } },
        tls: { mode: 'SIMPLE', caCertificates: '/etc/certs/ca.pem', sni: 'reviews.shop', caCrl: '/etc/certs/ca.crl' },
        portLevelSettings: [{
          port: { number: 9443 },
          tls: { mode: 'MUTUAL', clientCertificate: '/c.pem', privateKey: '/k.pem', caCertificates: '/etc/certs/ca.pem', caCrl: '/etc/certs/ca.crl' },
        }],
        retryBudget: { percent: 25, minRetryConcurrency: 4, budgetInterval: '500ms' },
      },
      subsets: [{ name: 'v2', labels: { version: 'v2' }, trafficPolicy: { retryBudget: { minRetryConcurrency: 1 } } }],
    });
  });
});
