/**
 * Shared helpers for the DestinationRule rule tests: a DestinationRule to vary, and
 * assertions that run the real engine (`validateManifests`) and keep the diagnostics of one
 * code, or of every DR code (for the upstream tables' valid / warning verdicts).
 */
import { Diagnostic, Severity } from '../../../../src/validation/diagnostic';
import { validateManifests } from '../../../../src/validation/engine';
import { JsonObject } from '../../../../src/validation/manifest';

export interface DestinationRuleParts {
  /** The whole spec; `host: reviews` is added unless the spec sets `host` (use `undefined` to drop it). */
  readonly spec?: JsonObject;
  /** `metadata.namespace`; `null` leaves it out. */
  readonly namespace?: string | null;
  readonly apiVersion?: string;
}

/** A DestinationRule named `reviews` in `shop`, for host `reviews` unless the spec says otherwise. */
export function destinationRule({ spec = {}, namespace = 'shop', apiVersion = 'networking.istio.io/v1' }: DestinationRuleParts = {}): JsonObject {
  return {
    apiVersion,
    kind: 'DestinationRule',
    metadata: { name: 'reviews', ...(namespace === null ? {} : { namespace }) },
    spec: { host: 'reviews', ...spec },
  };
}

/** A DestinationRule whose top-level traffic policy is `trafficPolicy`. */
export function withPolicy(trafficPolicy: unknown, extra: JsonObject = {}): JsonObject {
  return destinationRule({ spec: { trafficPolicy, ...extra } });
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

/** The verdict of the DR rules, as the upstream tables state it: valid (no error) and warned. */
export function verdict(manifest: unknown): { valid: boolean; warning: boolean; codes: string[] } {
  const found = validateManifests([manifest]).filter(d => d.code.startsWith('DR'));
  return {
    valid: !found.some(d => d.severity === Severity.ERROR),
    warning: found.some(d => d.severity === Severity.WARNING),
    codes: found.map(d => d.code),
  };
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
