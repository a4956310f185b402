import { Duration } from 'cdk8s';
import { TrafficValidationError } from '../validation/errors';
import { checkFaultPercentage } from '../validation/format/percent';
import { checkHttpStatus } from '../validation/format/http';
import { GrpcStatus } from './grpc-status';
import { assertIstioDuration, renderIstioDuration } from './istio-duration';
import { Percent } from './percent';
import { expectInstance } from '../util/typed-value';

/**
 * A delay injected before forwarding requests.
 */
export interface FaultDelayOptions {
  /** How long to delay, at least 1ms. */
  readonly fixedDelay: Duration;
  /** Share of requests delayed. Always written: Istio delays 0% of requests without it. */
  readonly percentage: Percent;
}

/**
 * An error returned instead of forwarding requests: an HTTP status or a gRPC status.
 */
export interface FaultAbortOptions {
  /**
   * The HTTP status to return (200-600).
   *
   * @default - use grpcStatus
   */
  readonly httpStatus?: number;

  /**
   * The gRPC status to return.
   *
   * @default - use httpStatus
   */
  readonly grpcStatus?: GrpcStatus;

  /** Share of requests aborted. Always written: Istio aborts 0% of requests without it. */
  readonly percentage: Percent;
}

/** The `fault` object of an HTTP route, as Istio writes it. */
interface FaultJson {
  readonly delay?: { fixedDelay: string; percentage: { value: number } };
  readonly abort?: { httpStatus?: number; grpcStatus?: string; percentage: { value: number } };
}

/**
 * Client-side fault injection for an HTTP route: delays, aborts, or both. Immutable, so one
 * value can be shared by many routes. Note that Istio does not apply a route's retries and
 * timeout while a fault is set.
 */
export class Fault {
  /**
   * Delays a share of requests.
   */
  public static delay(options: FaultDelayOptions): Fault {
    return new Fault(checkDelay(options), undefined);
  }

  /**
   * Fails a share of requests with an HTTP or gRPC status.
   */
  public static abort(options: FaultAbortOptions): Fault {
    return new Fault(undefined, checkAbort(options));
  }

  /**
   * Delays a share of requests and fails a share (chosen independently).
   */
  public static delayAndAbort(delay: FaultDelayOptions, abort: FaultAbortOptions): Fault {
    return new Fault(checkDelay(delay), checkAbort(abort));
  }

  private constructor(
    private readonly delayOptions: FaultDelayOptions | undefined,
    private readonly abortOptions: FaultAbortOptions | undefined,
  ) {}

  /** @internal */
  public _render(): FaultJson {
    const d = this.delayOptions;
    const a = this.abortOptions;
    return {
      ...(d ? { delay: { fixedDelay: renderIstioDuration(d.fixedDelay), percentage: d.percentage._render() } } : {}),
      ...(a ? {
        abort: {
          ...(a.httpStatus !== undefined ? { httpStatus: a.httpStatus } : {}),
          ...(a.grpcStatus !== undefined ? { grpcStatus: a.grpcStatus } : {}),
          percentage: a.percentage._render(),
        },
      } : {}),
    };
  }
}

function checkPercentage(what: string, percentage: Percent): void {
  expectInstance(percentage, Percent, { field: `Fault.${what}() percentage` }, 'Percent.of(10) or Percent.all()');
  const problems = checkFaultPercentage(percentage.value);
  if (problems.length > 0) {
    throw new TrafficValidationError('VS054', `${what} percentage ${percentage.value}: ${problems.join('; ')}`);
  }
}

function checkDelay(options: FaultDelayOptions): FaultDelayOptions {
  expectInstance(options.fixedDelay, Duration, { field: 'Fault.delay() fixedDelay' }, "Duration.seconds(5) or Duration.millis(500) (from 'cdk8s')");
  assertIstioDuration('VS059', 'fixedDelay', options.fixedDelay);
  checkPercentage('delay', options.percentage);
  return options;
}

function checkAbort(options: FaultAbortOptions): FaultAbortOptions {
  const hasHttp = options.httpStatus !== undefined;
  const hasGrpc = options.grpcStatus !== undefined;
  if (hasHttp === hasGrpc) {
    throw new TrafficValidationError('VS055', `an abort needs exactly one of httpStatus and grpcStatus, got ${hasHttp ? 'both' : 'neither'}`);
  }
  if (hasHttp) {
    const problems = checkHttpStatus(options.httpStatus);
    if (problems.length > 0) throw new TrafficValidationError('VS055', `abort httpStatus ${options.httpStatus}: ${problems.join('; ')}`);
  }
  checkPercentage('abort', options.percentage);
  return options;
}
