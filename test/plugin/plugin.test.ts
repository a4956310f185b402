import * as fs from 'fs';
import * as path from 'path';
import { ROOT, run, tempDir } from '../e2e/run';

jest.setTimeout(240_000);

const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8')).version;

/**
 * A plain cdk8s app (cdk8s-plus-28 Service, raw ApiObjects; none of this library's
 * constructs) with the plugin listed in its cdk8s.yaml, synthesised by the real cdk8s CLI.
 */
function appWith(body: string, properties = ''): string {
  const dir = tempDir('cdk8s-traffic-plugin-');
  fs.writeFileSync(path.join(dir, 'cdk8s.yaml'), [
    'language: typescript',
    'app: node app.js',
    'validations:',
    `  - package: ${ROOT}`,
    `    version: ${version}`,
    '    class: TrafficValidation',
    properties,
    '',
  ].join('\n'));
  fs.writeFileSync(path.join(dir, 'app.js'), [
    "const { App, Chart, ApiObject } = require('cdk8s');",
    "const kplus = require('cdk8s-plus-28');",
    "const app = new App();",
    "const chart = new Chart(app, 'shop');",
    body,
    'app.synth();',
    '',
  ].join('\n'));
  return dir;
}

function synth(dir: string) {
  const cli = path.join(ROOT, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s');
  const result = run('node', [cli, 'synth', '--no-check-upgrade'], { cwd: dir, env: { NODE_PATH: path.join(ROOT, 'node_modules') } });
  return { ...result, output: result.stdout + result.stderr };
}

describe('the cdk8s validation plugin', () => {
  test('fails cdk8s synth on errors in objects this library did not write, naming construct paths', () => {
    const dir = appWith(`
      new kplus.Service(chart, 'web', { type: kplus.ServiceType.NODE_PORT, selector: kplus.Pods.select(chart, 'pods', { labels: { app: 'web' } }), ports: [{ port: 80, nodePort: 99999 }] });
      new ApiObject(chart, 'routes', { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'web' },
        spec: { hosts: ['web'], http: [{ route: [{ destination: { host: 'web' } }], retries: { attempts: -1 } }] } });
    `);
    const result = synth(dir);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('error SVC014 node-port-range');
    expect(result.output).toContain('nodePort 99999 is outside the node port range 30000-32767');
    expect(result.output).toContain('Construct Path: shop/web');
    expect(result.output).toContain('error VS049 retry-attempts');
    expect(result.output).toContain('Construct Path: shop/routes');
  });

  test('passes a valid app, and takes the node port range from its properties', () => {
    const dir = appWith(`
      new kplus.Service(chart, 'web', { type: kplus.ServiceType.NODE_PORT, selector: kplus.Pods.select(chart, 'pods', { labels: { app: 'web' } }), ports: [{ port: 80, nodePort: 20080 }] });
    `, '    properties:\n      nodePortRange: 20000-22767');
    const result = synth(dir);
    expect(result.output).not.toContain('SVC014');
    expect(result.status).toBe(0);
  });

  test('reports warnings without failing', () => {
    const dir = appWith(`
      new ApiObject(chart, 'routes', { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'web' },
        spec: { hosts: ['web'], http: [{ route: [{ destination: { host: 'web', subset: 'a' }, weight: 90 }, { destination: { host: 'web', subset: 'b' }, weight: 20 }] }] } });
    `);
    const result = synth(dir);
    expect(result.status).toBe(0);
    expect(result.output).toContain('warning VS082 weights-not-100');
  });
});
