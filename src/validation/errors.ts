/**
 * Thrown where a value is created when the value itself is invalid,
 * for example `TargetPort.number(70000)`. The message starts with the rule's code.
 *
 * TypeScript and JavaScript only: jsii cannot publish a subclass of `Error`. In the other
 * languages the error arrives as the language's runtime exception with the same message.
 *
 * @jsii ignore
 */
export class TrafficValidationError extends Error {
  /** Stable code of the rule that refused the value. */
  public readonly code: string;

  constructor(code: string, message: string) {
    super(`${code} ${message}`);
    this.name = 'TrafficValidationError';
    this.code = code;
  }
}
