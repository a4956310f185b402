/**
 * How `validate` prints its findings: one line per diagnostic (text) or one JSON object.
 */
import { Severity } from '../validation/diagnostic';

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

/** `file:line:column: severity code path: message`, the form editors and CI annotations read. */
export function formatTextLine(diagnostic: LocatedDiagnostic): string {
  const where = diagnostic.file ? `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}: ` : '';
  const path = diagnostic.path ? ` ${diagnostic.path}` : '';
  return `${where}${diagnostic.severity} ${diagnostic.code}${path}: ${diagnostic.message}`;
}

/**
 * `checked 12 documents in 3 files (2 skipped: unknown kinds Deployment x1, ConfigMap x1): 2 errors, 1 warning`.
 */
export function formatSummary(summary: ValidationSummary): string {
  const kinds = Object.entries(summary.skippedKinds).map(([kind, count]) => `${kind} x${count}`).join(', ');
  const skipped = summary.skipped > 0 ? ` (${summary.skipped} skipped: unknown ${summary.skipped === 1 ? 'kind' : 'kinds'} ${kinds})` : '';
  return `checked ${plural(summary.documents, 'document')} in ${plural(summary.files, 'file')}${skipped}: `
    + `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}`;
}

/**
 * The whole report as one JSON object (pretty-printed, newline-terminated). Each diagnostic
 * carries its rule's `upstream` codes (an empty list when it has none).
 */
export function formatJson(diagnostics: readonly LocatedDiagnostic[], summary: ValidationSummary): string {
  const report = {
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
      ...(d.value === undefined ? {} : { value: d.value }),
      upstream: [...d.upstream],
    })),
    summary,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
