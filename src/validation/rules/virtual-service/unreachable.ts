/**
 * Rules and matches that can never apply because an earlier one takes the traffic first
 * (analyzeUnreachableHTTPRules, analyzeUnreachableTCPRules, analyzeUnreachableTLSRules;
 * the webhook's VirtualServiceUnreachableRule and VirtualServiceIneffectiveMatch warnings).
 */
import { memoizePerManifest } from '../../memo';
import { Severity } from '../../diagnostic';
import { VIRTUAL_SERVICE } from '../../kinds';
import { arrayAt, entriesAt, isObject, JsonObject, objectAt, stringAt, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { isSet, vsShape, VsRoute } from './shape';

type RouteKind = 'http' | 'tcp' | 'tls';

interface Finding {
  readonly code: 'VS013' | 'VS014';
  readonly path: string;
  readonly message: string;
}

/** Map fields of HTTP and L4 matches: an empty map is the same as no map. */
const MAP_FIELDS = new Set(['headers', 'withoutHeaders', 'queryParams', 'sourceLabels']);

function isZero(key: string, value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === 0 || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  return MAP_FIELDS.has(key) && isObject(value) && Object.keys(value).length === 0;
}

/** JSON with object keys sorted, so that equal values give equal text. */
function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value).sort().map(key => `${JSON.stringify(key)}:${sortedJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * asJSON: how Istio compares matches. It marshals the decoded match, so unset and zero
 * fields (port 0, empty lists and maps) are left out, map keys are sorted, and the HTTP
 * match `name` is ignored.
 */
function matchKey(match: unknown, kind: RouteKind): string {
  if (!isObject(match)) return sortedJson(match ?? null);
  const kept: JsonObject = {};
  for (const [key, value] of Object.entries(match)) {
    if (kind === 'http' && key === 'name') continue;
    if (!isZero(key, value)) kept[key] = value;
  }
  return sortedJson(kept);
}

function ruleLabel(kind: RouteKind, index: number, route: unknown): string {
  const name = kind === 'http' ? stringAt(route, 'name') : undefined;
  return `${kind} rule #${index}${name ? ` (${JSON.stringify(name)})` : ''}`;
}

function matchLabel(index: number, match: unknown, kind: RouteKind): string {
  const name = kind === 'http' ? stringAt(match, 'name') : undefined;
  return `match #${index}${name ? ` (${JSON.stringify(name)})` : ''}`;
}

/** assignExactOrPrefix: `exact:v`, `prefix:v`, or "" (regex and empty values). */
function exactOrPrefix(stringMatch: unknown): string {
  const exact = stringAt(stringMatch, 'exact');
  if (exact) return `exact:${exact}`;
  const prefix = stringAt(stringMatch, 'prefix');
  if (prefix) return `prefix:${prefix}`;
  return '';
}

function mapOf(match: unknown, field: string): Map<string, string> {
  return new Map(entriesAt(match, field).map(([key, value]) => [key, exactOrPrefix(value)]));
}

/** What the uri prefix heuristic compares (genMatchHTTPRoutes). */
interface PrefixMatch {
  readonly path: string;
  readonly rule: string;
  readonly match: string;
  readonly prefix: string;
  readonly port: number;
  readonly method: string;
  readonly authority: string;
  readonly headers: Map<string, string>;
  readonly queryParams: Map<string, string>;
  readonly withoutHeaders: Map<string, string>;
}

function prefixMatchOf(match: unknown, path: string, rule: string, label: string): PrefixMatch | undefined {
  const prefix = stringAt(objectAt(match, 'uri'), 'prefix');
  if (!isObject(match) || !prefix) return undefined;
  const port = valueAt(match, 'port');
  return {
    path,
    rule,
    match: label,
    prefix,
    port: typeof port === 'number' ? port : 0,
    // a match without a method is read as GET
    method: exactOrPrefix(valueAt(match, 'method')) || 'exact:GET',
    authority: exactOrPrefix(valueAt(match, 'authority')),
    headers: mapOf(match, 'headers'),
    queryParams: mapOf(match, 'queryParams'),
    withoutHeaders: mapOf(match, 'withoutHeaders'),
  };
}

/** Istio's per-value test: equal, or the earlier value starts with the later one. */
function valueCovers(earlier: string, later: string): boolean {
  return earlier === later || earlier.startsWith(later);
}

function mapCovers(earlier: Map<string, string>, later: Map<string, string>): boolean {
  if (earlier.size !== later.size) return false;
  for (const [key, value] of earlier) {
    const other = later.get(key);
    if (other === undefined || !valueCovers(value, other)) return false;
  }
  return true;
}

/** coveredValidation, as Istio has it (a heuristic; its value tests are Istio's own). */
function covers(a: PrefixMatch, b: PrefixMatch): boolean {
  return b.prefix.startsWith(a.prefix)
    && a.port === b.port
    && valueCovers(a.method, b.method)
    && valueCovers(a.authority, b.authority)
    && mapCovers(a.headers, b.headers)
    && mapCovers(a.queryParams, b.queryParams)
    && mapCovers(a.withoutHeaders, b.withoutHeaders);
}

function analyze(kind: RouteKind, routes: readonly VsRoute[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, { rule: string; match: string }>();
  const prefixes: PrefixMatch[] = [];
  let catchAll: string | undefined;
  // A match can only repeat, or be covered by, another match: with fewer than two in all,
  // only the rules after a catch-all can be unreachable, and no match keys are needed.
  let matchCount = 0;
  for (const { route } of routes) matchCount += arrayAt(route, 'match')?.length ?? 0;
  const compareMatches = matchCount > 1;
  routes.forEach(({ route, path }, index) => {
    if (!isObject(route)) return;
    const matchList = valueAt(route, 'match');
    if (isSet(matchList) && !Array.isArray(matchList)) return;
    const matches = arrayAt(route, 'match') ?? [];
    const rule = ruleLabel(kind, index, route);
    const shortRule = rule.slice(kind.length + 1); // `rule #1 ("name")`, for other messages
    if (matches.length === 0) {
      if (catchAll !== undefined) {
        findings.push({ code: 'VS013', path, message: `${rule} is never used: only the last rule can have no matches, and ${catchAll} before it has none and takes all traffic; merge the two or give this one a match` });
      }
      catchAll ??= shortRule;
      return;
    }
    if (catchAll !== undefined) {
      findings.push({ code: 'VS013', path, message: `${rule} is never used: ${catchAll} before it has no match and takes all traffic (route without matches defined before); move the rule without match to the end` });
      return;
    }
    if (!compareMatches) return;
    let duplicates = 0;
    matches.forEach((match, matchIndex) => {
      const key = matchKey(match, kind);
      const label = matchLabel(matchIndex, match, kind);
      const matchPath = `${path}.match[${matchIndex}]`;
      const earlier = seen.get(key);
      if (earlier) {
        duplicates++;
        findings.push({ code: 'VS014', path: matchPath, message: `${label} of ${rule} is never used: it repeats ${earlier.match} of ${earlier.rule} (duplicate match), which comes first` });
        return;
      }
      seen.set(key, { rule: shortRule, match: label });
      if (kind !== 'http') return;
      const prefix = prefixMatchOf(match, matchPath, rule, label);
      if (prefix) prefixes.push(prefix);
    });
    if (duplicates === matches.length) {
      findings.push({ code: 'VS013', path, message: `${rule} is never used: all matches used by prior rules (each repeats an earlier match)` });
    }
  });
  for (let i = 0; i < prefixes.length; i++) {
    for (let j = i + 1; j < prefixes.length; j++) {
      const a = prefixes[i];
      const b = prefixes[j];
      if (a.prefix === b.prefix || !covers(a, b)) continue;
      findings.push({
        code: 'VS014',
        path: b.path,
        message: `${b.match} of ${b.rule} (uri prefix ${JSON.stringify(b.prefix)}) is never used: ${a.match} of ${a.rule} (uri prefix ${JSON.stringify(a.prefix)}) comes first and takes the same requests (overlapping match); put the longer prefix first`,
      });
    }
  }
  return findings;
}

/** The findings of both rules, computed once per manifest. */
const findingsOf: (manifest: unknown) => Finding[] = memoizePerManifest(manifest => {
  const shape = vsShape(manifest);
  return [...analyze('http', shape.http), ...analyze('tcp', shape.tcp), ...analyze('tls', shape.tls)];
});

export const unreachableRuleRule: ManifestRule = {
  code: 'VS013',
  name: 'unreachable-rule',
  severity: Severity.WARNING,
  appliesTo: VIRTUAL_SERVICE,
  upstream: ['IST0130'],
  description: 'an http, tcp or tls rule that never applies: one after a rule without match, or one whose matches all repeat earlier ones (analyzeUnreachableHTTPRules and its TCP/TLS variants, VirtualServiceUnreachableRule)',
  check(manifest, context) {
    for (const finding of findingsOf(manifest)) {
      if (finding.code === 'VS013') context.report(finding.path, finding.message);
    }
  },
};

export const ineffectiveMatchRule: ManifestRule = {
  code: 'VS014',
  name: 'ineffective-match',
  severity: Severity.WARNING,
  appliesTo: VIRTUAL_SERVICE,
  upstream: ['IST0131'],
  description: 'a match that never applies: it repeats an earlier match (names ignored), or, for http, an earlier uri prefix covers it with the same port, method, authority, headers, queryParams and withoutHeaders (analyzeUnreachableHTTPRules, VirtualServiceIneffectiveMatch)',
  check(manifest, context) {
    for (const finding of findingsOf(manifest)) {
      if (finding.code === 'VS014') context.report(finding.path, finding.message);
    }
  },
};

export const UNREACHABLE_RULES: readonly ManifestRule[] = [unreachableRuleRule, ineffectiveMatchRule];
