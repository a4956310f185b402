import { compact, nonEmpty, nonEmptyMap } from '../util/json';
import { Destination, renderDestination } from './destination';
import { IGatewayReference, renderGatewayReference } from './gateway/gateway-reference';

/**
 * A weighted destination of a TCP or TLS route.
 */
export interface RouteDestination {
  /** Where the traffic goes. */
  readonly destination: Destination;

  /**
   * Relative weight; a destination gets weight / sum of weights.
   *
   * @default - all traffic when it is the only destination
   */
  readonly weight?: number;
}

/**
 * Conditions on a TCP connection.
 */
export interface L4Match {
  /**
   * Destination IPs or CIDRs.
   *
   * @default - any
   */
  readonly destinationSubnets?: string[];

  /**
   * The port the connection is made to.
   *
   * @default - any
   */
  readonly port?: number;

  /**
   * Only for clients whose workload carries these labels.
   *
   * @default - any client
   */
  readonly sourceLabels?: { [key: string]: string };

  /**
   * Only for clients in this namespace.
   *
   * @default - any namespace
   */
  readonly sourceNamespace?: string;

  /**
   * Gateways the match applies to: Gateway constructs, `GatewayReference.named('<namespace>/<name>')`
   * or `GatewayReference.MESH`.
   *
   * @default - the VirtualService's gateways
   */
  readonly gateways?: IGatewayReference[];
}

/**
 * Conditions on a TLS connection: SNI hosts, plus the TCP conditions.
 */
export interface TlsMatch extends L4Match {
  /** The SNI hosts to match; each must be covered by one of the VirtualService's hosts. */
  readonly sniHosts: string[];
}

/**
 * A route for opaque TCP traffic.
 */
export interface TcpRoute {
  /**
   * Conditions, any of which selects the route.
   *
   * @default - every connection
   */
  readonly match?: L4Match[];

  /** Where the connections go. */
  readonly route: RouteDestination[];
}

/**
 * A route for TLS traffic that is not terminated (routed by SNI).
 */
export interface TlsRoute {
  /** Conditions, any of which selects the route (at least one). */
  readonly match: TlsMatch[];

  /** Where the connections go. */
  readonly route: RouteDestination[];
}

function renderL4Match(match: L4Match, path: string): { [key: string]: unknown } {
  return compact({
    destinationSubnets: nonEmpty(match.destinationSubnets),
    port: match.port,
    sourceLabels: nonEmptyMap(match.sourceLabels),
    sourceNamespace: match.sourceNamespace,
    gateways: nonEmpty(match.gateways?.map((g, i) => renderGatewayReference(g, `${path}.gateways[${i}]`))),
  });
}

function renderDestinations(route: RouteDestination[], path: string): Array<{ [key: string]: unknown }> | undefined {
  return nonEmpty(route.map((d, i) => compact({ destination: renderDestination(d.destination, `${path}.route[${i}].destination`), weight: d.weight })));
}

/** @internal */
export function renderTcpRoute(route: TcpRoute, index: number): { [key: string]: unknown } {
  return compact({ match: nonEmpty(route.match?.map((m, i) => renderL4Match(m, `tcp[${index}].match[${i}]`))), route: renderDestinations(route.route, `tcp[${index}]`) });
}

/** @internal */
export function renderTlsRoute(route: TlsRoute, index: number): { [key: string]: unknown } {
  return compact({
    match: nonEmpty(route.match.map((m, i) => compact({ sniHosts: [...m.sniHosts], ...renderL4Match(m, `tls[${index}].match[${i}]`) }))),
    route: renderDestinations(route.route, `tls[${index}]`),
  });
}
