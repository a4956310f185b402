/**
 * The RETRIES column: what Istio does with a route's `retries` (retry.ConvertPolicy).
 */
import { isObject, stringAt, valueAt } from '../validation/manifest';

/** No `retries`: the mesh default policy (Istio's own: 2 attempts on connection failures). */
export const DEFAULT_RETRIES = 'default';
/** `attempts: 0` (or unset inside `retries`): no retries at all, not even the mesh default. */
export const NO_RETRIES = 'off';

/**
 * `3 x 2s on gateway-error,connect-failure`: attempts, the per-try timeout when set, and the
 * conditions (`default` when `retryOn` is unset, which keeps Istio's default conditions);
 * `, backoff 100ms` when a base interval is set.
 */
export function retryText(retries: unknown): string {
  if (!isObject(retries)) return DEFAULT_RETRIES;
  const attempts = valueAt(retries, 'attempts');
  if (typeof attempts !== 'number' || attempts <= 0) return NO_RETRIES;
  const perTryTimeout = stringAt(retries, 'perTryTimeout');
  const retryOn = stringAt(retries, 'retryOn');
  const backoff = stringAt(retries, 'backoff');
  return `${attempts}${perTryTimeout ? ` x ${perTryTimeout}` : ''} on ${retryOn || 'default'}${backoff ? `, backoff ${backoff}` : ''}`;
}
