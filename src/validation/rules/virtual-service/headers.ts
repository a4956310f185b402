/**
 * Header manipulation of http routes, at route level (`spec.http[].headers`) and per
 * destination (`spec.http[].route[].headers`): validateHTTPRoute, validateHTTPRouteDestinations
 * and validateAuthorityRewrite.
 */
import { Severity } from '../../diagnostic';
import { checkHeaderValue } from '../../format/http';
import { JsonObject, entriesAt, objectAt, show, stringAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { httpRouteRule, listAt } from './http-routes';
import { describeKind, keyPath } from './shape';

/** One `headers` object and its path. */
interface HeadersBlock {
  readonly headers: JsonObject;
  /** `spec.http[0].headers` or `spec.http[0].route[1].headers` */
  readonly path: string;
}

/** The route-level headers, then each destination's. */
function headerBlocks(route: JsonObject, path: string): HeadersBlock[] {
  const blocks: HeadersBlock[] = [];
  const own = objectAt(route, 'headers');
  if (own) blocks.push({ headers: own, path: `${path}.headers` });
  listAt(route, 'route').forEach((destination, index) => {
    const headers = objectAt(destination, 'headers');
    if (headers) blocks.push({ headers, path: `${path}.route[${index}].headers` });
  });
  return blocks;
}

type Side = 'request' | 'response';
const SIDES: readonly Side[] = ['request', 'response'];

/** A header name as one of the operations sees it. */
interface HeaderName {
  readonly side: Side;
  readonly operation: 'set' | 'add' | 'remove';
  readonly name: unknown;
  readonly path: string;
}

function headerNames(block: HeadersBlock): HeaderName[] {
  const names: HeaderName[] = [];
  for (const side of SIDES) {
    const operations = objectAt(block.headers, side);
    const base = `${block.path}.${side}`;
    for (const operation of ['set', 'add'] as const) {
      for (const [name] of entriesAt(operations, operation)) {
        names.push({ side, operation, name, path: keyPath(`${base}.${operation}`, name) });
      }
    }
    listAt(operations, 'remove').forEach((name, index) => {
      names.push({ side, operation: 'remove', name, path: `${base}.remove[${index}]` });
    });
  }
  return names;
}

const PSEUDO = 'names starting with ":" are HTTP/2 pseudo-headers that Envoy manages';

/** ValidateHTTPHeaderWithAuthorityOperationName and ValidateHTTPHeaderOperationName. */
function nameProblem({ side, operation, name }: HeaderName): string | undefined {
  if (typeof name !== 'string') return `header name must be a string, got ${describeKind(name)}`;
  if (name === '') return 'header name cannot be empty';
  const lower = name.toLowerCase();
  if (side === 'request' && operation !== 'remove') {
    // :authority and Host may be set on a request (validateAuthorityRewrite checks them)
    if (name.startsWith(':') && lower !== ':authority') {
      return `invalid header ${show(name)}: ${PSEUDO}; only :authority (or Host) may be set on a request`;
    }
    return undefined;
  }
  if (lower === 'host') {
    return side === 'request'
      ? `invalid header ${show(name)}: the Host header cannot be removed; set it with headers.request.set or rewrite.authority instead`
      : `invalid header ${show(name)}: Host is a request header and cannot be set or removed on a response`;
  }
  if (name.startsWith(':')) return `invalid header ${show(name)}: ${PSEUDO} and cannot be ${operation === 'remove' ? 'removed' : 'modified'}`;
  return undefined;
}

export const headerOperationNamesRule: ManifestRule = httpRouteRule({
  code: 'VS020',
  name: 'header-operation-names',
  severity: Severity.ERROR,
  description: 'header names in headers.request/response set, add and remove are non-empty, without a ":" prefix (except :authority on requests) and never Host on responses or removals (ValidateHTTPHeaderWithAuthorityOperationName, ValidateHTTPHeaderOperationName)',
  checkRoute({ route, path }, context) {
    for (const block of headerBlocks(route, path)) {
      for (const header of headerNames(block)) {
        const problem = nameProblem(header);
        if (problem) context.report(header.path, problem, header.name);
      }
    }
  },
});

export const headerValuesRule: ManifestRule = httpRouteRule({
  code: 'VS021',
  name: 'header-values',
  severity: Severity.ERROR,
  description: 'header values to set or add follow Envoy\'s syntax: no control characters but TAB, "%%" for a literal %, well-formed %VAR% expressions (ValidateHTTPHeaderValue)',
  checkRoute({ route, path }, context) {
    for (const block of headerBlocks(route, path)) {
      for (const side of SIDES) {
        const operations = objectAt(block.headers, side);
        for (const operation of ['set', 'add'] as const) {
          for (const [name, value] of entriesAt(operations, operation)) {
            const at = keyPath(`${block.path}.${side}.${operation}`, name);
            if (typeof value !== 'string') {
              context.report(at, `header value for ${show(name)} must be a string, got ${describeKind(value)}`, value);
              continue;
            }
            for (const problem of checkHeaderValue(value)) {
              context.report(at, `invalid value for header ${show(name)}: ${problem}`, value);
            }
          }
        }
      }
    }
  },
});

/** A place that sets the authority: rewrite.authority, or a request header :authority/Host. */
interface AuthoritySource {
  readonly path: string;
  readonly value: unknown;
  /** An empty value leaves the authority unset, so a later source may still set it. */
  readonly empty: boolean;
}

function isAuthorityHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === ':authority' || lower === 'host';
}

function headerSources(request: JsonObject | undefined, operation: 'set' | 'add', base: string): AuthoritySource[] {
  return entriesAt(request, operation)
    .filter(([name]) => isAuthorityHeader(name))
    .map(([name, value]) => ({ path: keyPath(`${base}.${operation}`, name), value, empty: value === '' }));
}

/**
 * The two sources validateAuthorityRewrite may find in conflict, or undefined. Go walks
 * rewrite.authority, then request.set, then request.add, failing when a source comes after
 * a non-empty one; map order is random in Go, so any order that can fail counts.
 */
function authorityConflict(route: JsonObject, path: string): [AuthoritySource, AuthoritySource] | undefined {
  const request = objectAt(objectAt(route, 'headers'), 'request');
  // without request header operations there is nothing to conflict with
  if (!request) return undefined;
  const base = `${path}.headers.request`;
  const set = headerSources(request, 'set', base);
  const add = headerSources(request, 'add', base);
  const headers = [...set, ...add];
  const rewriteAuthority = stringAt(objectAt(route, 'rewrite'), 'authority');
  if (rewriteAuthority && headers.length > 0) {
    return [{ path: `${path}.rewrite.authority`, value: rewriteAuthority, empty: false }, headers[0]];
  }
  // a non-empty set entry conflicts with any other entry; a non-empty add entry only with
  // another add entry (every set entry comes before the add entries)
  for (const [first, candidates] of [[set, headers], [add, add]] as const) {
    const filled = first.find(source => !source.empty);
    const other = filled && candidates.find(source => source !== filled);
    if (filled && other) return [filled, other];
  }
  return undefined;
}

function describeSource(source: AuthoritySource): string {
  const field = source.path.replace(/^spec\.http\[\d+\]\./, '');
  return `${field} (${show(source.value)})`;
}

export const authorityOnceRule: ManifestRule = httpRouteRule({
  code: 'VS022',
  name: 'authority-once',
  severity: Severity.ERROR,
  description: 'the authority is set in one place only: rewrite.authority or one route-level request header :authority/Host (validateAuthorityRewrite)',
  checkRoute({ route, path }, context) {
    const conflict = authorityConflict(route, path);
    if (!conflict) return;
    const [first, second] = conflict;
    context.report(second.path,
      `authority header cannot be set multiple times: ${describeSource(first)} and ${describeSource(second)} both set it; keep one of them`,
      second.value);
  },
});

/** VS020-VS022, in code order. */
export const HEADER_RULES: readonly ManifestRule[] = [headerOperationNamesRule, headerValuesRule, authorityOnceRule];
