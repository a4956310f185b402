/**
 * Label and annotation syntax, after apimachinery's `IsQualifiedName` (label keys) and
 * `IsValidLabelValue`. Each function returns the problems found; empty means valid.
 */
import { isDns1123Subdomain } from './dns';
import { memoizeString } from './memo-string';

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
export const QUALIFIED_NAME_MAX = 63;
export const LABEL_VALUE_MAX = 63;

const NAME_SHAPE = "alphanumeric characters, '-', '_' or '.', starting and ending with an alphanumeric character";

/** A label key or other qualified name: an optional DNS subdomain prefix and `/`, then a name. */
export const isQualifiedName: (value: string) => string[] = memoizeString(value => Object.freeze(checkQualifiedName(value)) as string[]);

function checkQualifiedName(value: string): string[] {
  const parts = value.split('/');
  let name: string;
  const problems: string[] = [];
  if (parts.length === 1) {
    name = parts[0];
  } else if (parts.length === 2) {
    const [prefix] = parts;
    name = parts[1];
    if (prefix.length === 0) {
      problems.push('prefix part must be non-empty');
    } else {
      problems.push(...isDns1123Subdomain(prefix).map(p => `prefix part ${p}`));
    }
  } else {
    return [`a qualified name must consist of ${NAME_SHAPE}, with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  if (name.length === 0) {
    problems.push('name part must be non-empty');
  } else if (name.length > QUALIFIED_NAME_MAX) {
    problems.push(`name part must be no more than ${QUALIFIED_NAME_MAX} characters`);
  }
  if (name.length > 0 && !QUALIFIED_NAME.test(name)) {
    problems.push(`name part must consist of ${NAME_SHAPE} (e.g. 'MyName', 'my.name' or '123-abc')`);
  }
  return problems;
}

/** A label value: empty, or at most 63 characters of the qualified-name shape. */
export const isLabelValue: (value: string) => string[] = memoizeString(value => Object.freeze(checkLabelValue(value)) as string[]);

function checkLabelValue(value: string): string[] {
  const problems: string[] = [];
  if (value.length > LABEL_VALUE_MAX) problems.push(`must be no more than ${LABEL_VALUE_MAX} characters`);
  if (!LABEL_VALUE.test(value)) problems.push(`a label value must be empty or consist of ${NAME_SHAPE}`);
  return problems;
}
