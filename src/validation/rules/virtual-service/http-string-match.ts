/**
 * `StringMatch` (`{exact}`, `{prefix}` or `{regex}`), as http matches and CORS origins use
 * it: the CRD's oneOf, then Istio's validateStringMatch / validateStringMatchRegexp.
 */
import { validateRegex } from '../../format/re2';
import { has, isObject } from '../../manifest';
import { RuleContext } from '../../rule';
import { describeKind } from './shape';

export const STRING_MATCH_KINDS = ['exact', 'prefix', 'regex'] as const;
export type StringMatchKind = typeof STRING_MATCH_KINDS[number];

/** The match kinds a StringMatch object sets (non-null keys among exact, prefix and regex). */
export function matchKinds(match: unknown): StringMatchKind[] {
  return STRING_MATCH_KINDS.filter(kind => has(match, kind));
}

export interface StringMatchOptions {
  /**
   * What an empty prefix means for this field, or undefined when an empty prefix is fine
   * (`uri`: Envoy allows it there; Istio then checks only the regex).
   */
  readonly emptyPrefixHint?: string;
  /** `withoutHeaders`: `regex: "*"` is Istio's presence match, not an RE2 pattern. */
  readonly starIsPresence?: boolean;
}

/**
 * Checks one StringMatch at `path`; `where` names it in messages (`uri`, `header "x-user"`).
 * Null and absent values are left to the caller.
 */
export function checkStringMatch(match: unknown, path: string, where: string, options: StringMatchOptions,
  report: RuleContext['report']): void {
  if (match === null || match === undefined) return;
  if (!isObject(match)) {
    report(path, `${where} must be a StringMatch object with one of exact, prefix or regex (for example {prefix: "/api"}), got ${describeKind(match)}`, match);
    return;
  }
  const kinds = matchKinds(match);
  if (kinds.length > 1) {
    report(path, `${where} sets ${kinds.join(' and ')}: a StringMatch takes exactly one of exact, prefix or regex`, match);
    return;
  }
  if (kinds.length === 0) return;
  const kind = kinds[0];
  const value = match[kind];
  const at = `${path}.${kind}`;
  if (typeof value !== 'string') {
    report(at, `${where} ${kind} must be a string, got ${describeKind(value)}`, value);
    return;
  }
  if (kind === 'prefix' && value === '' && options.emptyPrefixHint !== undefined) {
    report(at, `${where} prefix string match should not be empty: Envoy rejects an empty prefix; ${options.emptyPrefixHint}`, value);
  }
  if (kind === 'regex' && !(options.starIsPresence && value === '*')) {
    for (const problem of validateRegex(value)) {
      report(at, `invalid ${where} regex: ${problem}`, value);
    }
  }
}
