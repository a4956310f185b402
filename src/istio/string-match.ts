import { TrafficValidationError } from '../validation/errors';
import { validateRegex } from '../validation/format/re2';

/**
 * How a request attribute (URI, header, method...) is matched.
 */
export class StringMatch {
  /** The value must equal `value`. */
  public static exact(value: string): StringMatch {
    return new StringMatch('exact', value);
  }

  /** The value must start with `value`. */
  public static prefix(value: string): StringMatch {
    return new StringMatch('prefix', value);
  }

  /** The value must match the RE2 regular expression `pattern` (checked at once). */
  public static regex(pattern: string): StringMatch {
    const problems = validateRegex(pattern);
    if (problems.length > 0) {
      throw new TrafficValidationError('VS030', `regex ${JSON.stringify(pattern)}: ${problems.join('; ')}`);
    }
    return new StringMatch('regex', pattern);
  }

  private constructor(
    /** `exact`, `prefix` or `regex`. */
    public readonly kind: string,
    /** The value or pattern. */
    public readonly value: string,
  ) {}

  /** @internal */
  public _render(): { [kind: string]: string } {
    return { [this.kind]: this.value };
  }
}

/** Renders a map of StringMatches. @internal */
export function renderMatchMap(map: { [key: string]: StringMatch } | undefined): { [key: string]: { [kind: string]: string } } | undefined {
  if (!map || Object.keys(map).length === 0) return undefined;
  return Object.fromEntries(Object.entries(map).map(([key, match]) => [key, match._render()]));
}
