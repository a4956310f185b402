/**
 * The route timeout (validateHTTPRoute: `agent.ValidateDuration(http.Timeout)`).
 */
import { Severity } from '../../diagnostic';
import { parseGoDuration } from '../../format/go-duration';
import { has } from '../../manifest';
import { ManifestRule } from '../../rule';
import { durationProblems } from './http-duration';
import { httpRouteRule } from './http-routes';

export const timeoutRule: ManifestRule = httpRouteRule({
  code: 'VS023',
  name: 'timeout',
  severity: Severity.ERROR,
  description: 'timeout is a Go duration of at least 1ms in whole milliseconds; 0s is rejected, omit the field for no timeout (agent.ValidateDuration)',
  checkRoute({ route, path }, context) {
    if (!has(route, 'timeout')) return;
    const value = route.timeout;
    if (typeof value === 'string' && parseGoDuration(value) === 0) {
      context.report(`${path}.timeout`,
        `timeout ${JSON.stringify(value)} is invalid: timeout: 0s is rejected; omit the field for no timeout (Istio sets no timeout by default)`,
        value);
      return;
    }
    for (const problem of durationProblems(value, 'timeout')) context.report(`${path}.timeout`, problem, value);
  },
});

/** VS023. */
export const TIMEOUT_RULES: readonly ManifestRule[] = [timeoutRule];
