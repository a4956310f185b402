import { Duration } from 'cdk8s';
import { compact, JsonMap, nonEmpty } from '../../util/json';
import { optionalInstance } from '../../util/typed-value';
import { renderIstioDuration } from '../istio-duration';
import { ClientTls } from './client-tls';
import { ConnectionPool } from './connection-pool';
import { LoadBalancer } from './load-balancer';
import { OutlierDetection } from './outlier-detection';

/**
 * The HTTP method that opens a tunnel.
 */
export enum TunnelProtocol {
  /** HTTP CONNECT (Istio's default). */
  CONNECT = 'CONNECT',
  /** HTTP POST. */
  POST = 'POST',
}

/**
 * The PROXY protocol version sent to the destination.
 */
export enum ProxyProtocolVersion {
  /** Version 1, human readable. */
  V1 = 'V1',
  /** Version 2, binary. */
  V2 = 'V2',
}

/**
 * Tunnels the connection through a proxy (HTTP CONNECT or POST) to the destination.
 */
export interface TunnelSettings {
  /**
   * The method that opens the tunnel.
   *
   * @default TunnelProtocol.CONNECT
   */
  readonly protocol?: TunnelProtocol;

  /** The host the tunnel leads to: an FQDN or IP address. */
  readonly targetHost: string;

  /** The port the tunnel leads to. */
  readonly targetPort: number;
}

/**
 * A limit on the retries in flight to the destination, relative to its active requests, so
 * that retries cannot multiply the load on a failing destination (Istio 1.27 and later).
 * Every field may be left out: `{}` turns the budget on with Istio's defaults.
 */
export interface RetryBudget {
  /**
   * The share of the active requests that may be retries at the same time, 0 to 100.
   *
   * @default 20
   */
  readonly percent?: number;

  /**
   * Concurrent retries allowed whatever the share, so that a destination with few active
   * requests can still be retried.
   *
   * @default 3
   */
  readonly minRetryConcurrency?: number;

  /**
   * The interval the budget is computed over.
   *
   * @default - Istio's default (0ms)
   */
  readonly budgetInterval?: Duration;
}

/**
 * The settings a port of the destination can override. Port-level settings replace the
 * destination-level ones for that port: a field left out is not inherited.
 */
export interface PortTrafficPolicy {
  /** The destination port the settings apply to. */
  readonly port: number;

  /**
   * Load-balancing algorithm.
   *
   * @default - the destination-level one, or LEAST_REQUEST
   */
  readonly loadBalancer?: LoadBalancer;

  /**
   * Connection and request limits.
   *
   * @default - no limits beyond Envoy's
   */
  readonly connectionPool?: ConnectionPool;

  /**
   * Ejection of failing hosts.
   *
   * @default - none
   */
  readonly outlierDetection?: OutlierDetection;

  /**
   * TLS towards the destination.
   *
   * @default - Istio mutual TLS where the destination has a sidecar (auto mTLS), else plain text
   */
  readonly tls?: ClientTls;
}

/**
 * How traffic to a destination (or one subset of it) is balanced, limited, health-checked
 * and encrypted. At least one field must be set.
 */
export interface TrafficPolicy {
  /**
   * Load-balancing algorithm.
   *
   * @default - LEAST_REQUEST
   */
  readonly loadBalancer?: LoadBalancer;

  /**
   * Connection and request limits (circuit breaking).
   *
   * @default - no limits beyond Envoy's
   */
  readonly connectionPool?: ConnectionPool;

  /**
   * Ejection of failing hosts.
   *
   * @default - none
   */
  readonly outlierDetection?: OutlierDetection;

  /**
   * TLS towards the destination.
   *
   * @default - Istio mutual TLS where the destination has a sidecar (auto mTLS), else plain text
   */
  readonly tls?: ClientTls;

  /**
   * Settings for single ports, replacing the ones above for that port.
   *
   * @default - none
   */
  readonly portLevelSettings?: PortTrafficPolicy[];

  /**
   * Tunnel the traffic through a proxy; not with `proxyProtocol`.
   *
   * @default - no tunnel
   */
  readonly tunnel?: TunnelSettings;

  /**
   * Send a PROXY protocol header to the destination; not with `tunnel`.
   *
   * @default - none
   */
  readonly proxyProtocol?: ProxyProtocolVersion;

  /**
   * Limit the concurrent retries to a share of the active requests (not available per port).
   *
   * @default - no retry budget: only `connectionPool.http.maxRetries` limits retries
   */
  readonly retryBudget?: RetryBudget;
}

/** The four settings a port-level policy shares with the destination-level one. */
function renderCommon(policy: PortTrafficPolicy | TrafficPolicy, path: string): JsonMap {
  return compact({
    loadBalancer: optionalInstance(policy.loadBalancer, LoadBalancer, { field: `${path}.loadBalancer` },
      'LoadBalancer.roundRobin(), LoadBalancer.leastRequest() or LoadBalancer.consistentHash(...)')?._render(),
    connectionPool: optionalInstance(policy.connectionPool, ConnectionPool, { field: `${path}.connectionPool` },
      'ConnectionPool.tcp(...), ConnectionPool.http(...) or ConnectionPool.tcpAndHttp(...)')?._render(),
    outlierDetection: optionalInstance(policy.outlierDetection, OutlierDetection, { field: `${path}.outlierDetection` },
      'OutlierDetection.consecutiveErrors(...)')?._render(),
    tls: optionalInstance(policy.tls, ClientTls, { field: `${path}.tls` },
      'ClientTls.istioMutual(), ClientTls.simple(), ClientTls.mutual(...) or ClientTls.disable()')?._render(),
  });
}

/**
 * The `trafficPolicy` object, or undefined for a policy with nothing set.
 * @internal
 */
export function renderTrafficPolicy(policy: TrafficPolicy | undefined, path: string): JsonMap | undefined {
  if (policy === undefined) return undefined;
  const tunnel = policy.tunnel;
  const budget = policy.retryBudget;
  const json = compact({
    ...renderCommon(policy, path),
    portLevelSettings: nonEmpty(policy.portLevelSettings?.map((p, i) => compact({
      port: { number: p.port },
      ...renderCommon(p, `${path}.portLevelSettings[${i}]`),
    }))),
    tunnel: tunnel ? compact({ protocol: tunnel.protocol, targetHost: tunnel.targetHost, targetPort: tunnel.targetPort }) : undefined,
    proxyProtocol: policy.proxyProtocol !== undefined ? { version: policy.proxyProtocol } : undefined,
    // percent is a google.protobuf.DoubleValue: a plain number in the CRD's JSON, not { value }
    retryBudget: budget ? compact({
      percent: budget.percent,
      minRetryConcurrency: budget.minRetryConcurrency,
      budgetInterval: budget.budgetInterval ? renderIstioDuration(budget.budgetInterval) : undefined,
    }) : undefined,
  });
  return Object.keys(json).length > 0 ? json : undefined;
}
