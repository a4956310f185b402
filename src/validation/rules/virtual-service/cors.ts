/**
 * `spec.http[].corsPolicy` (validateCORSPolicy).
 */
import { Severity } from '../../diagnostic';
import { checkIstioDuration, parseGoDuration } from '../../format/go-duration';
import { isHeaderToken } from '../../format/http';
import { CORS_METHODS } from '../../format/istio-vocabulary';
import { JsonObject, has, isObject, objectAt, show } from '../../manifest';
import { ManifestRule, RuleContext } from '../../rule';
import { durationProblems } from './http-duration';
import { httpRouteRule, listAt } from './http-routes';
import { checkStringMatch, matchKinds } from './http-string-match';
import { describeKind } from './shape';

const NS_PER_S = 1_000_000_000;

/** A rule over the corsPolicy of each http route that has one. */
function corsRule(code: string, name: string, description: string,
  checkPolicy: (policy: JsonObject, path: string, context: RuleContext) => void): ManifestRule {
  return httpRouteRule({
    code, name, severity: Severity.ERROR, description,
    checkRoute({ route, path }, context) {
      const policy = objectAt(route, 'corsPolicy');
      if (policy) checkPolicy(policy, `${path}.corsPolicy`, context);
    },
  });
}

export const corsOriginsRule: ManifestRule = corsRule('VS061', 'cors-origins',
  'each allowOrigins entry is a StringMatch with a non-empty exact, prefix or regex, and a regex is valid RE2 (validateAllowOrigins)',
  (policy, path, context) => {
    listAt(policy, 'allowOrigins').forEach((origin, index) => {
      const at = `${path}.allowOrigins[${index}]`;
      if (!isObject(origin)) {
        context.report(at, `allowOrigins entry must be a StringMatch such as {exact: "https://example.com"}, got ${describeKind(origin)}`, origin);
        return;
      }
      const kinds = matchKinds(origin);
      if (kinds.length === 1 && origin[kinds[0]] === '') {
        context.report(`${at}.${kinds[0]}`,
          `'' is not a valid match type for CORS allow origins: an empty ${kinds[0]} matches no origin; give an origin such as "https://example.com"`,
          '');
        return;
      }
      if (kinds.length === 0) {
        context.report(at,
          'allowOrigins entry needs one of exact, prefix or regex, for example {exact: "https://example.com"} or {prefix: "https://"}',
          origin);
        return;
      }
      checkStringMatch(origin, at, 'allowOrigins entry', {}, context.report);
    });
  });

export const corsMethodsRule: ManifestRule = corsRule('VS062', 'cors-methods',
  'allowMethods entries are HTTP methods in upper case, or * (validateCORSHTTPMethod)',
  (policy, path, context) => {
    listAt(policy, 'allowMethods').forEach((method, index) => {
      if (typeof method === 'string' && CORS_METHODS.includes(method)) return;
      const hint = typeof method === 'string' && CORS_METHODS.includes(method.toUpperCase())
        ? ` (methods are case-sensitive: ${show(method.toUpperCase())})` : '';
      const shown = typeof method === 'string' ? show(method) : describeKind(method);
      context.report(`${path}.allowMethods[${index}]`,
        `${shown} is not a supported HTTP method${hint}: must be one of ${CORS_METHODS.join(', ')}`,
        method);
    });
  });

export const corsHeadersRule: ManifestRule = corsRule('VS063', 'cors-headers',
  'allowHeaders and exposeHeaders entries are header names (RFC 7230 tokens) or * (ValidateCORSHTTPHeaderName)',
  (policy, path, context) => {
    for (const field of ['allowHeaders', 'exposeHeaders']) {
      listAt(policy, field).forEach((name, index) => {
        const at = `${path}.${field}[${index}]`;
        if (typeof name !== 'string') {
          context.report(at, `${field} entry must be a header name, got ${describeKind(name)}`, name);
        } else if (name === '') {
          context.report(at, `header name cannot be empty: remove the empty ${field} entry`, name);
        } else if (name !== '*' && !isHeaderToken(name)) {
          context.report(at,
            `header name ${show(name)} is not a valid header name: use RFC 7230 token characters (letters, digits and !#$%&'*+-.^_\`|~), or * for any header`,
            name);
        }
      });
    }
  });

export const corsMaxAgeRule: ManifestRule = corsRule('VS064', 'cors-max-age',
  'maxAge is a Go duration of at least 1ms in whole seconds (agent.ValidateDuration, validateCORSPolicy)',
  (policy, path, context) => {
    if (!has(policy, 'maxAge')) return;
    const value = policy.maxAge;
    const at = `${path}.maxAge`;
    const problems = durationProblems(value, 'maxAge');
    for (const problem of problems) context.report(at, problem, value);
    const nanos = typeof value === 'string' ? parseGoDuration(value) : undefined;
    // the seconds check runs on any decoded duration; ValidateDuration's own problems come first
    if (nanos !== undefined && nanos > 0 && nanos % NS_PER_S !== 0 && checkIstioDuration(nanos).length === 0) {
      context.report(at,
        `maxAge ${show(value)} is invalid: max_age duration is accurate only to seconds precision; use whole seconds such as "${Math.max(1, Math.round(nanos / NS_PER_S))}s"`,
        value);
    }
  });

/** VS061-VS064, in code order. */
export const CORS_RULES: readonly ManifestRule[] = [corsOriginsRule, corsMethodsRule, corsHeadersRule, corsMaxAgeRule];
