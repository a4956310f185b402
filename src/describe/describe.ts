/**
 * `describe` without IO: from parsed manifests to the Service table, the route tables and the
 * traffic graph, as text or as one JSON-ready object.
 */
import { EndpointSliceSummary, endpointSliceOf } from './endpoint-slices';
import { DEFAULT_CLUSTER_DOMAIN } from './host-resolution';
import { compareRefs, compareText, isService, isVirtualService } from './resources';
import { VirtualServiceSummary, summarizeVirtualService } from './route-summary';
import { renderRouteTables } from './route-table';
import { ServiceSummary, summarizeService } from './service-summary';
import { renderServiceTable } from './service-table';
import { TrafficGraph, buildTrafficGraph } from './traffic-graph';
import { WorkloadSummary, workloadOf } from './workloads';

export interface DescribeOptions {
  /**
   * The cluster's DNS domain, for resolving hosts such as `reviews.shop.svc.cluster.local`.
   *
   * @default cluster.local
   */
  readonly clusterDomain?: string;
}

/** Everything `describe` shows, ready for `JSON.stringify`. */
export interface TrafficDescription {
  /** Services by namespace, then name. */
  readonly services: readonly ServiceSummary[];
  /** VirtualServices by namespace, then name, each with its routes in order. */
  readonly virtualServices: readonly VirtualServiceSummary[];
  readonly graph: TrafficGraph;
}

/** Describes the Services, VirtualServices and traffic graph of a set of manifests. Never throws. */
export function describeManifests(manifests: readonly unknown[], options: DescribeOptions = {}): TrafficDescription {
  const services = manifests.filter(isService).map(summarizeService).sort(compareRefs);
  const virtualServices = manifests.filter(isVirtualService).map(summarizeVirtualService).sort(compareRefs);
  const workloads = manifests
    .map(workloadOf)
    .filter((w): w is WorkloadSummary => w !== undefined)
    .sort((a, b) => compareRefs(a, b) || compareText(a.kind, b.kind));
  const endpointSlices = manifests
    .map(endpointSliceOf)
    .filter((s): s is EndpointSliceSummary => s !== undefined)
    .sort(compareRefs);
  const graph = buildTrafficGraph({
    services,
    virtualServices,
    workloads,
    endpointSlices,
    clusterDomain: options.clusterDomain ?? DEFAULT_CLUSTER_DOMAIN,
  });
  return { services, virtualServices, graph };
}

/** The text report: the Service table, then one route table per VirtualService, blank lines between. */
export function renderDescription(description: TrafficDescription): string {
  const sections: string[] = [];
  if (description.services.length > 0) sections.push(renderServiceTable(description.services));
  if (description.virtualServices.length > 0) sections.push(renderRouteTables(description.virtualServices));
  return sections.join('\n');
}
