/**
 * Shared helpers for the app-wide rule tests: small manifests to combine into sets, and a
 * runner that goes through the real engine (`validateManifests`) and keeps one code.
 */
import { validateManifests } from '../../../../src/validation/engine';
import { JsonObject } from '../../../../src/validation/manifest';
import { ValidationOptions } from '../../../../src/validation/options';

function metadata(name: string, namespace: string | null, extra: JsonObject = {}): JsonObject {
  return { name, ...(namespace === null ? {} : { namespace }), ...extra };
}

export interface ServiceParts {
  /** `metadata.namespace`; `null` leaves it out. @default shop */
  readonly namespace?: string | null;
  /** Replaces the default spec entries (`undefined` removes one). */
  readonly spec?: JsonObject;
  readonly annotations?: Record<string, unknown>;
}

/** A valid ClusterIP Service `name` in `shop`: selector `app: <name>`, port 80 -> 8080. */
export function service(name: string, { namespace = 'shop', spec = {}, annotations }: ServiceParts = {}): JsonObject {
  const fullSpec: JsonObject = { selector: { app: name }, ports: [{ name: 'http', port: 80, targetPort: 8080 }], ...spec };
  for (const key of Object.keys(fullSpec)) {
    if (fullSpec[key] === undefined) delete fullSpec[key];
  }
  return { apiVersion: 'v1', kind: 'Service', metadata: metadata(name, namespace, annotations ? { annotations } : {}), spec: fullSpec };
}

/** A Service with the given port numbers (named p0, p1...). */
export function multiPort(name: string, ports: number[], namespace = 'shop'): JsonObject {
  return service(name, { namespace, spec: { ports: ports.map((port, i) => ({ name: `p${i}`, port })) } });
}

/** A `networking.istio.io/v1` VirtualService `name` in `shop` with the given spec. */
export function virtualService(name: string, spec: JsonObject, namespace: string | null = 'shop', apiVersion = 'networking.istio.io/v1'): JsonObject {
  return { apiVersion, kind: 'VirtualService', metadata: metadata(name, namespace), spec };
}

/** A VirtualService for host `name` with one http route to `destination`. */
export function routeTo(name: string, destination: JsonObject, namespace: string | null = 'shop'): JsonObject {
  return virtualService(name, { hosts: [name], http: [{ route: [{ destination }] }] }, namespace);
}

/** A ServiceEntry declaring `hosts`. */
export function serviceEntry(name: string, hosts: string[], namespace = 'shop'): JsonObject {
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'ServiceEntry',
    metadata: metadata(name, namespace),
    spec: { hosts, ports: [{ number: 443, name: 'https', protocol: 'TLS' }], resolution: 'DNS' },
  };
}

/** A workload with a pod template (`apps/v1` Deployment unless told) whose pods get `labels`. */
export function workload(name: string, labels: Record<string, string>, namespace = 'shop', kind = 'Deployment', apiVersion = 'apps/v1'): JsonObject {
  return {
    apiVersion,
    kind,
    metadata: metadata(name, namespace),
    spec: {
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'app', image: 'nginx' }] } },
    },
  };
}

/** What a test expects of one finding: the manifest it is on, its path, and (part of) its message. */
export interface Expected {
  readonly index: number;
  readonly path: string;
  readonly message: string;
}

/** The findings of one code, as `{index, path, message}`. */
export function findings(code: string, manifests: unknown[], options?: ValidationOptions): Array<{ index: number; path: string; message: string }> {
  return validateManifests(manifests, options)
    .filter(d => d.code === code)
    .map(d => ({ index: d.index, path: d.path, message: d.message }));
}

/** Asserts that `code` reports exactly `expected`, in order; messages match by substring. */
export function expectFindings(code: string, manifests: unknown[], expected: readonly Expected[], options?: ValidationOptions): void {
  expect(findings(code, manifests, options)).toEqual(expected.map(e => ({ ...e, message: expect.stringContaining(e.message) })));
}

/** A table row: a case name, the set, and the expected findings (empty for a valid set). */
export interface SetCase {
  readonly name: string;
  readonly manifests: unknown[];
  readonly expected?: readonly Expected[];
  readonly options?: ValidationOptions;
}

/** Runs a table of valid sets ("accepts ...") and of sets with findings ("warns/errors when ..."). */
export function setTable(code: string, verb: 'warns' | 'errors', valid: readonly SetCase[], invalid: readonly SetCase[]): void {
  it.each(valid)('accepts $name', ({ manifests, options }) => {
    expect(findings(code, manifests, options)).toEqual([]);
  });
  it.each(invalid)(`${verb} when $name`, ({ manifests, expected, options }) => {
    expectFindings(code, manifests, expected ?? [], options);
  });
}
