/**
 * Go durations, as Istio's webhook reads them: golang/protobuf's jsonpb decodes a
 * `google.protobuf.Duration` string with Go's `time.ParseDuration`, and Istio's
 * `agent.ValidateDuration` then checks the value.
 */
import { memoizeString } from './memo-string';

/** Go's `time.Duration` is an int64 count of nanoseconds. */
const INT64_LIMIT = 1n << 63n;

const NS_PER_MS = 1_000_000;

/** The unit suffixes `time.ParseDuration` knows, in nanoseconds. */
const UNITS: ReadonlyMap<string, bigint> = new Map([
  ['ns', 1n],
  ['us', 1_000n],
  ['\u00b5s', 1_000n], // MICRO SIGN
  ['\u03bcs', 1_000n], // GREEK SMALL LETTER MU
  ['ms', 1_000_000n],
  ['s', 1_000_000_000n],
  ['m', 60_000_000_000n],
  ['h', 3_600_000_000_000n],
]);

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/**
 * Parses a duration the way Go's `time.ParseDuration` does: an optional sign, then one or
 * more decimal numbers, each with an optional fraction and a unit (`ns`, `us`, `µs`, `ms`,
 * `s`, `m`, `h`), e.g. `"300ms"`, `"-1.5h"`, `"2h45m"`, `".5s"`, `"1.s"`. A bare `"0"` is the
 * only number allowed without a unit. Spaces are not allowed.
 *
 * @returns the duration in nanoseconds, or `undefined` where Go returns an error (bad
 *   syntax, unknown unit, or a value outside Go's int64 range). Values beyond 2^53 ns
 *   (about 104 days) are rounded to the nearest JavaScript number.
 */
export const parseGoDuration: (text: string) => number | undefined = memoizeString(readGoDuration);

function readGoDuration(text: string): number | undefined {
  let s = text;
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return undefined;

  let total = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || isDigit(s[0]))) return undefined;

    // The integer part (Go's leadingInt): digits, refusing values beyond 2^63.
    let i = 0;
    let whole = 0n;
    while (isDigit(s[i])) {
      whole = whole * 10n + BigInt(s.charCodeAt(i) - 48);
      if (whole > INT64_LIMIT) return undefined;
      i++;
    }
    const hasWhole = i > 0;
    s = s.slice(i);

    // The fraction (Go's leadingFraction): digits beyond what an int64 holds are ignored.
    let fraction = 0n;
    let scale = 1;
    let hasFraction = false;
    if (s[0] === '.') {
      s = s.slice(1);
      let j = 0;
      let saturated = false;
      while (isDigit(s[j])) {
        if (!saturated) {
          const next = fraction * 10n + BigInt(s.charCodeAt(j) - 48);
          if (fraction > (INT64_LIMIT - 1n) / 10n || next > INT64_LIMIT) {
            saturated = true;
          } else {
            fraction = next;
            scale *= 10;
          }
        }
        j++;
      }
      hasFraction = j > 0;
      s = s.slice(j);
    }
    if (!hasWhole && !hasFraction) return undefined; // "." or ".s"

    // The unit: everything up to the next digit or dot.
    let k = 0;
    while (k < s.length && s[k] !== '.' && !isDigit(s[k])) k++;
    if (k === 0) return undefined; // missing unit
    const unit = UNITS.get(s.slice(0, k));
    if (unit === undefined) return undefined;
    s = s.slice(k);

    if (whole > INT64_LIMIT / unit) return undefined;
    let value = whole * unit;
    if (fraction > 0n) {
      // Go computes this part in float64 and truncates, so do the same.
      value += BigInt(Math.trunc(Number(fraction) * (Number(unit) / scale)));
      if (value > INT64_LIMIT) return undefined;
    }
    total += value;
    if (total > INT64_LIMIT) return undefined;
  }
  if (negative) return total === 0n ? 0 : -Number(total);
  if (total > INT64_LIMIT - 1n) return undefined;
  return Number(total);
}

/**
 * Istio's `agent.ValidateDuration`, used for route timeouts, retry `perTryTimeout` and
 * `backoff`, fault `fixedDelay` and CORS `maxAge`: at least 1ms, in whole milliseconds.
 *
 * @param nanos the duration in nanoseconds, as returned by {@link parseGoDuration}
 */
export function checkIstioDuration(nanos: number): string[] {
  if (!(nanos >= NS_PER_MS)) return ['duration must be greater than 1ms'];
  if (nanos % NS_PER_MS !== 0) return ['only durations to ms precision are supported'];
  return [];
}
