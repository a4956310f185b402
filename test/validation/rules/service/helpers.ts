/**
 * Shared helpers for the Service rule tests: a valid Service to vary, and assertions that run
 * the real engine (`validateManifests`) and keep the diagnostics of one code.
 */
import { Diagnostic, Severity } from '../../../../src/validation/diagnostic';
import { ruleCatalogue, validateManifests } from '../../../../src/validation/engine';
import { JsonObject } from '../../../../src/validation/manifest';
import { ValidationOptions } from '../../../../src/validation/options';

/**
 * A valid ClusterIP Service (selector app: foo, one port 80 -> 8080); `spec` entries replace
 * the defaults (`undefined` removes one), `annotations` are added to the metadata.
 */
export function service(spec: JsonObject = {}, annotations?: Record<string, unknown>): JsonObject {
  const fullSpec: JsonObject = { selector: { app: 'foo' }, ports: [{ port: 80, targetPort: 8080 }], ...spec };
  for (const key of Object.keys(fullSpec)) {
    if (fullSpec[key] === undefined) delete fullSpec[key];
  }
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'my-service', namespace: 'default', ...(annotations ? { annotations } : {}) },
    spec: fullSpec,
  };
}

/** The diagnostics of one code for one manifest. */
export function findings(code: string, manifest: unknown, options?: ValidationOptions): Diagnostic[] {
  return validateManifests([manifest], options).filter(d => d.code === code);
}

/** What a test expects of one diagnostic: its path and (a distinctive part of) its message. */
export interface Expected {
  readonly path: string;
  readonly message: string;
}

/** Asserts that `code` reports exactly `expected`, in order, with messages containing the given text. */
export function expectFindings(code: string, manifest: unknown, expected: readonly Expected[], options?: ValidationOptions): void {
  const found = findings(code, manifest, options).map(d => ({ path: d.path, message: d.message }));
  expect(found).toEqual(expected.map(e => ({ path: e.path, message: expect.stringContaining(e.message) })));
}

/** Asserts that `code` reports nothing. */
export function expectClean(code: string, manifest: unknown, options?: ValidationOptions): void {
  expect(findings(code, manifest, options)).toEqual([]);
}

/** A table row: a case name, the spec to vary, and the expected findings. */
export interface Case {
  readonly name: string;
  readonly spec: JsonObject;
  readonly annotations?: Record<string, unknown>;
  readonly expected: readonly Expected[];
}

/** A table row for a manifest that must stay clean. */
export interface CleanCase {
  readonly name: string;
  readonly spec: JsonObject;
  readonly annotations?: Record<string, unknown>;
}

/**
 * Runs a table of clean and failing cases for one rule; failing cases are named
 * "errors when ..." for error rules and "warns when ..." for warnings.
 */
export function ruleTable(code: string, clean: readonly CleanCase[], failing: readonly Case[], options?: ValidationOptions): void {
  const warning = ruleCatalogue().find(r => r.code === code)?.severity === Severity.WARNING;
  if (clean.length > 0) {
    it.each(clean)('accepts $name', ({ spec, annotations }) => {
      expectClean(code, service(spec, annotations), options);
    });
  }
  if (failing.length > 0) {
    it.each(failing)(`${warning ? 'warns' : 'errors'} when $name`, ({ spec, annotations, expected }) => {
      expectFindings(code, service(spec, annotations), expected, options);
    });
  }
}
