import { Duration } from 'cdk8s';
import { compact, JsonMap } from '../../util/json';
import { TrafficValidationError } from '../../validation/errors';
import { renderIstioDuration } from '../istio-duration';

/**
 * When a host is ejected from the load-balancing pool, and for how long.
 */
export interface OutlierDetectionOptions {
  /**
   * Consecutive 5xx responses (connection failures included) that eject a host; 0 disables.
   *
   * @default 5
   */
  readonly consecutive5xxErrors?: number;

  /**
   * Consecutive 502, 503 and 504 responses (connection failures included) that eject a host; 0 disables.
   *
   * @default - disabled
   */
  readonly consecutiveGatewayErrors?: number;

  /**
   * Whether failures the proxy sees locally (connection failures, timeouts) are counted apart
   * from the upstream's responses. Needed for `consecutiveLocalOriginFailures`.
   *
   * @default false
   */
  readonly splitExternalLocalOriginErrors?: boolean;

  /**
   * Consecutive locally originated failures that eject a host; needs `splitExternalLocalOriginErrors`.
   *
   * @default 5 (when split)
   */
  readonly consecutiveLocalOriginFailures?: number;

  /**
   * Time between ejection sweeps, at least 1ms.
   *
   * @default 10s
   */
  readonly interval?: Duration;

  /**
   * Minimum ejection time; a host ejected again stays out longer (times the ejection count).
   *
   * @default 30s
   */
  readonly baseEjectionTime?: Duration;

  /**
   * Most hosts that may be ejected, in percent of the pool (0 to 100).
   *
   * @default 10
   */
  readonly maxEjectionPercent?: number;

  /**
   * Outlier detection stops when fewer than this percentage of hosts are healthy (0 to 100).
   *
   * @default 0
   */
  readonly minHealthPercent?: number;
}

/**
 * Ejects hosts that keep failing from the load-balancing pool for a while (passive health
 * checking). Immutable: one value can be shared by many traffic policies.
 */
export class OutlierDetection {
  /** Ejects hosts after consecutive errors, as the options say. */
  public static consecutiveErrors(options: OutlierDetectionOptions): OutlierDetection {
    if ((options.consecutiveLocalOriginFailures ?? 0) > 0 && options.splitExternalLocalOriginErrors !== true) {
      throw new TrafficValidationError('DR021', `consecutiveLocalOriginFailures ${options.consecutiveLocalOriginFailures} needs splitExternalLocalOriginErrors: true; without it local failures are counted with the upstream's errors`);
    }
    return new OutlierDetection(options);
  }

  private constructor(private readonly options: OutlierDetectionOptions) {}

  /** @internal */
  public _render(): JsonMap {
    const o = this.options;
    return compact({
      splitExternalLocalOriginErrors: o.splitExternalLocalOriginErrors,
      consecutiveLocalOriginFailures: o.consecutiveLocalOriginFailures,
      consecutiveGatewayErrors: o.consecutiveGatewayErrors,
      consecutive5xxErrors: o.consecutive5xxErrors,
      interval: o.interval ? renderIstioDuration(o.interval) : undefined,
      baseEjectionTime: o.baseEjectionTime ? renderIstioDuration(o.baseEjectionTime) : undefined,
      maxEjectionPercent: o.maxEjectionPercent,
      minHealthPercent: o.minHealthPercent,
    });
  }
}
