/**
 * This library's warnings about http routes that Istio's webhook accepts but that do not
 * behave as written: faults with retries or timeouts, retries that outlast the route
 * timeout, and faults that apply to no request.
 */
import { Severity } from '../../diagnostic';
import { has, isObject, objectAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { faultParts } from './fault';
import { formatDuration, validDuration } from './http-duration';
import { httpRouteRule, isInteger } from './http-routes';

/** The retry attempts when they enable retries (a whole number above 0), otherwise undefined. */
function enabledAttempts(retries: unknown): number | undefined {
  const attempts = isObject(retries) ? retries.attempts : undefined;
  return isInteger(attempts) && attempts > 0 ? attempts : undefined;
}

export const faultDisablesRetriesRule: ManifestRule = httpRouteRule({
  code: 'VS080',
  name: 'fault-disables-retries',
  severity: Severity.WARNING,
  description: 'a route with fault injection should not rely on its retries or timeout: Istio does not enable them while client-side faults are enabled (HTTPRoute.fault documentation; not checked by the webhook)',
  checkRoute({ route, path }, context) {
    const parts = faultParts(route, path);
    if (!parts || (!has(parts.fault, 'abort') && !has(parts.fault, 'delay'))) return;
    const settings = [
      enabledAttempts(route.retries) !== undefined ? 'retries' : undefined,
      has(route, 'timeout') ? 'a timeout' : undefined,
    ].filter((setting): setting is string => setting !== undefined);
    if (settings.length === 0) return;
    const what = settings.join(' and ');
    context.report(parts.path,
      `this route injects faults and also sets ${what}: Istio does not enable timeouts and retries while client-side faults are enabled `
      + `("timeouts or retries will not be enabled when faults are enabled on the client side"), so ${what} will not take effect as written; `
      + 'test faults on a separate route (Istio\'s webhook accepts this, so only this library reports it)');
  },
});

export const retryExceedsTimeoutRule: ManifestRule = httpRouteRule({
  code: 'VS081',
  name: 'retry-exceeds-timeout',
  severity: Severity.WARNING,
  description: 'perTryTimeout x (attempts + 1) should fit in the route timeout, or the timeout cuts the later retries off (not checked by the webhook)',
  checkRoute({ route, path }, context) {
    const retries = objectAt(route, 'retries');
    const attempts = enabledAttempts(retries);
    const perTry = validDuration(retries?.perTryTimeout);
    const timeout = validDuration(route.timeout);
    if (attempts === undefined || perTry === undefined || timeout === undefined) return;
    const tries = attempts + 1;
    const total = perTry * tries;
    if (total <= timeout) return;
    context.report(`${path}.retries.perTryTimeout`,
      `retries can take up to ${tries} x ${formatDuration(perTry)} = ${formatDuration(total)} (the first try and ${attempts} ${attempts === 1 ? 'retry' : 'retries'}, `
      + `each up to perTryTimeout), longer than the route timeout ${formatDuration(timeout)}: the timeout covers all tries, so it cuts off the later retries; `
      + 'raise timeout, or lower perTryTimeout or attempts (Istio\'s webhook accepts this, so only this library reports it)',
      route.retries);
  },
});

export const faultPercentageMissingRule: ManifestRule = httpRouteRule({
  code: 'VS084',
  name: 'fault-percentage-missing',
  severity: Severity.WARNING,
  description: 'a fault delay or abort without percentage applies to no request, and a delay without fixedDelay is dropped (TranslateFault; not checked by the webhook)',
  checkRoute({ route, path }, context) {
    const parts = faultParts(route, path);
    if (!parts) return;
    const { delay, abort } = parts;
    const note = '(Istio\'s webhook accepts this, so only this library reports it)';
    // the deprecated integer delay.percent still counts when percentage is unset
    if (delay && !has(delay, 'percentage') && !has(delay, 'percent')) {
      context.report(`${parts.path}.delay`,
        'fault delay has no percentage, so it delays no request (Istio: "If left unspecified, no request will be delayed"): '
        + `set percentage, for example {value: 100} to delay every request ${note}`,
        delay);
    }
    if (delay && !has(delay, 'fixedDelay') && !has(delay, 'exponentialDelay')) {
      context.report(`${parts.path}.delay`,
        `fault delay has no fixedDelay, so Istio silently drops it: set fixedDelay, for example "5s" ${note}`,
        delay);
    }
    if (abort && !has(abort, 'percentage')) {
      const removed = has(abort, 'percent') ? '; abort.percent was removed from the API and is ignored' : '';
      context.report(`${parts.path}.abort`,
        'fault abort has no percentage, so it aborts no request (Istio: "If not specified, no request will be aborted"): '
        + `set percentage, for example {value: 100} to abort every request${removed} ${note}`,
        abort);
    }
  },
});

/** VS080, VS081 and VS084, in code order. */
export const ROUTE_WARNING_RULES: readonly ManifestRule[] = [
  faultDisablesRetriesRule,
  retryExceedsTimeoutRule,
  faultPercentageMissingRule,
];
