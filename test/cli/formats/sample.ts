import { Severity } from '../../../src/validation/diagnostic';
import { LocatedDiagnostic } from '../../../src/cli/output';
import { CiReport, ReportObject } from '../../../src/cli/formats';

export function diagnostic(overrides: Partial<LocatedDiagnostic> = {}): LocatedDiagnostic {
  return {
    file: 'k8s/svc.yaml',
    line: 12,
    column: 5,
    severity: Severity.ERROR,
    code: 'SVC014',
    rule: 'node-port-range',
    path: 'spec.ports[0].nodePort',
    resource: 'Service/default/web',
    message: 'nodePort 99999 is outside the node port range 30000-32767',
    upstream: [],
    ...overrides,
  };
}

export function report(diagnostics: LocatedDiagnostic[], objects: ReportObject[] = [], overrides: Partial<CiReport> = {}): CiReport {
  return { diagnostics, objects, failOn: 'error', cwd: '/repo', ...overrides };
}

/** A message a hostile manifest could produce: line breaks, a forged command, escapes, percent signs, bidi. */
export const HOSTILE = 'name "x\n::error file=evil.yaml,line=1::forged\r\n%0A::warning::also" is bad\u001b[31m red\u202e %25 , : \u0085 \u2028 \u0000';
