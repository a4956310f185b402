/**
 * The CLI could not read its input (a missing file, malformed YAML, a document that is not a
 * mapping). Exit code 2; the message names the file and, where known, the line and column.
 */
export class InputError extends Error {
  constructor(
    public readonly file: string,
    message: string,
    public readonly line?: number,
    public readonly column?: number,
  ) {
    super(message);
    this.name = 'InputError';
  }

  /** `file:line:column: message`, the form editors and CI annotate. */
  public describe(): string {
    const where = this.line !== undefined ? `${this.file}:${this.line}${this.column !== undefined ? `:${this.column}` : ''}` : this.file;
    return `${where}: ${this.message}`;
  }
}

/** Exit codes of the CLI. */
export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_INPUT = 2;
