/**
 * A VirtualService's routes in the order Istio evaluates them (HTTP, then TLS, then TCP; the
 * first match wins within each), each with its match, destinations and policies as short text.
 */
import { arrayAt, isObject, objectAt, stringAt } from '../validation/manifest';
import { DestinationShare, destinationText, routeShares } from './destination-share';
import { faultText } from './fault-text';
import { httpMatchText, tcpMatchText, tlsMatchText } from './match-text';
import { ResourceRef, refOf } from './resources';
import { retryText } from './retry-text';
import { delegateOf, directResponseText, mirrorShares, redirectText, rewriteText } from './route-action';

/** The gateway a VirtualService without `gateways` binds to: every sidecar in the mesh. */
export const MESH = 'mesh';
/** A column that does not apply (timeouts, retries and faults of TCP and TLS routes). */
export const NOT_APPLICABLE = '-';
/** No timeout: Istio's default when `timeout` is unset. */
export const NO_TIMEOUT = 'none';

export type RouteProtocol = 'http' | 'tls' | 'tcp';

/** One route of a VirtualService. */
export interface RouteSummary {
  readonly protocol: RouteProtocol;
  /** Position in the VirtualService's `http`, `tls` or `tcp` list. */
  readonly index: number;
  /** The route's name, else its position: `http[1]`. */
  readonly name: string;
  /** MATCH: compact conditions, `*` when the route matches everything. */
  readonly match: string;
  /** Where the route forwards to, with each destination's share (empty for redirects and the like). */
  readonly destinations: readonly DestinationShare[];
  /** Mirror targets and the share of requests copied to each. */
  readonly mirrors: readonly DestinationShare[];
  /** DESTINATIONS: the destinations, or the redirect, direct response or delegation, then rewrite and mirrors. */
  readonly action: string;
  /** A redirect or direct response, which answers without forwarding. */
  readonly response?: string;
  /** The VirtualService a root route delegates to. */
  readonly delegate?: ResourceRef;
  /** TIMEOUT: the route timeout, `none` when unset, `-` for TCP and TLS. */
  readonly timeout: string;
  /** RETRIES: `3 x 2s on gateway-error`, `off`, `default`, `-` for TCP and TLS. */
  readonly retries: string;
  /** FAULT: `delay 5s @0.1%`, `abort 503 @10%`, `none`, `-` for TCP and TLS. */
  readonly fault: string;
}

/** One VirtualService and its routes. */
export interface VirtualServiceSummary {
  readonly namespace: string;
  readonly name: string;
  /** The hosts it applies to; empty for a delegate VirtualService. */
  readonly hosts: readonly string[];
  /** The gateways it binds to (`mesh` when unset). */
  readonly gateways: readonly string[];
  readonly routes: readonly RouteSummary[];
}

/** Summarises one VirtualService manifest. Never throws, whatever the manifest holds. */
export function summarizeVirtualService(manifest: unknown): VirtualServiceSummary {
  const ref = refOf(manifest);
  const spec = objectAt(manifest, 'spec');
  const gateways = strings(arrayAt(spec, 'gateways'));
  return {
    namespace: ref.namespace,
    name: ref.name,
    hosts: strings(arrayAt(spec, 'hosts')),
    gateways: gateways.length > 0 ? gateways : [MESH],
    routes: [
      ...routesOf(spec, 'http').map(([route, i]) => httpRoute(route, i, ref.namespace)),
      ...routesOf(spec, 'tls').map(([route, i]) => l4Route('tls', route, i, tlsMatchText(route.match))),
      ...routesOf(spec, 'tcp').map(([route, i]) => l4Route('tcp', route, i, tcpMatchText(route.match))),
    ],
  };
}

/** The object entries of a route list with their positions (null or wrong entries are skipped). */
function routesOf(spec: unknown, protocol: RouteProtocol): Array<[Record<string, unknown>, number]> {
  const list = arrayAt(spec, protocol) ?? [];
  const out: Array<[Record<string, unknown>, number]> = [];
  list.forEach((route, i) => {
    if (isObject(route)) out.push([route, i]);
  });
  return out;
}

function httpRoute(route: Record<string, unknown>, index: number, namespace: string): RouteSummary {
  const delegate = delegateOf(route.delegate, namespace);
  const response = redirectText(route.redirect) ?? directResponseText(route.directResponse);
  const destinations = delegate || response ? [] : routeShares(route.route);
  const mirrors = mirrorShares(route);
  const main = delegate ? `delegate ${delegate.namespace}/${delegate.name}` : response ?? forwardText(destinations);
  const extras = [rewriteText(route.rewrite), ...mirrors.map(mirror => `mirror ${destinationText(mirror)}`)].filter(
    (text): text is string => text !== undefined,
  );
  return {
    protocol: 'http',
    index,
    name: stringAt(route, 'name') || `http[${index}]`,
    match: httpMatchText(route.match),
    destinations,
    mirrors,
    action: [main, ...extras].join('; '),
    ...(response ? { response } : {}),
    ...(delegate ? { delegate } : {}),
    timeout: stringAt(route, 'timeout') || NO_TIMEOUT,
    retries: retryText(route.retries),
    fault: faultText(route.fault),
  };
}

function l4Route(protocol: RouteProtocol, route: Record<string, unknown>, index: number, match: string): RouteSummary {
  const destinations = routeShares(route.route);
  return {
    protocol,
    index,
    name: `${protocol}[${index}]`,
    match,
    destinations,
    mirrors: [],
    action: forwardText(destinations),
    timeout: NOT_APPLICABLE,
    retries: NOT_APPLICABLE,
    fault: NOT_APPLICABLE,
  };
}

function forwardText(destinations: readonly DestinationShare[]): string {
  return destinations.length > 0 ? destinations.map(destinationText).join(', ') : '<none>';
}

function strings(list: unknown[] | undefined): string[] {
  return (list ?? []).filter((item): item is string => typeof item === 'string');
}
