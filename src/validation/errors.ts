/**
 * Thrown where a value is created when the value itself is invalid,
 * for example `TargetPort.number(70000)`.
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
