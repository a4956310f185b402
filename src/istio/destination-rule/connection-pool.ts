import { Duration } from 'cdk8s';
import { compact, JsonMap } from '../../util/json';
import { TrafficValidationError } from '../../validation/errors';
import { renderIstioDuration } from '../istio-duration';

/**
 * Whether HTTP/1.1 connections to the destination are upgraded to HTTP/2.
 */
export enum H2UpgradePolicy {
  /** The mesh-wide setting. */
  DEFAULT = 'DEFAULT',
  /** Never upgrade. */
  DO_NOT_UPGRADE = 'DO_NOT_UPGRADE',
  /** Upgrade to HTTP/2. */
  UPGRADE = 'UPGRADE',
}

/**
 * TCP keepalive probes on the connections to the destination.
 */
export interface TcpKeepalive {
  /**
   * Unanswered probes after which the connection is dropped.
   *
   * @default - the operating system's (9 on Linux)
   */
  readonly probes?: number;

  /**
   * Idle time before the first probe.
   *
   * @default - the operating system's (2 hours on Linux)
   */
  readonly time?: Duration;

  /**
   * Time between probes.
   *
   * @default - the operating system's (75s on Linux)
   */
  readonly interval?: Duration;
}

/**
 * HTTP/2 PING keepalive on the connections to the destination, so that a connection that
 * stopped answering is noticed and closed. Istio wants both durations.
 */
export interface Http2KeepAlive {
  /** Time between PINGs, at least 1ms. */
  readonly interval: Duration;

  /** How long to wait for the answer to a PING before the connection is closed, at least 1ms. */
  readonly timeout: Duration;
}

/**
 * Limits and timeouts of TCP connections (HTTP ones included) to the destination.
 */
export interface TcpConnectionPoolOptions {
  /**
   * Most connections to the destination (per proxy).
   *
   * @default 4294967295
   */
  readonly maxConnections?: number;

  /**
   * TCP connect timeout, at least 1ms.
   *
   * @default 10s
   */
  readonly connectTimeout?: Duration;

  /**
   * Keepalive probes.
   *
   * @default - no keepalive probes
   */
  readonly tcpKeepalive?: TcpKeepalive;

  /**
   * Longest lifetime of a connection, at least 1ms.
   *
   * @default - unlimited
   */
  readonly maxConnectionDuration?: Duration;

  /**
   * Idle time after which a connection is closed; zero disables the timeout.
   *
   * @default 1h
   */
  readonly idleTimeout?: Duration;
}

/**
 * Limits of HTTP requests to the destination.
 */
export interface HttpConnectionPoolOptions {
  /**
   * Most requests queued while waiting for a connection.
   *
   * @default 4294967295
   */
  readonly http1MaxPendingRequests?: number;

  /**
   * Most active requests to the destination.
   *
   * @default 4294967295
   */
  readonly http2MaxRequests?: number;

  /**
   * Most requests per connection; 1 disables keep-alive, 0 means unlimited.
   *
   * @default 0
   */
  readonly maxRequestsPerConnection?: number;

  /**
   * Most retries outstanding to all hosts of the destination at once.
   *
   * @default 4294967295
   */
  readonly maxRetries?: number;

  /**
   * Idle time after which an upstream connection with no active requests is closed.
   *
   * @default 1h
   */
  readonly idleTimeout?: Duration;

  /**
   * Whether HTTP/1.1 connections are upgraded to HTTP/2.
   *
   * @default H2UpgradePolicy.DEFAULT
   */
  readonly h2UpgradePolicy?: H2UpgradePolicy;

  /**
   * Whether the client's protocol (HTTP/1.1 or HTTP/2) is kept towards the destination; not
   * with `h2UpgradePolicy: UPGRADE`.
   *
   * @default false
   */
  readonly useClientProtocol?: boolean;

  /**
   * Most concurrent streams per HTTP/2 connection.
   *
   * @default 2147483647
   */
  readonly maxConcurrentStreams?: number;

  /**
   * PINGs on HTTP/2 connections to the destination, to notice the ones that stopped answering.
   *
   * @default - no HTTP/2 keepalive
   */
  readonly http2KeepAlive?: Http2KeepAlive;
}

/**
 * Connection and request limits towards the destination (circuit breaking). Immutable: one
 * value can be shared by many traffic policies.
 */
export class ConnectionPool {
  /** TCP limits only. */
  public static tcp(options: TcpConnectionPoolOptions): ConnectionPool {
    return new ConnectionPool(options, undefined);
  }

  /** HTTP limits only. */
  public static http(options: HttpConnectionPoolOptions): ConnectionPool {
    return new ConnectionPool(undefined, options);
  }

  /** TCP and HTTP limits. */
  public static tcpAndHttp(tcp: TcpConnectionPoolOptions, http: HttpConnectionPoolOptions): ConnectionPool {
    return new ConnectionPool(tcp, http);
  }

  private constructor(
    private readonly tcpOptions: TcpConnectionPoolOptions | undefined,
    private readonly httpOptions: HttpConnectionPoolOptions | undefined,
  ) {
    if (httpOptions?.useClientProtocol === true && httpOptions.h2UpgradePolicy === H2UpgradePolicy.UPGRADE) {
      throw new TrafficValidationError('DR027', 'useClientProtocol true cannot be combined with h2UpgradePolicy UPGRADE: keep the client protocol, or upgrade to HTTP/2, not both');
    }
  }

  /** @internal */
  public _render(): JsonMap {
    return compact({
      tcp: this.tcpOptions ? renderTcp(this.tcpOptions) : undefined,
      http: this.httpOptions ? renderHttp(this.httpOptions) : undefined,
    });
  }
}

function duration(value: Duration | undefined): string | undefined {
  return value ? renderIstioDuration(value) : undefined;
}

function renderTcp(tcp: TcpConnectionPoolOptions): JsonMap {
  const keepalive = tcp.tcpKeepalive;
  return compact({
    maxConnections: tcp.maxConnections,
    connectTimeout: duration(tcp.connectTimeout),
    tcpKeepalive: keepalive ? compact({ probes: keepalive.probes, time: duration(keepalive.time), interval: duration(keepalive.interval) }) : undefined,
    maxConnectionDuration: duration(tcp.maxConnectionDuration),
    idleTimeout: duration(tcp.idleTimeout),
  });
}

function renderHttp(http: HttpConnectionPoolOptions): JsonMap {
  const keepAlive = http.http2KeepAlive;
  return compact({
    http1MaxPendingRequests: http.http1MaxPendingRequests,
    http2MaxRequests: http.http2MaxRequests,
    maxRequestsPerConnection: http.maxRequestsPerConnection,
    maxRetries: http.maxRetries,
    idleTimeout: duration(http.idleTimeout),
    h2UpgradePolicy: http.h2UpgradePolicy,
    useClientProtocol: http.useClientProtocol,
    maxConcurrentStreams: http.maxConcurrentStreams,
    http2KeepAlive: keepAlive ? compact({ interval: duration(keepAlive.interval), timeout: duration(keepAlive.timeout) }) : undefined,
  });
}
