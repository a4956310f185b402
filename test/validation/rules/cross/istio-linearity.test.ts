/**
 * The app-wide rules over DestinationRules, Gateways, ServiceEntries, Service ports and
 * workloads (XR030 onwards) stay linear in the size of the set: counted as the reads they
 * make on the manifests when the set doubles, over a set with every kind of their findings.
 */
import { checkSet } from '../../../../src/validation/engine';
import { JsonObject } from '../../../../src/validation/manifest';
import { resolveOptions } from '../../../../src/validation/options';
import { ManifestEntry, SetRule } from '../../../../src/validation/rule';
import { CROSS_RESOURCE_RULES } from '../../../../src/validation/rules/cross';
import { routeTo, service, workload } from './helpers';
import { destinationRule, entry, gateway, server } from './istio-helpers';

const RULES: readonly SetRule[] = CROSS_RESOURCE_RULES.filter(r => r.code >= 'XR030' && r.code <= 'XR042');
const INGRESS = { istio: 'ingressgateway' };

/** `n` apps in 10 namespaces, each with some of the problems the rules find. */
function meshSet(n: number): JsonObject[] {
  const manifests: JsonObject[] = [
    workload('istio-ingressgateway', INGRESS, 'istio-system'),
    service('istio-ingressgateway', { namespace: 'istio-system', spec: { selector: INGRESS, ports: [{ name: 'http2', port: 80, targetPort: 8080 }, { name: 'https', port: 443, targetPort: 8443 }] } }),
  ];
  for (let i = 0; i < n; i++) {
    const ns = `ns${i % 10}`;
    const app = `app${i}`;
    manifests.push(workload(app, { app, version: 'v1', team: 'all' }, ns));
    manifests.push(service(app, { namespace: ns, spec: { selector: { app, team: 'all' }, ports: [i % 3 === 0 ? { port: 80, targetPort: 8080 } : { name: 'http', port: 80, targetPort: 8080 }] } }));
    if (i % 4 === 0) manifests.push(service(`${app}-alt`, { namespace: ns, spec: { selector: { app }, ports: [{ name: 'http-alt', port: 8081, targetPort: 8080 }, ...(i % 8 === 0 ? [{ name: 'udp', port: 80, protocol: 'UDP' }] : [])] } }));
    manifests.push(destinationRule(app, {
      host: i % 7 === 0 ? `missing${i}` : app,
      subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' } }],
      ...(i % 5 === 0 ? { trafficPolicy: { tls: { mode: 'SIMPLE' } } } : {}),
    }, ns));
    if (i % 6 === 0) manifests.push(destinationRule(`${app}-dup`, { host: app, subsets: [{ name: 'v1', labels: { version: 'v1' } }] }, ns));
    if (i % 9 === 0) manifests.push(routeTo(app, { host: app, subset: 'v2' }, ns));
    manifests.push(entry(`ext${i}`, { hosts: [`ext${i % 10 === 0 ? i - 1 : i}.example.com`], ports: [{ number: 5432, name: 'db', protocol: i % 10 === 0 ? 'HTTP' : 'TCP' }] }, ns));
    manifests.push(gateway(`gw${i}`, INGRESS, [
      server(i % 13 === 0 ? 9999 : 80, [`${i % 11 === 0 ? i - 1 : i}.example.com`]),
      server(443, [`s${i}.example.com`], { tls: { mode: 'SIMPLE', credentialName: i % 12 === 0 ? 'shared-cert' : `cert${i}` } }, 'HTTPS'),
    ], ns));
  }
  return manifests;
}

function counting<T>(value: T, counter: { reads: number }, seen = new WeakMap<object, unknown>()): T {
  if (typeof value !== 'object' || value === null) return value;
  const known = seen.get(value);
  if (known) return known as T;
  const proxy = new Proxy(value, {
    get(target, key, receiver) {
      counter.reads++;
      return counting(Reflect.get(target, key, receiver), counter, seen);
    },
    ownKeys(target) {
      counter.reads++;
      return Reflect.ownKeys(target);
    },
    getOwnPropertyDescriptor(target, key) {
      counter.reads++;
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
  });
  seen.set(value, proxy);
  return proxy;
}

function entries(manifests: unknown[]): ManifestEntry[] {
  return manifests.map((manifest, index) => ({ index, manifest: manifest as JsonObject }));
}

function run(n: number): { reads: number; findings: number } {
  const counter = { reads: 0 };
  const findings = checkSet(entries(meshSet(n).map(m => counting(m, counter))), resolveOptions(), RULES);
  expect(findings.filter(d => d.code === 'TRF000')).toEqual([]);
  return { reads: counter.reads, findings: findings.length };
}

describe('XR030-XR042 scale linearly', () => {
  it('finds every kind of problem in the generated set', () => {
    const codes = new Set(checkSet(entries(meshSet(200)), resolveOptions(), RULES).map(d => d.code));
    expect([...codes].sort()).toEqual(RULES.map(r => r.code).sort());
  });

  it('make about twice the reads, and find about twice the problems, when the set doubles', () => {
    const small = run(600);
    const large = run(1200);
    expect(small.findings).toBeGreaterThan(600);
    expect(large.findings / small.findings).toBeGreaterThan(1.8);
    // XR031 and XR032 pair each Gateway with every other on the same host or certificate: those grow too
    expect(large.findings / small.findings).toBeLessThan(2.5);
    expect(large.reads / small.reads).toBeLessThan(2.3);
  });
});
