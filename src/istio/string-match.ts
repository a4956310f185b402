import { TrafficValidationError } from '../validation/errors';
import { validateRegex } from '../validation/format/re2';
import { optionalInstance } from '../util/typed-value';

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

/** How a StringMatch is created, for messages about values of another kind. */
const BUILDERS = 'StringMatch.exact(), StringMatch.prefix() or StringMatch.regex()';

/** Renders one StringMatch given for `field`, refusing a value of another kind (TRF012). @internal */
export function renderStringMatch(match: StringMatch | undefined, field: string): { [kind: string]: string } | undefined {
  return optionalInstance(match, StringMatch, { field }, BUILDERS)?._render();
}

/** Renders a map of StringMatches given for `field`. @internal */
export function renderMatchMap(map: { [key: string]: StringMatch } | undefined, field: string): { [key: string]: { [kind: string]: string } } | undefined {
  if (!map || Object.keys(map).length === 0) return undefined;
  return Object.fromEntries(Object.entries(map).map(([key, match]) => [key, renderStringMatch(match, `${field}[${JSON.stringify(key)}]`) as { [kind: string]: string }]));
}
