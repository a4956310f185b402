/**
 * Compact text for route matches: `uri prefix /api, header end-user=tester`. Conditions inside
 * one match entry all apply (AND, joined by commas); match entries are alternatives (`or`).
 * A route without matches, or with an empty match entry, matches everything: `*`.
 */
import { arrayAt, entriesAt, isObject, stringAt, valueAt } from '../validation/manifest';
import { compareText } from './resources';

/** Anything matches. */
export const MATCH_ALL = '*';

/** The `match` list of an HTTP route. */
export function httpMatchText(matches: unknown): string {
  return alternatives(matches, httpConditions);
}

/** The `match` list of a TCP route. */
export function tcpMatchText(matches: unknown): string {
  return alternatives(matches, l4Conditions);
}

/** The `match` list of a TLS route. */
export function tlsMatchText(matches: unknown): string {
  return alternatives(matches, match => [...listCondition('sni', arrayAt(match, 'sniHosts')), ...l4Conditions(match)]);
}

/**
 * A StringMatch after a field name: `=value` (exact), ` prefix value`, ` regex value`, or
 * ` present` for an empty match (a header that only has to be there).
 */
export function stringMatchText(match: unknown): string {
  const exact = stringAt(match, 'exact');
  if (exact !== undefined) return `=${exact}`;
  const prefix = stringAt(match, 'prefix');
  if (prefix !== undefined) return ` prefix ${prefix}`;
  const regex = stringAt(match, 'regex');
  if (regex !== undefined) return ` regex ${regex}`;
  return ' present';
}

function alternatives(matches: unknown, conditions: (match: Record<string, unknown>) => string[]): string {
  const entries = Array.isArray(matches) ? matches.filter(isObject) : [];
  if (entries.length === 0) return MATCH_ALL;
  const texts = entries.map(entry => conditions(entry).join(', ') || MATCH_ALL);
  return texts.includes(MATCH_ALL) ? MATCH_ALL : texts.join(' or ');
}

function httpConditions(match: Record<string, unknown>): string[] {
  const conditions: string[] = [];
  if (isObject(match.uri)) {
    const uri = uriText(match.uri);
    conditions.push(valueAt(match, 'ignoreUriCase') === true ? `${uri} (any case)` : uri);
  }
  for (const field of ['scheme', 'method', 'authority']) {
    if (isObject(match[field])) conditions.push(field + stringMatchText(match[field]));
  }
  conditions.push(...mapConditions('header', match.headers));
  conditions.push(...mapConditions('without header', match.withoutHeaders));
  conditions.push(...mapConditions('query', match.queryParams));
  if (typeof match.port === 'number' && match.port > 0) conditions.push(`port ${match.port}`);
  conditions.push(...labelCondition(match));
  const sourceNamespace = stringAt(match, 'sourceNamespace');
  if (sourceNamespace) conditions.push(`source namespace ${sourceNamespace}`);
  conditions.push(...listCondition('gateways', arrayAt(match, 'gateways')));
  return conditions;
}

/** `uri prefix /api`, `uri=/health`, `uri regex ^/v[12]/`. */
function uriText(uri: unknown): string {
  const text = stringMatchText(uri);
  return text === ' present' ? 'uri any' : `uri${text}`;
}

function l4Conditions(match: Record<string, unknown>): string[] {
  const conditions: string[] = [];
  if (typeof match.port === 'number' && match.port > 0) conditions.push(`port ${match.port}`);
  conditions.push(...listCondition('subnets', arrayAt(match, 'destinationSubnets')));
  const sourceSubnet = stringAt(match, 'sourceSubnet');
  if (sourceSubnet) conditions.push(`source subnet ${sourceSubnet}`);
  conditions.push(...labelCondition(match));
  const sourceNamespace = stringAt(match, 'sourceNamespace');
  if (sourceNamespace) conditions.push(`source namespace ${sourceNamespace}`);
  conditions.push(...listCondition('gateways', arrayAt(match, 'gateways')));
  return conditions;
}

/** One condition per map key, keys sorted: `header end-user=tester`, `query v prefix 2`. */
function mapConditions(label: string, map: unknown): string[] {
  return entriesAt({ map }, 'map')
    .sort(([a], [b]) => compareText(a, b))
    .map(([key, match]) => `${label} ${key}${stringMatchText(match)}`);
}

/** `source labels app=chaos-client,version=v1`. */
function labelCondition(match: Record<string, unknown>): string[] {
  const labels = entriesAt(match, 'sourceLabels')
    .sort(([a], [b]) => compareText(a, b))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return labels.length > 0 ? [`source labels ${labels.join(',')}`] : [];
}

/** `gateways a,b` when the list has strings. */
function listCondition(label: string, list: unknown[] | undefined): string[] {
  const items = (list ?? []).filter((item): item is string => typeof item === 'string');
  return items.length > 0 ? [`${label} ${items.join(',')}`] : [];
}
