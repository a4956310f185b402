import * as fs from 'fs';
import * as path from 'path';
import { ConsumerApp, manifestNamed, expectQuietSuccess } from './consumer';
import { ROOT } from './run';

jest.setTimeout(300_000);

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8'));

/** The newest cdk8s-plus line, which this package must not tie to an older one. */
const CDK8S_PLUS_33 = '2.5.57';

describe('an app on cdk8s-plus-33', () => {
  const app = new ConsumerApp('plus-33', {
    'cdk8s': pkg.devDependencies.cdk8s,
    'constructs': pkg.devDependencies.constructs,
    'cdk8s-plus-33': CDK8S_PLUS_33,
  }, {
    'main.ts': [
      "import { App, Chart } from 'cdk8s';",
      "import * as kplus from 'cdk8s-plus-33';",
      'import {',
      '  Canary, ClusterIpService, Destination, Gateway, Host, NodePortService, Server, ServerHost, ServerTls, ServiceSelector, Severity,',
      '  TargetPort, validateManifests, VirtualService,',
      "} from 'cdk8s-traffic';",
      '',
      'const app = new App();',
      "const chart = new Chart(app, 'plus33');",
      "const web = new kplus.Deployment(chart, 'web', {",
      "  metadata: { name: 'web' },",
      "  podMetadata: { labels: { app: 'web' } },",
      "  containers: [{ image: 'nginx:1.27', portNumber: 8080 }],",
      '});',
      "new ClusterIpService(chart, 'web-internal', { metadata: { name: 'web-internal' }, selector: ServiceSelector.fromWorkload(web), ports: [{ port: 80, targetPort: TargetPort.number(8080) }] });",
      'const exposed: NodePortService = NodePortService.expose(web, { port: 80, targetPort: TargetPort.number(8080), nodePort: 30080 });',
      '// no labels of the user: selected by the selector cdk8s-plus generates',
      "const worker = new kplus.Deployment(chart, 'worker', { metadata: { name: 'worker' }, containers: [{ image: 'worker:1', portNumber: 9000 }] });",
      "new ClusterIpService(chart, 'worker-svc', { metadata: { name: 'worker' }, selector: ServiceSelector.fromWorkload(worker), ports: [{ port: 9000 }] });",
      '// a canary between two versions of api, and the public entry through a Gateway',
      "const [apiV1, apiV2] = ['v1', 'v2'].map(version => new kplus.Deployment(chart, `api-${version}`, {",
      "  metadata: { name: `api-${version}` },",
      "  podMetadata: { labels: { app: 'api', version } },",
      "  containers: [{ image: `api:${version}`, portNumber: 8080 }],",
      '}));',
      "const api = new ClusterIpService(chart, 'api', { metadata: { name: 'api' }, selector: ServiceSelector.fromLabels({ app: 'api' }), ports: [{ name: 'http', port: 80, targetPort: TargetPort.number(8080) }] });",
      "const canary = new Canary(chart, 'api-canary', { service: api, stable: apiV1, canary: apiV2, canaryWeight: 20 });",
      "const hosts = [ServerHost.of('api.example.com')];",
      "const gateway = new Gateway(chart, 'public', { metadata: { name: 'public' }, servers: [Server.https({ hosts, tls: ServerTls.simple({ credentialName: 'api-cert' }) })] });",
      "new VirtualService(chart, 'api-public', {",
      "  metadata: { name: 'api-public' }, hosts: [Host.of('api.example.com')], gateways: [gateway],",
      '  http: [{ route: [{ destination: Destination.service(api, { subset: canary.stableSubset }) }] }],',
      '});',
      'console.log(exposed.dnsName);',
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

  test('installs cdk8s-plus-33 only: no second cdk8s-plus, no second cdk8s', () => {
    expect(app.installedVersion('cdk8s-plus-33')).toBe(CDK8S_PLUS_33);
    expect(fs.existsSync(app.path('node_modules', 'cdk8s-plus-28'))).toBe(false);
    expect(app.installedCopies(/^cdk8s-plus-/)).toEqual(['node_modules/cdk8s-plus-33']);
    expect(app.installedCopies(/^cdk8s$/)).toEqual(['node_modules/cdk8s']);
  });

  test('compiles strictly against the library and cdk8s-plus-33 declarations', () => {
    const tsc = app.compile();
    expectQuietSuccess(tsc);
  });

  test('synthesises Services that select the Deployments by their pod-template labels', () => {
    const synth = app.synth();
    expectQuietSuccess(synth, 'stderr');
    expect(synth.stdout).toBe('web.default.svc.cluster.local\n0\n');

    const manifests = app.manifests();
    const web = manifestNamed(manifests, 'Deployment', 'web');
    expect(web.spec.template.metadata.labels).toMatchObject({ app: 'web' });
    expect(manifestNamed(manifests, 'Service', 'web-internal').spec).toEqual({
      selector: { app: 'web' },
      ports: [{ port: 80, targetPort: 8080 }],
    });
    const exposed = manifestNamed(manifests, 'Service', 'web');
    expect(exposed.spec.type).toBe('NodePort');
    expect(exposed.spec.selector).toEqual({ app: 'web' });
    expect(exposed.spec.ports).toEqual([expect.objectContaining({ port: 80, targetPort: 8080, nodePort: 30080 })]);

    const worker = manifestNamed(manifests, 'Deployment', 'worker');
    const workerService = manifestNamed(manifests, 'Service', 'worker');
    expect(Object.keys(worker.spec.selector.matchLabels).length).toBeGreaterThan(0);
    expect(workerService.spec.selector).toEqual(worker.spec.selector.matchLabels);
    expect(worker.spec.template.metadata.labels).toMatchObject(workerService.spec.selector);
  });

  test('writes the canary and the gateway with the Istio constructs', () => {
    const manifests = app.manifests();
    expect(manifestNamed(manifests, 'DestinationRule', 'api').spec).toEqual({
      host: 'api.default.svc.cluster.local',
      subsets: [{ name: 'stable', labels: { version: 'v1' } }, { name: 'canary', labels: { version: 'v2' } }],
    });
    expect(manifestNamed(manifests, 'VirtualService', 'api').spec.http[0].route.map((r: any) => [r.destination.subset, r.weight]))
      .toEqual([['stable', 80], ['canary', 20]]);
    expect(manifestNamed(manifests, 'VirtualService', 'api-public').spec.gateways).toEqual(['default/public']);
    expect(manifestNamed(manifests, 'Gateway', 'public').spec.selector).toEqual({ istio: 'ingressgateway' });
  });

  test("passes the installed cdk8s-traffic command's validation", () => {
    const validated = app.cli('validate', 'dist/');
    expect(validated.stdout).toBe('');
    expect(validated.stderr).toMatch(/: 0 errors, 0 warnings/);
    expect(validated.status).toBe(0);
  });
});
