import { Duration } from 'cdk8s';
import { TrafficValidationError } from '../validation/errors';
import { checkIstioDuration } from '../validation/format/go-duration';

/**
 * Renders a cdk8s Duration as an Istio duration string: whole seconds as `2s`, else
 * milliseconds as `500ms`; anything finer is written in nanoseconds so the rules can
 * report it instead of hiding it.
 */
export function renderIstioDuration(duration: Duration): string {
  const ms = duration.toMilliseconds({ integral: false });
  if (Number.isInteger(ms)) {
    return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
  }
  return `${Math.round(ms * 1e6)}ns`;
}

/**
 * Throws when a duration is not one Istio accepts (at least 1ms, whole milliseconds).
 * Used by value classes, which check themselves when created.
 */
export function assertIstioDuration(code: string, field: string, duration: Duration): void {
  const nanos = Math.round(duration.toMilliseconds({ integral: false }) * 1e6);
  const problems = checkIstioDuration(nanos);
  if (problems.length > 0) {
    throw new TrafficValidationError(code, `${field} ${renderIstioDuration(duration)}: ${problems.join('; ')}`);
  }
}
