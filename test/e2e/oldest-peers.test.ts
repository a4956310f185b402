import * as fs from 'fs';
import { ConsumerApp, manifestNamed, OLDEST_CDK8S, OLDEST_CONSTRUCTS, expectQuietSuccess } from './consumer';
import { IMPORTED_K8S_TS } from './imported-k8s-source';

jest.setTimeout(300_000);

/**
 * The low end of the peer ranges: an app pinned to the oldest cdk8s and constructs the package
 * declares it works with. npm refuses the install (ERESOLVE) if the declared peer ranges leave
 * these out; the rest proves the package really works with them.
 */
describe(`an app pinned to the oldest supported cdk8s ${OLDEST_CDK8S} and constructs ${OLDEST_CONSTRUCTS}`, () => {
  const app = new ConsumerApp('oldest-peers', {
    cdk8s: OLDEST_CDK8S,
    constructs: OLDEST_CONSTRUCTS,
  }, {
    'main.ts': [
      "import { App, Chart, Duration } from 'cdk8s';",
      "import { ClusterIpService, Destination, Fault, Host, NodePortService, Percent, Retry, ServiceSelector, Severity, StringMatch, TargetPort, validateManifests, VirtualService } from 'cdk8s-traffic';",
      '',
      "const app = new App({ outdir: 'dist' });",
      "const chart = new Chart(app, 'oldest');",
      "const api = new ClusterIpService(chart, 'api', { metadata: { name: 'api' }, selector: ServiceSelector.fromLabels({ app: 'api' }), ports: [{ name: 'http', port: 80, targetPort: TargetPort.number(8080) }] });",
      "new NodePortService(chart, 'web', { metadata: { name: 'web' }, selector: ServiceSelector.fromLabels({ app: 'web' }), ports: [{ port: 80, nodePort: 30080 }] });",
      "new VirtualService(chart, 'api-routes', {",
      "  metadata: { name: 'api' },",
      "  hosts: [Host.of('api')],",
      '  http: [',
      "    { match: [{ uri: StringMatch.prefix('/v2') }], route: [{ destination: Destination.host('api') }], retries: Retry.onFailure({ attempts: 3, perTryTimeout: Duration.millis(1500) }) },",
      "    { route: [{ destination: Destination.host('api') }], fault: Fault.delay({ fixedDelay: Duration.seconds(5), percentage: Percent.of(0.1) }) },",
      '  ],',
      '});',
      'console.log(api.dnsName);',
      'console.log(validateManifests(chart.toJson()).filter(d => d.severity === Severity.ERROR).length);',
      'app.synth();',
      '',
    ].join('\n'),
    'duplicate-node-port.ts': [
      "import { App, Chart } from 'cdk8s';",
      "import { NodePortService, ServiceSelector } from 'cdk8s-traffic';",
      '',
      "const app = new App({ outdir: 'dist-invalid' });",
      "const chart = new Chart(app, 'invalid');",
      "new NodePortService(chart, 'first', { metadata: { name: 'first' }, selector: ServiceSelector.fromLabels({ app: 'a' }), ports: [{ port: 80, nodePort: 30090 }] });",
      "new NodePortService(chart, 'second', { metadata: { name: 'second' }, selector: ServiceSelector.fromLabels({ app: 'b' }), ports: [{ port: 80, nodePort: 30090 }] });",
      'app.synth();',
      '',
    ].join('\n'),
    'imports/k8s.ts': IMPORTED_K8S_TS,
    'workloads.ts': [
      "import { App, Chart } from 'cdk8s';",
      "import { ClusterIpService, NodePortService, ServiceSelector } from 'cdk8s-traffic';",
      "import { KubeDeployment } from './imports/k8s';",
      '',
      "const app = new App({ outdir: 'dist-workloads' });",
      "const chart = new Chart(app, 'workloads');",
      "const nginx = new KubeDeployment(chart, 'nginx', {",
      "  metadata: { name: 'nginx' },",
      "  spec: { selector: { matchLabels: { app: 'nginx' } }, template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },",
      '});',
      "new ClusterIpService(chart, 'selected', { metadata: { name: 'nginx-selected' }, selector: ServiceSelector.fromWorkload(nginx), ports: [{ port: 80 }] });",
      'NodePortService.expose(nginx, { port: 80 });',
      "ClusterIpService.expose(nginx, { name: 'nginx-internal', port: 80 });",
      'app.synth();',
      '',
    ].join('\n'),
  });

  beforeAll(() => {
    const installed = app.install();
    expect(installed.stderr).not.toMatch(/npm (error|ERR!)/);
    expect(installed.status).toBe(0);
  });

  test('installs exactly those versions, each once', () => {
    expect(app.installedVersion('cdk8s')).toBe(OLDEST_CDK8S);
    expect(app.installedVersion('constructs')).toBe(OLDEST_CONSTRUCTS);
    expect(app.installedCopies(/^(cdk8s|constructs)$/)).toEqual(['node_modules/cdk8s', 'node_modules/constructs']);
  });

  test('declares peer ranges that start at those versions', () => {
    const installed = JSON.parse(fs.readFileSync(app.path('node_modules', 'cdk8s-traffic', 'package.json'), 'utf-8'));
    expect(installed.peerDependencies).toMatchObject({ cdk8s: `^${OLDEST_CDK8S}`, constructs: `^${OLDEST_CONSTRUCTS}` });
  });

  test('compiles strictly against the library and the old cdk8s declarations', () => {
    const tsc = app.compile('main.ts');
    expectQuietSuccess(tsc);
  });

  test('synthesises Services and a VirtualService', () => {
    const synth = app.synth('main.ts');
    expectQuietSuccess(synth, 'stderr');
    expect(synth.stdout).toBe('api.default.svc.cluster.local\n0\n');

    const manifests = app.manifests('dist');
    expect(manifestNamed(manifests, 'Service', 'api').spec).toEqual({ selector: { app: 'api' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] });
    expect(manifestNamed(manifests, 'Service', 'web').spec).toEqual({ type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, nodePort: 30080 }] });
    expect(manifestNamed(manifests, 'VirtualService', 'api').spec).toEqual({
      hosts: ['api'],
      http: [
        { match: [{ uri: { prefix: '/v2' } }], route: [{ destination: { host: 'api' } }], retries: { attempts: 3, perTryTimeout: '1500ms' } },
        { route: [{ destination: { host: 'api' } }], fault: { delay: { fixedDelay: '5s', percentage: { value: 0.1 } } } },
      ],
    });
  });

  test("passes the installed cdk8s-traffic command's validation", () => {
    const validated = app.cli('validate', 'dist/');
    expect(validated.stdout).toBe('');
    expect(validated.stderr).toMatch(/: 0 errors, 0 warnings/);
    expect(validated.status).toBe(0);
  });

  test('fails synth on an error found across objects (the old cdk8s runs the validations)', () => {
    const tsc = app.compile('duplicate-node-port.ts');
    expect(tsc.stdout + tsc.stderr).toBe('');
    const synth = app.synth('duplicate-node-port.ts');
    expect(synth.stderr).toContain('SVC050 spec.ports[0].nodePort: nodePort 30090 is already used by Service/default/first');
    expect(synth.status).not.toBe(0);
  });

  test('selects and exposes an imported k8s Deployment by its pod-template labels', () => {
    const tsc = app.compile('workloads.ts');
    expectQuietSuccess(tsc);
    const synth = app.synth('workloads.ts');
    expectQuietSuccess(synth, 'stderr');
    const services = app.manifests('dist-workloads').filter(m => m.kind === 'Service');
    expect(services.map(s => [s.metadata.name, s.spec.selector])).toEqual(expect.arrayContaining([
      ['nginx-selected', { app: 'nginx' }], ['nginx', { app: 'nginx' }], ['nginx-internal', { app: 'nginx' }],
    ]));
    expect(services).toHaveLength(3);
  });
});
