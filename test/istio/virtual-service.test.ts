import { Duration } from 'cdk8s';
import {
  ClusterIpService, Destination, Fault, GatewayReference, Host, MESH_GATEWAY, Percent, RedirectPortSelection, Retry, ServiceSelector,
  StringMatch, Subset, UnmatchedPreflights, VirtualService, VirtualServiceApiVersion,
} from '../../src';
import { captureWarnings, manifestsOf, newChart, synthErrors } from '../util';

const foo = Destination.host('foo');

function reviewsService(chart: ReturnType<typeof newChart>['chart'], ports = [{ name: 'http', port: 9080 }]) {
  return new ClusterIpService(chart, 'reviews', { metadata: { name: 'reviews' }, selector: ServiceSelector.fromLabels({ app: 'reviews' }), ports });
}

describe('VirtualService', () => {
  test("reproduces the reference's foo-retry-virtualservice", () => {
    const { app, chart } = newChart();
    new VirtualService(chart, 'retry', {
      metadata: { name: 'foo-retry-virtualservice' },
      apiVersion: VirtualServiceApiVersion.V1ALPHA3,
      hosts: [Host.of('foo')],
      http: [{ route: [{ destination: foo }], retries: Retry.onFailure({ attempts: 3, perTryTimeout: Duration.seconds(2) }) }],
    });
    expect(manifestsOf(chart, 'VirtualService')).toEqual([{
      apiVersion: 'networking.istio.io/v1alpha3',
      kind: 'VirtualService',
      metadata: { name: 'foo-retry-virtualservice' },
      spec: { hosts: ['foo'], http: [{ route: [{ destination: { host: 'foo' } }], retries: { attempts: 3, perTryTimeout: '2s' } }] },
    }]);
    expect(synthErrors(app)).toBeUndefined();
  });

  test("reproduces the reference's foo-delay-virtualservice", () => {
    const { app, chart } = newChart();
    new VirtualService(chart, 'delay', {
      metadata: { name: 'foo-delay-virtualservice' },
      apiVersion: VirtualServiceApiVersion.V1ALPHA3,
      hosts: [Host.of('foo')],
      http: [{ fault: Fault.delay({ fixedDelay: Duration.seconds(5), percentage: Percent.of(0.1) }), route: [{ destination: foo }] }],
    });
    expect(manifestsOf(chart, 'VirtualService')[0].spec).toEqual({
      hosts: ['foo'],
      http: [{ fault: { delay: { percentage: { value: 0.1 }, fixedDelay: '5s' } }, route: [{ destination: { host: 'foo' } }] }],
    });
    expect(synthErrors(app)).toBeUndefined();
  });

  test('writes networking.istio.io/v1 unless told otherwise', () => {
    const { chart } = newChart();
    new VirtualService(chart, 'a', { hosts: [Host.of('a')], http: [{ route: [{ destination: Destination.host('a') }] }] });
    new VirtualService(chart, 'b', { apiVersion: VirtualServiceApiVersion.V1BETA1, hosts: [Host.of('b')], http: [{ route: [{ destination: Destination.host('b') }] }] });
    expect(manifestsOf(chart, 'VirtualService').map(m => m.apiVersion)).toEqual(['networking.istio.io/v1', 'networking.istio.io/v1beta1']);
  });

  test('routes to a Service construct by its DNS name', () => {
    const { app, chart } = newChart({ namespace: 'shop' });
    const reviews = reviewsService(chart);
    new VirtualService(chart, 'vs', { hosts: [Host.service(reviews)], http: [{ route: [{ destination: Destination.service(reviews, { port: 9080 }) }] }] });
    expect(manifestsOf(chart, 'VirtualService')[0].spec).toEqual({
      hosts: ['reviews.shop.svc.cluster.local'],
      http: [{ route: [{ destination: { host: 'reviews.shop.svc.cluster.local', port: { number: 9080 } } }] }],
    });
    expect(synthErrors(app)).toBeUndefined();
  });

  test('errors when a destination port is not a port of the Service construct', () => {
    const { app, chart } = newChart();
    const reviews = reviewsService(chart);
    new VirtualService(chart, 'vs', { hosts: [Host.of('reviews')], http: [{ route: [{ destination: Destination.service(reviews, { port: 9081 }) }] }] });
    expect(synthErrors(app)).toMatch(/\[test\/vs\] XR001 spec\.http\[0\]\.route\[0\]\.destination\.port\.number: .*9081.*Service\/default\/reviews/);
  });

  test('checks destination ports against ports added to the Service later', () => {
    const { app, chart } = newChart();
    const reviews = reviewsService(chart);
    new VirtualService(chart, 'vs', { hosts: [Host.of('reviews')], http: [{ route: [{ destination: Destination.service(reviews, { port: 9443 }) }] }] });
    reviews.addPort({ name: 'https', port: 9443 });
    expect(synthErrors(app)).toBeUndefined();
  });

  test('warns when a destination Service has several ports and none is chosen', () => {
    const { app, chart } = newChart();
    const reviews = reviewsService(chart, [{ name: 'http', port: 9080 }, { name: 'grpc', port: 9090 }]);
    new VirtualService(chart, 'vs', { hosts: [Host.of('reviews')], http: [{ route: [{ destination: Destination.service(reviews) }] }] });
    const warnings = captureWarnings(() => expect(synthErrors(app)).toBeUndefined());
    expect(warnings.join('\n')).toMatch(/\[test\/vs\] XR005 spec\.http\[0\]\.route\[0\]\.destination.*Service\/default\/reviews/);
  });

  test('adds hosts and routes after construction; one Retry value serves many routes', () => {
    const { chart } = newChart();
    const retry = Retry.onGatewayErrors();
    const vs = new VirtualService(chart, 'vs', { hosts: [Host.of('a')] });
    vs.addHost(Host.of('b'));
    vs.addHttpRoute({ match: [{ uri: StringMatch.prefix('/a') }], route: [{ destination: Destination.host('a') }], retries: retry });
    vs.addHttpRoute({ route: [{ destination: Destination.host('b') }], retries: retry });
    const spec = manifestsOf(chart, 'VirtualService')[0].spec;
    expect(spec.hosts).toEqual(['a', 'b']);
    expect(spec.http[0].retries).toEqual(spec.http[1].retries);
  });

  test('renders every HTTP route field', () => {
    const { chart } = newChart();
    new VirtualService(chart, 'vs', {
      hosts: [Host.of('shop.example.com')],
      gateways: [GatewayReference.named('istio-ingress/public'), MESH_GATEWAY],
      exportTo: ['.'],
      http: [{
        name: 'api',
        match: [{
          name: 'v1',
          uri: StringMatch.prefix('/api/v1'),
          scheme: StringMatch.exact('https'),
          method: StringMatch.exact('GET'),
          authority: StringMatch.exact('shop.example.com'),
          headers: { 'x-user': StringMatch.regex('^[a-z]+$') },
          withoutHeaders: { 'x-debug': StringMatch.exact('1') },
          queryParams: { version: StringMatch.exact('2') },
          ignoreUriCase: true,
          port: 443,
          sourceLabels: { app: 'frontend' },
          sourceNamespace: 'web',
          gateways: [GatewayReference.named('istio-ingress/public')],
          statPrefix: 'api_v1',
        }],
        route: [
          { destination: Destination.host('api', { subset: Subset.named('v1') }), weight: 75, headers: { request: { set: { 'x-subset': 'v1' } } } },
          { destination: Destination.host('api', { subset: Subset.named('v2') }), weight: 25 },
        ],
        rewrite: { uri: '/', authority: 'api.internal' },
        timeout: Duration.seconds(15),
        retries: Retry.onFailure({ attempts: 2, perTryTimeout: Duration.seconds(5) }),
        mirror: Destination.host('api-shadow'),
        mirrorPercentage: Percent.of(5),
        corsPolicy: {
          allowOrigins: [StringMatch.exact('https://shop.example.com')],
          allowMethods: ['GET', 'POST'],
          allowHeaders: ['content-type'],
          exposeHeaders: ['x-request-id'],
          maxAge: Duration.hours(24),
          allowCredentials: true,
          unmatchedPreflights: UnmatchedPreflights.IGNORE,
        },
        headers: { request: { add: { 'x-route': 'api' }, remove: ['x-internal'] }, response: { set: { 'cache-control': 'no-store' } } },
      }],
    });
    expect(manifestsOf(chart, 'VirtualService')[0].spec).toMatchSnapshot();
  });

  test('renders redirects, direct responses, mirrors and delegates', () => {
    const { chart } = newChart();
    const delegate = new VirtualService(chart, 'delegate', { metadata: { name: 'api-routes', namespace: 'api' }, http: [{ route: [{ destination: Destination.host('api') }] }] });
    new VirtualService(chart, 'root', {
      hosts: [Host.of('example.com')],
      gateways: [GatewayReference.named('istio-ingress/public')],
      http: [
        { match: [{ uri: StringMatch.prefix('/old') }], redirect: { uri: '/new', authority: 'www.example.com', derivePort: RedirectPortSelection.FROM_PROTOCOL_DEFAULT, scheme: 'https', redirectCode: 308 } },
        { match: [{ uri: StringMatch.exact('/healthz') }], directResponse: { status: 200, body: 'ok' } },
        { match: [{ uri: StringMatch.prefix('/api') }], delegate: delegate.asDelegate() },
        { route: [{ destination: Destination.host('web') }], mirrors: [{ destination: Destination.host('shadow-a'), percentage: Percent.of(10) }, { destination: Destination.host('shadow-b') }] },
      ],
    });
    const [delegateVs, root] = manifestsOf(chart, 'VirtualService');
    expect(delegateVs.spec).toEqual({ http: [{ route: [{ destination: { host: 'api' } }] }] });
    expect(root.spec.http).toEqual([
      { match: [{ uri: { prefix: '/old' } }], redirect: { uri: '/new', authority: 'www.example.com', derivePort: 'FROM_PROTOCOL_DEFAULT', scheme: 'https', redirectCode: 308 } },
      { match: [{ uri: { exact: '/healthz' } }], directResponse: { status: 200, body: { string: 'ok' } } },
      { match: [{ uri: { prefix: '/api' } }], delegate: { name: 'api-routes', namespace: 'api' } },
      { route: [{ destination: { host: 'web' } }], mirrors: [{ destination: { host: 'shadow-a' }, percentage: { value: 10 } }, { destination: { host: 'shadow-b' } }] },
    ]);
  });

  test('renders TCP and TLS routes', () => {
    const { app, chart } = newChart();
    new VirtualService(chart, 'vs', {
      hosts: [Host.of('*.example.com')],
      gateways: [GatewayReference.named('istio-ingress/passthrough')],
      tls: [{ match: [{ sniHosts: ['db.example.com'], port: 443 }], route: [{ destination: Destination.host('db', { port: 5432 }) }] }],
      tcp: [{ match: [{ port: 6379, destinationSubnets: ['10.0.0.0/16'] }], route: [{ destination: Destination.host('cache'), weight: 100 }] }],
    });
    expect(manifestsOf(chart, 'VirtualService')[0].spec).toEqual({
      hosts: ['*.example.com'],
      gateways: ['istio-ingress/passthrough'],
      tls: [{ match: [{ sniHosts: ['db.example.com'], port: 443 }], route: [{ destination: { host: 'db', port: { number: 5432 } } }] }],
      tcp: [{ match: [{ port: 6379, destinationSubnets: ['10.0.0.0/16'] }], route: [{ destination: { host: 'cache' }, weight: 100 }] }],
    });
    expect(synthErrors(app)).toBeUndefined();
  });
});

describe('VirtualService validation at synth', () => {
  test('lists every webhook error at once, with construct path, field, value and code', () => {
    const { app, chart } = newChart();
    new VirtualService(chart, 'vs', {
      hosts: [Host.of('foo.*.com'), Host.of('*')],
      http: [
        { route: [{ destination: foo }], timeout: Duration.millis(0) },
        { redirect: { uri: '/x', redirectCode: 200 }, route: [{ destination: foo }] },
      ],
    });
    const errors = synthErrors(app) ?? '';
    expect(errors).toContain('[test/vs] VS006 spec.hosts[0]');
    expect(errors).toContain('[test/vs] VS007 spec.hosts[1]');
    expect(errors).toContain('[test/vs] VS023 spec.http[0].timeout');
    expect(errors).toContain('[test/vs] VS017 spec.http[1]');
    expect(errors).toContain('[test/vs] VS041 spec.http[1].redirect.redirectCode');
    expect(errors).not.toMatch(/TypeError|Failed serializing/);
  });

  test('errors when a VirtualService has no routes', () => {
    const { app, chart } = newChart();
    new VirtualService(chart, 'vs', { hosts: [Host.of('foo')] });
    expect(synthErrors(app)).toContain('[test/vs] VS003');
  });

  test('warns when a fault and retries share a route, and when weights do not sum to 100', () => {
    const { app, chart } = newChart();
    new VirtualService(chart, 'vs', {
      hosts: [Host.of('foo')],
      http: [{
        fault: Fault.abort({ httpStatus: 503, percentage: Percent.of(1) }),
        retries: Retry.onGatewayErrors(),
        route: [{ destination: Destination.host('foo', { subset: Subset.named('a') }), weight: 90 }, { destination: Destination.host('foo', { subset: Subset.named('b') }), weight: 20 }],
      }],
    });
    const warnings = captureWarnings(() => expect(synthErrors(app)).toBeUndefined());
    expect(warnings.join('\n')).toContain('[test/vs] VS080 spec.http[0]');
    expect(warnings.join('\n')).toContain('[test/vs] VS082 spec.http[0].route');
  });

  test('warns when the retries cannot fit in the route timeout', () => {
    const { app, chart } = newChart();
    new VirtualService(chart, 'vs', {
      hosts: [Host.of('foo')],
      http: [{ route: [{ destination: foo }], timeout: Duration.seconds(5), retries: Retry.onFailure({ attempts: 3, perTryTimeout: Duration.seconds(2) }) }],
    });
    const warnings = captureWarnings(() => expect(synthErrors(app)).toBeUndefined());
    expect(warnings.join('\n')).toContain('[test/vs] VS081 spec.http[0]');
  });
});
