import * as fs from 'fs';
import * as path from 'path';
import { parse, parseAllDocuments } from 'yaml';
import { Severity, validateManifests } from '../../src';
import { readManifests, ROOT, run, tempDir } from './run';

jest.setTimeout(240_000);

describe('cdk8s synth of the examples (as a process)', () => {
  const outdir = tempDir('cdk8s-traffic-synth-');
  let result: ReturnType<typeof run>;

  beforeAll(() => {
    result = run('npx', ['cdk8s', 'synth', '--no-check-upgrade', '--output', outdir]);
  });

  test('succeeds and writes one file per chart', () => {
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.status).toBe(0);
    expect(fs.readdirSync(outdir).sort()).toEqual(expect.arrayContaining([
      'external-endpoints.k8s.yaml', 'seed-services.k8s.yaml', 'seed-virtual-services.k8s.yaml', 'service-types.k8s.yaml', 'traffic-management.k8s.yaml',
      // Istio's traffic-management tasks
      'istio-request-routing.k8s.yaml', 'istio-traffic-shifting.k8s.yaml', 'istio-fault-injection.k8s.yaml', 'istio-request-timeouts.k8s.yaml',
      'istio-circuit-breaking.k8s.yaml', 'istio-ingress-gateway.k8s.yaml', 'istio-egress-tls-origination.k8s.yaml',
    ]));
  });

  test('writes manifests that validateManifests finds no error in', () => {
    const manifests = readManifests(outdir).map(m => m.manifest);
    const errors = validateManifests(manifests).filter(d => d.severity === Severity.ERROR);
    expect(errors).toEqual([]);
    expect(manifests.filter(m => m.kind === 'Service').length).toBeGreaterThanOrEqual(7);
    expect(manifests.filter(m => m.kind === 'VirtualService').length).toBeGreaterThanOrEqual(5);
    expect(manifests.filter(m => m.kind === 'DestinationRule').length).toBeGreaterThanOrEqual(15);
    expect(manifests.filter(m => m.kind === 'Gateway').length).toBeGreaterThanOrEqual(2);
    expect(manifests.filter(m => m.kind === 'ServiceEntry').length).toBeGreaterThanOrEqual(1);
  });

  test("writes the reference's foo-service exactly", () => {
    const expected = parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'foo-service.yaml'), 'utf-8'));
    const foo = readManifests(outdir).find(m => m.manifest.kind === 'Service' && m.manifest.metadata.name === 'foo-service');
    expect(foo?.manifest).toEqual(expected);
  });

  test("writes the reference's foo-retry and foo-delay VirtualServices exactly", () => {
    const expected = parseAllDocuments(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'foo-virtualservices.yaml'), 'utf-8')).map(d => d.toJS());
    const written = readManifests(outdir).filter(m => m.file === 'seed-virtual-services.k8s.yaml' && m.manifest.kind === 'VirtualService').map(m => m.manifest);
    expect(written).toEqual(expected);
  });
});

describe('cdk8s synth of an app with mistakes (as a process)', () => {
  const outdir = tempDir('cdk8s-traffic-invalid-');
  let result: ReturnType<typeof run>;

  beforeAll(() => {
    result = run('npx', ['cdk8s', 'synth', '--no-check-upgrade', '--app', 'npx ts-node --transpile-only test/fixtures/invalid-app.ts', '--output', outdir]);
  });

  test('fails', () => {
    expect(result.status).not.toBe(0);
  });

  test('lists every error at once with construct path, field, value and code', () => {
    const output = result.stdout + result.stderr;
    expect(output).toContain('[broken/public] SVC014 spec.ports[0].nodePort: nodePort 99999 is outside the node port range 30000-32767');
    expect(output).toContain('[broken/no-ports] SVC005 spec.ports');
    expect(output).toContain('[broken/no-ports] MET002 metadata.name');
    expect(output).toContain('[broken/legacy] SVC025 spec.externalName');
    expect(output).toContain('[broken/second] SVC050 spec.ports[0].nodePort: nodePort 30080 is already used by Service/default/first');
    expect(output).not.toMatch(/TypeError|Failed serializing/);
  });

  test('writes nothing', () => {
    expect(fs.readdirSync(outdir)).toEqual([]);
  });
});
