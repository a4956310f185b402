/**
 * Port formats, after apimachinery's `IsValidPortNum` and `IsValidPortName` (IANA_SVC_NAME).
 */

export function isValidPortNum(value: unknown): string[] {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535) {
    return ['must be between 1 and 65535, inclusive'];
  }
  return [];
}

const PORT_NAME_CHARS = /^[-a-z0-9]+$/;
const HAS_LETTER = /[a-z]/;

/**
 * An IANA_SVC_NAME: 1-15 of `[-a-z0-9]`, at least one letter, no leading, trailing or double `-`.
 * Problems come in apimachinery's order; the empty string fails the charset and letter checks.
 */
export function isValidPortName(value: string): string[] {
  const problems: string[] = [];
  if (value.length > 15) problems.push('must be no more than 15 characters');
  if (!PORT_NAME_CHARS.test(value)) problems.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!HAS_LETTER.test(value)) problems.push('must contain at least one letter (a-z)');
  if (value.includes('--')) problems.push('must not contain consecutive hyphens');
  if (value.startsWith('-') || value.endsWith('-')) problems.push('must not begin or end with a hyphen');
  return problems;
}
