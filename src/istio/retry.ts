import { Duration } from 'cdk8s';
import { TrafficValidationError } from '../validation/errors';
import { assertIstioDuration, renderIstioDuration } from './istio-duration';
import { RetryOn } from './retry-on';

/**
 * Options of `Retry.onFailure()`.
 */
export interface RetryOptions {
  /**
   * How many times a failed request is retried (so at most 1 + attempts requests).
   */
  readonly attempts: number;

  /**
   * Timeout of each try, at least 1ms.
   *
   * @default - the route's timeout
   */
  readonly perTryTimeout?: Duration;

  /**
   * The conditions that trigger a retry.
   *
   * @default - Istio's default: connect-failure, refused-stream, unavailable, cancelled and
   *   retriable-status-codes
   */
  readonly retryOn?: RetryOn[];

  /**
   * Whether retries may go to endpoints in other localities.
   *
   * @default false
   */
  readonly retryRemoteLocalities?: boolean;

  /**
   * Whether a retry avoids the hosts already tried (Istio 1.26+).
   *
   * @default true (except with consistent-hash load balancing)
   */
  readonly retryIgnorePreviousHosts?: boolean;

  /**
   * Base interval between retries (Istio 1.26+).
   *
   * @default 25ms (Envoy's default)
   */
  readonly backoff?: Duration;
}

/** The `retries` object of an HTTP route, as Istio writes it. */
export interface RetryJson {
  readonly attempts: number;
  readonly perTryTimeout?: string;
  readonly retryOn?: string;
  readonly retryRemoteLocalities?: boolean;
  readonly retryIgnorePreviousHosts?: boolean;
  readonly backoff?: string;
}

/**
 * The retry policy of an HTTP route. Immutable: one value can be shared by many routes.
 *
 * Without any retry policy Istio retries twice on connection failures; `Retry.none()` turns
 * that off.
 */
export class Retry {
  /**
   * Retries a failed request `attempts` times.
   */
  public static onFailure(options: RetryOptions): Retry {
    if (!Number.isInteger(options.attempts) || options.attempts < 1) {
      throw new TrafficValidationError('VS049', `retry attempts ${options.attempts} must be a whole number of at least 1 (use Retry.none() to disable retries)`);
    }
    if (options.perTryTimeout) assertIstioDuration('VS051', 'perTryTimeout', options.perTryTimeout);
    if (options.backoff) assertIstioDuration('VS051', 'backoff', options.backoff);
    return new Retry(options);
  }

  /**
   * No retries at all (`attempts: 0`), which also disables Istio's default retries.
   */
  public static none(): Retry {
    return new Retry({ attempts: 0 });
  }

  /**
   * Retries on 502, 503 and 504 responses and on connection failures: suits most HTTP APIs.
   *
   * @param attempts how many retries (default 3)
   * @param perTryTimeout timeout of each try (default: the route's timeout)
   */
  public static onGatewayErrors(attempts: number = 3, perTryTimeout?: Duration): Retry {
    return Retry.onFailure({
      attempts,
      perTryTimeout,
      retryOn: [RetryOn.GATEWAY_ERROR, RetryOn.CONNECT_FAILURE, RetryOn.REFUSED_STREAM],
    });
  }

  /**
   * Retries only when the request never reached the upstream: safe for requests that are
   * not idempotent.
   *
   * @param attempts how many retries (default 2)
   */
  public static onConnectionFailures(attempts: number = 2): Retry {
    return Retry.onFailure({
      attempts,
      retryOn: [RetryOn.CONNECT_FAILURE, RetryOn.REFUSED_STREAM, RetryOn.RESET_BEFORE_REQUEST],
    });
  }

  /**
   * Retries gRPC calls that failed with UNAVAILABLE, or on connection failures.
   *
   * @param attempts how many retries (default 3)
   */
  public static onGrpcUnavailable(attempts: number = 3): Retry {
    return Retry.onFailure({
      attempts,
      retryOn: [RetryOn.UNAVAILABLE, RetryOn.CONNECT_FAILURE, RetryOn.REFUSED_STREAM],
    });
  }

  private constructor(private readonly options: RetryOptions) {}

  /** How many retries. */
  public get attempts(): number {
    return this.options.attempts;
  }

  /** Timeout of each try, when set. */
  public get perTryTimeout(): Duration | undefined {
    return this.options.perTryTimeout;
  }

  /** @internal */
  public _render(): RetryJson {
    const o = this.options;
    const tokens = [...new Set((o.retryOn ?? []).map(r => r.token))];
    return {
      attempts: o.attempts,
      ...(o.perTryTimeout ? { perTryTimeout: renderIstioDuration(o.perTryTimeout) } : {}),
      ...(tokens.length > 0 ? { retryOn: tokens.join(',') } : {}),
      ...(o.retryRemoteLocalities !== undefined ? { retryRemoteLocalities: o.retryRemoteLocalities } : {}),
      ...(o.retryIgnorePreviousHosts !== undefined ? { retryIgnorePreviousHosts: o.retryIgnorePreviousHosts } : {}),
      ...(o.backoff ? { backoff: renderIstioDuration(o.backoff) } : {}),
    };
  }
}
