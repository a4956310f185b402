/**
 * `google.protobuf.Duration` fields of Istio objects (connection pool timeouts, outlier
 * detection intervals, warmup): the webhook decodes the string with Go's `time.ParseDuration`
 * and checks it with `agent.ValidateDuration` (at least 1ms, whole milliseconds); the CRD
 * adds the CEL rule `duration(self) >= duration('1ms')` on most of them. Both say the same
 * thing below 1ms, so one check reports it once.
 */
import { checkIstioDuration, parseGoDuration } from '../../format/go-duration';
import { show } from '../../manifest';
import { durationProblems } from '../virtual-service/http-duration';
import { Report } from './report';

const NS_PER_MS = 1_000_000;

export interface ProtoDurationOptions {
  /**
   * A duration that is zero in whole milliseconds (`0s`, `500us`) turns the feature off and
   * is not checked (`connectionPool.tcp.idleTimeout`).
   * @default false
   */
  readonly allowZero?: boolean;
  /**
   * Only the CRD's CEL rule applies (at least 1ms); the webhook does not check the field,
   * so sub-millisecond precision is accepted (`loadBalancer.warmupDurationSecs`).
   * @default false
   */
  readonly celOnly?: boolean;
}

/** The field name in a path: `interval` for `spec.trafficPolicy.outlierDetection.interval`. */
function fieldName(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? path : path.slice(dot + 1);
}

/**
 * Checks a duration field: a string in Go duration syntax, at least 1ms, in whole
 * milliseconds. Absent and null values are not checked (the field is unset).
 *
 * @param value the field's value, as written
 * @param path the field path, for example `spec.trafficPolicy.connectionPool.tcp.connectTimeout`
 */
export function checkProtoDuration(value: unknown, path: string, report: Report, options: ProtoDurationOptions = {}): void {
  if (value === undefined || value === null) return;
  const field = fieldName(path);
  if (typeof value === 'string' && (options.allowZero || options.celOnly)) {
    const nanos = parseGoDuration(value);
    if (nanos !== undefined) {
      if (options.allowZero && Math.trunc(nanos / NS_PER_MS) === 0) return;
      if (options.celOnly) {
        if (nanos < NS_PER_MS) {
          report(path, `${field} ${show(value)} is invalid: must be a valid duration greater than 1ms`, value);
        }
        return;
      }
    }
  }
  for (const problem of durationProblems(value, field)) report(path, problem, value);
}

/** The duration in nanoseconds when the value is a valid Istio duration, otherwise undefined. */
export function protoDurationNanos(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const nanos = parseGoDuration(value);
  return nanos !== undefined && checkIstioDuration(nanos).length === 0 ? nanos : undefined;
}
