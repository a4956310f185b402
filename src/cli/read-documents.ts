/**
 * Reads the objects of every input the CLI is given, going on past the inputs that cannot be
 * read (missing, unreadable, too large, not a regular file, not YAML): each gives an error, and
 * the others are still checked.
 */
import { SourceDocument, parseDocuments } from '../yaml/documents';
import { InputError } from './errors';
import { collectInputs } from './input';
import { DEFAULT_INPUT_LIMITS, InputLimits } from './limits';

/** Command-line options that set the input limits. */
export interface InputLimitOptions {
  /** `--max-input-size`, in bytes. */
  readonly maxInputSize?: number;
  /** `--max-total-input-size`, in bytes. */
  readonly maxTotalInputSize?: number;
}

/** The objects read, and the inputs that could not be read. */
export interface DocumentsRead {
  /** Inputs read (standard input counts as one). */
  readonly files: number;
  /** Every object, in input order. */
  readonly documents: SourceDocument[];
  /** One per input that could not be read, in input order. */
  readonly errors: InputError[];
  /** Folder entries passed over, and why. */
  readonly notices: InputError[];
}

export function inputLimits(options: InputLimitOptions): InputLimits {
  return {
    maxFileBytes: options.maxInputSize ?? DEFAULT_INPUT_LIMITS.maxFileBytes,
    maxTotalBytes: options.maxTotalInputSize ?? DEFAULT_INPUT_LIMITS.maxTotalBytes,
  };
}

/** Reads every input and parses its objects; an input that fails adds an error and no object. */
export function readDocuments(paths: readonly string[], options: InputLimitOptions, readStdin?: () => string): DocumentsRead {
  const read = collectInputs(paths, { readStdin, limits: inputLimits(options) });
  const errors = [...read.errors];
  const documents: SourceDocument[] = [];
  let files = 0;
  for (const input of read.inputs) {
    let parsed: SourceDocument[];
    try {
      parsed = parseDocuments(input);
    } catch (error) {
      if (error instanceof InputError) {
        errors.push(error);
        continue;
      }
      if (error instanceof RangeError) {
        // a stack or string limit of the JavaScript engine: the input is too deep or too large to read
        errors.push(new InputError(input.name, `cannot be read: the YAML is nested too deeply or is too large (${error.message})`));
        continue;
      }
      throw error;
    }
    files++;
    for (const document of parsed) documents.push(document);
  }
  // errors in the order of the inputs as given is the order they were met; keep it
  return { files, documents, errors, notices: read.notices };
}
