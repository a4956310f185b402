/**
 * `spec.http[].retries` (agent.ValidateHTTPRetry).
 */
import { Severity } from '../../diagnostic';
import { isHttpStatusWithText } from '../../format/http';
import { RETRY_ON_GRPC_POLICIES, RETRY_ON_HTTP_POLICIES } from '../../format/istio-vocabulary';
import { JsonObject, has, objectAt, show } from '../../manifest';
import { ManifestRule, RuleContext } from '../../rule';
import { durationProblems } from './http-duration';
import { httpRouteRule, isInteger } from './http-routes';
import { describeKind } from './shape';

/** A rule over the retries of each http route that has them. */
function retryRule(code: string, name: string, description: string,
  checkRetries: (retries: JsonObject, path: string, context: RuleContext) => void): ManifestRule {
  return httpRouteRule({
    code, name, severity: Severity.ERROR, description,
    checkRoute({ route, path }, context) {
      const retries = objectAt(route, 'retries');
      if (retries) checkRetries(retries, `${path}.retries`, context);
    },
  });
}

export const retryAttemptsRule: ManifestRule = retryRule('VS049', 'retry-attempts',
  'retries.attempts is a whole number, 0 or more (agent.ValidateHTTPRetry)',
  (retries, path, context) => {
    if (!has(retries, 'attempts')) return;
    const attempts = retries.attempts;
    if (!isInteger(attempts)) {
      context.report(`${path}.attempts`, `retries.attempts must be a whole number, got ${describeKind(attempts)}`, attempts);
    } else if (attempts < 0) {
      context.report(`${path}.attempts`,
        `attempts cannot be negative (got ${attempts}): use 0 to disable retries, or the number of retries to allow`,
        attempts);
    }
  });

export const retryDisabledRule: ManifestRule = retryRule('VS050', 'retry-disabled',
  'with attempts 0 or absent (retries disabled), perTryTimeout, retryOn and retryRemoteLocalities must not be set (agent.ValidateHTTPRetry)',
  (retries, path, context) => {
    const attempts = has(retries, 'attempts') ? retries.attempts : 0;
    if (attempts !== 0) return;
    const configured = [
      has(retries, 'perTryTimeout') ? 'perTryTimeout' : undefined,
      typeof retries.retryOn === 'string' && retries.retryOn !== '' ? 'retryOn' : undefined,
      has(retries, 'retryRemoteLocalities') ? 'retryRemoteLocalities' : undefined,
    ].filter((field): field is string => field !== undefined);
    if (configured.length === 0) return;
    const stated = has(retries, 'attempts') ? 'attempts is 0' : 'attempts is not set (0)';
    context.report(has(retries, 'attempts') ? `${path}.attempts` : path,
      `http retry policy configured when attempts are set to 0 (disabled): ${configured.join(', ')} ${configured.length > 1 ? 'are' : 'is'} set but ${stated}; set attempts to the number of retries, or remove ${configured.length > 1 ? 'them' : 'it'}`,
      has(retries, 'attempts') ? attempts : undefined);
  });

export const retryDurationsRule: ManifestRule = retryRule('VS051', 'retry-durations',
  'retries.perTryTimeout and retries.backoff are Go durations of at least 1ms in whole milliseconds (agent.ValidateDuration)',
  (retries, path, context) => {
    for (const field of ['perTryTimeout', 'backoff']) {
      if (!has(retries, field)) continue;
      for (const problem of durationProblems(retries[field], field)) context.report(`${path}.${field}`, problem, retries[field]);
    }
  });

const RETRY_ON_POLICIES: readonly string[] = [...RETRY_ON_HTTP_POLICIES, ...RETRY_ON_GRPC_POLICIES];
const ALLOWED = `${RETRY_ON_POLICIES.join(', ')}, or an HTTP status code such as 503`;

/** Go's strconv.Atoi: an optional sign and decimal digits. */
const GO_INT = /^[+-]?[0-9]+$/;

/** Why one retryOn token is refused, or undefined when it is allowed. */
function tokenProblem(token: string): string | undefined {
  if (RETRY_ON_POLICIES.includes(token)) return undefined;
  if (GO_INT.test(token)) {
    const code = Number(token);
    if (isHttpStatusWithText(code)) return undefined;
    return `${show(token)} is not a valid retryOn policy: ${code} is not a known HTTP status code`;
  }
  let hint = '';
  if (token === '') hint = ' (an empty entry: remove the extra comma)';
  else if (token.trim() !== token) hint = ' (remove the spaces: Istio does not trim the comma-separated entries)';
  else if (RETRY_ON_POLICIES.includes(token.toLowerCase())) hint = ` (policies are case-sensitive: did you mean ${show(token.toLowerCase())}?)`;
  return `${show(token)} is not a valid retryOn policy${hint}`;
}

export const retryOnRule: ManifestRule = retryRule('VS052', 'retry-on',
  'each comma-separated retryOn entry is an Envoy retry policy or an HTTP status code with a standard text (agent.ValidateHTTPRetry)',
  (retries, path, context) => {
    if (!has(retries, 'retryOn')) return;
    const retryOn = retries.retryOn;
    if (typeof retryOn !== 'string') {
      context.report(`${path}.retryOn`, `retryOn must be a comma-separated string such as "5xx,reset", got ${describeKind(retryOn)}`, retryOn);
      return;
    }
    if (retryOn === '') return;
    for (const token of retryOn.split(',')) {
      const problem = tokenProblem(token);
      if (problem) context.report(`${path}.retryOn`, `${problem}; allowed: ${ALLOWED}`, retryOn);
    }
  });

/** VS049-VS052, in code order. */
export const RETRY_RULES: readonly ManifestRule[] = [retryAttemptsRule, retryDisabledRule, retryDurationsRule, retryOnRule];
