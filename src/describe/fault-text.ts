/**
 * The FAULT column: `delay 5s @0.1%`, `abort 503 @10%`, `abort grpc UNAVAILABLE @5%`.
 * Percentages follow Istio's TranslateFault: `percentage.value`, else the deprecated integer
 * `delay.percent`, else 0% (an unset percentage injects nothing).
 */
import { isObject, objectAt, stringAt, valueAt } from '../validation/manifest';

/** No fault injection. */
export const NO_FAULT = 'none';

export function faultText(fault: unknown): string {
  if (!isObject(fault)) return NO_FAULT;
  const parts: string[] = [];
  if (isObject(fault.delay)) parts.push(`delay ${delayText(fault.delay)} @${percentageOf(fault.delay, true)}%`);
  if (isObject(fault.abort)) parts.push(`abort ${abortText(fault.abort)} @${percentageOf(fault.abort, false)}%`);
  return parts.length > 0 ? parts.join(', ') : NO_FAULT;
}

function delayText(delay: Record<string, unknown>): string {
  const fixed = stringAt(delay, 'fixedDelay');
  if (fixed) return fixed;
  const exponential = stringAt(delay, 'exponentialDelay');
  return exponential ? `exponential ${exponential}` : '?';
}

function abortText(abort: Record<string, unknown>): string {
  const status = valueAt(abort, 'httpStatus');
  if (typeof status === 'number') return String(status);
  const grpc = stringAt(abort, 'grpcStatus');
  if (grpc) return `grpc ${grpc}`;
  const http2 = stringAt(abort, 'http2Error');
  return http2 ? `http2 ${http2}` : '?';
}

/** Aborts have no integer fallback: their `percent` field was removed from the API. */
function percentageOf(injection: Record<string, unknown>, integerFallback: boolean): number {
  const value = valueAt(objectAt(injection, 'percentage'), 'value');
  if (typeof value === 'number') return value;
  const percent = valueAt(injection, 'percent');
  return integerFallback && typeof percent === 'number' ? percent : 0;
}
