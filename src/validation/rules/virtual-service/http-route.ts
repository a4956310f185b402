/**
 * What an http route does: forward (route), redirect, answer directly (directResponse) or
 * hand over to a delegate VirtualService (validateHTTPRouteConflict).
 */
import { Severity } from '../../diagnostic';
import { has } from '../../manifest';
import { ManifestRule } from '../../rule';
import { hasEntries, httpRouteRule } from './http-routes';

export const rootRouteRule: ManifestRule = httpRouteRule({
  code: 'VS015',
  name: 'root-route',
  severity: Severity.ERROR,
  description: 'a root route (one with delegate, in a VirtualService with hosts) must not also have redirect or route (validateHTTPRouteConflict)',
  checkRoute({ route, path, kind }, context) {
    if (kind !== 'root') return;
    const why = 'a route with delegate hands the request to the delegate VirtualService, which decides where it goes';
    if (has(route, 'redirect')) {
      context.report(`${path}.redirect`, `root HTTP route must not specify redirect: ${why}; move the redirect into the delegate`, route.redirect);
    }
    if (hasEntries(route, 'route')) {
      context.report(`${path}.route`, `root HTTP route must not specify route: ${why}; move the destinations into the delegate`, route.route);
    }
  },
});

export const delegateInDelegateRule: ManifestRule = httpRouteRule({
  code: 'VS016',
  name: 'delegate-in-delegate',
  severity: Severity.ERROR,
  description: 'a route of a delegate VirtualService (one without hosts) must not delegate again (validateHTTPRouteConflict)',
  checkRoute({ route, path, kind }, context) {
    if (kind !== 'delegate' || !has(route, 'delegate')) return;
    context.report(`${path}.delegate`,
      'delegate HTTP route cannot contain delegate: this VirtualService has no hosts, so it is itself a delegate, and Istio supports only one level of delegation',
      route.delegate);
  },
});

export const routeActionExclusiveRule: ManifestRule = httpRouteRule({
  code: 'VS017',
  name: 'route-action-exclusive',
  severity: Severity.ERROR,
  description: 'redirect excludes route, fault, rewrite and directResponse; directResponse excludes route, fault and rewrite (validateHTTPRouteConflict)',
  checkRoute({ route, path, kind }, context) {
    if (kind === 'root') return;
    const action = has(route, 'redirect') ? 'redirect' : has(route, 'directResponse') ? 'directResponse' : undefined;
    if (action === undefined) return;
    const answers = action === 'redirect' ? 'a redirect answers the request itself' : 'a direct response answers the request itself';
    const conflicts: Array<[string, boolean, string]> = [
      ['route', hasEntries(route, 'route'), 'nothing is forwarded to the destinations'],
      ['fault', has(route, 'fault'), 'no fault can be injected into a request that is not forwarded'],
      ['rewrite', has(route, 'rewrite'), 'there is no forwarded request to rewrite'],
      ['directResponse', action === 'redirect' && has(route, 'directResponse'), 'a route gives one answer'],
    ];
    for (const [field, present, why] of conflicts) {
      if (!present) continue;
      context.report(`${path}.${field}`,
        `HTTP route cannot contain both ${field} and ${action}: ${answers}, so ${why}; remove one of them`,
        route[field]);
    }
  },
});

export const routeRequiredRule: ManifestRule = httpRouteRule({
  code: 'VS018',
  name: 'route-required',
  severity: Severity.ERROR,
  description: 'an http route without redirect or directResponse needs a non-empty route; delegate alone is enough only for a root route (validateHTTPRouteConflict)',
  checkRoute({ route, path, kind }, context) {
    if (kind === 'root' || has(route, 'redirect') || has(route, 'directResponse') || hasEntries(route, 'route')) return;
    const detail = kind === 'delegate' && has(route, 'delegate')
      ? 'a route of a delegate VirtualService cannot rely on delegate'
      : has(route, 'route') ? 'route is empty' : 'this rule has none of them';
    context.report(`${path}.route`,
      `HTTP route, redirect or direct_response is required: ${detail}; add at least one route destination, a redirect or a directResponse`,
      route.route);
  },
});

export const mirrorExclusiveRule: ManifestRule = httpRouteRule({
  code: 'VS019',
  name: 'mirror-exclusive',
  severity: Severity.ERROR,
  description: 'mirror and mirrors are mutually exclusive (validateHTTPRouteConflict)',
  checkRoute({ route, path, kind }, context) {
    // validateHTTPRouteConflict returns early for root routes, so they are not checked
    if (kind === 'root' || !has(route, 'mirror') || !hasEntries(route, 'mirrors')) return;
    context.report(`${path}.mirrors`,
      'HTTP route cannot contain both mirror and mirrors: move the mirror destination into the mirrors list',
      route.mirrors);
  },
});

/** VS015-VS019, in code order. */
export const HTTP_ROUTE_RULES: readonly ManifestRule[] = [
  rootRouteRule,
  delegateInDelegateRule,
  routeActionExclusiveRule,
  routeRequiredRule,
  mirrorExclusiveRule,
];
