import { TrafficValidationError } from '../validation/errors';
import { isValidPortName, isValidPortNum } from '../validation/format/ports';

/**
 * The port on the pods that a Service port forwards to: a number, or the name of a
 * container port.
 */
export class TargetPort {
  /**
   * A container port by number (1-65535).
   */
  public static number(port: number): TargetPort {
    const problems = isValidPortNum(port);
    if (problems.length > 0) {
      throw new TrafficValidationError('SVC011', `targetPort ${port} ${problems.join(', ')}`);
    }
    return new TargetPort(port);
  }

  /**
   * A container port by name (an IANA service name such as `http`, 1-15 characters).
   */
  public static named(name: string): TargetPort {
    const problems = isValidPortName(name);
    if (problems.length > 0) {
      throw new TrafficValidationError('SVC011', `targetPort ${JSON.stringify(name)} is not a valid port name: ${problems.join(', ')}`);
    }
    return new TargetPort(name);
  }

  private constructor(private readonly portOrName: number | string) {}

  /** The port number, or undefined for a named port. */
  public get portNumber(): number | undefined {
    return typeof this.portOrName === 'number' ? this.portOrName : undefined;
  }

  /** The port name, or undefined for a numbered port. */
  public get portName(): string | undefined {
    return typeof this.portOrName === 'string' ? this.portOrName : undefined;
  }

  /** @internal */
  public _render(): number | string {
    return this.portOrName;
  }
}
