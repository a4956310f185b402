import * as fs from 'fs';
import * as path from 'path';
import { ROOT, run, tempDir } from '../e2e/run';

jest.setTimeout(60_000);

const FIXTURES = 'test/cli/fixtures';

/** Runs the built CLI (`node lib/cli/main.js validate ...`) from the repository root. */
function validate(args: string[], input?: string): ReturnType<typeof run> {
  return run(process.execPath, ['lib/cli/main.js', 'validate', ...args], { input });
}

function fixture(name: string): string {
  return `${FIXTURES}/${name}`;
}

interface JsonReport {
  diagnostics: Array<{ file: string; line: number; column: number; severity: string; code: string; rule: string; path: string; resource: string; message: string; value?: unknown; upstream: string[] }>;
  summary: { files: number; documents: number; checked: number; skipped: number; skippedKinds: Record<string, number>; errors: number; warnings: number };
}

function json(args: string[], input?: string): { status: number | null; report: JsonReport; stderr: string } {
  const result = validate([...args, '--format', 'json'], input);
  return { status: result.status, report: JSON.parse(result.stdout) as JsonReport, stderr: result.stderr };
}

const VALID_SERVICE = [
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: web',
  'spec:',
  '  selector:',
  '    app: web',
  '  ports:',
  '  - port: 80',
  '',
].join('\n');

describe('cdk8s-traffic validate (as a process)', () => {
  describe('exit 0', () => {
    it('passes a folder of valid manifests, read recursively (.yaml and .yml)', () => {
      const result = validate([fixture('cluster')]);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe('checked 3 documents in 2 files: 0 errors, 0 warnings\n');
      expect(result.status).toBe(0);
    });

    it('passes with warnings only, and prints them', () => {
      const result = validate([fixture('warnings-only.yaml')]);
      expect(result.stdout).toBe(`${fixture('warnings-only.yaml')}:7:3: warning SVC042 spec.externalName: externalName "web.example.com" is ignored when type is not 'ExternalName' (this service is ClusterIP): set type: ExternalName or remove externalName\n`);
      expect(result.stderr).toBe('checked 1 document in 1 file: 0 errors, 1 warning\n');
      expect(result.status).toBe(0);
    });

    it("warns that the reference's two VirtualServices route the same host for the mesh", () => {
      const seed = path.join(ROOT, 'test', 'fixtures', 'foo-virtualservices.yaml');
      const result = validate([seed]);
      const advice = 'for the mesh (sidecars): sidecars get the routes of only one VirtualService per host and ignore the other\'s; merge them into one VirtualService, or route the paths of one through a delegate';
      expect(result.stdout).toBe(
        `${seed}:8:5: warning XR004 spec.hosts[0]: host "foo" is also routed by VirtualService/default/foo-delay-virtualservice ${advice}\n`
        + `${seed}:23:5: warning XR004 spec.hosts[0]: host "foo" is also routed by VirtualService/default/foo-retry-virtualservice ${advice}\n`);
      expect(result.status).toBe(0);
    });

    it('skips Helm-style empty documents and counts unknown kinds as skipped', () => {
      const result = validate([fixture('helm-output.yaml')]);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe('checked 3 documents in 1 file (2 skipped: unknown kinds ConfigMap x1, Deployment x1): 0 errors, 0 warnings\n');
      expect(result.status).toBe(0);
    });

    it('reads standard input for -', () => {
      const result = validate(['-'], VALID_SERVICE);
      expect(result.stderr).toBe('checked 1 document in 1 file: 0 errors, 0 warnings\n');
      expect(result.status).toBe(0);
    });

    it('prints nothing with --quiet when there is only a warning', () => {
      const result = validate(['--quiet', fixture('warnings-only.yaml')]);
      expect(result).toEqual({ status: 0, stdout: '', stderr: '' });
    });
  });

  describe('exit 1', () => {
    it('errors when two files use the same nodePort (a set rule across files)', () => {
      const result = validate([fixture('conflict')]);
      expect(result.stdout).toBe(`${fixture('conflict/shop.yaml')}:13:5: error SVC050 spec.ports[0].nodePort: nodePort 30080 is already used by Service/backoffice/admin at spec.ports[0].nodePort: node ports are allocated cluster-wide, whatever the namespace or protocol\n`);
      expect(result.stderr).toBe('checked 2 documents in 2 files: 1 error, 0 warnings\n');
      expect(result.status).toBe(1);
    });

    it('errors when a nodePort is outside --node-port-range, and not when inside', () => {
      const outside = validate([fixture('positions.yaml'), '--node-port-range', '30000-32767']);
      expect(outside.stdout).toContain('positions.yaml:27:5: error SVC014 spec.ports[1].nodePort: nodePort 40000 is outside the node port range 30000-32767');
      expect(outside.status).toBe(1);
      const inside = validate([fixture('positions.yaml'), '--node-port-range', '30000-45000']);
      expect(inside.stdout).not.toContain('SVC014');
    });

    it('points each diagnostic at the line and column of the offending field, in the right document', () => {
      const { report } = json([fixture('positions.yaml')]);
      expect(report.diagnostics.map(d => [d.code, d.path, d.line, d.column])).toEqual([
        ['MET005', 'metadata.labels["Bad Key"]', 17, 5],
        ['SVC014', 'spec.ports[1].nodePort', 27, 5],
      ]);
    });

    it('errors when label values are YAML 1.1 booleans or octal numbers (yes, on, 0755), as Kubernetes reads them', () => {
      const result = validate([fixture('yaml11-values.yaml')]);
      const lines = result.stdout.trim().split('\n');
      expect(lines).toEqual([
        expect.stringMatching(/^test\/cli\/fixtures\/yaml11-values\.yaml:8:5: error MET006 metadata\.labels\["enabled"\]: label "enabled" value must be a string, got the boolean true: quote it/),
        expect.stringMatching(/:9:5: error MET006 metadata\.labels\["canary"\]: label "canary" value must be a string, got the boolean true/),
        expect.stringMatching(/:10:5: error MET006 metadata\.labels\["build"\]: label "build" value must be a string, got the number 493/),
      ]);
      // port: 0x50 and port: 1_000 are ints in YAML 1.1, so the ports raise nothing
      expect(result.stdout).not.toContain('spec.ports');
      expect(result.status).toBe(1);
    });

    it('expands a kubectl List and points into its items', () => {
      const result = validate([fixture('kubectl-list.yaml')]);
      expect(result.stdout).toBe(`${fixture('kubectl-list.yaml')}:24:7: error SVC014 spec.ports[0].nodePort: nodePort 99999 is outside the node port range 30000-32767\n`);
      expect(result.stderr).toBe('checked 2 documents in 1 file: 1 error, 0 warnings\n');
      expect(result.status).toBe(1);
    });

    it('names <stdin> in diagnostics from standard input', () => {
      const result = validate(['-'], VALID_SERVICE.replace('port: 80', 'port: 70000'));
      expect(result.stdout).toMatch(/^<stdin>:9:5: error SVC\d+ spec\.ports\[0\]\.port: /);
      expect(result.status).toBe(1);
    });

    it('validates files and standard input together, in the order given', () => {
      const result = validate([fixture('conflict/shop.yaml'), '-'], fs.readFileSync(fixture('conflict/admin.yaml'), 'utf-8'));
      expect(result.stdout).toMatch(/^<stdin>:13:5: error SVC050 .*already used by Service\/retail\/shop/);
      expect(result.stderr).toBe('checked 2 documents in 2 files: 1 error, 0 warnings\n');
    });

    it('prints errors only with --quiet', () => {
      const dir = tempDir('cdk8s-traffic-quiet-');
      fs.copyFileSync(fixture('warnings-only.yaml'), path.join(dir, 'a.yaml'));
      fs.copyFileSync(fixture('kubectl-list.yaml'), path.join(dir, 'b.yaml'));
      const result = validate(['-q', dir]);
      expect(result.stdout.trim().split('\n')).toEqual([expect.stringMatching(/b\.yaml:24:7: error SVC014 /)]);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(1);
    });
  });

  describe('--format json', () => {
    it('prints one object with located diagnostics and a summary', () => {
      const { status, report, stderr } = json([fixture('kubectl-list.yaml'), fixture('helm-output.yaml'), fixture('warnings-only.yaml')]);
      expect(status).toBe(1);
      expect(stderr).toBe('');
      expect(report).toEqual({
        diagnostics: [
          {
            file: fixture('kubectl-list.yaml'), line: 24, column: 7, severity: 'error', code: 'SVC014', rule: 'node-port-range',
            path: 'spec.ports[0].nodePort', resource: 'Service/shop/broken',
            message: 'nodePort 99999 is outside the node port range 30000-32767', value: 99999, upstream: [],
          },
          expect.objectContaining({ file: fixture('warnings-only.yaml'), line: 7, column: 3, severity: 'warning', code: 'SVC042', path: 'spec.externalName', value: 'web.example.com' }),
        ],
        summary: { files: 3, documents: 6, checked: 4, skipped: 2, skippedKinds: { ConfigMap: 1, Deployment: 1 }, errors: 1, warnings: 1 },
      });
    });

    it('leaves warnings out with --quiet but counts them in the summary', () => {
      const { report } = json(['--quiet', fixture('warnings-only.yaml')]);
      expect(report).toEqual({ diagnostics: [], summary: expect.objectContaining({ errors: 0, warnings: 1 }) });
    });
  });

  describe('exit 2: input that cannot be read', () => {
    it.each([
      ['malformed YAML', 'malformed.yaml', 'malformed.yaml:5:3: invalid YAML: bad indentation of a mapping entry'],
      ['a duplicate key', 'duplicate-key.yaml', 'duplicate-key.yaml:10:5: invalid YAML: duplicate key "port" in a mapping (Kubernetes refuses duplicate keys)'],
      ['an empty file', 'empty.yaml', 'empty.yaml: the input is empty: expected YAML documents with Kubernetes objects'],
      ['a document that is not a mapping', 'not-a-mapping.yaml', 'not-a-mapping.yaml:11:1: expected a mapping (a Kubernetes object with apiVersion and kind), got a list'],
      ['a missing file', 'no-such-file.yaml', 'no-such-file.yaml: no such file or folder'],
    ])('errors on %s, naming the file and line, and still checks the other inputs', (_what, name, expected) => {
      const result = validate([fixture('cluster'), fixture(name)]);
      expect(result.stderr).toBe(`error: ${FIXTURES}/${expected}\nchecked 3 documents in 2 files: 0 errors, 0 warnings; 1 input could not be read\n`);
      expect(result.stdout).toBe('');
      expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(result.status).toBe(2);
    });

    it('reports an input error as JSON too when --format json is asked for', () => {
      const result = validate([fixture('not-a-mapping.yaml'), '--format', 'json']);
      const error = { file: fixture('not-a-mapping.yaml'), line: 11, column: 1, message: 'expected a mapping (a Kubernetes object with apiVersion and kind), got a list' };
      expect(JSON.parse(result.stdout)).toEqual({
        error,
        errors: [error],
        diagnostics: [],
        summary: { files: 0, documents: 0, checked: 0, skipped: 0, skippedKinds: {}, errors: 0, warnings: 0 },
      });
      expect(result.status).toBe(2);
    });

    it('errors on a folder without YAML files', () => {
      const dir = tempDir('cdk8s-traffic-empty-');
      fs.writeFileSync(path.join(dir, 'notes.md'), '# not yaml');
      fs.mkdirSync(path.join(dir, '.git'));
      fs.writeFileSync(path.join(dir, '.git', 'config.yaml'), 'a: 1');
      const result = validate([dir]);
      expect(result.stderr).toBe(`error: ${dir}: no .yaml or .yml files in this folder (hidden folders and node_modules are skipped)\n`
        + 'checked 0 documents in 0 files: 0 errors, 0 warnings; 1 input could not be read\n');
      expect(result.status).toBe(2);
    });

    it('errors on malformed YAML from standard input', () => {
      const result = validate(['-'], 'kind: Service\nmetadata: {name: [\n');
      expect(result.stderr).toMatch(/^error: <stdin>:3:1: invalid YAML: /);
      expect(result.status).toBe(2);
    });

    it('errors on an invalid --node-port-range', () => {
      const result = validate([fixture('cluster'), '--node-port-range', '30000-99999']);
      expect(result.stderr).toContain('node port range max 99999 must be a whole number between 1 and 65535');
      expect(result.status).toBe(2);
    });

    it('errors on an invalid --format or a missing path', () => {
      expect(validate([fixture('cluster'), '--format', 'xml']).status).toBe(2);
      expect(validate([]).status).toBe(2);
    });
  });

  it('skips hidden folders and node_modules inside a folder', () => {
    const dir = tempDir('cdk8s-traffic-tree-');
    fs.mkdirSync(path.join(dir, 'apps', 'shop'), { recursive: true });
    fs.mkdirSync(path.join(dir, '.github'));
    fs.mkdirSync(path.join(dir, 'node_modules', 'pkg'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'apps', 'shop', 'service.yml'), VALID_SERVICE);
    fs.writeFileSync(path.join(dir, '.github', 'workflow.yaml'), 'on: [push]\njobs: {');
    fs.writeFileSync(path.join(dir, 'node_modules', 'pkg', 'broken.yaml'), ': : :');
    const result = validate([dir]);
    expect(result.stderr).toBe('checked 1 document in 1 file: 0 errors, 0 warnings\n');
    expect(result.status).toBe(0);
  });
});
