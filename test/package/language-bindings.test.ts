/**
 * The Python and Go bindings jsii-pacmak generates from the built assembly (.jsii, from the
 * jsii build in the global setup): the names Python and Go users need exist, spelled the way
 * those languages spell them, and every name the README's Python and Go examples use is in the
 * generated API. No Python or Go toolchain is needed: only the sources are generated.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
let outdir: string;
/** The Python module's code, without its docstring (which holds the README). */
let python: string;
/** Every Go source file of the package, concatenated. */
let go: string;

beforeAll(() => {
  outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-traffic-bindings-'));
  const result = spawnSync(process.execPath, [
    path.join(root, 'node_modules', 'jsii-pacmak', 'bin', 'jsii-pacmak'),
    '--code-only', '--targets', 'python', 'go', '-o', outdir,
  ], {
    cwd: root,
    encoding: 'utf-8',
    env: { ...process.env, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: process.versions.node.split('.')[0], JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1' },
  });
  if (result.status !== 0) throw new Error(`jsii-pacmak failed:\n${result.stdout}${result.stderr}`);
  const init = fs.readFileSync(path.join(outdir, 'python', 'src', 'cdk8s_traffic', '__init__.py'), 'utf-8');
  python = init.slice(init.indexOf('\nfrom __future__ import annotations'));
  const goDir = path.join(outdir, 'go', 'cdk8straffic');
  go = fs.readdirSync(goDir).filter(f => f.endsWith('.go')).map(f => fs.readFileSync(path.join(goDir, f), 'utf-8')).join('\n');
}, 180_000);

afterAll(() => {
  if (outdir) fs.rmSync(outdir, { recursive: true, force: true });
});

/** The code blocks of one language in the README's "Other languages" section. */
function readmeBlocks(language: string): string[] {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf-8');
  const start = readme.indexOf('\n## Other languages');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  return [...section.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map(m => m[1]);
}

describe('Python', () => {
  test.each([
    'ClusterIpService', 'HeadlessService', 'NodePortService', 'LoadBalancerService', 'ExternalNameService', 'EndpointSlice',
    'ServiceSelector', 'TargetPort', 'VirtualService', 'Destination', 'Host', 'Retry', 'Fault', 'Percent', 'StringMatch',
    'Validation', 'ContextKeys',
  ])('has the class %s', name => {
    expect(python).toMatch(new RegExp(`\\nclass ${name}\\(`));
  });

  test.each([
    'from_labels', 'from_workload', 'validate_manifests', 'rule_catalogue', 'format_diagnostic', 'on_failure',
    'on_gateway_errors', 'add_selector', 'add_http_route', 'delay_and_abort',
  ])('has the method %s', name => {
    expect(python).toMatch(new RegExp(`\\n\\s+def ${name}\\(`));
  });

  test.each(['node_port', 'target_port', 'per_try_timeout', 'api_version', 'external_traffic_policy', 'session_affinity', 'cluster_domain'])(
    'has the keyword argument %s', name => {
      expect(python).toMatch(new RegExp(`\\n\\s+${name}: `));
    });

  test.each(['NODE_PORT_RANGE', 'CLUSTER_DOMAIN', 'VALIDATION', 'MESH_GATEWAY'])('has the constant %s', name => {
    expect(python).toMatch(new RegExp(`\\n\\s+def ${name}\\(cls\\)`));
  });

  test('spells no method or argument in camelCase', () => {
    expect(python.match(/\n\s+def [a-z]+[A-Z]\w*\(/g)).toBeNull();
    expect(python.match(/\n\s+[a-z]+[A-Z]\w*: typing/g)).toBeNull();
  });

  test('every name the README example imports or calls is in the module', () => {
    const [example] = readmeBlocks('python');
    expect(example).toBeDefined();
    const imported = /from cdk8s_traffic import \(([^)]*)\)/.exec(example)?.[1].split(',').map(s => s.trim()).filter(Boolean) ?? [];
    expect(imported.length).toBeGreaterThan(5);
    for (const name of imported) expect(python).toMatch(new RegExp(`\\nclass ${name}\\b`));
    for (const [, owner, method] of example.matchAll(/\b([A-Z]\w+)\.([a-z_]+)\(/g)) {
      if (imported.includes(owner)) expect(python).toMatch(new RegExp(`\\n\\s+def ${method}\\(`));
    }
    for (const [, keyword] of example.matchAll(/\b([a-z_]+)=/g)) expect(python).toMatch(new RegExp(`\\n\\s+${keyword}: `));
  });
});

describe('Go', () => {
  test.each([
    'func NewNodePortService(', 'func NewVirtualService(', 'func ServiceSelector_FromLabels(', 'func ServiceSelector_FromWorkload(',
    'func TargetPort_Number(', 'func Retry_OnFailure(', 'func Validation_ValidateManifests(', 'func ContextKeys_NODE_PORT_RANGE(',
    'type NodePortServiceProps struct', 'type HttpRoute struct',
  ])('has %s', declaration => {
    expect(go).toContain(declaration);
  });

  test('every cdk8straffic name and struct field the README example uses is in the package', () => {
    const [example] = readmeBlocks('go');
    expect(example).toBeDefined();
    const names = [...example.matchAll(/cdk8straffic\.(\w+)/g)].map(m => m[1]);
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) {
      expect(go).toMatch(new RegExp(`\\n(func ${name}\\(|type ${name} |\\t${name} \\w+ = )`));
    }
    for (const [, field] of example.matchAll(/\n\s*(?:\w+: .*?, )?([A-Z]\w*):\s/g)) {
      expect(go).toMatch(new RegExp(`\\n\\t${field} [*\\[\\]\\w.]+ \`field:`));
    }
  });
});
