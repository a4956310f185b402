import { compact, nonEmpty, nonEmptyMap } from '../util/json';
import { IGatewayReference, renderGatewayReference } from './gateway/gateway-reference';
import { renderMatchMap, renderStringMatch, StringMatch } from './string-match';

/**
 * Conditions on an HTTP request; all set conditions must hold. A route with several
 * matches applies when any of them holds.
 */
export interface HttpMatch {
  /**
   * A name for the match, joined with the route's name in access logs.
   *
   * @default - none
   */
  readonly name?: string;

  /**
   * The request path.
   *
   * @default - any
   */
  readonly uri?: StringMatch;

  /**
   * The URI scheme (`http`, `https`).
   *
   * @default - any
   */
  readonly scheme?: StringMatch;

  /**
   * The HTTP method.
   *
   * @default - any
   */
  readonly method?: StringMatch;

  /**
   * The authority (Host header).
   *
   * @default - any
   */
  readonly authority?: StringMatch;

  /**
   * Request headers that must match, by lower-case name.
   *
   * @default - none
   */
  readonly headers?: { [name: string]: StringMatch };

  /**
   * Request headers that must not match.
   *
   * @default - none
   */
  readonly withoutHeaders?: { [name: string]: StringMatch };

  /**
   * Query parameters that must match.
   *
   * @default - none
   */
  readonly queryParams?: { [name: string]: StringMatch };

  /**
   * Whether `uri` exact and prefix matches ignore case.
   *
   * @default false
   */
  readonly ignoreUriCase?: boolean;

  /**
   * The port the request arrived on.
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
   * Gateways the match applies to, overriding the VirtualService's: Gateway constructs,
   * `GatewayReference.named('<namespace>/<name>')` or `GatewayReference.MESH`.
   *
   * @default - the VirtualService's gateways
   */
  readonly gateways?: IGatewayReference[];

  /**
   * Envoy stats prefix for the route.
   *
   * @default - none
   */
  readonly statPrefix?: string;
}

/** @internal */
export function renderHttpMatch(match: HttpMatch, path: string): { [key: string]: unknown } {
  return compact({
    name: match.name,
    uri: renderStringMatch(match.uri, `${path}.uri`),
    scheme: renderStringMatch(match.scheme, `${path}.scheme`),
    method: renderStringMatch(match.method, `${path}.method`),
    authority: renderStringMatch(match.authority, `${path}.authority`),
    headers: renderMatchMap(match.headers, `${path}.headers`),
    withoutHeaders: renderMatchMap(match.withoutHeaders, `${path}.withoutHeaders`),
    queryParams: renderMatchMap(match.queryParams, `${path}.queryParams`),
    ignoreUriCase: match.ignoreUriCase,
    port: match.port,
    sourceLabels: nonEmptyMap(match.sourceLabels),
    sourceNamespace: match.sourceNamespace,
    gateways: nonEmpty(match.gateways?.map((g, i) => renderGatewayReference(g, `${path}.gateways[${i}]`))),
    statPrefix: match.statPrefix,
  });
}

