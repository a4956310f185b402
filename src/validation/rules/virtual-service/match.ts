/**
 * Match conditions of http routes, `spec.http[].match[]` (validateHTTPRouteMatchRequest).
 * Match gateways and JWT-claim routing have their own rules.
 */
import { Severity } from '../../diagnostic';
import { isDns1123Label } from '../../format/dns';
import { isHeaderToken } from '../../format/http';
import { PSEUDO_HEADERS } from '../../format/istio-vocabulary';
import { isLabelValue, isQualifiedName } from '../../format/labels';
import { isValidPortNum } from '../../format/ports';
import { entriesAt, has, show } from '../../manifest';
import { ManifestRule, RuleContext } from '../../rule';
import { MatchEntry, httpRouteRule } from './http-routes';
import { checkStringMatch } from './http-string-match';
import { describeKind, keyPath } from './shape';

/** A rule that checks every match entry of every http route. */
function matchRule(code: string, name: string, description: string,
  checkMatch: (entry: MatchEntry, context: RuleContext) => void): ManifestRule {
  return httpRouteRule({
    code, name, severity: Severity.ERROR, description,
    checkRoute(route, context) {
      for (const entry of route.matches) checkMatch(entry, context);
    },
  });
}

export const headerMatchNullRule: ManifestRule = matchRule('VS028', 'header-match-null',
  'a headers match value may not be null (validateHTTPRouteMatchRequest)',
  ({ match, path }, context) => {
    for (const [name, value] of entriesAt(match, 'headers')) {
      if (value !== null) continue;
      context.report(keyPath(`${path}.headers`, name),
        `header match ${show(name)} cannot be null: write {} to match any value of the header, or a StringMatch such as {exact: "v1"}`,
        value);
    }
  });

const JWT_CLAIM_PREFIX = '@request.auth.claims';

/** jwt.ToRoutingClaim(name).Match: `@request.auth.claims.<c>` or `@request.auth.claims[<c>]`. */
function isJwtClaimKey(name: string): boolean {
  if (!name.toLowerCase().startsWith(JWT_CLAIM_PREFIX)) return false;
  const rest = name.slice(JWT_CLAIM_PREFIX.length);
  return (rest.startsWith('.') && rest.length > 1) || (rest.startsWith('[') && rest.endsWith(']') && rest.length > 2);
}

/** ValidateHTTPHeaderNameOrJwtClaimRoute */
function headerNameProblem(name: string): string | undefined {
  if (name === '') return 'header name cannot be empty';
  if (isJwtClaimKey(name) || PSEUDO_HEADERS.includes(name) || isHeaderToken(name)) return undefined;
  return `header name ${show(name)} is not a valid header name: use RFC 7230 token characters (letters, digits and !#$%&'*+-.^_\`|~), `
    + `a pseudo-header (${PSEUDO_HEADERS.join(', ')}) or a JWT claim key (@request.auth.claims.<claim>)`;
}

export const headerMatchNamesRule: ManifestRule = matchRule('VS029', 'header-match-names',
  'headers and withoutHeaders keys are RFC 7230 tokens, pseudo-headers or JWT claim keys (ValidateHTTPHeaderNameOrJwtClaimRoute)',
  ({ match, path }, context) => {
    for (const field of ['headers', 'withoutHeaders']) {
      for (const [name] of entriesAt(match, field)) {
        const problem = headerNameProblem(name);
        if (problem) context.report(keyPath(`${path}.${field}`, name), problem, name);
      }
    }
  });

const OMIT_HINT = 'omit the field to match any value';
const PRESENCE_HINT = 'write {} to match any value';

export const stringMatchRule: ManifestRule = matchRule('VS030', 'string-match',
  'each StringMatch sets one of exact, prefix or regex; prefixes are non-empty except for uri, and every regex is valid RE2 (validateStringMatch, validateStringMatchRegexp)',
  ({ match, path }, context) => {
    const report = context.report;
    checkStringMatch(match.uri, `${path}.uri`, 'uri', {}, report);
    for (const field of ['scheme', 'method', 'authority']) {
      checkStringMatch(match[field], `${path}.${field}`, field, { emptyPrefixHint: OMIT_HINT }, report);
    }
    for (const [name, value] of entriesAt(match, 'headers')) {
      checkStringMatch(value, keyPath(`${path}.headers`, name), `header ${show(name)}`, { emptyPrefixHint: PRESENCE_HINT }, report);
    }
    for (const [name, value] of entriesAt(match, 'withoutHeaders')) {
      checkStringMatch(value, keyPath(`${path}.withoutHeaders`, name), `withoutHeaders ${show(name)}`,
        { emptyPrefixHint: PRESENCE_HINT, starIsPresence: true }, report);
    }
    for (const [name, value] of entriesAt(match, 'queryParams')) {
      checkStringMatch(value, keyPath(`${path}.queryParams`, name), `query parameter ${show(name)}`, { emptyPrefixHint: PRESENCE_HINT }, report);
    }
  });

export const matchPortRule: ManifestRule = matchRule('VS031', 'match-port',
  'a match port other than 0 is in 1..65535 (ValidatePort)',
  ({ match, path }, context) => {
    if (!has(match, 'port') || match.port === 0) return;
    const port = match.port;
    if (isValidPortNum(port).length > 0) {
      context.report(`${path}.port`, `match port must be a whole number between 1 and 65535, got ${describeKind(port)}`, port);
    }
  });

export const sourceLabelsRule: ManifestRule = matchRule('VS032', 'source-labels',
  'sourceLabels keys and values are valid Kubernetes label keys and values (labels.Instance.Validate)',
  ({ match, path }, context) => {
    for (const [key, value] of entriesAt(match, 'sourceLabels')) {
      const at = keyPath(`${path}.sourceLabels`, key);
      const keyProblems = isQualifiedName(key);
      if (keyProblems.length > 0) {
        context.report(at, `sourceLabels key ${show(key)} is not a valid label key: ${keyProblems.join('; ')}`, key);
      }
      if (typeof value !== 'string') {
        context.report(at, `sourceLabels value for ${show(key)} must be a string, got ${describeKind(value)}`, value);
        continue;
      }
      const valueProblems = isLabelValue(value);
      if (valueProblems.length > 0) {
        context.report(at, `sourceLabels value ${show(value)} for ${show(key)} is not a valid label value: ${valueProblems.join('; ')}`, value);
      }
    }
  });

export const sourceNamespaceRule: ManifestRule = matchRule('VS033', 'source-namespace',
  'sourceNamespace is a namespace name, a DNS-1123 label (validateHTTPRouteMatchRequest)',
  ({ match, path }, context) => {
    if (!has(match, 'sourceNamespace')) return;
    const value = match.sourceNamespace;
    if (typeof value !== 'string') {
      context.report(`${path}.sourceNamespace`, `sourceNamespace must be a namespace name, got ${describeKind(value)}`, value);
      return;
    }
    if (value === '') return;
    const problems = isDns1123Label(value);
    if (problems.length > 0) {
      context.report(`${path}.sourceNamespace`, `sourceNamespace match ${show(value)} is invalid: ${problems.join('; ')}`, value);
    }
  });

/** VS028-VS033, in code order. */
export const MATCH_RULES: readonly ManifestRule[] = [
  headerMatchNullRule,
  headerMatchNamesRule,
  stringMatchRule,
  matchPortRule,
  sourceLabelsRule,
  sourceNamespaceRule,
];
