/**
 * `connectionPool`: limits on connections and requests to each host (validateConnectionPool;
 * the CRD's CEL rule that its timeouts be at least 1ms is the same as ValidateDuration's
 * first check, and does not cover `tcp.idleTimeout`, where `0s` turns the timeout off).
 */
import { Severity } from '../../diagnostic';
import { isObject, JsonObject, objectAt, show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { checkProtoDuration } from '../istio-common/duration';
import { drRule, isSet, reporter, settingsOf } from './shape';

/** The int32 limits the webhook wants non-negative, with the subject of its message. */
const HTTP_COUNTS: ReadonlyArray<readonly [string, string]> = [
  ['http1MaxPendingRequests', 'http1 max pending requests'],
  ['http2MaxRequests', 'http2 max requests'],
  ['maxRequestsPerConnection', 'max requests per connection'],
  ['maxRetries', 'max retries'],
  ['maxConcurrentStreams', 'max concurrent streams'],
];
const TCP_COUNTS: ReadonlyArray<readonly [string, string]> = [['maxConnections', 'max connections']];

export const emptyConnectionPoolRule: ManifestRule = drRule({
  code: 'DR023',
  name: 'connection-pool-empty',
  severity: Severity.ERROR,
  description: 'a connectionPool sets http or tcp settings (validateConnectionPool)',
  check(manifest, context) {
    for (const { settings, path } of settingsOf(manifest, 'connectionPool')) {
      if (isSet(settings, 'http') || isSet(settings, 'tcp')) continue;
      context.report(path, 'connection pool must have at least one field: set http or tcp limits, or remove the empty connectionPool', settings);
    }
  },
});

/** `http` and `tcp` of every connection pool the webhook checks (when the pool is not empty). */
function poolParts(manifest: unknown): Array<{ http?: JsonObject; tcp?: JsonObject; path: string }> {
  return settingsOf(manifest, 'connectionPool').map(({ settings, path }) => ({
    http: objectAt(settings, 'http'),
    tcp: objectAt(settings, 'tcp'),
    path,
  }));
}

export const negativeLimitRule: ManifestRule = drRule({
  code: 'DR024',
  name: 'connection-pool-negative-limit',
  severity: Severity.ERROR,
  description: 'connection pool limits (http1MaxPendingRequests, http2MaxRequests, maxRequestsPerConnection, maxRetries, maxConcurrentStreams, tcp.maxConnections) are not negative (validateConnectionPool)',
  check(manifest, context) {
    for (const { http, tcp, path } of poolParts(manifest)) {
      const parts: Array<[JsonObject | undefined, string, ReadonlyArray<readonly [string, string]>]> = [[http, 'http', HTTP_COUNTS], [tcp, 'tcp', TCP_COUNTS]];
      for (const [part, name, counts] of parts) {
        for (const [field, subject] of counts) {
          const value = valueAt(part, field);
          if (typeof value !== 'number' || value >= 0) continue;
          context.report(`${path}.${name}.${field}`, `${subject} must be non-negative, got ${show(value)}: use 0 or more, or leave ${field} out for no limit`, value);
        }
      }
    }
  },
});

export const connectionPoolDurationRule: ManifestRule = drRule({
  code: 'DR025',
  name: 'connection-pool-duration',
  severity: Severity.ERROR,
  description: 'connection pool timeouts (http.idleTimeout, http.http2KeepAlive.interval and timeout, tcp.connectTimeout, maxConnectionDuration, idleTimeout, tcpKeepalive.time and interval) are durations of at least 1ms in whole milliseconds; tcp.idleTimeout may be 0s (validateConnectionPool, agent.ValidateDuration; CRD CEL rules)',
  check(manifest, context) {
    const report = reporter(context);
    for (const { http, tcp, path } of poolParts(manifest)) {
      if (http) {
        checkProtoDuration(http.idleTimeout, `${path}.http.idleTimeout`, report);
        const keepAlive = objectAt(http, 'http2KeepAlive');
        checkProtoDuration(valueAt(keepAlive, 'interval'), `${path}.http.http2KeepAlive.interval`, report);
        checkProtoDuration(valueAt(keepAlive, 'timeout'), `${path}.http.http2KeepAlive.timeout`, report);
      }
      if (tcp) {
        checkProtoDuration(tcp.connectTimeout, `${path}.tcp.connectTimeout`, report);
        checkProtoDuration(tcp.maxConnectionDuration, `${path}.tcp.maxConnectionDuration`, report);
        checkProtoDuration(tcp.idleTimeout, `${path}.tcp.idleTimeout`, report, { allowZero: true });
        const keepalive = objectAt(tcp, 'tcpKeepalive');
        checkProtoDuration(valueAt(keepalive, 'time'), `${path}.tcp.tcpKeepalive.time`, report);
        checkProtoDuration(valueAt(keepalive, 'interval'), `${path}.tcp.tcpKeepalive.interval`, report);
      }
    }
  },
});

export const http2KeepAliveRule: ManifestRule = drRule({
  code: 'DR026',
  name: 'http2-keepalive-required',
  severity: Severity.ERROR,
  description: 'a connectionPool.http.http2KeepAlive block sets both interval and timeout (validateConnectionPool)',
  check(manifest, context) {
    for (const { http, path } of poolParts(manifest)) {
      const keepAlive = valueAt(http, 'http2KeepAlive');
      if (!isObject(keepAlive)) continue;
      for (const field of ['interval', 'timeout']) {
        if (isSet(keepAlive, field)) continue;
        context.report(`${path}.http.http2KeepAlive.${field}`,
          `http2 keepalive ${field} is required: set both interval (between PINGs) and timeout (to wait for the reply), such as "30s" and "10s"`);
      }
    }
  },
});

export const useClientProtocolRule: ManifestRule = drRule({
  code: 'DR027',
  name: 'use-client-protocol-with-upgrade',
  severity: Severity.ERROR,
  description: 'connectionPool.http.useClientProtocol is not true together with h2UpgradePolicy: UPGRADE (validateConnectionPool)',
  check(manifest, context) {
    for (const { http, path } of poolParts(manifest)) {
      if (valueAt(http, 'useClientProtocol') !== true || valueAt(http, 'h2UpgradePolicy') !== 'UPGRADE') continue;
      context.report(`${path}.http.useClientProtocol`,
        'use client protocol must not be true when H2UpgradePolicy is UPGRADE: keeping the client\'s protocol and upgrading to HTTP/2 contradict each other; drop one of them', true);
    }
  },
});

export const CONNECTION_POOL_RULES: readonly ManifestRule[] = [emptyConnectionPoolRule, negativeLimitRule, connectionPoolDurationRule, http2KeepAliveRule, useClientProtocolRule];
