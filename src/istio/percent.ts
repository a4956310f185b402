import { TrafficValidationError } from '../validation/errors';
import { checkMirrorPercentage } from '../validation/format/percent';

/**
 * A percentage of requests, 0 to 100, with fractions (`Percent.of(0.1)` is one request in a
 * thousand).
 */
export class Percent {
  /**
   * A percentage from 0 to 100.
   */
  public static of(value: number): Percent {
    const problems = checkMirrorPercentage(value);
    if (problems.length > 0) {
      throw new TrafficValidationError('VS024', `percentage ${value}: ${problems.join('; ')}`);
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
