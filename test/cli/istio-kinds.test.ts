/**
 * `validate` and `describe` over DestinationRules, Gateways and ServiceEntries in each served
 * version of networking.istio.io (v1, v1beta1, v1alpha3), run in process.
 */
import * as fs from 'fs';
import { runDescribe } from '../../src/cli/describe-command';
import { ValidateOptions, runValidate } from '../../src/cli/validate-command';
import { ruleCatalogue } from '../../src/validation/engine';
import { NodePortRange } from '../../src/validation/node-port-range';

const CLEAN = 'test/cli/fixtures/istio-kinds/clean.yaml';
const ERRORS = 'test/cli/fixtures/istio-kinds/errors.yaml';

const OPTIONS: ValidateOptions = { format: 'text', nodePortRange: NodePortRange.DEFAULT, clusterDomain: 'cluster.local' };

interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

function validate(paths: string[], options: Partial<ValidateOptions> = {}, stdin?: string): Run {
  let stdout = '';
  let stderr = '';
  const status = runValidate(paths, { ...OPTIONS, ...options }, {
    readStdin: () => stdin ?? '',
    stdout: text => { stdout += text; },
    stderr: text => { stderr += text; },
  });
  return { status, stdout, stderr };
}

function describeCli(paths: string[], options: { format?: 'text' | 'json'; graph?: 'mermaid' } = {}, stdin?: string): Run {
  let stdout = '';
  let stderr = '';
  const status = runDescribe(paths, { format: options.format ?? 'text', graph: options.graph, clusterDomain: 'cluster.local' }, {
    readStdin: () => stdin ?? '',
    stdout: text => { stdout += text; },
    stderr: text => { stderr += text; },
  });
  return { status, stdout, stderr };
}

interface JsonDiagnostic {
  file: string; line: number; column: number; severity: string; code: string; rule: string;
  path: string; resource: string; message: string; value?: unknown; upstream: string[];
}

function jsonReport(paths: string[], stdin?: string): { status: number; diagnostics: JsonDiagnostic[]; summary: Record<string, unknown> } {
  const run = validate(paths, { format: 'json' }, stdin);
  const report = JSON.parse(run.stdout) as { diagnostics: JsonDiagnostic[]; summary: Record<string, unknown> };
  return { status: run.status, ...report };
}

const VERSIONS = ['v1', 'v1beta1', 'v1alpha3'];
const KINDS = ['DestinationRule', 'Gateway', 'ServiceEntry'];

describe('validate: DestinationRule, Gateway and ServiceEntry', () => {
  it('the fixtures hold each kind in each served version', () => {
    for (const file of [CLEAN, ERRORS]) {
      const text = fs.readFileSync(file, 'utf-8');
      for (const version of VERSIONS) {
        for (const kind of KINDS) {
          expect(text).toMatch(new RegExp(`apiVersion: networking\\.istio\\.io/${version}\\nkind: ${kind}\\n`));
        }
      }
    }
  });

  it('passes the clean set, and checks every Istio object (only the Deployments are skipped)', () => {
    const run = validate([CLEAN]);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('checked 15 documents in 1 file (3 skipped: unknown kinds Deployment x3): 0 errors, 0 warnings\n');
    expect(run.status).toBe(0);
  });

  it('errors on a webhook error in each kind and version (exit 1), pointing at the field', () => {
    const { status, diagnostics, summary } = jsonReport([ERRORS]);
    expect(status).toBe(1);
    expect(summary).toMatchObject({ documents: 9, checked: 9, skipped: 0 });
    const errors = diagnostics.filter(d => d.severity === 'error');
    expect(errors.map(d => [d.code, d.resource, d.path, d.line])).toEqual(expect.arrayContaining([
      ['DR003', 'DestinationRule/bookinfo/reviews', 'spec.subsets[1].name', 12],
      ['DR022', 'DestinationRule/bookinfo/ratings', 'spec.trafficPolicy.outlierDetection.maxEjectionPercent', 24],
      ['DR001', 'DestinationRule/bookinfo/by-address', 'spec.host', 32],
      ['GW012', 'Gateway/istio-ingress/public', 'spec.servers[0].tls', 43],
      ['GW004', 'Gateway/istio-ingress/no-hosts', 'spec.servers[0].hosts', 56],
      ['GW002', 'Gateway/istio-ingress/same-port-names', 'spec.servers[1].port.name', 69],
      ['SE010', 'ServiceEntry/bookinfo/payments', 'spec.ports[1].number', 82],
      ['SE001', 'ServiceEntry/bookinfo/no-hosts', 'spec.hosts', 90],
      ['SE019', 'ServiceEntry/bookinfo/static-without-endpoints', 'spec.endpoints', 105],
    ]));
    // every document, whatever its version, was checked and has an error
    expect(new Set(errors.map(d => d.resource)).size).toBe(9);
    expect(errors.find(d => d.code === 'DR022')?.message).toContain('150');
    expect(errors.find(d => d.code === 'GW002')?.message).toContain('"web"');
  });

  it('prints the errors as file:line:column lines', () => {
    const run = validate([ERRORS]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`${ERRORS}:12:5: error DR003 spec.subsets[1].name: `);
    expect(run.stdout).toContain(`${ERRORS}:90:3: error SE001 spec.hosts: `);
    expect(run.stderr).toMatch(/^checked 9 documents in 1 file: \d+ errors, \d+ warnings?\n$/);
  });

  it('reads an unserved version as an unknown kind, not as the Istio kind', () => {
    const run = validate(['-'], {}, 'apiVersion: networking.istio.io/v2\nkind: Gateway\nmetadata: {name: g}\nspec: {}\n');
    expect(run.stderr).toBe('checked 1 document in 1 file (1 skipped: unknown kind networking.istio.io/v2/Gateway x1): 0 errors, 0 warnings\n');
    expect(run.status).toBe(0);
  });
});

describe('validate --format json: upstream codes', () => {
  const upstream = new Map(ruleCatalogue().map(rule => [rule.code, rule.upstream]));

  it("gives each diagnostic its rule's upstream codes from the catalogue", () => {
    const { diagnostics } = jsonReport([ERRORS]);
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) expect(d.upstream).toEqual(upstream.get(d.code) ?? []);
    expect(diagnostics.find(d => d.code === 'DR003')?.upstream).toEqual(['IST0106']);
    expect(diagnostics.find(d => d.code === 'GW004')?.upstream).toEqual(['IST0106']);
  });

  it('gives an empty list for a rule without upstream codes, and keeps the other fields', () => {
    const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: NodePort\n  ports:\n  - name: http\n    port: 80\n    nodePort: 99999\n';
    const { diagnostics } = jsonReport(['-'], service);
    expect(diagnostics).toEqual([{
      file: '<stdin>', line: 9, column: 5, severity: 'error', code: 'SVC014', rule: 'node-port-range',
      path: 'spec.ports[0].nodePort', resource: 'Service/default/web',
      message: 'nodePort 99999 is outside the node port range 30000-32767', value: 99999, upstream: [],
    }]);
  });
});

describe('describe: DestinationRule, Gateway and ServiceEntry', () => {
  it('lists each kind in each version in the text report', () => {
    const run = describeCli([CLEAN]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    for (const heading of ['Gateway istio-ingress/public', 'Gateway istio-ingress/public-http', 'Gateway istio-ingress/public-legacy',
      'DestinationRule bookinfo/reviews', 'DestinationRule bookinfo/payments', 'DestinationRule bookinfo/ledger']) {
      expect(run.stdout).toContain(`${heading}\n`);
    }
    const ledger = run.stdout.split('\n').map(line => line.split(/ {3,}/)).find(cells => cells[1] === 'ledger');
    expect(ledger).toEqual(['bookinfo', 'ledger', 'ledger.internal.example.com', '10.20.0.10', '8080/HTTP', 'MESH_INTERNAL', 'STATIC', '2 endpoints']);
    expect(run.stdout).toContain('Host:      reviews -> Service bookinfo/reviews\n');
    expect(run.stdout).toContain('Host:      api.payments.example.com -> ServiceEntry bookinfo/payments\n');
    expect(run.stdout).toMatchSnapshot();
  });

  it('--format json has serviceEntries, gateways and destinationRules', () => {
    const run = describeCli([CLEAN], { format: 'json' });
    const json = JSON.parse(run.stdout);
    expect(json.serviceEntries.map((e: { name: string }) => e.name)).toEqual(['audit', 'ledger', 'payments']);
    expect(json.gateways.map((g: { name: string }) => g.name)).toEqual(['public', 'public-http', 'public-legacy']);
    expect(json.destinationRules.find((r: { name: string }) => r.name === 'reviews')).toMatchObject({
      host: 'reviews',
      target: { kind: 'Service', namespace: 'bookinfo', name: 'reviews' },
      subsets: [{ name: 'v1', labels: 'version=v1', workloads: 1 }, { name: 'v2', labels: 'version=v2', workloads: 1 }],
    });
  });

  it('--graph mermaid draws gateway -> VirtualService -> subset -> workload', () => {
    const run = describeCli([CLEAN], { graph: 'mermaid' });
    expect(run.stdout).toContain('  gw_istio_ingress_public --> vs_bookinfo_reviews\n');
    expect(run.stdout).toContain('  vs_bookinfo_reviews -->|"canary: *, subset v1, port 9080, 90%"| sub_bookinfo_reviews_v1\n');
    expect(run.stdout).toContain('  svc_bookinfo_reviews -.-> sub_bookinfo_reviews_v1\n');
    expect(run.stdout).toContain('  sub_bookinfo_reviews_v1 ==> wl_bookinfo_reviews_v1_Deployment\n');
  });

  it('describes a set with only a Gateway', () => {
    const run = describeCli(['-'], {}, 'apiVersion: networking.istio.io/v1alpha3\nkind: Gateway\nmetadata: {name: g, namespace: edge}\nspec: {servers: [{port: {number: 80, protocol: HTTP, name: http}, hosts: ["*"]}]}\n');
    expect(run.stdout).toBe([
      'Gateway edge/g',
      'Selector:  <none>',
      'PORT   PROTOCOL   NAME   HOSTS   TLS',
      '80     HTTP       http   *       -',
      '',
    ].join('\n'));
    expect(run.stderr).toBe('');
  });

  it('still says so when there is nothing to describe', () => {
    const run = describeCli(['-'], {}, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n');
    expect(run).toEqual({ status: 0, stdout: '', stderr: 'no Services or VirtualServices in the input\n' });
  });
});
