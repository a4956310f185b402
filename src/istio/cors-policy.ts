import { Duration } from 'cdk8s';
import { compact, nonEmpty } from '../util/json';
import { renderIstioDuration } from './istio-duration';
import { renderStringMatch, StringMatch } from './string-match';

/**
 * What happens to a preflight request whose origin matches no allowed origin.
 */
export enum UnmatchedPreflights {
  /** Forward it to the upstream (the default). */
  FORWARD = 'FORWARD',
  /** Answer it without CORS headers and do not forward it. */
  IGNORE = 'IGNORE',
}

/**
 * Cross-origin resource sharing for a route.
 */
export interface CorsPolicy {
  /**
   * Origins allowed to make requests.
   *
   * @default - none
   */
  readonly allowOrigins?: StringMatch[];

  /**
   * Allowed methods (`GET`, `POST`, ... or `*`).
   *
   * @default - none
   */
  readonly allowMethods?: string[];

  /**
   * Allowed request headers.
   *
   * @default - none
   */
  readonly allowHeaders?: string[];

  /**
   * Response headers browsers may read.
   *
   * @default - none
   */
  readonly exposeHeaders?: string[];

  /**
   * How long a preflight result may be cached, in whole seconds.
   *
   * @default - not cached
   */
  readonly maxAge?: Duration;

  /**
   * Whether credentials are allowed.
   *
   * @default false
   */
  readonly allowCredentials?: boolean;

  /**
   * What to do with preflights from origins that are not allowed.
   *
   * @default UnmatchedPreflights.FORWARD
   */
  readonly unmatchedPreflights?: UnmatchedPreflights;
}

/** @internal */
export function renderCorsPolicy(policy: CorsPolicy | undefined, path: string): { [key: string]: unknown } | undefined {
  if (!policy) return undefined;
  return compact({
    allowOrigins: nonEmpty(policy.allowOrigins?.map((o, i) => renderStringMatch(o, `${path}.allowOrigins[${i}]`))),
    allowMethods: nonEmpty(policy.allowMethods),
    allowHeaders: nonEmpty(policy.allowHeaders),
    exposeHeaders: nonEmpty(policy.exposeHeaders),
    maxAge: policy.maxAge ? renderIstioDuration(policy.maxAge) : undefined,
    allowCredentials: policy.allowCredentials,
    unmatchedPreflights: policy.unmatchedPreflights,
  });
}
