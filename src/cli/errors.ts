import { escapeControl, safeMessage } from '../text/escape';

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

  /** `file:line:column: message`, the form editors and CI annotate; control characters escaped, quoted values cut. */
  public describe(): string {
    const file = escapeControl(this.file);
    const where = this.line !== undefined ? `${file}:${this.line}${this.column !== undefined ? `:${this.column}` : ''}` : file;
    return `${where}: ${safeMessage(this.message)}`;
  }
}

/**
 * Exit codes of the CLI: 0 clean (warnings allowed), 1 findings, 2 a usage error, an input that
 * could not be read (after checking the others) or an internal error.
 */
export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_INPUT = 2;
