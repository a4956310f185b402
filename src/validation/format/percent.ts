/**
 * Istio percentages (`networking.Percent`, a double in `{ value: <number> }`). These
 * functions take the `value` field itself; an absent value is the proto default 0.
 */
import { show } from '../manifest';

/** Envoy receives fault percentages as parts per million, so 0.0001% is the smallest step. */
export const MIN_FAULT_PERCENTAGE = 0.0001;

/** A problem with the type of the value, or undefined when it is a finite number or absent. */
function typeProblem(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number') return `percentage ${show(value)} must be a number`;
  if (!Number.isFinite(value)) return `percentage ${String(value)} must be a finite number`;
  return undefined;
}

/**
 * Istio's `validatePercentage`, for fault `abort.percentage.value` and
 * `delay.percentage.value`: 0, or in [0.0001, 100].
 */
export function checkFaultPercentage(value: unknown): string[] {
  const problem = typeProblem(value);
  if (problem !== undefined) return [problem];
  if (typeof value !== 'number') return [];
  if (value < 0 || value > 100 || (value > 0 && value < MIN_FAULT_PERCENTAGE)) {
    return [`percentage ${value} is neither 0 nor in range [${MIN_FAULT_PERCENTAGE}, 100]`];
  }
  return [];
}

/**
 * The plain 0..100 check Istio applies to `mirrorPercentage.value` and
 * `mirrors[].percentage.value` (any fraction is fine here).
 */
export function checkMirrorPercentage(value: unknown): string[] {
  const problem = typeProblem(value);
  if (problem !== undefined) return [problem];
  if (typeof value !== 'number') return [];
  if (value < 0 || value > 100) return [`percentage ${value} must be in range 0..100`];
  return [];
}
