/**
 * Dispatch from `validate --format` to the CI formats.
 */
import { formatGithub } from './github';
import { formatJunit } from './junit';
import { Severity } from '../../validation/diagnostic';
import { isKnownKind } from '../../validation/engine';
import { resourceId } from '../../validation/manifest';
import { CiReport, FailOn, ReportObject, isFailing } from './report';
import { formatSarif } from './sarif';

/** The CI formats `validate --format` offers besides text and json. */
export const CI_FORMATS = ['sarif', 'github', 'junit'] as const;
export type CiFormat = typeof CI_FORMATS[number];

export function isCiFormat(format: string): format is CiFormat {
  return (CI_FORMATS as readonly string[]).includes(format);
}

/** The report in one of the CI formats. */
export function formatCiReport(format: CiFormat, report: CiReport): string {
  switch (format) {
    case 'sarif': return formatSarif(report);
    case 'github': return formatGithub(report);
    case 'junit': return formatJunit(report);
  }
}

/** The objects a run read, as JUnit lists them (a testcase each). */
export function reportObjects(documents: ReadonlyArray<{ readonly file: string; readonly manifest: unknown }>): ReportObject[] {
  return documents.map(document => ({ file: document.file, resource: resourceId(document.manifest), checked: isKnownKind(document.manifest) }));
}

/** Whether findings fail the run (exit 1): errors, or with `--fail-on warning` warnings too. */
export function failsRun(diagnostics: ReadonlyArray<{ readonly severity: Severity }>, failOn: FailOn | undefined): boolean {
  return diagnostics.some(d => isFailing(d.severity, failOn ?? 'error'));
}
