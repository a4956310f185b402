/**
 * Shared helpers for the ServiceEntry rule tests: a ServiceEntry to vary, and assertions that run the
 * real engine (`validateManifests`) and keep the diagnostics of one code.
 */
import { Diagnostic } from '../../../../src/validation/diagnostic';
import { validateManifests } from '../../../../src/validation/engine';
import { JsonObject } from '../../../../src/validation/manifest';

/** A valid spec: one external HTTP host, resolved by DNS. */
export const DEFAULT_SPEC: JsonObject = {
  hosts: ['api.example.com'],
  ports: [{ number: 443, name: 'https', protocol: 'HTTPS' }],
  resolution: 'DNS',
};

/** A `networking.istio.io/v1` ServiceEntry named `external-api` in `shop` with the given spec. */
export function serviceEntry(spec: unknown = DEFAULT_SPEC, metadata: JsonObject = {}): JsonObject {
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'ServiceEntry',
    metadata: { name: 'external-api', namespace: 'shop', ...metadata },
    spec,
  };
}

/** A ServiceEntry whose spec is the default spec with `changes` merged in. */
export function withSpec(changes: JsonObject, metadata: JsonObject = {}): JsonObject {
  return serviceEntry({ ...DEFAULT_SPEC, ...changes }, metadata);
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
