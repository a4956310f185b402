/**
 * Duration fields of http routes (timeout, retries.perTryTimeout, retries.backoff,
 * fault.delay.fixedDelay, corsPolicy.maxAge): the webhook decodes the string with Go's
 * `time.ParseDuration` (jsonpb), then checks it with `agent.ValidateDuration`.
 */
import { checkIstioDuration, parseGoDuration } from '../../format/go-duration';
import { show } from '../../manifest';
import { describeKind } from './shape';

const NS_PER_MS = 1_000_000;
const NS_PER_S = 1_000_000_000;

const SYNTAX = 'write a number with a unit (ns, us, ms, s, m or h), such as "5s", "250ms" or "1m30s"';

/**
 * The problems with a duration field: not a string, not Go duration syntax, or refused by
 * ValidateDuration (below 1ms, or not whole milliseconds). `field` names it in messages.
 */
export function durationProblems(value: unknown, field: string): string[] {
  if (typeof value !== 'string') {
    const hint = typeof value === 'number' ? `: durations are strings with a unit, such as "${value}s"` : `: ${SYNTAX}`;
    return [`${field} must be a duration string, got ${describeKind(value)}${hint}`];
  }
  const nanos = parseGoDuration(value);
  if (nanos === undefined) return [`${field} ${show(value)} is not a valid duration: ${SYNTAX}`];
  return checkIstioDuration(nanos).map(problem => `${field} ${show(value)} is invalid: ${problem}`);
}

/**
 * The duration in nanoseconds when the field is valid (a Go duration that passes
 * ValidateDuration), otherwise undefined.
 */
export function validDuration(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const nanos = parseGoDuration(value);
  if (nanos === undefined || checkIstioDuration(nanos).length > 0) return undefined;
  return nanos;
}

/** `6s`, `1500ms`, `10ns`: a duration for a message, in the largest unit that is exact. */
export function formatDuration(nanos: number): string {
  if (nanos % NS_PER_S === 0) return `${nanos / NS_PER_S}s`;
  if (nanos % NS_PER_MS === 0) return `${nanos / NS_PER_MS}ms`;
  return `${nanos}ns`;
}
