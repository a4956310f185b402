/**
 * `--format sarif`: a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format), which
 * GitHub code scanning (`github/codeql-action/upload-sarif`) and other CI tools read. Rule
 * metadata comes from the rule catalogue; help links point at docs/rules.md.
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Severity } from '../../validation/diagnostic';
import { CONSTRUCT_CHECKS } from '../../validation/construct-checks';
import { ruleCatalogue } from '../../validation/engine';
import { STDIN_NAME } from '../input';
import { LocatedDiagnostic } from '../output';
import { CiReport, shortMessage, toolVersion } from './report';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/cdk8s-traffic/cdk8s-traffic';
const RULES_DOC = `${INFORMATION_URI}/blob/main/docs/rules.md`;

/** The documentation link of a rule code: its row of docs/rules.md. */
export function helpUri(code: string): string {
  return `${RULES_DOC}#${code.toLowerCase()}`;
}

interface SarifRule {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: { readonly text: string };
  readonly helpUri: string;
  readonly defaultConfiguration: { readonly level: 'error' | 'warning' };
  readonly properties: { readonly upstream: string[]; readonly appliesTo: string[] };
}

/** The whole log as one JSON document (pretty-printed, newline-terminated). */
export function formatSarif(report: CiReport): string {
  const rules: SarifRule[] = ruleCatalogue().map(rule => sarifRule(rule.code, rule.name, rule.severity, rule.description, rule.upstream, rule.appliesTo));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  // codes outside the catalogue a run can still report (an internal error, a document that is not a mapping)
  for (const d of report.diagnostics) {
    if (ruleIndex.has(d.code)) continue;
    const check = CONSTRUCT_CHECKS.find(c => c.code === d.code);
    ruleIndex.set(d.code, rules.length);
    rules.push(sarifRule(d.code, check?.name ?? d.rule, check?.severity ?? d.severity, check?.description ?? d.rule, [], []));
  }
  const cwd = report.cwd ?? process.cwd();
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'cdk8s-traffic',
          version: toolVersion(),
          semanticVersion: toolVersion(),
          informationUri: INFORMATION_URI,
          rules,
        },
      },
      invocations: [{
        executionSuccessful: (report.inputErrors ?? []).length === 0,
        toolExecutionNotifications: (report.inputErrors ?? []).map(error => ({
          level: 'error',
          message: { text: shortMessage(error.message) },
          locations: error.file === STDIN_NAME || error.file === '' ? [] : [{
            physicalLocation: {
              artifactLocation: { uri: artifactUri(error.file, cwd) },
              ...(error.line !== undefined ? { region: { startLine: Math.max(1, error.line), startColumn: Math.max(1, error.column ?? 1) } } : {}),
            },
          }],
        })),
      }],
      columnKind: 'utf16CodeUnits',
      results: report.diagnostics.map(d => result(d, ruleIndex.get(d.code) as number, cwd)),
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function sarifRule(code: string, name: string, severity: Severity, description: string, upstream: readonly string[], appliesTo: readonly string[]): SarifRule {
  return {
    id: code,
    name,
    shortDescription: { text: description },
    helpUri: helpUri(code),
    defaultConfiguration: { level: level(severity) },
    properties: { upstream: [...upstream], appliesTo: [...appliesTo] },
  };
}

function level(severity: Severity): 'error' | 'warning' {
  return severity === Severity.ERROR ? 'error' : 'warning';
}

function result(d: LocatedDiagnostic, ruleIndex: number, cwd: string) {
  const where = d.path ? `${shortMessage(d.path)}: ` : '';
  const location = d.file && d.file !== STDIN_NAME
    ? [{
      physicalLocation: {
        artifactLocation: { uri: artifactUri(d.file, cwd) },
        ...(d.line > 0 ? { region: { startLine: d.line, startColumn: Math.max(1, d.column) } } : {}),
      },
      ...(d.resource ? { logicalLocations: [{ fullyQualifiedName: d.resource, kind: 'resource' }] } : {}),
    }]
    : d.resource ? [{ logicalLocations: [{ fullyQualifiedName: d.resource, kind: 'resource' }] }] : [];
  return {
    ruleId: d.code,
    ruleIndex,
    level: level(d.severity),
    message: { text: `${where}${shortMessage(d.message)}` },
    locations: location,
    properties: { rule: d.rule, path: d.path, resource: d.resource, upstream: [...d.upstream] },
  };
}

/**
 * A file as a URI reference: relative to the working directory with forward slashes and each
 * segment percent-encoded (`k8s/my%20svc.yaml`), or a `file://` URI when it lies outside.
 */
export function artifactUri(file: string, cwd: string): string {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return pathToFileURL(absolute).href;
  return relative.split(path.sep).map(encodeURIComponent).join('/');
}
