/**
 * The route tables: for each VirtualService, its hosts and gateways, then one row per route in
 * evaluation order.
 */
import { VirtualServiceSummary } from './route-summary';
import { printable } from './printable';
import { renderTable } from './table';

export const ROUTE_TABLE_HEADERS: readonly string[] = ['ROUTE', 'MATCH', 'DESTINATIONS', 'TIMEOUT', 'RETRIES', 'FAULT'];

/** Renders one VirtualService: a heading, its hosts and gateways, and its route table. */
export function renderRouteTable(virtualService: VirtualServiceSummary): string {
  const hosts = virtualService.hosts.length > 0 ? virtualService.hosts.join(', ') : '<none> (delegate)';
  const heading = [
    `VirtualService ${printable(`${virtualService.namespace}/${virtualService.name}`)}`,
    `Hosts:     ${printable(hosts)}`,
    `Gateways:  ${printable(virtualService.gateways.join(', '))}`,
  ].join('\n') + '\n';
  if (virtualService.routes.length === 0) return `${heading}<no routes>\n`;
  return heading + renderTable(
    ROUTE_TABLE_HEADERS,
    virtualService.routes.map(r => [r.name, r.match, r.action, r.timeout, r.retries, r.fault]),
  );
}

/** Renders every VirtualService, separated by blank lines. */
export function renderRouteTables(virtualServices: readonly VirtualServiceSummary[]): string {
  return virtualServices.map(renderRouteTable).join('\n');
}
