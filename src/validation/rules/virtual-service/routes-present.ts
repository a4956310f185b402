/**
 * The route lists of a VirtualService: at least one of http, tcp, tls; no null entries; and
 * what a delegate VirtualService (one without hosts) may not have (ValidateVirtualService).
 */
import { Severity } from '../../diagnostic';
import { VIRTUAL_SERVICE } from '../../kinds';
import { isObject, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { describeKind, isSet, vsShape } from './shape';

const ROUTE_KINDS = ['http', 'tcp', 'tls'] as const;

export const routesRequiredRule: ManifestRule = {
  code: 'VS003',
  name: 'routes-required',
  severity: Severity.ERROR,
  appliesTo: VIRTUAL_SERVICE,
  description: 'a VirtualService needs at least one http, tcp or tls route, each list a list (ValidateVirtualService)',
  check(manifest, context) {
    const { spec } = vsShape(manifest);
    let routes = 0;
    for (const kind of ROUTE_KINDS) {
      const list = valueAt(spec, kind);
      if (Array.isArray(list)) {
        routes += list.length;
      } else if (isSet(list)) {
        context.report(`spec.${kind}`, `${kind} must be a list of routes, got ${describeKind(list)}`, list);
        routes += 1; // reported as a type error; "no routes" would only add noise
      }
    }
    if (routes === 0) {
      context.report(isObject(spec) ? 'spec' : '',
        'http, tcp or tls must be provided in virtual service: add at least one route (for example spec.http with a route to a destination host)');
    }
  },
};

export const routeNullRule: ManifestRule = {
  code: 'VS004',
  name: 'http-route-null',
  severity: Severity.ERROR,
  appliesTo: VIRTUAL_SERVICE,
  description: 'entries of http, tcp and tls may not be null and must be objects (ValidateVirtualService: "http route may not be null")',
  check(manifest, context) {
    const shape = vsShape(manifest);
    for (const kind of ROUTE_KINDS) {
      for (const { route, path } of shape[kind]) {
        if (route === null) {
          context.report(path, `${kind} route may not be null`, route);
        } else if (!isObject(route)) {
          context.report(path, `${kind} route must be an object, got ${describeKind(route)}`, route);
        }
      }
    }
  },
};

export const delegateFieldsRule: ManifestRule = {
  code: 'VS005',
  name: 'delegate-fields',
  severity: Severity.ERROR,
  appliesTo: VIRTUAL_SERVICE,
  description: 'a delegate VirtualService (one without hosts) may not set gateways, tls or tcp: only http routes can be delegated (ValidateVirtualService)',
  check(manifest, context) {
    const shape = vsShape(manifest);
    if (!shape.isDelegate) return;
    const hint = 'a VirtualService without hosts is a delegate, used only through a root VirtualService\'s http[].delegate';
    const gateways = valueAt(shape.spec, 'gateways');
    if (Array.isArray(gateways) && gateways.length > 0) {
      context.report('spec.gateways', `delegate virtual service must have no gateways specified: ${hint}; set gateways on the root, or give this one hosts`, gateways);
    }
    for (const kind of ['tls', 'tcp'] as const) {
      const list = valueAt(shape.spec, kind);
      if (Array.isArray(list) && list.length > 0) {
        context.report(`spec.${kind}`, `delegate virtual service must have no ${kind} route specified: ${hint}, and only http routes can be delegated; give this VirtualService hosts`);
      }
    }
  },
};

export const ROUTES_PRESENT_RULES: readonly ManifestRule[] = [routesRequiredRule, routeNullRule, delegateFieldsRule];
