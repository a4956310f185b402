/**
 * `--format github`: one workflow command per finding, which GitHub Actions shows as an
 * annotation on the pull request's files:
 * `::error file=svc.yaml,line=12,col=5,title=SVC014 node-port-range::spec.ports[0].nodePort: ...`.
 *
 * Escaped as GitHub's own toolkit escapes (actions/toolkit `escapeData` / `escapeProperty`):
 * `%`, CR and LF in the message, and also `:` and `,` in properties, so no value can end the
 * command early or start a second one. Other control characters are shown as `\u001b`.
 */
import { Severity } from '../../validation/diagnostic';
import { LocatedDiagnostic } from '../output';
import { CiReport, ReportInputError, shortMessage, visible } from './report';

/** The message part of a workflow command. */
export function escapeData(text: string): string {
  return visible(text, isLineEnd).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value (file, title) of a workflow command. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function isLineEnd(code: number): boolean {
  return code === 0x0a || code === 0x0d;
}

export function formatGithub(report: CiReport): string {
  const lines = (report.inputErrors ?? []).map(inputError);
  lines.push(...report.diagnostics.map(annotation));
  const errors = report.diagnostics.filter(d => d.severity === Severity.ERROR).length;
  const warnings = report.diagnostics.length - errors;
  lines.push(`cdk8s-traffic: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  return `${lines.join('\n')}\n`;
}

function inputError(error: ReportInputError): string {
  // a usage error (a flag, the settings file's content) has no file of the inputs
  const properties = error.file === '' ? [] : [`file=${escapeProperty(error.file)}`];
  if (error.line !== undefined) properties.push(`line=${error.line}`);
  if (error.column !== undefined) properties.push(`col=${error.column}`);
  properties.push(error.file === '' ? 'title=usage error' : 'title=input error');
  return `::error ${properties.join(',')}::${escapeData(shortMessage(error.message))}`;
}

function annotation(d: LocatedDiagnostic): string {
  const command = d.severity === Severity.ERROR ? 'error' : 'warning';
  const properties: string[] = [];
  if (d.file) {
    properties.push(`file=${escapeProperty(d.file)}`);
    if (d.line > 0) properties.push(`line=${d.line}`, `col=${d.column}`);
  }
  properties.push(`title=${escapeProperty(`${d.code} ${d.rule}`)}`);
  const where = d.path ? `${shortMessage(d.path)}: ` : '';
  const resource = d.resource ? ` (${shortMessage(d.resource)})` : '';
  return `::${command} ${properties.join(',')}::${escapeData(`${where}${shortMessage(d.message)}${resource}`)}`;
}
