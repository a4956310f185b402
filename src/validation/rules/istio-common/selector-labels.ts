/**
 * Label maps in Istio objects: workload selectors (`validateWorkloadSelector`,
 * `ValidateAlphaWorkloadSelector` in pkg/config/validation/validation.go, and the CRD's CEL
 * rules on `matchLabels`) and the labels of subsets and workload entries
 * (`labels.Instance.Validate` in pkg/config/labels/instance.go).
 */
import { isObject, keyPath, show } from '../../manifest';
import { memoizeString } from '../../format/memo-string';
import { Report } from './report';

/** `labels.dns1123LabelFmt`: letters of either case, digits and `-`. */
const DNS_LABEL = '[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?';
/** `labels.qualifiedNameFmt`: letters, digits, `-`, `_` and `.`, alphanumeric at both ends. */
const QUALIFIED_NAME = '(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
/** `labels.tagRegexp`: an optional DNS prefix and `/`, then a qualified name. */
const TAG_KEY = new RegExp(`^(${DNS_LABEL}(?:\\.${DNS_LABEL})*/)?(${QUALIFIED_NAME})$`);
/** `labels.labelValueRegexp`: empty, or a qualified name (no length limit in Istio). */
const TAG_VALUE = new RegExp(`^(?:${QUALIFIED_NAME})?$`);
const DNS_PREFIX_MAX = 253;
const NAME_MAX = 63;

const KEY_SHAPE = 'a label key is an optional DNS subdomain prefix and "/", then a name of letters, digits, \'-\', \'_\' or \'.\' that starts and ends with a letter or digit';
const VALUE_SHAPE = 'a label value is empty, or letters, digits, \'-\', \'_\' or \'.\' starting and ending with a letter or digit';

/** The own entries of a label map; a value of another shape has none (the schema rules report it). */
function labelEntries(labels: unknown): Array<[string, unknown]> {
  return isObject(labels) ? Object.entries(labels) : [];
}

/** `validateTagKey`: the problem with a label key, or undefined. */
export const tagKeyProblem: (key: string) => string | undefined = memoizeString(readTagKeyProblem);

function readTagKeyProblem(key: string): string | undefined {
  if (key.length > DNS_PREFIX_MAX + 1 + NAME_MAX) {
    return `invalid tag key: ${show(key.slice(0, 64))}... is ${key.length} characters long: a label key is at most a ${DNS_PREFIX_MAX}-character prefix, "/" and a ${NAME_MAX}-character name`;
  }
  const match = TAG_KEY.exec(key);
  if (match === null) return `invalid tag key: ${show(key)}: ${KEY_SHAPE}`;
  const prefix = match[1];
  if (prefix !== undefined && prefix.length - 1 > DNS_PREFIX_MAX) {
    return `invalid tag key: ${show(key)} (DNS prefix is too long): the part before "/" has ${prefix.length - 1} characters, at most ${DNS_PREFIX_MAX} are allowed`;
  }
  if (match[2].length > NAME_MAX) {
    return `invalid tag key: ${show(key)} (name is too long): the name has ${match[2].length} characters, at most ${NAME_MAX} are allowed`;
  }
  return undefined;
}

/** Whether a label value passes `labels.Instance.Validate`. */
export function isTagValue(value: string): boolean {
  return TAG_VALUE.test(value);
}

/**
 * Checks a label map as `labels.Instance.Validate` does (subset labels, ServiceEntry
 * endpoint labels): `invalid tag key` and `invalid tag value`. Reports at the entry's path
 * (`spec.subsets[0].labels["version"]`); values that are not strings are left to the schema.
 */
export function checkTagLabels(labels: unknown, path: string, report: Report): void {
  for (const [key, value] of labelEntries(labels)) {
    const at = keyPath(path, key);
    const keyProblem = tagKeyProblem(key);
    if (keyProblem !== undefined) report(at, keyProblem, key);
    if (typeof value === 'string' && !isTagValue(value)) {
      report(at, `invalid tag value: ${show(value)} (label ${show(key)}): ${VALUE_SHAPE}`, value);
    }
  }
}

/**
 * Checks the labels of a workload selector as `validateWorkloadSelector` and
 * `ValidateAlphaWorkloadSelector` do (and the CRD's CEL rules): no empty key, no `*` in a key
 * or a value. The warning for a selector without labels is the caller's (its wording differs
 * per kind).
 */
export function checkWorkloadSelectorLabels(labels: unknown, path: string, report: Report): void {
  for (const [key, value] of labelEntries(labels)) {
    const at = keyPath(path, key);
    const text = typeof value === 'string' ? value : '';
    const pair = `${key}=${text}`;
    if (key === '') {
      report(at, `empty key is not supported in selector: ${show(pair)}: give the label a key, or remove the entry`, pair);
    }
    if (key.includes('*') || text.includes('*')) {
      report(at, `wildcard is not supported in selector: ${show(pair)}: a workload selector matches labels exactly; list the exact key and value`, pair);
    }
  }
}

/** Whether a workload selector's label map has no entries (absent, null, `{}`). */
export function hasNoLabels(labels: unknown): boolean {
  return !isObject(labels) || Object.keys(labels).length === 0;
}
