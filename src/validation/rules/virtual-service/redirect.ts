/**
 * `spec.http[].redirect` (validateHTTPRedirect, and the CRD's oneOf on port/derivePort).
 */
import { Severity } from '../../diagnostic';
import { JsonObject, has, objectAt, show } from '../../manifest';
import { ManifestRule, RuleContext } from '../../rule';
import { HttpRoute, hasText, httpRouteRule, isInteger, listAt, oneOf } from './http-routes';
import { matchKinds } from './http-string-match';
import { describeKind } from './shape';

const DERIVE_PORT_VALUES = ['FROM_PROTOCOL_DEFAULT', 'FROM_REQUEST_PORT'];
const SCHEMES = ['http', 'https'];

/** A rule over the redirect of each http route that has one. */
function redirectRule(code: string, name: string, description: string,
  checkRedirect: (redirect: JsonObject, path: string, route: HttpRoute, context: RuleContext) => void): ManifestRule {
  return httpRouteRule({
    code, name, severity: Severity.ERROR, description,
    checkRoute(route, context) {
      const redirect = objectAt(route.route, 'redirect');
      if (redirect) checkRedirect(redirect, `${route.path}.redirect`, route, context);
    },
  });
}

export const redirectFieldsRule: ManifestRule = redirectRule('VS040', 'redirect-fields',
  'a redirect sets at least one of uri, prefixRewrite, authority, port/derivePort or scheme; uri and prefixRewrite are exclusive, and so are port and derivePort; prefixRewrite needs prefix uri matches (validateHTTPRedirect)',
  (redirect, path, { route, path: routePath }, context) => {
    const hasPort = has(redirect, 'port') || has(redirect, 'derivePort');
    if (!hasText(redirect, 'uri') && !hasText(redirect, 'prefixRewrite') && !hasText(redirect, 'authority') && !hasPort && !hasText(redirect, 'scheme')) {
      context.report(path,
        'redirect must specify URI, authority, scheme, or port: set at least one of uri, prefixRewrite, authority, port, derivePort or scheme',
        redirect);
    }
    if (hasText(redirect, 'uri') && hasText(redirect, 'prefixRewrite')) {
      context.report(`${path}.prefixRewrite`,
        'redirect uri and prefixRewrite are mutually exclusive: uri replaces the whole path, prefixRewrite only the matched prefix; keep one',
        redirect.prefixRewrite);
    }
    if (hasText(redirect, 'prefixRewrite')) {
      listAt(route, 'match').forEach((match, index) => {
        const uri = objectAt(match, 'uri');
        const kinds = matchKinds(uri);
        if (!uri || kinds.length === 0 || kinds.includes('prefix')) return;
        context.report(`${routePath}.match[${index}].uri`,
          `redirect prefixRewrite needs every uri match to be a prefix match, but this one uses ${kinds.join(' and ')}: use uri.prefix, or redirect.uri to replace the whole path`,
          uri);
      });
    }
    if (has(redirect, 'port') && has(redirect, 'derivePort')) {
      context.report(`${path}.derivePort`,
        'redirect port and derivePort are mutually exclusive: port sets a fixed port, derivePort computes one; keep one',
        redirect.derivePort);
    }
    if (has(redirect, 'derivePort') && !DERIVE_PORT_VALUES.includes(redirect.derivePort as string)) {
      context.report(`${path}.derivePort`,
        `redirect derivePort ${show(redirect.derivePort)} is not supported: must be ${oneOf(DERIVE_PORT_VALUES)}`,
        redirect.derivePort);
    }
  });

export const redirectCodeRule: ManifestRule = redirectRule('VS041', 'redirect-code',
  'a redirectCode other than 0 is a 3xx code, 300..399 (validateHTTPRedirect)',
  (redirect, path, _route, context) => {
    if (!has(redirect, 'redirectCode') || redirect.redirectCode === 0) return;
    const code = redirect.redirectCode;
    if (!isInteger(code) || code < 300 || code > 399) {
      const shown = isInteger(code) ? String(code) : describeKind(code);
      context.report(`${path}.redirectCode`,
        `${shown} is not a valid redirect code, must be 3xx (300-399; 301 is the default)`,
        code);
    }
  });

export const redirectSchemeRule: ManifestRule = redirectRule('VS042', 'redirect-scheme',
  'a redirect scheme is "http" or "https" (validateHTTPRedirect)',
  (redirect, path, _route, context) => {
    if (!has(redirect, 'scheme') || redirect.scheme === '') return;
    const scheme = redirect.scheme;
    if (typeof scheme === 'string' && SCHEMES.includes(scheme)) return;
    const hint = typeof scheme === 'string' && SCHEMES.includes(scheme.toLowerCase()) ? ' (lower case)' : '';
    context.report(`${path}.scheme`,
      `invalid redirect scheme ${typeof scheme === 'string' ? show(scheme) : describeKind(scheme)}, must be "http" or "https"${hint}`,
      scheme);
  });

export const redirectPortRule: ManifestRule = redirectRule('VS043', 'redirect-port',
  'a redirect port is at most 65535 (validateHTTPRedirect: ValidatePort)',
  (redirect, path, _route, context) => {
    if (!has(redirect, 'port')) return;
    const port = redirect.port;
    if (!isInteger(port) || port < 0) {
      context.report(`${path}.port`, `redirect port must be a whole number between 1 and 65535, got ${describeKind(port)}`, port);
    } else if (port > 65535) {
      context.report(`${path}.port`, `redirect port number ${port} must be in the range 1..65535`, port);
    }
  });

/** VS040-VS043, in code order. */
export const REDIRECT_RULES: readonly ManifestRule[] = [
  redirectFieldsRule,
  redirectCodeRule,
  redirectSchemeRule,
  redirectPortRule,
];

