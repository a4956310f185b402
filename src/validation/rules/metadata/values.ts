import { keyPath, show } from '../../manifest';

/** `metadata.labels["app.kubernetes.io/name"]`: a map entry's path, key JSON-quoted. */
export const mapEntryPath = keyPath;

/** `the number 1.1`, `the boolean true`, `an array`, ... for a value that is not a string. */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
    case 'number':
      return `the ${typeof value} ${show(value)}`;
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

/**
 * `<subject> must be a string, got the boolean true: quote it in the YAML ...`. Booleans and
 * numbers usually come from YAML reading an unquoted scalar (`true`, `yes`, `on`, `1.10`,
 * `0123`), so the message says to quote it.
 */
export function mustBeStringMessage(subject: string, value: unknown): string {
  const got = `${subject} must be a string, got ${describeValue(value)}`;
  if (typeof value === 'boolean' || typeof value === 'number') {
    return `${got}: quote it in the YAML (unquoted true, yes, on, 1.10 or 0123 are read as booleans or numbers)`;
  }
  return got;
}
