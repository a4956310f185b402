import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { packedTarball, expectQuietSuccess } from './consumer';
import { ROOT, run, tempDir } from './run';

jest.setTimeout(300_000);

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8'));

/** The last release of the cdk8s-plus-28 line. */
const CDK8S_PLUS_28 = '2.5.6';

/**
 * The package as users get it: packed with `npm pack` (once for all e2e suites), installed from
 * the tarball into a separate minimal cdk8s app on cdk8s-plus-28, imported with its types,
 * compiled strictly and synthesised.
 */
describe('the packed npm package', () => {
  const consumer = tempDir('cdk8s-traffic-plus-28-');
  let tarball: string;

  beforeAll(() => {
    tarball = packedTarball();

    fs.writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({
      name: 'consumer-app',
      private: true,
      dependencies: {
        'cdk8s-traffic': `file:${tarball}`,
        'cdk8s': pkg.devDependencies.cdk8s,
        'constructs': pkg.devDependencies.constructs,
        'cdk8s-plus-28': CDK8S_PLUS_28,
      },
    }, undefined, 2));
    const installed = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: consumer });
    expect(installed.stderr).not.toMatch(/npm (error|ERR!)/);
    expect(installed.status).toBe(0);
  });

  test('ships compiled code and type declarations only', () => {
    // bundled dependencies (package/node_modules/) are shipped as their authors publish them
    const files = run('tar', ['-tzf', tarball]).stdout.split('\n').filter(f => f && !f.startsWith('package/node_modules/'));
    expect(files).toContain('package/lib/index.js');
    expect(files).toContain('package/lib/index.d.ts');
    expect(files.filter(f => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter(f => /package\/(test|examples|src)\//.test(f))).toEqual([]);
  });

  test('is imported with its types, compiles strictly and synthesises', () => {
    fs.writeFileSync(path.join(consumer, 'main.ts'), [
      "import { App, Chart } from 'cdk8s';",
      "import * as kplus from 'cdk8s-plus-28';",
      "import { ClusterIpService, NodePortService, NodePortServicePort, ServiceSelector, TargetPort, validateManifests } from 'cdk8s-traffic';",
      "const app = new App({ outdir: 'dist' });",
      "const chart = new Chart(app, 'consumer');",
      "const port: NodePortServicePort = { port: 80, targetPort: TargetPort.number(8080), nodePort: 30080 };",
      "new NodePortService(chart, 'web', { metadata: { name: 'web' }, selector: ServiceSelector.fromLabels({ app: 'api' }), ports: [port] });",
      "const api = new kplus.Deployment(chart, 'api', { podMetadata: { labels: { app: 'api' } }, containers: [{ image: 'api:1', portNumber: 8080 }] });",
      "const svc: ClusterIpService = ClusterIpService.expose(api, { port: 80, targetPort: TargetPort.number(8080) });",
      "console.log(svc.dnsName);",
      "console.log(validateManifests(chart.toJson()).length);",
      "app.synth();",
      '',
    ].join('\n'));
    fs.writeFileSync(path.join(consumer, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'CommonJS', moduleResolution: 'bundler', strict: true, types: [], skipLibCheck: false, rootDir: '.', outDir: 'out' },
      files: ['main.ts'],
    }));
    const tsc = run('node', [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: consumer });
    expectQuietSuccess(tsc);

    const synth = run('node', ['out/main.js'], { cwd: consumer });
    expectQuietSuccess(synth, 'stderr');
    expect(synth.stdout).toMatch(/\.default\.svc\.cluster\.local\n0\n$/);
    const docs = parseAllDocuments(fs.readFileSync(path.join(consumer, 'dist', 'consumer.k8s.yaml'), 'utf-8')).map(d => d.toJS());
    const web = docs.find(d => d.kind === 'Service' && d.metadata.name === 'web');
    expect(web.spec).toEqual({ type: 'NodePort', selector: { app: 'api' }, ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] });
  });

  test('installs the cdk8s-traffic command, which validates the app\'s output', () => {
    const ok = run(path.join(consumer, 'node_modules', '.bin', 'cdk8s-traffic'), ['validate', 'dist'], { cwd: consumer });
    expect(ok.stderr).toMatch(/^checked 3 documents in 1 file \(1 skipped: unknown kind Deployment x1\): 0 errors, 0 warnings/);
    expect(ok.status).toBe(0);
    fs.writeFileSync(path.join(consumer, 'bad.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: bad\nspec:\n  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 99999\n');
    const bad = run(path.join(consumer, 'node_modules', '.bin', 'cdk8s-traffic'), ['validate', 'bad.yaml'], { cwd: consumer });
    expect(bad.stdout).toBe('bad.yaml:9:7: error SVC014 spec.ports[0].nodePort: nodePort 99999 is outside the node port range 30000-32767\n');
    expect(bad.status).toBe(1);
  });

  test('works as a cdk8s validation plugin from node_modules', () => {
    fs.writeFileSync(path.join(consumer, 'cdk8s.yaml'), [
      'language: typescript',
      'app: node plain.js',
      'validations:',
      '  - package: ./node_modules/cdk8s-traffic',
      `    version: ${pkg.version}`,
      '    class: TrafficValidation',
      '',
    ].join('\n'));
    fs.writeFileSync(path.join(consumer, 'plain.js'), [
      "const { App, Chart, ApiObject } = require('cdk8s');",
      "const app = new App();",
      "const chart = new Chart(app, 'plain');",
      "new ApiObject(chart, 'svc', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'plain' }, spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 99999 }] } });",
      'app.synth();',
      '',
    ].join('\n'));
    const cli = path.join(ROOT, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s');
    const result = run('node', [cli, 'synth', '--no-check-upgrade'], { cwd: consumer });
    expect(result.stdout + result.stderr).toContain('error SVC014 node-port-range');
    expect(result.stdout + result.stderr).toContain('Construct Path: plain/svc');
    expect(result.status).not.toBe(0);
  });

  test('declares cdk8s and constructs as its only peer dependencies (no cdk8s-plus)', () => {
    const installed = JSON.parse(fs.readFileSync(path.join(consumer, 'node_modules', 'cdk8s-traffic', 'package.json'), 'utf-8'));
    expect(Object.keys(installed.peerDependencies).sort()).toEqual(['cdk8s', 'constructs']);
    expect(Object.keys(installed.dependencies ?? {}).filter(name => /^(cdk8s|cdk8s-plus-\d+|constructs)$/.test(name))).toEqual([]);
  });
});
