/**
 * How `validate` prints its findings: one line per diagnostic (text) or one JSON object.
 */
import { Severity } from '../validation/diagnostic';
import { EXCERPT_LENGTH, cut, escapeControl, safeLineStart, safeMessage } from '../text/escape';
import { InputError } from './errors';
import { boundedValue } from './limits';

/** A diagnostic with the place in the input it points at. */
export interface LocatedDiagnostic {
  /** The input's name; empty for a finding about no single document. */
  readonly file: string;
  /** 1-based line and column of the field (0 when there is no document). */
  readonly line: number;
  readonly column: number;
  readonly severity: Severity;
  readonly code: string;
  readonly rule: string;
  readonly path: string;
  readonly resource: string;
  readonly message: string;
  readonly value?: unknown;
  /**
   * The upstream checks the rule corresponds to (istioctl analyze `IST....`, Kiali `KIA....`),
   * from the rule catalogue; empty when none.
   */
  readonly upstream: readonly string[];
}

/** What a run read and found. */
export interface ValidationSummary {
  /** Inputs read (standard input counts as one). */
  readonly files: number;
  /** Objects read (each item of a List counts). */
  readonly documents: number;
  /** Objects some rule applies to. */
  readonly checked: number;
  /** Objects of kinds no rule knows. */
  readonly skipped: number;
  /** Skipped objects per kind, in the order first met. */
  readonly skippedKinds: Readonly<Record<string, number>>;
  readonly errors: number;
  readonly warnings: number;
}

/**
 * `file:line:column: severity code path: message`, the form editors and CI annotations read.
 * Control characters in the file name, path and message are escaped and the values the
 * message quotes are cut to 80 characters, so one diagnostic is one line and cannot forge
 * another (or a CI workflow command).
 */
export function formatTextLine(diagnostic: LocatedDiagnostic): string {
  const where = diagnostic.file ? `${fileText(diagnostic.file)}:${diagnostic.line}:${diagnostic.column}: ` : '';
  const path = diagnostic.path ? ` ${safeMessage(diagnostic.path)}` : '';
  return safeLineStart(`${where}${diagnostic.severity} ${escapeControl(diagnostic.code)}${path}: ${safeMessage(diagnostic.message)}`);
}

/**
 * A file name as text output prints it: escaped, and `./`-prefixed when it starts with `::`
 * (which GitHub would read as a workflow command at the start of a line).
 */
export function fileText(file: string): string {
  const escaped = escapeControl(file);
  return escaped.startsWith('::') ? `./${escaped}` : escaped;
}

/** `error: file:line:column: message` for an input that could not be read (or `note: ...` for one passed over), escaped. */
export function formatInputError(error: InputError, label: 'error' | 'note' = 'error'): string {
  const where = error.line !== undefined ? `${fileText(error.file)}:${error.line}${error.column !== undefined ? `:${error.column}` : ''}` : fileText(error.file);
  return `${label}: ${where}: ${safeMessage(error.message)}`;
}

/** An input error as a JSON report carries it. */
export function inputErrorJson(error: InputError): { file: string; line?: number; column?: number; message: string } {
  return {
    file: error.file,
    ...(error.line === undefined ? {} : { line: error.line }),
    ...(error.column === undefined ? {} : { column: error.column }),
    message: safeMessage(error.message),
  };
}

/** The lines that say how many diagnostics a file or the run left out. */
export function formatOmitted(file: string, count: number, limitFlag: string): string {
  const where = file ? `${fileText(file)}: ` : '';
  return safeLineStart(`${where}... and ${count} more ${count === 1 ? 'diagnostic' : 'diagnostics'} not shown (${limitFlag})`);
}

/** The most skipped kinds the summary line names. */
const SUMMARY_KINDS = 20;

/**
 * `checked 12 documents in 3 files (2 skipped: unknown kinds Deployment x1, ConfigMap x1): 2 errors, 1 warning`.
 */
export function formatSummary(summary: ValidationSummary, unreadable: number = 0): string {
  const entries = Object.entries(summary.skippedKinds);
  const kinds = entries.slice(0, SUMMARY_KINDS).map(([kind, count]) => `${escapeControl(cut(kind, EXCERPT_LENGTH))} x${count}`).join(', ')
    + (entries.length > SUMMARY_KINDS ? ` and ${entries.length - SUMMARY_KINDS} more kinds` : '');
  const skipped = summary.skipped > 0 ? ` (${summary.skipped} skipped: unknown ${summary.skipped === 1 ? 'kind' : 'kinds'} ${kinds})` : '';
  return `checked ${plural(summary.documents, 'document')} in ${plural(summary.files, 'file')}${skipped}: `
    + `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}`
    + (unreadable > 0 ? `; ${plural(unreadable, 'input')} could not be read` : '');
}

/** What a JSON report adds when the run could not read everything or left diagnostics out. */
export interface JsonExtras {
  /** Inputs that could not be read (the others were checked). */
  readonly inputErrors?: readonly InputError[];
  /** Diagnostics left out by `--max-diagnostics` and `--max-diagnostics-per-file`. */
  readonly omitted?: number;
}

/**
 * The whole report as one JSON object (pretty-printed, newline-terminated). Each diagnostic
 * carries its rule's `upstream` codes (an empty list when it has none) and its `value` in a
 * bounded form (see `boundedValue`). When inputs could not be read, `errors` lists them and
 * `error` is the first; when diagnostics were left out, `omitted` counts them.
 */
export function formatJson(diagnostics: readonly LocatedDiagnostic[], summary: ValidationSummary, extras: JsonExtras = {}): string {
  const errors = (extras.inputErrors ?? []).map(inputErrorJson);
  const report = {
    ...(errors.length > 0 ? { error: errors[0], errors } : {}),
    diagnostics: diagnostics.map(d => ({
      file: d.file,
      line: d.line,
      column: d.column,
      severity: d.severity,
      code: d.code,
      rule: d.rule,
      path: d.path,
      resource: d.resource,
      message: d.message,
      ...(d.value === undefined ? {} : { value: boundedValue(d.value) }),
      upstream: [...d.upstream],
    })),
    ...(extras.omitted ? { omitted: extras.omitted } : {}),
    summary,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** One line of a text report: a diagnostic, or how many a file (or the run) left out. */
export type ReportLine =
  | { readonly diagnostic: LocatedDiagnostic }
  | { readonly omitted: number; readonly file: string; readonly scope: 'file' | 'run' };

/** The diagnostics a report shows, within the limits, and what it leaves out. */
export interface CappedDiagnostics {
  /** Diagnostics shown, in order. */
  readonly shown: LocatedDiagnostic[];
  /** Diagnostics, and after each file's last one the count it left out; the run's count last. */
  readonly lines: ReportLine[];
  /** Diagnostics left out in all. */
  readonly omitted: number;
}

/**
 * Keeps at most `perFile` diagnostics per file and `total` in all, in order (diagnostics of one
 * file are together, set-wide findings without a file last).
 */
export function capDiagnostics(diagnostics: readonly LocatedDiagnostic[], limits: { readonly perFile: number; readonly total: number }): CappedDiagnostics {
  const shown: LocatedDiagnostic[] = [];
  const lines: ReportLine[] = [];
  let current: string | undefined;
  let inFile = 0;
  let omittedInFile = 0;
  let omittedInRun = 0;
  const flush = (): void => {
    if (omittedInFile > 0 && current !== undefined) lines.push({ omitted: omittedInFile, file: current, scope: 'file' });
    omittedInFile = 0;
    inFile = 0;
  };
  for (const diagnostic of diagnostics) {
    if (diagnostic.file !== current) {
      flush();
      current = diagnostic.file;
    }
    inFile++;
    if (inFile > limits.perFile) {
      omittedInFile++;
    } else if (shown.length >= limits.total) {
      omittedInRun++;
    } else {
      shown.push(diagnostic);
      lines.push({ diagnostic });
    }
  }
  flush();
  const omitted = diagnostics.length - shown.length;
  if (omittedInRun > 0) lines.push({ omitted: omittedInRun, file: '', scope: 'run' });
  return { shown, lines, omitted };
}

/** The text report: one line per diagnostic, and the `... and N more` lines, newline-terminated (empty when there is nothing). */
export function formatTextReport(capped: CappedDiagnostics, limits: { readonly perFile: number; readonly total: number }): string {
  if (capped.lines.length === 0) return '';
  return capped.lines.map(line => ('diagnostic' in line
    ? formatTextLine(line.diagnostic)
    : formatOmitted(line.file, line.omitted, line.scope === 'file' ? `--max-diagnostics-per-file ${limits.perFile}` : `--max-diagnostics ${limits.total}`))).join('\n') + '\n';
}
