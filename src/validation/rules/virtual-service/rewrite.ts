/**
 * `spec.http[].rewrite` (validateHTTPRewrite, validateURIRegexRewrite).
 */
import { Severity } from '../../diagnostic';
import { validateRegex } from '../../format/re2';
import { JsonObject, has, objectAt } from '../../manifest';
import { ManifestRule, RuleContext } from '../../rule';
import { hasText, httpRouteRule } from './http-routes';

/** A rule over the rewrite of each http route that has one. */
function rewriteRule(code: string, name: string, description: string,
  checkRewrite: (rewrite: JsonObject, path: string, context: RuleContext) => void): ManifestRule {
  return httpRouteRule({
    code, name, severity: Severity.ERROR, description,
    checkRoute({ route, path }, context) {
      const rewrite = objectAt(route, 'rewrite');
      if (rewrite) checkRewrite(rewrite, `${path}.rewrite`, context);
    },
  });
}

export const rewriteFieldsRule: ManifestRule = rewriteRule('VS047', 'rewrite-fields',
  'a rewrite sets at least one of uri, uriRegexRewrite or authority; uri and uriRegexRewrite are exclusive; uriRegexRewrite needs match and rewrite (validateHTTPRewrite, validateURIRegexRewrite)',
  (rewrite, path, context) => {
    const regexRewrite = has(rewrite, 'uriRegexRewrite');
    if (hasText(rewrite, 'uri') && regexRewrite) {
      context.report(`${path}.uriRegexRewrite`,
        'rewrite may only contain one of URI or UriRegexRewrite: uri replaces the matched prefix, uriRegexRewrite rewrites the path with a regex; keep one',
        rewrite.uriRegexRewrite);
    }
    if (!hasText(rewrite, 'uri') && !regexRewrite && !hasText(rewrite, 'authority')) {
      context.report(path,
        'rewrite must specify at least one of URI, UriRegexRewrite, or authority: an empty rewrite does nothing; remove it or set uri, uriRegexRewrite or authority',
        rewrite);
    }
    if (regexRewrite) {
      const regex = objectAt(rewrite, 'uriRegexRewrite');
      const missing = ['match', 'rewrite'].filter(field => !hasText(regex, field));
      if (missing.length > 0) {
        context.report(`${path}.uriRegexRewrite`,
          `UriRegexRewrite requires both Rewrite and Match fields to be specified: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing or empty (for example {match: "^/old/(.*)$", rewrite: "/new/\\1"})`,
          rewrite.uriRegexRewrite);
      }
    }
  });

export const rewriteRegexRule: ManifestRule = rewriteRule('VS048', 'rewrite-regex',
  'uriRegexRewrite.match is a valid RE2 regex of at most 1024 characters (validateURIRegexRewrite)',
  (rewrite, path, context) => {
    const match = objectAt(rewrite, 'uriRegexRewrite')?.match;
    if (typeof match !== 'string' || match === '') return;
    for (const problem of validateRegex(match)) {
      context.report(`${path}.uriRegexRewrite.match`,
        `invalid uriRegexRewrite.match: ${problem}`,
        match);
    }
  });

/** VS047-VS048, in code order. */
export const REWRITE_RULES: readonly ManifestRule[] = [rewriteFieldsRule, rewriteRegexRule];
