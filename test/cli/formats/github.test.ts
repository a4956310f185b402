import { escapeData, escapeProperty, formatGithub } from '../../../src/cli/formats';
import { Severity } from '../../../src/validation/diagnostic';
import { HOSTILE, diagnostic, report } from './sample';

/** Reads a workflow command as the runner does (actions/runner ActionCommand.TryParseV2 and Unescape). */
function parseCommand(line: string): { command: string; properties: Record<string, string>; message: string } | undefined {
  const match = /^::([^ :]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match) return undefined;
  const unescapeData = (text: string) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const unescapeProperty = (text: string) => unescapeData(text.replace(/%3A/g, ':').replace(/%2C/g, ','));
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter(p => p.length > 0)) {
    const eq = pair.indexOf('=');
    properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
  }
  return { command: match[1], properties, message: unescapeData(match[3]) };
}

describe('--format github', () => {
  test('one ::error or ::warning command per finding, with file, line, col and title', () => {
    const lines = formatGithub(report([diagnostic(), diagnostic({ severity: Severity.WARNING, code: 'XR004', rule: 'duplicate-virtual-service-host', line: 3, column: 7 })])).trimEnd().split('\n');
    expect(lines[0]).toBe('::error file=k8s/svc.yaml,line=12,col=5,title=SVC014 node-port-range::spec.ports[0].nodePort: nodePort 99999 is outside the node port range 30000-32767 (Service/default/web)');
    expect(lines[1]).toMatch(/^::warning file=k8s\/svc.yaml,line=3,col=7,title=XR004 duplicate-virtual-service-host::/);
    expect(lines[2]).toBe('cdk8s-traffic: 1 error, 1 warning');
  });

  test("escapes as GitHub's toolkit does: % CR LF in data, also : and , in properties", () => {
    expect(escapeData('100% a\r\nb')).toBe('100%25 a%0D%0Ab');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });

  test('a hostile message or file name cannot forge a second command', () => {
    const hostileFile = 'x.yaml,line=1::forged\n::error file=y';
    const text = formatGithub(report([diagnostic({ message: HOSTILE, path: 'metadata.labels["a\\n::error::x"]', file: hostileFile })]));
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.filter(line => line.startsWith('::'))).toHaveLength(1);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202e]/);
    const parsed = parseCommand(lines[0]);
    expect(parsed?.command).toBe('error');
    expect(parsed?.properties).toEqual({ file: hostileFile, line: '12', col: '5', title: 'SVC014 node-port-range' });
    expect(parsed?.message).toContain('::error file=evil.yaml,line=1::forged');
    expect(parsed?.message).toContain('\\u001b[31m');
    expect(parsed?.message).toContain('%25');
  });

  test('a finding without a file has only a title', () => {
    expect(formatGithub(report([diagnostic({ file: '', line: 0, column: 0 })]))).toMatch(/^::error title=SVC014 node-port-range::/);
  });

  test('an input that could not be read is an ::error on that file', () => {
    const text = formatGithub(report([], [], { inputErrors: [{ file: 'bad,:.yaml', line: 2, message: 'tab\n::error::x' }] }));
    expect(text.split('\n')[0]).toBe('::error file=bad%2C%3A.yaml,line=2,title=input error::tab%0A::error::x');
  });
});
