/**
 * What an HTTP route does besides forwarding: redirects, direct responses, delegation,
 * rewrites and mirrors, as short phrases for the DESTINATIONS column and the graph.
 */
import { arrayAt, isObject, objectAt, stringAt, valueAt } from '../validation/manifest';
import { DestinationShare, destinationShare } from './destination-share';
import { ResourceRef } from './resources';

/** Longest direct-response body shown before it is cut with `...`. */
const MAX_BODY = 40;

/** `redirect 308 scheme https, uri /login` (the code defaults to 301). */
export function redirectText(redirect: unknown): string | undefined {
  if (!isObject(redirect)) return undefined;
  const code = valueAt(redirect, 'redirectCode');
  const parts: string[] = [];
  for (const field of ['scheme', 'authority']) {
    const value = stringAt(redirect, field);
    if (value) parts.push(`${field} ${value}`);
  }
  const port = valueAt(redirect, 'port');
  if (typeof port === 'number' && port > 0) parts.push(`port ${port}`);
  const derivePort = stringAt(redirect, 'derivePort');
  if (derivePort) parts.push(`port ${derivePort === 'FROM_REQUEST_PORT' ? 'from request' : 'from protocol'}`);
  const uri = stringAt(redirect, 'uri');
  if (uri) parts.push(`uri ${uri}`);
  const prefix = stringAt(redirect, 'prefixRewrite');
  if (prefix) parts.push(`prefix ${prefix}`);
  const status = typeof code === 'number' && code > 0 ? code : 301;
  return `redirect ${status}${parts.length > 0 ? ` ${parts.join(', ')}` : ''}`;
}

/** `respond 404 "not found"`. */
export function directResponseText(directResponse: unknown): string | undefined {
  if (!isObject(directResponse)) return undefined;
  const status = valueAt(directResponse, 'status');
  const body = objectAt(directResponse, 'body');
  const text = stringAt(body, 'string');
  const bytes = stringAt(body, 'bytes');
  const shown = text === undefined ? undefined : text.length > MAX_BODY ? `${text.slice(0, MAX_BODY)}...` : text;
  const bodyText = shown !== undefined ? ` ${JSON.stringify(shown)}` : bytes !== undefined ? ' (binary body)' : '';
  return `respond ${typeof status === 'number' ? status : '?'}${bodyText}`;
}

/** The VirtualService a root route hands over to; its namespace defaults to the root's. */
export function delegateOf(delegate: unknown, namespace: string): ResourceRef | undefined {
  if (!isObject(delegate)) return undefined;
  return { namespace: stringAt(delegate, 'namespace') || namespace, name: stringAt(delegate, 'name') || '<unnamed>' };
}

/** `rewrite uri /v1, authority reviews.internal`, `rewrite uri regex ^/old(.*) -> /new\1`. */
export function rewriteText(rewrite: unknown): string | undefined {
  if (!isObject(rewrite)) return undefined;
  const parts: string[] = [];
  const uri = stringAt(rewrite, 'uri');
  if (uri !== undefined) parts.push(`uri ${uri}`);
  const regex = objectAt(rewrite, 'uriRegexRewrite');
  if (regex) parts.push(`uri regex ${stringAt(regex, 'match') ?? '?'} -> ${stringAt(regex, 'rewrite') ?? '?'}`);
  const authority = stringAt(rewrite, 'authority');
  if (authority) parts.push(`authority ${authority}`);
  return parts.length > 0 ? `rewrite ${parts.join(', ')}` : undefined;
}

/**
 * Mirror targets with their share of the route's requests: `mirror` with `mirrorPercentage`
 * (else the deprecated `mirrorPercent`, else 100%), and each `mirrors[]` entry (100% unless set).
 */
export function mirrorShares(route: unknown): DestinationShare[] {
  const shares: DestinationShare[] = [];
  const mirror = objectAt(route, 'mirror');
  if (mirror) {
    const value = valueAt(objectAt(route, 'mirrorPercentage'), 'value');
    const legacy = valueAt(route, 'mirrorPercent');
    shares.push(destinationShare(mirror, typeof value === 'number' ? value : typeof legacy === 'number' ? legacy : 100));
  }
  for (const entry of (arrayAt(route, 'mirrors') ?? []).filter(isObject)) {
    const value = valueAt(objectAt(entry, 'percentage'), 'value');
    shares.push(destinationShare(objectAt(entry, 'destination'), typeof value === 'number' ? value : 100));
  }
  return shares;
}
