import { Duration } from 'cdk8s';
import { compact, nonEmpty } from '../util/json';
import { CorsPolicy, renderCorsPolicy } from './cors-policy';
import { Destination, renderDestination } from './destination';
import { HttpDirectResponse, renderDirectResponse } from './direct-response';
import { Fault } from './fault';
import { Headers, renderHeaders } from './headers';
import { HttpMatch, renderHttpMatch } from './http-match';
import { HttpRedirect, renderRedirect } from './http-redirect';
import { HttpRewrite, renderRewrite } from './http-rewrite';
import { renderIstioDuration } from './istio-duration';
import { Percent, renderPercent } from './percent';
import { Retry } from './retry';
import { optionalInstance } from '../util/typed-value';

/**
 * A weighted destination of an HTTP route.
 */
export interface HttpRouteDestination {
  /** Where the traffic goes. */
  readonly destination: Destination;

  /**
   * Relative weight; a destination gets weight / sum of weights. Use weights that sum to 100.
   *
   * @default - all traffic when it is the only destination
   */
  readonly weight?: number;

  /**
   * Header changes for traffic to this destination.
   *
   * @default - none
   */
  readonly headers?: Headers;
}

/**
 * A copy of the traffic sent to another destination (fire and forget).
 */
export interface HttpMirror {
  /** Where the copies go. */
  readonly destination: Destination;

  /**
   * Share of requests mirrored.
   *
   * @default 100%
   */
  readonly percentage?: Percent;
}

/**
 * Hands the route over to another VirtualService (a delegate, which has no hosts).
 */
export interface HttpDelegate {
  /** The delegate VirtualService's name. */
  readonly name: string;

  /**
   * The delegate's namespace.
   *
   * @default - this VirtualService's namespace
   */
  // jsii warns that `namespace` is a C# keyword; C# bindings PascalCase it (`Namespace`), as
  // cdk8s's own ApiObjectMetadata.namespace, and it is the Kubernetes field name (scripts/build.js).
  readonly namespace?: string;
}

/**
 * An HTTP route: conditions, and what to do with matching requests (forward, redirect,
 * answer directly or delegate), with timeout, retries, fault injection and more.
 */
export interface HttpRoute {
  /**
   * A name for the route, for access logs and debugging.
   *
   * @default - none
   */
  readonly name?: string;

  /**
   * Conditions, any of which selects the route; routes are tried in order.
   *
   * @default - every request (put such a route last)
   */
  readonly match?: HttpMatch[];

  /**
   * Where matching requests are forwarded.
   *
   * @default - none: then one of redirect, directResponse or delegate
   */
  readonly route?: HttpRouteDestination[];

  /**
   * Redirect instead of forwarding.
   *
   * @default - none
   */
  readonly redirect?: HttpRedirect;

  /**
   * Answer directly instead of forwarding.
   *
   * @default - none
   */
  readonly directResponse?: HttpDirectResponse;

  /**
   * Hand the route to a delegate VirtualService.
   *
   * @default - none
   */
  // jsii warns that `delegate` is a C# keyword; C# bindings PascalCase it (`Delegate`), and it
  // is Istio's field name (scripts/build.js).
  readonly delegate?: HttpDelegate;

  /**
   * Rewrite the path or authority before forwarding.
   *
   * @default - none
   */
  readonly rewrite?: HttpRewrite;

  /**
   * Timeout for the whole request, at least 1ms.
   *
   * @default - no timeout
   */
  readonly timeout?: Duration;

  /**
   * Retry policy.
   *
   * @default - Istio's default: 2 retries on connection failures
   */
  readonly retries?: Retry;

  /**
   * Fault injection.
   *
   * @default - none
   */
  readonly fault?: Fault;

  /**
   * One mirror destination; not with `mirrors`.
   *
   * @default - none
   */
  readonly mirror?: Destination;

  /**
   * Share of requests sent to `mirror`.
   *
   * @default 100%
   */
  readonly mirrorPercentage?: Percent;

  /**
   * Several mirror destinations; not with `mirror`.
   *
   * @default - none
   */
  readonly mirrors?: HttpMirror[];

  /**
   * Cross-origin resource sharing.
   *
   * @default - none
   */
  readonly corsPolicy?: CorsPolicy;

  /**
   * Header changes for the route.
   *
   * @default - none
   */
  readonly headers?: Headers;
}

/** @internal */
export function renderHttpRoute(route: HttpRoute, index: number): { [key: string]: unknown } {
  const path = `http[${index}]`;
  const timeout = optionalInstance(route.timeout, Duration, { field: `${path}.timeout` }, "Duration.seconds(5) or Duration.millis(500) (from 'cdk8s')");
  return compact({
    name: route.name,
    match: nonEmpty(route.match?.map((m, i) => renderHttpMatch(m, `${path}.match[${i}]`))),
    route: nonEmpty(route.route?.map((d, i) => compact({
      destination: renderDestination(d.destination, `${path}.route[${i}].destination`),
      weight: d.weight,
      headers: renderHeaders(d.headers),
    }))),
    redirect: renderRedirect(route.redirect),
    directResponse: renderDirectResponse(route.directResponse),
    delegate: route.delegate ? compact({ name: route.delegate.name, namespace: route.delegate.namespace }) : undefined,
    rewrite: renderRewrite(route.rewrite),
    timeout: timeout ? renderIstioDuration(timeout) : undefined,
    retries: optionalInstance(route.retries, Retry, { field: `${path}.retries` }, 'Retry.onFailure(), Retry.onGatewayErrors() or Retry.none()')?._render(),
    fault: optionalInstance(route.fault, Fault, { field: `${path}.fault` }, 'Fault.delay(), Fault.abort() or Fault.delayAndAbort()')?._render(),
    mirror: route.mirror === undefined ? undefined : renderDestination(route.mirror, `${path}.mirror`),
    mirrorPercentage: renderPercent(route.mirrorPercentage, `${path}.mirrorPercentage`),
    mirrors: nonEmpty(route.mirrors?.map((m, i) => compact({
      destination: renderDestination(m.destination, `${path}.mirrors[${i}].destination`),
      percentage: renderPercent(m.percentage, `${path}.mirrors[${i}].percentage`),
    }))),
    corsPolicy: renderCorsPolicy(route.corsPolicy, `${path}.corsPolicy`),
    headers: renderHeaders(route.headers),
  });
}
