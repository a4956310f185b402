import { httpMatchText, tcpMatchText, tlsMatchText } from '../../src/describe/match-text';
import { RouteSummary, summarizeVirtualService } from '../../src/describe/route-summary';

/** A VirtualService in namespace `shop` for host `reviews`; `spec` fields replace the defaults. */
function virtualService(spec: Record<string, unknown>): Record<string, unknown> {
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: { name: 'reviews', namespace: 'shop' },
    spec: { hosts: ['reviews'], ...spec },
  };
}

/** The summary of a VirtualService with one HTTP route. */
function httpRoute(route: Record<string, unknown>): RouteSummary {
  return summarizeVirtualService(virtualService({ http: [{ route: [{ destination: { host: 'reviews' } }], ...route }] })).routes[0];
}

describe('match text', () => {
  it.each<[string, unknown, string]>([
    ['no match list', undefined, '*'],
    ['an empty match list', [], '*'],
    ['an empty match entry', [{}], '*'],
    ['a uri prefix and an exact header', [{ uri: { prefix: '/api' }, headers: { 'end-user': { exact: 'tester' } } }], 'uri prefix /api, header end-user=tester'],
    ['an exact uri', [{ uri: { exact: '/health' } }], 'uri=/health'],
    ['a uri regex ignoring case', [{ uri: { regex: '^/v[12]/' }, ignoreUriCase: true }], 'uri regex ^/v[12]/ (any case)'],
    ['scheme, method and authority', [{ scheme: { exact: 'http' }, method: { prefix: 'P' }, authority: { regex: '.*\\.example\\.com' } }], 'scheme=http, method prefix P, authority regex .*\\.example\\.com'],
    ['headers sorted by name, a presence check', [{ headers: { 'x-b': {}, 'x-a': { prefix: 'v' } } }], 'header x-a prefix v, header x-b present'],
    ['withoutHeaders and queryParams', [{ withoutHeaders: { debug: { exact: '1' } }, queryParams: { v: { exact: '2' } } }], 'without header debug=1, query v=2'],
    ['port, source labels, source namespace, gateways', [{ port: 8080, sourceLabels: { version: 'v1', app: 'web' }, sourceNamespace: 'shop', gateways: ['mesh'] }],
      'port 8080, source labels app=web,version=v1, source namespace shop, gateways mesh'],
    ['alternatives joined with or', [{ uri: { prefix: '/a' } }, { uri: { prefix: '/b' } }], 'uri prefix /a or uri prefix /b'],
    ['an alternative that matches everything', [{ uri: { prefix: '/a' } }, {}], '*'],
    ['wrong types', ['x', null, { uri: 'x', headers: ['a'], port: '80' }], '*'],
  ])('HTTP: %s', (_name, match, expected) => {
    expect(httpMatchText(match)).toBe(expected);
  });

  it('TCP: port and subnets', () => {
    expect(tcpMatchText([{ port: 27017, destinationSubnets: ['10.0.0.0/8', '192.168.0.0/16'], sourceSubnet: '10.1.0.0/16' }])).toBe(
      'port 27017, subnets 10.0.0.0/8,192.168.0.0/16, source subnet 10.1.0.0/16',
    );
  });

  it('TLS: SNI hosts first', () => {
    expect(tlsMatchText([{ sniHosts: ['a.example.com', 'b.example.com'], port: 443 }])).toBe('sni a.example.com,b.example.com, port 443');
  });
});

describe('destinations and weights', () => {
  const shares = (route: unknown[]) => httpRoute({ route }).destinations.map(d => d.percent);

  it.each<[string, unknown[], number[]]>([
    ['a single destination gets 100% whatever its weight', [{ destination: { host: 'a' }, weight: 30 }], [100]],
    ['a single destination without weight gets 100%', [{ destination: { host: 'a' } }], [100]],
    ['weights split the traffic', [{ destination: { host: 'a' }, weight: 90 }, { destination: { host: 'b' }, weight: 10 }], [90, 10]],
    ['weights need not sum to 100', [{ destination: { host: 'a' }, weight: 1 }, { destination: { host: 'b' }, weight: 3 }], [25, 75]],
    ['shares are rounded to two decimals', [1, 1, 1].map(weight => ({ destination: { host: 'a' }, weight })), [33.33, 33.33, 33.33]],
    ['an unset weight counts 0', [{ destination: { host: 'a' }, weight: 100 }, { destination: { host: 'b' } }], [100, 0]],
    ['all weights 0 (invalid) gives 0 each', [{ destination: { host: 'a' } }, { destination: { host: 'b' } }], [0, 0]],
  ])('%s', (_name, route, expected) => {
    expect(shares(route)).toEqual(expected);
  });

  it('writes host, port, subset and share', () => {
    const route = httpRoute({
      route: [
        { destination: { host: 'reviews', port: { number: 9080 }, subset: 'v1' }, weight: 90 },
        { destination: { host: 'reviews', subset: 'v2' }, weight: 10 },
      ],
    });
    expect(route.action).toBe('reviews:9080 subset v1 90%, reviews subset v2 10%');
  });
});

describe('timeout, retries and fault', () => {
  it.each<[string, Record<string, unknown>, Partial<RouteSummary>]>([
    ['no timeout, default retries, no fault', {}, { timeout: 'none', retries: 'default', fault: 'none' }],
    ['a timeout', { timeout: '10s' }, { timeout: '10s' }],
    ['retries with attempts, per-try timeout and conditions', { retries: { attempts: 3, perTryTimeout: '2s', retryOn: 'gateway-error,connect-failure' } },
      { retries: '3 x 2s on gateway-error,connect-failure' }],
    ['retries keeping the default conditions (the seed foo-retry-virtualservice)', { retries: { attempts: 3, perTryTimeout: '2s' } }, { retries: '3 x 2s on default' }],
    ['retries without a per-try timeout, with a backoff', { retries: { attempts: 2, retryOn: '5xx', backoff: '100ms' } }, { retries: '2 on 5xx, backoff 100ms' }],
    ['retries off with attempts 0', { retries: { attempts: 0 } }, { retries: 'off' }],
    ['retries off when attempts is unset', { retries: { perTryTimeout: '2s' } }, { retries: 'off' }],
    ['a delay (the seed foo-delay-virtualservice)', { fault: { delay: { fixedDelay: '5s', percentage: { value: 0.1 } } } }, { fault: 'delay 5s @0.1%' }],
    ['a delay with the deprecated integer percent', { fault: { delay: { fixedDelay: '5s', percent: 20 } } }, { fault: 'delay 5s @20%' }],
    ['a delay without a percentage delays nothing', { fault: { delay: { fixedDelay: '5s' } } }, { fault: 'delay 5s @0%' }],
    ['an HTTP abort', { fault: { abort: { httpStatus: 503, percentage: { value: 10 } } } }, { fault: 'abort 503 @10%' }],
    ['an abort has no integer percent fallback', { fault: { abort: { httpStatus: 503, percent: 10 } } }, { fault: 'abort 503 @0%' }],
    ['a delay and a gRPC abort', { fault: { delay: { fixedDelay: '1s', percentage: { value: 10 } }, abort: { grpcStatus: 'UNAVAILABLE', percentage: { value: 5 } } } },
      { fault: 'delay 1s @10%, abort grpc UNAVAILABLE @5%' }],
    ['an empty fault', { fault: {} }, { fault: 'none' }],
  ])('%s', (_name, route, expected) => {
    expect(httpRoute(route)).toMatchObject(expected);
  });
});

describe('actions', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['a redirect with its code', { route: undefined, redirect: { scheme: 'https', redirectCode: 308 } }, 'redirect 308 scheme https'],
    ['a redirect defaults to 301', { route: undefined, redirect: { uri: '/login', authority: 'auth.example.com', port: 8443 } }, 'redirect 301 authority auth.example.com, port 8443, uri /login'],
    ['a redirect deriving the port', { route: undefined, redirect: { derivePort: 'FROM_REQUEST_PORT', prefixRewrite: '/v2' } }, 'redirect 301 port from request, prefix /v2'],
    ['a direct response with a body', { route: undefined, directResponse: { status: 404, body: { string: 'not found' } } }, 'respond 404 "not found"'],
    ['a direct response with a binary body', { route: undefined, directResponse: { status: 200, body: { bytes: 'aGk=' } } }, 'respond 200 (binary body)'],
    ['a long body is cut', { route: undefined, directResponse: { status: 503, body: { string: 'x'.repeat(50) } } }, `respond 503 "${'x'.repeat(40)}..."`],
    ['a delegate in the same namespace', { route: undefined, delegate: { name: 'reviews-v2' } }, 'delegate shop/reviews-v2'],
    ['a delegate in another namespace', { route: undefined, delegate: { name: 'api', namespace: 'team-a' } }, 'delegate team-a/api'],
    ['a rewrite and a mirror', { rewrite: { uri: '/v1', authority: 'reviews.internal' }, mirror: { host: 'reviews-shadow' }, mirrorPercentage: { value: 5 } },
      'reviews 100%; rewrite uri /v1, authority reviews.internal; mirror reviews-shadow 5%'],
    ['a regex rewrite and mirrors', { rewrite: { uriRegexRewrite: { match: '^/old(.*)', rewrite: '/new\\1' } }, mirrors: [{ destination: { host: 'a' } }, { destination: { host: 'b' }, percentage: { value: 50 } }] },
      'reviews 100%; rewrite uri regex ^/old(.*) -> /new\\1; mirror a 100%; mirror b 50%'],
    ['a mirror with the deprecated mirrorPercent', { mirror: { host: 'a' }, mirrorPercent: 30 }, 'reviews 100%; mirror a 30%'],
    ['no route at all', { route: undefined }, '<none>'],
  ])('%s', (_name, route, expected) => {
    expect(httpRoute(route).action).toBe(expected);
  });
});

describe('summarizeVirtualService', () => {
  it('lists HTTP, then TLS, then TCP routes, naming unnamed ones by position', () => {
    const summary = summarizeVirtualService(virtualService({
      gateways: ['istio-ingress/gw'],
      http: [{ name: 'first', route: [{ destination: { host: 'a' } }] }, { route: [{ destination: { host: 'b' } }] }],
      tcp: [{ match: [{ port: 27017 }], route: [{ destination: { host: 'mongo' } }] }],
      tls: [{ match: [{ sniHosts: ['reviews'] }], route: [{ destination: { host: 'c' } }] }],
    }));
    expect(summary.gateways).toEqual(['istio-ingress/gw']);
    expect(summary.routes.map(r => [r.name, r.match, r.action, r.timeout, r.retries, r.fault])).toEqual([
      ['first', '*', 'a 100%', 'none', 'default', 'none'],
      ['http[1]', '*', 'b 100%', 'none', 'default', 'none'],
      ['tls[0]', 'sni reviews', 'c 100%', '-', '-', '-'],
      ['tcp[0]', 'port 27017', 'mongo 100%', '-', '-', '-'],
    ]);
  });

  it('binds to the mesh when gateways are unset', () => {
    expect(summarizeVirtualService(virtualService({ http: [] })).gateways).toEqual(['mesh']);
  });

  it.each<[string, unknown]>([
    ['spec is null', null],
    ['http is a map', { http: { route: [] } }],
    ['routes hold nulls and strings', { http: [null, 'x', { route: 'x', match: 'y', retries: [], fault: 'z', redirect: 'r', delegate: 1 }] }],
    ['destinations are strings', { http: [{ route: ['reviews', { destination: 'reviews', weight: 'heavy' }] }], tcp: [{ route: [null] }] }],
  ])('never throws when %s', (_name, spec) => {
    expect(() => summarizeVirtualService({ apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'x' }, spec })).not.toThrow();
  });
});
