/**
 * The Gateway blocks: for each Gateway, its selector, then one row per server.
 */
import { GatewaySummary } from './gateway-summary';
import { NONE } from './service-summary';
import { printable } from './printable';
import { renderTable } from './table';

export const GATEWAY_TABLE_HEADERS: readonly string[] = ['PORT', 'PROTOCOL', 'NAME', 'HOSTS', 'TLS'];

/** Renders one Gateway: a heading, its selector, and its server table. */
export function renderGateway(gateway: GatewaySummary): string {
  const heading = [`Gateway ${printable(`${gateway.namespace}/${gateway.name}`)}`, `Selector:  ${printable(gateway.selector)}`].join('\n') + '\n';
  if (gateway.servers.length === 0) return `${heading}<no servers>\n`;
  return heading + renderTable(
    GATEWAY_TABLE_HEADERS,
    gateway.servers.map(s => [String(s.port), s.protocol, s.name ?? '', s.hosts.length > 0 ? s.hosts.join(',') : NONE, s.tls]),
  );
}

/** Renders every Gateway, separated by blank lines. */
export function renderGateways(gateways: readonly GatewaySummary[]): string {
  return gateways.map(renderGateway).join('\n');
}
