/**
 * `describe` without IO: from parsed manifests to the Service and ServiceEntry tables, the
 * Gateway, route and DestinationRule blocks, and the traffic graph, as text or as one
 * JSON-ready object.
 */
import { DestinationRuleSummary, summarizeDestinationRule } from './destination-rule-summary';
import { renderDestinationRules } from './destination-rule-table';
import { EndpointSliceSummary, endpointSliceOf } from './endpoint-slices';
import { GatewaySummary, summarizeGateway } from './gateway-summary';
import { renderGateways } from './gateway-table';
import { DEFAULT_CLUSTER_DOMAIN } from './host-resolution';
import { HostTargets } from './host-targets';
import { compareRefs, compareText, isDestinationRule, isGateway, isService, isServiceEntry, isVirtualService, refText } from './resources';
import { VirtualServiceSummary, summarizeVirtualService } from './route-summary';
import { renderRouteTables } from './route-table';
import { ServiceEntrySummary, summarizeServiceEntry } from './service-entry-summary';
import { renderServiceEntryTable } from './service-entry-table';
import { ServiceSummary, summarizeService } from './service-summary';
import { renderServiceTable } from './service-table';
import { TrafficGraph, buildTrafficGraph } from './traffic-graph';
import { LabelMap, WorkloadIndex } from './workload-index';
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
  /** ServiceEntries by namespace, then name. */
  readonly serviceEntries: readonly ServiceEntrySummary[];
  /** Gateways by namespace, then name, each with its servers in order. */
  readonly gateways: readonly GatewaySummary[];
  /** VirtualServices by namespace, then name, each with its routes in order. */
  readonly virtualServices: readonly VirtualServiceSummary[];
  /** DestinationRules by namespace, then name, each with its subsets and traffic policies. */
  readonly destinationRules: readonly DestinationRuleSummary[];
  readonly graph: TrafficGraph;
}

/**
 * Describes the Services, ServiceEntries, Gateways, VirtualServices, DestinationRules and
 * traffic graph of a set of manifests (the Istio kinds in v1, v1beta1 and v1alpha3). Never throws.
 */
export function describeManifests(manifests: readonly unknown[], options: DescribeOptions = {}): TrafficDescription {
  const clusterDomain = options.clusterDomain ?? DEFAULT_CLUSTER_DOMAIN;
  const services = manifests.filter(isService).map(summarizeService).sort(compareRefs);
  const serviceEntries = manifests.filter(isServiceEntry).map(summarizeServiceEntry).sort(compareRefs);
  const gateways = manifests.filter(isGateway).map(summarizeGateway).sort(compareRefs);
  const virtualServices = manifests.filter(isVirtualService).map(summarizeVirtualService).sort(compareRefs);
  const workloads = manifests
    .map(workloadOf)
    .filter((w): w is WorkloadSummary => w !== undefined)
    .sort((a, b) => compareRefs(a, b) || compareText(a.kind, b.kind));
  const endpointSlices = manifests
    .map(endpointSliceOf)
    .filter((s): s is EndpointSliceSummary => s !== undefined)
    .sort(compareRefs);

  const entrySelectors = new Map<string, LabelMap>();
  for (const entry of serviceEntries) {
    if (!entrySelectors.has(refText(entry))) entrySelectors.set(refText(entry), entry.workloadSelector);
  }
  const context = { hosts: new HostTargets(services, serviceEntries, clusterDomain), workloads: new WorkloadIndex(workloads), entrySelectors };
  const destinationRules = manifests
    .filter(isDestinationRule)
    .map(manifest => summarizeDestinationRule(manifest, context))
    .sort(compareRefs);

  const graph = buildTrafficGraph({
    services,
    virtualServices,
    workloads,
    endpointSlices,
    gateways,
    serviceEntries,
    destinationRules,
    clusterDomain,
  });
  return { services, serviceEntries, gateways, virtualServices, destinationRules, graph };
}

/** Whether a description holds anything the text report shows. */
export function hasTextSections(description: TrafficDescription): boolean {
  return description.services.length > 0 || description.serviceEntries.length > 0 || description.gateways.length > 0
    || description.virtualServices.length > 0 || description.destinationRules.length > 0;
}

/**
 * The text report: the Service table, the ServiceEntry table, one block per Gateway, one route
 * table per VirtualService, then one block per DestinationRule, blank lines between.
 */
export function renderDescription(description: TrafficDescription): string {
  const sections: string[] = [];
  if (description.services.length > 0) sections.push(renderServiceTable(description.services));
  if (description.serviceEntries.length > 0) sections.push(renderServiceEntryTable(description.serviceEntries));
  if (description.gateways.length > 0) sections.push(renderGateways(description.gateways));
  if (description.virtualServices.length > 0) sections.push(renderRouteTables(description.virtualServices));
  if (description.destinationRules.length > 0) {
    const showWorkloads = description.destinationRules.some(rule => rule.subsets.some(subset => subset.workloads !== undefined));
    sections.push(renderDestinationRules(description.destinationRules, showWorkloads));
  }
  return sections.join('\n');
}
