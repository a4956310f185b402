import { TrafficValidationError } from './errors';

/**
 * The range a cluster allocates node ports from (`--service-node-port-range`).
 *
 * The API server refuses a fixed `nodePort` or `healthCheckNodePort` outside it.
 */
export class NodePortRange {
  /** The Kubernetes default, 30000-32767. */
  public static readonly DEFAULT = new NodePortRange(30000, 32767);

  /**
   * A range from `min` to `max`, both inclusive.
   */
  public static of(min: number, max: number): NodePortRange {
    for (const [label, value] of [['min', min], ['max', max]] as const) {
      if (!Number.isInteger(value) || value < 1 || value > 65535) {
        throw new TrafficValidationError('SVC014', `node port range ${label} ${value} must be a whole number between 1 and 65535`);
      }
    }
    if (min > max) {
      throw new TrafficValidationError('SVC014', `node port range ${min}-${max} is empty: min must not exceed max`);
    }
    return new NodePortRange(min, max);
  }

  /**
   * Parses the API server flag form, `30000-32767` (or a single port, `30000`).
   */
  public static parse(text: string): NodePortRange {
    const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(text);
    if (!match) {
      throw new TrafficValidationError('SVC014', `node port range ${JSON.stringify(text)} must look like 30000-32767`);
    }
    const min = Number(match[1]);
    return NodePortRange.of(min, match[2] === undefined ? min : Number(match[2]));
  }

  private constructor(
    /** Lowest port in the range. */
    public readonly min: number,
    /** Highest port in the range. */
    public readonly max: number,
  ) {}

  /** Whether `port` lies in the range. */
  public contains(port: number): boolean {
    return port >= this.min && port <= this.max;
  }

  /** The range as `min-max`. */
  public toString(): string {
    return `${this.min}-${this.max}`;
  }
}
