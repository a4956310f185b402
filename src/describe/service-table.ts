/**
 * The Service table: `kubectl get svc --all-namespaces -o wide` without the AGE column.
 */
import { ServiceSummary } from './service-summary';
import { renderTable } from './table';

export const SERVICE_TABLE_HEADERS: readonly string[] = ['NAMESPACE', 'NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'SELECTOR'];

/** Renders Services (in the order given) as kubectl's wide table. */
export function renderServiceTable(services: readonly ServiceSummary[]): string {
  return renderTable(
    SERVICE_TABLE_HEADERS,
    services.map(s => [s.namespace, s.name, s.type, s.clusterIP, s.externalIP, s.ports, s.selector]),
  );
}
