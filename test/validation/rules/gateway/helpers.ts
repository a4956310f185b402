/**
 * Shared helpers for the Gateway rule tests: a Gateway to vary, and assertions that run the
 * real engine (`validateManifests`) and keep the diagnostics of one code.
 */
import { Diagnostic } from '../../../../src/validation/diagnostic';
import { validateManifests } from '../../../../src/validation/engine';
import { JsonObject } from '../../../../src/validation/manifest';

/** A valid HTTP server. */
export const HTTP_SERVER: JsonObject = {
  port: { number: 80, name: 'http', protocol: 'HTTP' },
  hosts: ['bookinfo.example.com'],
};

/** A `networking.istio.io/v1` Gateway named `ingress` in `shop` with the given spec. */
export function gateway(spec: unknown, metadata: JsonObject = {}): JsonObject {
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'Gateway',
    metadata: { name: 'ingress', namespace: 'shop', ...metadata },
    spec,
  };
}

/** A Gateway with the given servers. */
export function withServers(...servers: unknown[]): JsonObject {
  return gateway({ selector: { istio: 'ingressgateway' }, servers });
}

/** A Gateway with one server: the valid HTTP server with `changes` merged in. */
export function withServer(changes: JsonObject): JsonObject {
  return withServers({ ...HTTP_SERVER, ...changes });
}

/** A Gateway with one server on port 443 of `protocol` with the given tls settings. */
export function withTls(tls: unknown, protocol = 'HTTPS'): JsonObject {
  return withServer({ port: { number: 443, name: 'https', protocol }, tls });
}

/** The diagnostics of one code for one manifest. */
export function findings(code: string, manifest: unknown): Diagnostic[] {
  return validateManifests([manifest]).filter(d => d.code === code);
}

/** What a test expects of one diagnostic: its path and (a distinctive part of) its message. */
export interface Expected {
  readonly path: string;
  readonly message: string;
}

/** Asserts that `code` reports exactly `expected`, in order, with messages containing the given text. */
export function expectFindings(code: string, manifest: unknown, expected: readonly Expected[]): void {
  const found = findings(code, manifest).map(d => ({ path: d.path, message: d.message }));
  expect(found).toEqual(expected.map(e => ({ path: e.path, message: expect.stringContaining(e.message) })));
}

/** Asserts that `code` reports nothing. */
export function expectClean(code: string, manifest: unknown): void {
  expect(findings(code, manifest)).toEqual([]);
}

/** A table row: a case name, the manifest, and the expected findings. */
export interface Case {
  readonly name: string;
  readonly manifest: JsonObject;
  readonly expected: readonly Expected[];
}

/** A table row for a manifest that must stay clean. */
export interface CleanCase {
  readonly name: string;
  readonly manifest: JsonObject;
}
