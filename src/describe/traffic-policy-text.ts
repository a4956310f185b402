/**
 * A DestinationRule traffic policy as four short phrases, one per column: the load balancer,
 * the connection pool limits, outlier detection and the TLS mode to the upstream. Values are
 * shown as written; a value of the wrong type is `?`.
 */
import { isObject, stringAt, valueAt } from '../validation/manifest';

/** A column whose part of the policy is not set (Istio's defaults apply). */
export const NOT_SET = '-';
/** A value that cannot be read (the schema rules report it). */
export const UNREADABLE = '?';

/** The four columns of one policy level. */
export interface PolicyText {
  /** `LEAST_REQUEST`, `hash header x-user`, `ROUND_ROBIN, locality, warmup 60s`, `-`. */
  readonly loadBalancer: string;
  /** `tcp: max connections 100; http: max pending 1, max per connection 1`, `-`. */
  readonly connectionPool: string;
  /** `5xx errors 7, interval 5m, eject 15m, max ejected 100%`, `defaults`, `-`. */
  readonly outlierDetection: string;
  /** `ISTIO_MUTUAL`, `SIMPLE, sni api.example.com`, `-`. */
  readonly tls: string;
}

/** Summarises a `trafficPolicy` (or a `portLevelSettings` entry, which has the same four fields). */
export function policyText(policy: unknown): PolicyText {
  return {
    loadBalancer: loadBalancerText(valueAt(policy, 'loadBalancer')),
    connectionPool: connectionPoolText(valueAt(policy, 'connectionPool')),
    outlierDetection: outlierDetectionText(valueAt(policy, 'outlierDetection')),
    tls: tlsText(valueAt(policy, 'tls')),
  };
}

/** `simple`, or `consistentHash` with its key, then locality and warm-up when set. */
export function loadBalancerText(loadBalancer: unknown): string {
  if (loadBalancer === undefined || loadBalancer === null) return NOT_SET;
  if (!isObject(loadBalancer)) return UNREADABLE;
  const parts: string[] = [];
  const simple = valueAt(loadBalancer, 'simple');
  if (simple !== undefined && simple !== null) parts.push(typeof simple === 'string' ? simple : UNREADABLE);
  const hash = valueAt(loadBalancer, 'consistentHash');
  if (hash !== undefined && hash !== null) parts.push(consistentHashText(hash));
  if (isObject(valueAt(loadBalancer, 'localityLbSetting'))) parts.push('locality');
  const warmup = valueAt(loadBalancer, 'warmupDurationSecs') ?? valueAt(valueAt(loadBalancer, 'warmup'), 'duration');
  if (warmup !== undefined && warmup !== null) parts.push(`warmup ${scalar(warmup)}`);
  return parts.length > 0 ? parts.join(', ') : NOT_SET;
}

/** `hash header x-user`, `hash cookie session ttl 10s`, `hash source IP`, `hash query param user`, then `(maglev)` or `(ring hash)`. */
function consistentHashText(hash: unknown): string {
  if (!isObject(hash)) return `hash ${UNREADABLE}`;
  let key = UNREADABLE;
  const header = valueAt(hash, 'httpHeaderName');
  const cookie = valueAt(hash, 'httpCookie');
  const query = valueAt(hash, 'httpQueryParameterName');
  if (header !== undefined) key = `header ${scalar(header)}`;
  else if (cookie !== undefined) {
    const ttl = valueAt(cookie, 'ttl');
    key = `cookie ${scalar(valueAt(cookie, 'name'))}${ttl !== undefined ? ` ttl ${scalar(ttl)}` : ''}`;
  } else if (valueAt(hash, 'useSourceIp') === true) key = 'source IP';
  else if (query !== undefined) key = `query param ${scalar(query)}`;
  const algorithm = isObject(valueAt(hash, 'maglev')) ? ' (maglev)' : isObject(valueAt(hash, 'ringHash')) ? ' (ring hash)' : '';
  return `hash ${key}${algorithm}`;
}

/** The fields of `connectionPool.tcp` and `connectionPool.http` shown, with their labels, in this order. */
const TCP_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['maxConnections', 'max connections'],
  ['connectTimeout', 'connect timeout'],
  ['maxConnectionDuration', 'max duration'],
  ['idleTimeout', 'idle timeout'],
];
const HTTP_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['http1MaxPendingRequests', 'max pending'],
  ['http2MaxRequests', 'max requests'],
  ['maxRequestsPerConnection', 'max per connection'],
  ['maxRetries', 'max retries'],
  ['maxConcurrentStreams', 'max streams'],
  ['idleTimeout', 'idle timeout'],
  ['h2UpgradePolicy', 'h2 upgrade'],
];

/** `tcp: max connections 100, keepalive; http: max pending 1, client protocol`. */
export function connectionPoolText(pool: unknown): string {
  if (pool === undefined || pool === null) return NOT_SET;
  if (!isObject(pool)) return UNREADABLE;
  const groups: string[] = [];
  const tcp = valueAt(pool, 'tcp');
  if (tcp !== undefined && tcp !== null) {
    const parts = fieldsText(tcp, TCP_FIELDS);
    if (isObject(tcp) && tcp.tcpKeepalive !== undefined && tcp.tcpKeepalive !== null) parts.push('keepalive');
    groups.push(`tcp: ${parts.length > 0 ? parts.join(', ') : isObject(tcp) ? 'defaults' : UNREADABLE}`);
  }
  const http = valueAt(pool, 'http');
  if (http !== undefined && http !== null) {
    const parts = fieldsText(http, HTTP_FIELDS);
    if (valueAt(http, 'useClientProtocol') === true) parts.push('client protocol');
    groups.push(`http: ${parts.length > 0 ? parts.join(', ') : isObject(http) ? 'defaults' : UNREADABLE}`);
  }
  return groups.length > 0 ? groups.join('; ') : NOT_SET;
}

/** The outlier detection fields shown, with their labels and units, in this order. */
const OUTLIER_FIELDS: ReadonlyArray<readonly [string, string, string]> = [
  ['consecutive5xxErrors', '5xx errors', ''],
  ['consecutiveGatewayErrors', 'gateway errors', ''],
  ['consecutiveErrors', 'errors', ''],
  ['consecutiveLocalOriginFailures', 'local failures', ''],
  ['interval', 'interval', ''],
  ['baseEjectionTime', 'eject', ''],
  ['maxEjectionPercent', 'max ejected', '%'],
  ['minHealthPercent', 'min health', '%'],
];

/** `5xx errors 7, interval 5m, eject 15m, max ejected 100%`; `defaults` for an empty object. */
export function outlierDetectionText(outlier: unknown): string {
  if (outlier === undefined || outlier === null) return NOT_SET;
  if (!isObject(outlier)) return UNREADABLE;
  const parts: string[] = [];
  for (const [field, label, unit] of OUTLIER_FIELDS) {
    const value = outlier[field];
    if (value !== undefined && value !== null) parts.push(`${label} ${scalar(value)}${unit}`);
  }
  if (outlier.splitExternalLocalOriginErrors === true) parts.push('split local errors');
  return parts.length > 0 ? parts.join(', ') : 'defaults';
}

/** The TLS mode (`DISABLE` when `tls` is set without one), and the SNI when set. */
export function tlsText(tls: unknown): string {
  if (tls === undefined || tls === null) return NOT_SET;
  if (!isObject(tls)) return UNREADABLE;
  const mode = valueAt(tls, 'mode');
  const sni = stringAt(tls, 'sni');
  const modeText = mode === undefined || mode === null ? 'DISABLE' : typeof mode === 'string' ? mode : UNREADABLE;
  return sni ? `${modeText}, sni ${sni}` : modeText;
}

/** `label value` for each field of `fields` present in `parent`. */
function fieldsText(parent: unknown, fields: ReadonlyArray<readonly [string, string]>): string[] {
  if (!isObject(parent)) return [];
  const parts: string[] = [];
  for (const [field, label] of fields) {
    const value = parent[field];
    if (value !== undefined && value !== null) parts.push(`${label} ${scalar(value)}`);
  }
  return parts;
}

/** A string or number as written; `?` for anything else. */
function scalar(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return UNREADABLE;
}
