/**
 * Shared helpers for the VirtualService rule tests: a VirtualService to vary, and assertions
 * that run the real engine (`validateManifests`) and keep the diagnostics of one code.
 */
import { Diagnostic } from '../../../../src/validation/diagnostic';
import { validateManifests } from '../../../../src/validation/engine';
import { JsonObject } from '../../../../src/validation/manifest';

/** A valid spec: one host, one http route to it. */
export const DEFAULT_SPEC: JsonObject = {
  hosts: ['reviews'],
  http: [{ route: [{ destination: { host: 'reviews' } }] }],
};

export interface VirtualServiceParts {
  /** The whole spec (not merged with the default). */
  readonly spec?: unknown;
  /** Added to the metadata. */
  readonly annotations?: Record<string, unknown>;
  /** `metadata.namespace`; `null` leaves it out. */
  readonly namespace?: string | null;
}

/** A `networking.istio.io/v1` VirtualService named `reviews` in `shop`. */
export function virtualService({ spec = DEFAULT_SPEC, annotations, namespace = 'shop' }: VirtualServiceParts = {}): JsonObject {
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: {
      name: 'reviews',
      ...(namespace === null ? {} : { namespace }),
      ...(annotations ? { annotations } : {}),
    },
    spec,
  };
}

/** A VirtualService with hosts `[foo.bar]` and the given `http` routes. */
export function withHttp(http: unknown[], extra: JsonObject = {}): JsonObject {
  return virtualService({ spec: { hosts: ['foo.bar'], http, ...extra } });
}

/** An http route to `host` with the given matches (no `match` key when `matches` is undefined). */
export function httpRoute(matches?: unknown[], extra: JsonObject = {}): JsonObject {
  return { ...(matches ? { match: matches } : {}), route: [{ destination: { host: 'foo.baz' } }], ...extra };
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
