import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { stringify } from 'yaml';
import { buildExamples } from '../../examples/main';
import { describeManifests, renderDescription } from '../../src/describe/describe';
import { renderMermaid } from '../../src/describe/mermaid';
import { ROOT, run, tempDir } from '../e2e/run';

jest.setTimeout(60_000);

const CLI = path.join(ROOT, 'lib', 'cli', 'main.js');
const describeCli = (args: string[], input?: string) => run(process.execPath, [CLI, 'describe', ...args], { input });
const fixture = (name: string) => path.join(ROOT, 'test', 'fixtures', name);

/** The example app written as one YAML file per chart, as `cdk8s synth` does. */
const examplesDir = tempDir('cdk8s-traffic-describe-');
const app = buildExamples(Testing.app());
const manifests: unknown[] = [];
for (const chart of app.charts) {
  const objects = Testing.synth(chart) as unknown[];
  manifests.push(...objects);
  fs.writeFileSync(path.join(examplesDir, `${chart.node.id}.k8s.yaml`), objects.map(o => stringify(o)).join('---\n'));
}

afterAll(() => fs.rmSync(examplesDir, { recursive: true, force: true }));

describe('cdk8s-traffic describe (as a process)', () => {
  test("prints the reference's foo-service and VirtualServices as tables", () => {
    const result = describeCli([fixture('foo-service.yaml'), fixture('foo-virtualservices.yaml')]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe([
      'NAMESPACE   NAME          TYPE       CLUSTER-IP   EXTERNAL-IP   PORT(S)        SELECTOR',
      'default     foo-service   NodePort   <assigned>   <none>        80:30007/TCP   app=foo',
      '',
      'VirtualService default/foo-delay-virtualservice',
      'Hosts:     foo',
      'Gateways:  mesh',
      'ROUTE     MATCH   DESTINATIONS   TIMEOUT   RETRIES   FAULT',
      'http[0]   *       foo 100%       none      default   delay 5s @0.1%',
      '',
      'VirtualService default/foo-retry-virtualservice',
      'Hosts:     foo',
      'Gateways:  mesh',
      'ROUTE     MATCH   DESTINATIONS   TIMEOUT   RETRIES             FAULT',
      'http[0]   *       foo 100%       none      3 x 2s on default   none',
      '',
    ].join('\n'));
  });

  test('describes a folder of synthesised YAML as the library does in memory', () => {
    const result = describeCli([examplesDir]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(renderDescription(describeManifests(manifests)));
  });

  test('--format json gives the services, routes and graph edges', () => {
    const result = describeCli(['--format', 'json', examplesDir]);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toEqual(JSON.parse(JSON.stringify(describeManifests(manifests))));
    expect(json.services.find((s: { name: string }) => s.name === 'foo-service').ports).toBe('80:30007/TCP');
    expect(json.virtualServices.find((v: { name: string }) => v.name === 'reviews').routes[1].destinations.map((d: { percent: number }) => d.percent)).toEqual([90, 10]);
    expect(json.graph.edges.length).toBeGreaterThan(0);
    expect(json.mermaid).toBeUndefined();
  });

  test('--graph mermaid prints the flowchart only', () => {
    const result = describeCli(['--graph', 'mermaid', examplesDir]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(renderMermaid(describeManifests(manifests).graph));
    expect(result.stdout.startsWith('flowchart LR\n')).toBe(true);
  });

  test('--format json with --graph mermaid adds the flowchart to the JSON', () => {
    const result = describeCli(['--format', 'json', '--graph', 'mermaid', fixture('foo-virtualservices.yaml')]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).mermaid).toMatch(/^flowchart LR\n/);
  });

  test('reads standard input with -', () => {
    const result = describeCli(['-'], fs.readFileSync(fixture('foo-service.yaml'), 'utf-8'));
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('foo-service   NodePort   <assigned>   <none>        80:30007/TCP   app=foo');
  });

  test('--cluster-domain resolves full names in that domain', () => {
    const yaml = [
      'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec: {ports: [{port: 80}]}',
      'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: web, namespace: shop}\nspec: {hosts: [web], http: [{route: [{destination: {host: web.shop.svc.corp.internal}}]}]}',
    ].join('\n---\n');
    expect(describeCli(['--graph', 'mermaid', '-'], yaml).stdout).toContain('ext_web_shop_svc_corp_internal');
    expect(describeCli(['--graph', 'mermaid', '--cluster-domain', 'corp.internal', '-'], yaml).stdout).toContain('vs_shop_web -->|"http[0]: *, 100%"| svc_shop_web');
  });

  test('says so on stderr, and exits 0, when the input has no Service or VirtualService', () => {
    const result = describeCli(['-'], 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('no Services or VirtualServices in the input\n');
  });

  test('errors when a file is missing (exit 2)', () => {
    const result = describeCli(['no-such-file.yaml']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('error: no-such-file.yaml: no such file or folder\n');
    expect(result.stdout).toBe('');
  });

  test('errors with the file and line when the YAML is malformed (exit 2)', () => {
    const dir = tempDir('cdk8s-traffic-describe-bad-');
    const file = path.join(dir, 'bad.yaml');
    fs.writeFileSync(file, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: [unclosed\n');
    try {
      const result = describeCli([file]);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`^error: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `));
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('errors on an unknown graph notation (exit 2)', () => {
    const result = describeCli(['--graph', 'dot', fixture('foo-service.yaml')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("argument 'dot' is invalid. Allowed choices are mermaid.");
  });
});
