/**
 * The OpenAPI formats the Kubernetes validators (kubernetes-validators.generated.js) check:
 * `int32`, `int64` and `date-time`, nothing else. The generated module takes them from here
 * in place of `@kubernetes-models/validate`, whose format table pulls ajv-formats, is-cidr
 * and tslib into every run for these three checks.
 *
 * Each one gives the verdict of the ajv-formats 2.1.1 format that kubernetes-models 4.5.1
 * uses, quirks included, so that the schema findings stay as they were;
 * test/validation/schema/kubernetes-formats.test.ts compares them.
 */

/** A format as the generated code calls it: `formats.int32.validate(value)`. */
export interface Format<T> {
  readonly validate: (value: T) => boolean;
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** `YYYY-MM-DD`. */
const FULL_DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
/** `hh:mm:ss`, optional fraction, optional zone (`Z`, `+hh`, `+hhmm`, `+hh:mm`). */
const PARTIAL_TIME = /^(\d\d):(\d\d):(\d\d)(\.\d+)?(z|[+-]\d\d(?::?\d\d)?)?$/i;
/** Between date and time: `T`, `t` or any one whitespace character. */
const DATE_TIME_SEPARATOR = /t|\s/i;
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function isFullDate(text: string): boolean {
  const match = FULL_DATE.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month]);
}

/**
 * A time of day; 23:59:60 is the one leap second allowed. The zone may be left out:
 * ajv-formats 2.1.1 means to require it but tests for an empty zone, which never matches,
 * and kubernetes-models accepts `2024-01-01T00:00:00` through it.
 */
function isPartialTime(text: string): boolean {
  const match = PARTIAL_TIME.exec(text);
  if (!match) return false;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  const second = Number(match[3]);
  return (hour <= 23 && minute <= 59 && second <= 59) || (hour === 23 && minute === 59 && second === 60);
}

function isDateTime(text: string): boolean {
  const parts = text.split(DATE_TIME_SEPARATOR);
  return parts.length === 2 && isFullDate(parts[0]) && isPartialTime(parts[1]);
}

/** The table the generated module reads as `formats[name]`. */
export const formats = {
  /** A whole number in the int32 range. */
  int32: { validate: (value: number) => Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX },
  /** Any whole number: a JavaScript number cannot hold an integer outside int64. */
  int64: { validate: (value: number) => Number.isInteger(value) },
  /** RFC 3339 `date-time`, as ajv-formats 2.1.1 reads it. */
  'date-time': { validate: isDateTime },
} satisfies { readonly [name: string]: Format<never> };
