/**
 * `--format junit`: JUnit XML, which CI systems (GitLab, Jenkins, Azure Pipelines, test report
 * actions) show as test results: one testsuite per file, one testcase per object, a failure for
 * each finding that fails the run (errors; warnings too with `--fail-on warning`), other
 * warnings as the testcase's output, objects of kinds no rule checks as skipped.
 */
import { LocatedDiagnostic } from '../output';
import { CiReport, isFailing, shortMessage, visible } from './report';

interface Case {
  readonly resource: string;
  checked: boolean;
  readonly findings: LocatedDiagnostic[];
}

interface Suite {
  readonly file: string;
  readonly cases: Map<string, Case>;
}

/** The name of the suite for findings about the whole set, with no single file. */
const SET_SUITE = '(all files)';

export function formatJunit(report: CiReport): string {
  const suites = new Map<string, Suite>();
  const caseOf = (file: string, resource: string): Case => {
    let suite = suites.get(file);
    if (!suite) {
      suite = { file, cases: new Map() };
      suites.set(file, suite);
    }
    let testcase = suite.cases.get(resource);
    if (!testcase) {
      testcase = { resource, checked: false, findings: [] };
      suite.cases.set(resource, testcase);
    }
    return testcase;
  };
  for (const object of report.objects) {
    const testcase = caseOf(object.file, object.resource);
    testcase.checked = testcase.checked || object.checked;
  }
  for (const d of report.diagnostics) {
    const testcase = caseOf(d.file || SET_SUITE, d.resource || '(set)');
    testcase.checked = true;
    testcase.findings.push(d);
  }

  const lines: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  const inputErrors = report.inputErrors ?? [];
  if (inputErrors.length > 0) {
    // one suite for the inputs that could not be read, a testcase with an <error> each
    lines.push(`  <testsuite name="(unreadable inputs)" tests="${inputErrors.length}" failures="0" errors="${inputErrors.length}" skipped="0">`);
    for (const error of inputErrors) {
      const file = error.file === '' ? '(command line)' : error.file;
      const where = `${file}${error.line !== undefined ? `:${error.line}${error.column !== undefined ? `:${error.column}` : ''}` : ''}`;
      lines.push(`    <testcase classname="${attribute(file)}" name="${attribute(file)}">`,
        `      <error message="${attribute(shortMessage(error.message))}" type="input-error">${text(`${where}: ${shortMessage(error.message)}`)}</error>`,
        '    </testcase>');
    }
    lines.push('  </testsuite>');
    tests += inputErrors.length;
  }
  for (const suite of suites.values()) {
    const body: string[] = [];
    let suiteFailures = 0;
    let suiteSkipped = 0;
    for (const testcase of suite.cases.values()) {
      const failing = testcase.findings.filter(d => isFailing(d.severity, report.failOn));
      const other = testcase.findings.filter(d => !isFailing(d.severity, report.failOn));
      const open = `    <testcase classname="${attribute(suite.file)}" name="${attribute(testcase.resource)}"`;
      if (!testcase.checked) {
        suiteSkipped++;
        body.push(`${open}>`, `      <skipped message="no rule checks this kind"/>`, '    </testcase>');
        continue;
      }
      if (failing.length === 0 && other.length === 0) {
        body.push(`${open}/>`);
        continue;
      }
      body.push(`${open}>`);
      if (failing.length > 0) {
        suiteFailures++;
        const first = failing[0];
        const message = failing.length === 1 ? `${first.code} ${shortMessage(first.message)}` : `${failing.length} findings, first: ${first.code} ${shortMessage(first.message)}`;
        body.push(`      <failure message="${attribute(message)}" type="${attribute(failing.map(d => d.code).join(','))}">${text(failing.map(describe).join('\n'))}</failure>`);
      }
      if (other.length > 0) body.push(`      <system-out>${text(other.map(describe).join('\n'))}</system-out>`);
      body.push('    </testcase>');
    }
    tests += suite.cases.size;
    failures += suiteFailures;
    skipped += suiteSkipped;
    lines.push(`  <testsuite name="${attribute(suite.file)}" tests="${suite.cases.size}" failures="${suiteFailures}" errors="0" skipped="${suiteSkipped}">`, ...body, '  </testsuite>');
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="cdk8s-traffic" tests="${tests}" failures="${failures}" errors="${inputErrors.length}" skipped="${skipped}">`,
    ...lines,
    '</testsuites>',
    '',
  ].join('\n');
}

/** `file:line:column: severity CODE path: message`, as the text format prints it. */
function describe(d: LocatedDiagnostic): string {
  const where = d.file ? `${d.file}:${d.line}:${d.column}: ` : '';
  return `${where}${d.severity} ${d.code}${d.path ? ` ${shortMessage(d.path)}` : ''}: ${shortMessage(d.message)}`;
}

/** Element content: markup characters as entities, characters XML 1.0 forbids made visible. */
export function text(value: string): string {
  return xmlSafe(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value in double quotes: also quotes, and tab and line breaks as character references (attribute normalisation would turn them into spaces). */
export function attribute(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/**
 * Replaces what XML 1.0 cannot hold (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF;
 * unpaired surrogates) and what it discourages or a reader would not see (DEL, C1 controls,
 * bidirectional formatting) with a visible `\u001b`.
 */
export function xmlSafe(value: string): string {
  return visible(value, code => code === 0x0a || code === 0x0d).replace(/[\ufffe\uffff]/g, c => `\\u${c.charCodeAt(0).toString(16)}`);
}
