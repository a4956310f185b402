/**
 * The app-wide rules must stay linear in the size of the set: they index the set with Maps
 * first and never compare every manifest with every other. Checked by counting the reads
 * the rules make on the manifests when the set doubles, and by timing a large set.
 */
import { checkSet } from '../../../../src/validation/engine';
import { JsonObject } from '../../../../src/validation/manifest';
import { resolveOptions } from '../../../../src/validation/options';
import { ManifestEntry } from '../../../../src/validation/rule';
import { CROSS_RESOURCE_RULES } from '../../../../src/validation/rules/cross';
import { service, virtualService, workload } from './helpers';

/**
 * A set of `n` apps in 10 namespaces: a Service, a Deployment and a VirtualService each,
 * with every kind of finding in it: wrong ports, unknown hosts, selectors that miss, hosts
 * routed twice, destinations without a port to a two-port Service, partial host names.
 */
function appSet(n: number): JsonObject[] {
  const manifests: JsonObject[] = [];
  for (let i = 0; i < n; i++) {
    const ns = `ns${i % 10}`;
    const name = `app${i}`;
    const ports = i % 7 === 0 ? [{ name: 'http', port: 80 }, { name: 'grpc', port: 9090 }] : [{ name: 'http', port: 80 }];
    // every Service selects the label all pods share plus its own app: the rarest pair decides
    manifests.push(service(name, { namespace: ns, spec: { selector: { team: 'all', app: i % 5 === 0 ? `${name}-typo` : name }, ports } }));
    manifests.push(workload(name, { team: 'all', app: name }, ns));
    const host = i % 11 === 0 ? `${name}.${ns}` : i % 13 === 0 ? `missing${i}` : name;
    manifests.push(virtualService(name, {
      // one host every 20th VirtualService of the namespace routes: XR004 on all but the first
      hosts: i % 20 === 0 ? [name, 'shared.example.com'] : [name],
      http: [{
        route: [{ destination: { host, ...(i % 3 === 0 ? { port: { number: 81 } } : i % 7 === 0 ? {} : { port: { number: 80 } }) } }],
        mirror: { host: `${name}.${ns}.svc.cluster.local`, port: { number: 80 } },
      }],
    }, ns));
  }
  return manifests;
}

/** Wraps a manifest so every read of a property (at any depth) adds one to `counter.reads`. */
function counting<T>(value: T, counter: { reads: number }, seen = new WeakMap<object, unknown>()): T {
  if (typeof value !== 'object' || value === null) return value;
  const cached = seen.get(value);
  if (cached) return cached as T;
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

function readsFor(n: number): { reads: number; findings: number } {
  const counter = { reads: 0 };
  const set = entries(appSet(n).map(m => counting(m, counter)));
  const findings = checkSet(set, resolveOptions(), CROSS_RESOURCE_RULES);
  expect(findings.filter(d => d.code === 'TRF000')).toEqual([]);
  return { reads: counter.reads, findings: findings.length };
}

describe('app-wide rules scale linearly', () => {
  it('make twice the reads, and find twice the problems, when the set doubles', () => {
    const small = readsFor(1000);
    const large = readsFor(2000);
    expect(small.findings).toBeGreaterThan(500);
    expect(large.findings / small.findings).toBeCloseTo(2, 1);
    // linear: 2x; anything quadratic would be about 4x
    expect(large.reads / small.reads).toBeLessThan(2.2);
  });

  it('read the VirtualService destinations once for the four rules that use them', () => {
    const destinationRules = CROSS_RESOURCE_RULES.filter(r => ['XR001', 'XR002', 'XR005', 'XR006'].includes(r.code));
    const reads = (rules: typeof CROSS_RESOURCE_RULES): number => {
      const counter = { reads: 0 };
      checkSet(entries(appSet(500).map(m => counting(m, counter))), resolveOptions(), rules);
      return counter.reads;
    };
    // the other three only read what their findings name (resource ids): far from 4x
    expect(reads(destinationRules) / reads(destinationRules.slice(0, 1))).toBeLessThan(1.2);
  });

  it('finds every kind of problem in the generated set', () => {
    const codes = new Set(checkSet(entries(appSet(100)), resolveOptions(), CROSS_RESOURCE_RULES).map(d => d.code));
    expect([...codes].sort()).toEqual(['XR001', 'XR002', 'XR003', 'XR004', 'XR005', 'XR006']);
  });

  // how long it takes is measured by `npm run bench`, not here
  it('checks 20,000 Services, 20,000 Deployments and 20,000 VirtualServices without an internal error', () => {
    const findings = checkSet(entries(appSet(20000)), resolveOptions(), CROSS_RESOURCE_RULES);
    expect(findings.length).toBeGreaterThan(10000);
    expect(findings.filter(d => d.code === 'TRF000')).toEqual([]);
  });
});
