/**
 * Table runner for the http route rule tests: most cases vary one route of a VirtualService
 * with hosts `[foo.bar]`.
 */
import { Severity } from '../../../../src/validation/diagnostic';
import { ruleCatalogue } from '../../../../src/validation/engine';
import { JsonObject } from '../../../../src/validation/manifest';
import { Case, CleanCase, expectClean, expectFindings, httpRoute, withHttp } from './helpers';

/** A VirtualService whose only http route forwards to foo.baz and has `fields` too. */
export function routeWith(fields: JsonObject): JsonObject {
  return withHttp([httpRoute(undefined, fields)]);
}

/** A VirtualService whose only http route is exactly `route` (no default destination). */
export function onlyRoute(route: JsonObject): JsonObject {
  return withHttp([route]);
}

/** A delegate VirtualService (no hosts) with the given http routes. */
export function delegateVs(...http: unknown[]): JsonObject {
  return { ...withHttp(http), spec: { http } };
}

/**
 * Runs a rule's clean and failing cases through the engine; failing cases are named
 * "errors when ..." for error rules and "warns when ..." for warnings.
 */
export function ruleTable(code: string, clean: readonly CleanCase[], failing: readonly Case[]): void {
  const warning = ruleCatalogue().find(rule => rule.code === code)?.severity === Severity.WARNING;
  if (clean.length > 0) {
    it.each(clean)('accepts $name', ({ manifest }) => expectClean(code, manifest));
  }
  if (failing.length > 0) {
    it.each(failing)(`${warning ? 'warns' : 'errors'} when $name`, ({ manifest, expected }) => expectFindings(code, manifest, expected));
  }
}
