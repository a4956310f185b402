import { TrafficValidationError } from '../validation/errors';
import { checkMirrorPercentage } from '../validation/format/percent';
import { optionalInstance } from '../util/typed-value';

/** The code of the range check `Percent.of` makes (listed in the rule catalogue as a construct check). */
export const PERCENT_RANGE_CODE = 'TRF013';

/**
 * A percentage of requests, 0 to 100, with fractions (`Percent.of(0.1)` is one request in a
 * thousand). Where it is used adds its own rules: a fault percentage, for example, is 0 or at
 * least 0.0001 (VS054).
 */
export class Percent {
  /**
   * A percentage from 0 to 100.
   */
  public static of(value: number): Percent {
    // the range every Istio percentage shares; not the code of one use (mirror VS024, fault VS054)
    const problems = checkMirrorPercentage(value);
    if (typeof value !== 'number' || problems.length > 0) {
      throw new TrafficValidationError(PERCENT_RANGE_CODE,
        `Percent.of(${typeof value === 'number' ? value : JSON.stringify(value)}): ${problems.length > 0 ? problems.join('; ') : 'the percentage must be a number'}`);
    }
    return new Percent(value);
  }

  /** All requests. */
  public static all(): Percent {
    return new Percent(100);
  }

  private constructor(
    /** The percentage, 0 to 100. */
    public readonly value: number,
  ) {}

  /** @internal */
  public _render(): { value: number } {
    return { value: this.value };
  }
}

/** Renders a percentage given for `field`, refusing a value of another kind (TRF012). @internal */
export function renderPercent(percent: Percent | undefined, field: string): { value: number } | undefined {
  return optionalInstance(percent, Percent, { field }, 'Percent.of(10) or Percent.all()')?._render();
}
