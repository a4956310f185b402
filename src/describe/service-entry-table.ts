/**
 * The ServiceEntry table: `kubectl get serviceentry --all-namespaces` with the addresses,
 * ports and endpoints added, without the AGE column.
 */
import { ServiceEntrySummary } from './service-entry-summary';
import { NONE } from './service-summary';
import { renderTable } from './table';

export const SERVICE_ENTRY_TABLE_HEADERS: readonly string[] = ['NAMESPACE', 'NAME', 'HOSTS', 'ADDRESSES', 'PORT(S)', 'LOCATION', 'RESOLUTION', 'ENDPOINTS'];

/** Renders ServiceEntries (in the order given) as one table. */
export function renderServiceEntryTable(entries: readonly ServiceEntrySummary[]): string {
  return renderTable(
    SERVICE_ENTRY_TABLE_HEADERS,
    entries.map(e => [
      e.namespace,
      e.name,
      e.hosts.length > 0 ? e.hosts.join(',') : NONE,
      e.addresses.length > 0 ? e.addresses.join(',') : NONE,
      e.ports,
      e.location,
      e.resolution,
      e.endpoints,
    ]),
  );
}
