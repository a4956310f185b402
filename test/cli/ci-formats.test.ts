/**
 * The CI formats and controls of `validate`, run as CI runs them: `node lib/cli/main.js`
 * (after `npm run build`).
 */
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, run, tempDir } from '../e2e/run';
import { parseXml } from './formats/xml';

jest.setTimeout(60_000);

const MAIN = path.join(ROOT, 'lib', 'cli', 'main.js');
const CONFLICT = 'test/cli/fixtures/conflict';
const WARNINGS_ONLY = 'test/cli/fixtures/warnings-only.yaml';

function cli(args: string[], options: { cwd?: string; input?: string } = {}): ReturnType<typeof run> {
  return run(process.execPath, [MAIN, ...args], options);
}

/** A NodePort Service with a nodePort outside the range (SVC014), with optional annotations. */
function badService(name: string, annotations: Record<string, string> = {}): string {
  const lines = ['apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`];
  if (Object.keys(annotations).length > 0) {
    lines.push('  annotations:', ...Object.entries(annotations).map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`));
  }
  lines.push('spec:', '  type: NodePort', '  selector:', `    app: ${name}`, '  ports:', '  - port: 80', '    nodePort: 99999', '');
  return lines.join('\n');
}

function folderWith(files: Record<string, string>): string {
  const dir = tempDir('cdk8s-traffic-ci-');
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('validate in CI formats', () => {
  test('--format sarif: one SARIF 2.1.0 log, file relative to the working directory, line and column', () => {
    const result = cli(['validate', CONFLICT, '--format', 'sarif']);
    expect(result.status).toBe(1);
    const log = JSON.parse(result.stdout);
    expect(log.version).toBe('2.1.0');
    const run0 = log.runs[0];
    expect(run0.tool.driver.name).toBe('cdk8s-traffic');
    expect(run0.tool.driver.rules.length).toBeGreaterThan(100);
    expect(run0.results).toHaveLength(1);
    expect(run0.results[0]).toMatchObject({
      ruleId: 'SVC050',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'test/cli/fixtures/conflict/shop.yaml' }, region: { startLine: 13, startColumn: 5 } } }],
    });
    expect(run0.tool.driver.rules[run0.results[0].ruleIndex].id).toBe('SVC050');
  });

  test('--format github: annotations a hostile value cannot break out of', () => {
    const dir = folderWith({ 'svc.yaml': badService('web', { note: 'x\n::error file=evil.yaml::forged\r\n%0A' }).replace('nodePort: 99999', 'nodePort: 99999\n    name: "a\\n::warning::b"') });
    const result = cli(['validate', path.join(dir, 'svc.yaml'), '--format', 'github']);
    expect(result.status).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.filter(line => line.startsWith('::')).every(line => /^::(error|warning) file=[^:,]+,line=\d+,col=\d+,title=[A-Z]+\d{3} [a-z0-9-]+::/.test(line))).toBe(true);
    expect(lines.some(line => line.includes('title=SVC014 node-port-range'))).toBe(true);
    expect(result.stdout).not.toContain('::error file=evil.yaml');
    expect(lines[lines.length - 1]).toMatch(/^cdk8s-traffic: \d+ errors?, \d+ warnings?$/);
  });

  test('--format junit: well-formed XML, a testsuite per file and a testcase per object', () => {
    const result = cli(['validate', CONFLICT, '--format', 'junit']);
    expect(result.status).toBe(1);
    const suites = parseXml(result.stdout);
    expect(suites.children.map(suite => suite.attributes.name)).toEqual([`${CONFLICT}/admin.yaml`, `${CONFLICT}/shop.yaml`]);
    expect(suites.attributes.failures).toBe('1');
    const shop = suites.children[1].children.find(testcase => testcase.children.some(child => child.name === 'failure'));
    expect(shop?.attributes.name).toBe('Service/retail/shop');
  });
});

describe('what fails the run, and what is reported', () => {
  test('--fail-on warning exits 1 on warnings; the default exits 0', () => {
    expect(cli(['validate', WARNINGS_ONLY]).status).toBe(0);
    expect(cli(['validate', WARNINGS_ONLY, '--fail-on', 'warning']).status).toBe(1);
    expect(cli(['validate', WARNINGS_ONLY, '--fail-on', 'never']).status).toBe(2);
  });

  test('--disable and --enable choose the rules; an unknown code is a usage error', () => {
    expect(cli(['validate', CONFLICT, '--disable', 'SVC050']).status).toBe(0);
    expect(cli(['validate', CONFLICT, '--enable', 'SVC014,XR004']).status).toBe(0);
    const enabled = cli(['validate', CONFLICT, '--enable', 'svc050', '--format', 'json']);
    expect(enabled.status).toBe(1);
    expect(JSON.parse(enabled.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual(['SVC050']);
    const typo = cli(['validate', CONFLICT, '--disable', 'SVC05']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toMatch(/"SVC05" is not a rule code/);
  });

  test('an object suppresses rules with cdk8s-traffic.io/suppress, or istioctl\'s annotation', () => {
    const dir = folderWith({
      'a.yaml': badService('a', { 'cdk8s-traffic.io/suppress': 'SVC014' }),
      'b.yaml': badService('b', { 'cdk8s-traffic.io/suppress': '*' }),
      'c.yaml': badService('c', { 'galley.istio.io/analyze-suppress': 'IST0106' }),
      'd.yaml': badService('d'),
    });
    const result = cli(['validate', dir, '--format', 'json']);
    expect(result.status).toBe(1);
    const files = JSON.parse(result.stdout).diagnostics.map((d: { file: string; code: string }) => `${path.basename(d.file)} ${d.code}`);
    // SVC014 (a Kubernetes API server rule) has no istioctl code, so IST0106 does not suppress it
    expect(files).toEqual(['c.yaml SVC014', 'd.yaml SVC014']);
  });

  test('the settings file sets what flags do not; flags override it', () => {
    const dir = folderWith({ '.cdk8s-traffic.yaml': 'failOn: warning\ndisable: [SVC050]\n', 'w.yaml': fs.readFileSync(path.join(ROOT, WARNINGS_ONLY), 'utf-8') });
    expect(cli(['validate', 'w.yaml'], { cwd: dir }).status).toBe(1);
    expect(cli(['validate', 'w.yaml', '--fail-on', 'error'], { cwd: dir }).status).toBe(0);
    expect(cli(['validate', path.join(ROOT, CONFLICT)], { cwd: dir }).status).toBe(0);
    const other = folderWith({ 'ci.json': '{"failOn": "error"}' });
    expect(cli(['validate', 'w.yaml', '--config', path.join(other, 'ci.json')], { cwd: dir }).status).toBe(0);
  });

  test('a bad settings file is an input error naming the file and key', () => {
    const dir = folderWith({ '.cdk8s-traffic.yaml': 'failon: warning\n' });
    const result = cli(['validate', path.join(ROOT, WARNINGS_ONLY)], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/\.cdk8s-traffic\.yaml: "failon": unknown key, did you mean "failOn"\?/);
    const json = cli(['validate', path.join(ROOT, WARNINGS_ONLY), '--format', 'json'], { cwd: dir });
    expect(JSON.parse(json.stdout).error.message).toMatch(/unknown key/);
  });

  test('a run that stops before checking still writes one document in the CI format asked for', () => {
    const dir = folderWith({ '.cdk8s-traffic.yaml': 'failon: warning\n' });
    const target = path.join(ROOT, WARNINGS_ONLY);
    // a bad settings file: an error naming the file
    const sarif = cli(['validate', target, '--format', 'sarif'], { cwd: dir });
    expect(sarif.status).toBe(2);
    const run = JSON.parse(sarif.stdout).runs[0];
    expect(run.results).toEqual([]);
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toMatch(/"failon": unknown key/);
    const github = cli(['validate', target, '--format', 'github'], { cwd: dir });
    expect(github.status).toBe(2);
    expect(github.stdout.split('\n')[0]).toMatch(/^::error file=[^,]*\.cdk8s-traffic\.yaml,title=input error::"failon": unknown key/);
    // a usage error: no file, the message of the flag
    const junit = cli(['validate', target, '--format=junit', '--disable', 'SVC999']);
    expect(junit.status).toBe(2);
    const xml = parseXml(junit.stdout);
    expect(xml.name).toBe('testsuites');
    expect(junit.stdout).toMatch(/<testcase classname="\(command line\)" name="\(command line\)">\s*<error message="[^"]*SVC999[^"]*is not a rule code/);
    const usage = cli(['validate', target, '--format', 'github', '--max-input-size', 'lots']);
    expect(usage.stdout.split('\n')[0]).toMatch(/^::error title=usage error::option '--max-input-size <size>' argument 'lots' is invalid/);
    // text keeps standard output empty
    const text = cli(['validate', target, '--disable', 'SVC999']);
    expect(text.status).toBe(2);
    expect(text.stdout).toBe('');
  });
});

describe('cdk8s-traffic rules', () => {
  test('lists the catalogue as text, json and markdown', () => {
    expect(cli(['rules']).stdout).toMatch(/^SVC014\s+error\s+node-port-range/m);
    expect(JSON.parse(cli(['rules', '--format', 'json']).stdout).rules.some((r: { code: string }) => r.code === 'XR004')).toBe(true);
    expect(cli(['rules', '--format', 'markdown']).stdout).toMatch(/^\| <a id="xr004"><\/a>XR004 \| duplicate-virtual-service-host \| warning \|/m);
  });
});
