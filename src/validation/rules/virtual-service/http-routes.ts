/**
 * Shared readers for the rules over `spec.http[]` (validateHTTPRoute and its helpers): the
 * object routes with their route type, a rule factory, and message helpers.
 */
import { isInteger, oneOf } from '../../manifest';
import { memoizePerManifest } from '../../memo';
import { Severity } from '../../diagnostic';
import { VIRTUAL_SERVICE } from '../../kinds';
import { JsonObject, has, isObject } from '../../manifest';
import { ManifestRule, RuleContext } from '../../rule';
import { vsShape } from './shape';

/**
 * getHTTPRouteType: every route of a delegate VirtualService (one without hosts) is a
 * `delegate` route; in a VirtualService with hosts, a route with `delegate` is a `root`
 * route and any other one is `independent`.
 */
export type HttpRouteKind = 'root' | 'delegate' | 'independent';

/** One object entry of `spec.http`. */
export interface HttpRoute {
  readonly route: JsonObject;
  /** `spec.http[0]` */
  readonly path: string;
  readonly kind: HttpRouteKind;
  /** The object entries of its `match` list (read once for the several match rules). */
  readonly matches: readonly MatchEntry[];
}

/** One object entry of a route's `match`, with its path (`spec.http[0].match[1]`). */
export interface MatchEntry {
  readonly match: JsonObject;
  readonly path: string;
}

function matchEntries(route: JsonObject, path: string): MatchEntry[] {
  const entries: MatchEntry[] = [];
  const list = route.match;
  if (!Array.isArray(list)) return entries;
  for (let index = 0; index < list.length; index++) {
    const match: unknown = list[index];
    if (isObject(match)) entries.push({ match, path: `${path}.match[${index}]` });
  }
  return entries;
}

/**
 * The entries of `spec.http` that are objects, with their route type. Null entries and
 * entries of a wrong type are left to the rules over the route list.
 */
function readHttpRoutes(manifest: unknown): HttpRoute[] {
  const shape = vsShape(manifest);
  const routes: HttpRoute[] = [];
  for (const { route, path } of shape.http) {
    if (!isObject(route)) continue;
    const kind: HttpRouteKind = shape.isDelegate ? 'delegate' : has(route, 'delegate') ? 'root' : 'independent';
    routes.push({ route, path, kind, matches: matchEntries(route, path) });
  }
  return routes;
}

/** Memoised per manifest and validation run (many rules read it). */
export const httpRoutes: (manifest: unknown) => HttpRoute[] = memoizePerManifest(m => readHttpRoutes(m));

/** What an http route rule declares; `checkRoute` runs once per object entry of `spec.http`. */
export interface HttpRouteRuleSpec {
  readonly code: string;
  readonly name: string;
  readonly severity: Severity;
  readonly description: string;
  checkRoute(route: HttpRoute, context: RuleContext): void;
}

/** A VirtualService rule that checks each http route on its own. */
export function httpRouteRule(spec: HttpRouteRuleSpec): ManifestRule {
  return {
    code: spec.code,
    name: spec.name,
    severity: spec.severity,
    appliesTo: VIRTUAL_SERVICE,
    description: spec.description,
    check(manifest, context) {
      const routes = httpRoutes(manifest);
      for (let i = 0; i < routes.length; i++) spec.checkRoute(routes[i], context);
    },
  };
}


/** The list at `key`, or an empty list when it is absent or not a list. */
export function listAt(parent: unknown, key: string): unknown[] {
  if (!isObject(parent)) return [];
  const value = parent[key];
  return Array.isArray(value) ? value : [];
}

/** Whether `key` holds a non-empty list (Go's `len(x) > 0` on a decoded repeated field). */
export function hasEntries(parent: unknown, key: string): boolean {
  return listAt(parent, key).length > 0;
}

/** Whether `key` holds a non-empty string (Go's `x != ""` on a decoded string field). */
export function hasText(parent: unknown, key: string): boolean {
  if (!isObject(parent)) return false;
  const value = parent[key];
  return typeof value === 'string' && value !== '';
}

export { isInteger, oneOf };
