import { TrafficValidationError } from '../validation/errors';
import { isHttpStatusWithText } from '../validation/format/http';

/**
 * A condition under which a request is retried: an Envoy retry policy or an HTTP status
 * code. Rendered comma-joined, without spaces, as Istio expects.
 *
 * @see https://www.envoyproxy.io/docs/envoy/latest/configuration/http/http_filters/router_filter#x-envoy-retry-on
 */
export class RetryOn {
  /** Any 5xx response, or a connection failure or reset. */
  public static readonly FIVE_XX = new RetryOn('5xx');
  /** 502, 503 or 504. */
  public static readonly GATEWAY_ERROR = new RetryOn('gateway-error');
  /** The upstream did not respond (disconnect, reset, read timeout). */
  public static readonly RESET = new RetryOn('reset');
  /** A reset before the request was sent to the upstream (safe for non-idempotent requests). */
  public static readonly RESET_BEFORE_REQUEST = new RetryOn('reset-before-request');
  /** The connection to the upstream failed. */
  public static readonly CONNECT_FAILURE = new RetryOn('connect-failure');
  /** A retriable 4xx response (currently 409). */
  public static readonly RETRIABLE_4XX = new RetryOn('retriable-4xx');
  /** The upstream reset the stream with REFUSED_STREAM. */
  public static readonly REFUSED_STREAM = new RetryOn('refused-stream');
  /** A status code listed in the request's retriable status codes (see `statusCode()`). */
  public static readonly RETRIABLE_STATUS_CODES = new RetryOn('retriable-status-codes');
  /** A response carrying a retriable header. */
  public static readonly RETRIABLE_HEADERS = new RetryOn('retriable-headers');
  /** The upstream answered with x-envoy-ratelimited. */
  public static readonly ENVOY_RATELIMITED = new RetryOn('envoy-ratelimited');
  /** An HTTP/3 failure after connecting (retried over TCP). */
  public static readonly HTTP3_POST_CONNECT_FAILURE = new RetryOn('http3-post-connect-failure');
  /** gRPC status CANCELLED. */
  public static readonly CANCELLED = new RetryOn('cancelled');
  /** gRPC status DEADLINE_EXCEEDED. */
  public static readonly DEADLINE_EXCEEDED = new RetryOn('deadline-exceeded');
  /** gRPC status INTERNAL. */
  public static readonly INTERNAL = new RetryOn('internal');
  /** gRPC status RESOURCE_EXHAUSTED. */
  public static readonly RESOURCE_EXHAUSTED = new RetryOn('resource-exhausted');
  /** gRPC status UNAVAILABLE. */
  public static readonly UNAVAILABLE = new RetryOn('unavailable');

  /**
   * A specific HTTP status code, such as 503 (Istio turns it into a retriable status code).
   */
  public static statusCode(code: number): RetryOn {
    if (!Number.isInteger(code) || !isHttpStatusWithText(code)) {
      throw new TrafficValidationError('VS052', `retryOn status code ${code} is not an HTTP status code Istio knows (it must have a standard status text, e.g. 503)`);
    }
    return new RetryOn(String(code));
  }

  private constructor(
    /** The token as Istio writes it, for example `gateway-error` or `503`. */
    public readonly token: string,
  ) {}
}
