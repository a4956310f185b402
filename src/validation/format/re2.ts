/**
 * Regular expressions in Istio matches and rewrites: Istio compiles them with Go's `regexp`
 * (RE2 syntax) and caps their length (`validateStringMatchRegexp`, `validateStringRegexp`).
 * RE2 has no lookaround and no backreferences; re2js parses the same syntax as Go.
 */
import { RE2JS } from 're2js';

/** Istio's stand-in for Envoy's RE2 program-size limit, in bytes. */
export const MAX_REGEX_BYTES = 1024;

/**
 * Checks an RE2 pattern as Istio does: non-empty, at most 1024 bytes (UTF-8), and accepted
 * by Go's `regexp.Compile`. Returns the problems found; empty means valid.
 */
export function validateRegex(pattern: string): string[] {
  if (pattern === '') return ['regex must not be empty'];
  const bytes = Buffer.byteLength(pattern, 'utf8');
  if (bytes > MAX_REGEX_BYTES) {
    return [`regex is too large (${bytes} bytes), max length allowed is ${MAX_REGEX_BYTES}`];
  }
  try {
    RE2JS.compile(pattern);
    return [];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [`regex ${JSON.stringify(pattern)} is invalid: ${reason}; Istio uses RE2 syntax (https://github.com/google/re2/wiki/Syntax)`];
  }
}
