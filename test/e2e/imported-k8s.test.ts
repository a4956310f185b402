import * as fs from 'fs';
import * as path from 'path';
import { ConsumerApp, manifestNamed, expectQuietSuccess } from './consumer';
import { IMPORTED_K8S_TS } from './imported-k8s-source';
import { ROOT, run } from './run';

jest.setTimeout(300_000);

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8'));

/**
 * An app without cdk8s-plus: its workloads are the Kubernetes types `cdk8s import k8s`
 * generates into imports/k8s.ts, which the library selects and exposes like cdk8s-plus ones.
 */
describe('an app on imported k8s types, without cdk8s-plus', () => {
  const app = new ConsumerApp('imported-k8s', {
    cdk8s: pkg.devDependencies.cdk8s,
    constructs: pkg.devDependencies.constructs,
  }, {
    'imports/k8s.ts': IMPORTED_K8S_TS,
    'cdk8s.yaml': 'language: typescript\napp: node out/main.js\n',
    'main.ts': [
      "import { App, Chart } from 'cdk8s';",
      "import { ClusterIpService, NodePortService, ServiceSelector, Severity, TargetPort, validateManifests } from 'cdk8s-traffic';",
      "import { KubeDeployment } from './imports/k8s';",
      '',
      'const app = new App();',
      "const chart = new Chart(app, 'imported');",
      "const nginx = new KubeDeployment(chart, 'nginx', {",
      "  metadata: { name: 'nginx' },",
      '  spec: {',
      "    selector: { matchLabels: { app: 'nginx' } },",
      "    template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 8080 }] }] } },",
      '  },',
      '});',
      "new ClusterIpService(chart, 'selected', { metadata: { name: 'nginx-selected' }, selector: ServiceSelector.fromWorkload(nginx), ports: [{ port: 80, targetPort: TargetPort.number(8080) }] });",
      'const external: NodePortService = NodePortService.expose(nginx, { port: 80, targetPort: TargetPort.number(8080), nodePort: 30080 });',
      "const internal: ClusterIpService = ClusterIpService.expose(nginx, { name: 'nginx-internal', port: 80, targetPort: TargetPort.number(8080) });",
      'console.log(external.dnsName);',
      'console.log(internal.dnsName);',
      'console.log(validateManifests(chart.toJson()).filter(d => d.severity === Severity.ERROR).length);',
      'app.synth();',
      '',
    ].join('\n'),
  });

  beforeAll(() => {
    const installed = app.install();
    expect(installed.stderr).not.toMatch(/npm (error|ERR!)/);
    expect(installed.status).toBe(0);
  });

  test('installs no cdk8s-plus at all, and one cdk8s', () => {
    expect(app.installedCopies(/^cdk8s-plus-/)).toEqual([]);
    expect(app.installedCopies(/^cdk8s$/)).toEqual(['node_modules/cdk8s']);
  });

  test('compiles strictly against the library declarations', () => {
    const tsc = app.compile();
    expectQuietSuccess(tsc);
  });

  test('synthesises a Service selecting the Deployment and two exposes of it with their own names', () => {
    const synth = app.synth();
    expectQuietSuccess(synth, 'stderr');
    expect(synth.stdout).toBe('nginx.default.svc.cluster.local\nnginx-internal.default.svc.cluster.local\n0\n');

    const manifests = app.manifests();
    expect(manifests.map(m => `${m.kind}/${m.metadata.name}`).sort()).toEqual([
      'Deployment/nginx', 'Service/nginx', 'Service/nginx-internal', 'Service/nginx-selected',
    ]);
    expect(manifestNamed(manifests, 'Service', 'nginx-selected').spec).toEqual({
      selector: { app: 'nginx' },
      ports: [{ port: 80, targetPort: 8080 }],
    });
    const external = manifestNamed(manifests, 'Service', 'nginx');
    expect(external.spec.type).toBe('NodePort');
    expect(external.spec.selector).toEqual({ app: 'nginx' });
    expect(external.spec.ports).toEqual([expect.objectContaining({ port: 80, targetPort: 8080, nodePort: 30080 })]);
    const internal = manifestNamed(manifests, 'Service', 'nginx-internal');
    expect(internal.spec.type ?? 'ClusterIP').toBe('ClusterIP');
    expect(internal.spec.selector).toEqual({ app: 'nginx' });
    expect(internal.spec.ports).toEqual([expect.objectContaining({ port: 80, targetPort: 8080 })]);
  });

  test("passes the installed cdk8s-traffic command's validation", () => {
    const validated = app.cli('validate', 'dist/');
    expect(validated.stdout).toBe('');
    expect(validated.stderr).toMatch(/: 0 errors, 0 warnings/);
    expect(validated.status).toBe(0);
  });

  test('refuses values of the wrong kind from plain JavaScript with TRF012, from the shipped assembly', () => {
    app.write('plain.js', [
      "const { App, Chart } = require('cdk8s');",
      "const { ClusterIpService, Destination } = require('cdk8s-traffic');",
      "const chart = new Chart(new App(), 'plain');",
      'for (const attempt of [',
      "  () => new ClusterIpService(chart, 'web', { ports: { port: 80 } }),",
      "  () => Destination.host('reviews', { subset: 'v2' }),",
      ']) {',
      '  try { attempt(); console.log("accepted"); } catch (error) { console.log(`${error.name}: ${error.message}`); }',
      '}',
      '',
    ].join('\n'));
    const result = run('node', ['plain.js'], { cwd: app.dir });
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')).toEqual([
      'TrafficValidationError: TRF012 [plain/web] ports expects a list (of ServicePort), got a plain object {"port":80}: write it in [ ]',
      'TrafficValidationError: TRF012 Destination.host() options.subset expects a Subset, got the string "v2": create it with Subset.named(name)',
      '',
    ]);
  });

  test("synthesises the same through the repository's cdk8s-cli (`cdk8s synth`)", () => {
    const synth = app.cdk8sSynth('cli-dist');
    expect(synth.stderr).not.toMatch(/Error/);
    expect(synth.status).toBe(0);
    expect(app.manifests('cli-dist')).toEqual(app.manifests('dist'));
  });
});
