import { Case, CleanCase, expectClean, expectFindings, verdict, withPolicy } from './helpers';

// Upstream: validateConnectionPool (TestValidateConnectionPool).

const pool = (connectionPool: unknown) => withPolicy({ connectionPool });
const AT = 'spec.trafficPolicy.connectionPool';
const HTTP = { http1MaxPendingRequests: 2, http2MaxRequests: 11, maxRequestsPerConnection: 5, maxRetries: 4, maxConcurrentStreams: 5 };

describe('upstream verdicts (TestValidateConnectionPool)', () => {
  it.each([
    ['valid connection pool, tcp and http', { tcp: { maxConnections: 7 }, http: HTTP }, true],
    ['valid connection pool, tcp only', { tcp: { maxConnections: 7 } }, true],
    ['valid connection pool, http only', { http: HTTP }, true],
    ['valid connection pool, http2 keepalive', { http: { http2KeepAlive: { interval: '15s', timeout: '5s' } } }, true],
    ['invalid connection pool, empty', {}, false],
    ['invalid connection pool, bad max connections', { tcp: { maxConnections: -1 } }, false],
    ['invalid connection pool, bad connect timeout', { tcp: { connectTimeout: '2.000000005s' } }, false],
    ['invalid connection pool, bad max pending requests', { http: { http1MaxPendingRequests: -1 } }, false],
    ['invalid connection pool, bad max requests', { http: { http2MaxRequests: -1 } }, false],
    ['invalid connection pool, bad max requests per connection', { http: { maxRequestsPerConnection: -1 } }, false],
    ['invalid connection pool, bad max retries', { http: { maxRetries: -1 } }, false],
    ['invalid connection pool, bad idle timeout', { http: { idleTimeout: '30.000000005s' } }, false],
    ['valid connection pool, tcp timeout disabled', { tcp: { idleTimeout: '0s' } }, true],
    ['invalid connection pool, bad max concurrent streams', { http: { maxConcurrentStreams: -1 } }, false],
    ['invalid connection pool, http2 keepalive without interval', { http: { http2KeepAlive: { timeout: '5s' } } }, false],
    ['invalid connection pool, http2 keepalive without timeout', { http: { http2KeepAlive: { interval: '15s' } } }, false],
    ['invalid connection pool, bad http2 keepalive interval', { http: { http2KeepAlive: { interval: '15.000000005s', timeout: '5s' } } }, false],
  ])('%s', (_name, settings, valid) => expect(verdict(pool(settings)).valid).toBe(valid));
});

describe('DR023 connection-pool-empty', () => {
  it('accepts tcp settings', () => expectClean('DR023', pool({ tcp: { maxConnections: 1 } })));
  it.each([{}, { http: null }])('errors on %j', settings => {
    expectFindings('DR023', pool(settings), [{ path: AT, message: 'connection pool must have at least one field' }]);
  });
  it('stops there: nothing inside an empty pool is checked', () => {
    expect(verdict(pool({ http: null, tcp: null })).codes).toEqual(['DR023']);
  });
});

describe('DR024 connection-pool-negative-limit', () => {
  it('accepts zeros', () => expectClean('DR024', pool({ tcp: { maxConnections: 0 }, http: { maxRetries: 0 } })));
  const invalid: Case[] = [
    { name: 'maxConnections is -1', manifest: pool({ tcp: { maxConnections: -1 } }),
      expected: [{ path: `${AT}.tcp.maxConnections`, message: 'max connections must be non-negative, got -1' }] },
    { name: 'every http limit is negative', manifest: pool({ http: { http1MaxPendingRequests: -1, http2MaxRequests: -2, maxRequestsPerConnection: -3, maxRetries: -4, maxConcurrentStreams: -5 } }),
      expected: [
        { path: `${AT}.http.http1MaxPendingRequests`, message: 'http1 max pending requests must be non-negative' },
        { path: `${AT}.http.http2MaxRequests`, message: 'http2 max requests must be non-negative' },
        { path: `${AT}.http.maxRequestsPerConnection`, message: 'max requests per connection must be non-negative' },
        { path: `${AT}.http.maxRetries`, message: 'max retries must be non-negative' },
        { path: `${AT}.http.maxConcurrentStreams`, message: 'max concurrent streams must be non-negative' },
      ] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('DR024', manifest, expected));
});

describe('DR025 connection-pool-duration', () => {
  const clean: CleanCase[] = [
    { name: 'whole milliseconds', manifest: pool({ tcp: { connectTimeout: '10ms', maxConnectionDuration: '1h', tcpKeepalive: { time: '7200s', interval: '75s' } }, http: { idleTimeout: '1h' } }) },
    { name: 'a disabled tcp idle timeout', manifest: pool({ tcp: { idleTimeout: '0s' } }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('DR025', manifest));

  const invalid: Case[] = [
    { name: 'the connect timeout has nanoseconds', manifest: pool({ tcp: { connectTimeout: '2.000000005s' } }),
      expected: [{ path: `${AT}.tcp.connectTimeout`, message: 'connectTimeout "2.000000005s" is invalid: only durations to ms precision are supported' }] },
    { name: 'the max connection duration is 500ns', manifest: pool({ tcp: { maxConnectionDuration: '500ns' } }),
      expected: [{ path: `${AT}.tcp.maxConnectionDuration`, message: 'duration must be greater than 1ms' }] },
    { name: 'the tcp idle timeout is 1.5ms', manifest: pool({ tcp: { idleTimeout: '1.5ms' } }),
      expected: [{ path: `${AT}.tcp.idleTimeout`, message: 'only durations to ms precision are supported' }] },
    { name: 'the http idle timeout is 0s (only tcp may be disabled)', manifest: pool({ http: { idleTimeout: '0s' } }),
      expected: [{ path: `${AT}.http.idleTimeout`, message: 'duration must be greater than 1ms' }] },
    { name: 'keepalive durations are bad', manifest: pool({ tcp: { tcpKeepalive: { time: '0s', interval: 'x' } }, http: { http2KeepAlive: { interval: '15.000000005s', timeout: '0ms' } } }),
      expected: [
        { path: `${AT}.http.http2KeepAlive.interval`, message: 'only durations to ms precision' },
        { path: `${AT}.http.http2KeepAlive.timeout`, message: 'duration must be greater than 1ms' },
        { path: `${AT}.tcp.tcpKeepalive.time`, message: 'duration must be greater than 1ms' },
        { path: `${AT}.tcp.tcpKeepalive.interval`, message: 'is not a valid duration' },
      ] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('DR025', manifest, expected));
});

describe('DR026 http2-keepalive-required', () => {
  it('accepts both', () => expectClean('DR026', pool({ http: { http2KeepAlive: { interval: '15s', timeout: '5s' } } })));
  it('errors when both are missing', () => {
    expectFindings('DR026', pool({ http: { http2KeepAlive: {} } }), [
      { path: `${AT}.http.http2KeepAlive.interval`, message: 'http2 keepalive interval is required' },
      { path: `${AT}.http.http2KeepAlive.timeout`, message: 'http2 keepalive timeout is required' },
    ]);
  });
});

describe('DR027 use-client-protocol-with-upgrade', () => {
  it.each([
    [{ h2UpgradePolicy: 'UPGRADE' }],
    [{ useClientProtocol: true, h2UpgradePolicy: 'DO_NOT_UPGRADE' }],
  ])('accepts %j', http => expectClean('DR027', pool({ http })));
  it('errors when both are set', () => {
    expectFindings('DR027', pool({ http: { h2UpgradePolicy: 'UPGRADE', useClientProtocol: true } }),
      [{ path: `${AT}.http.useClientProtocol`, message: 'use client protocol must not be true when H2UpgradePolicy is UPGRADE' }]);
  });
});
