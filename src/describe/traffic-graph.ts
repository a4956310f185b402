/**
 * The traffic graph of a set of manifests: VirtualServices -> (routes, weighted) -> Services ->
 * the workloads their selectors pick (or the EndpointSlices of Services without a selector).
 * Hosts that name no Service of the set become external nodes. Pure: no IO, same input, same
 * graph.
 */
import { DestinationShare, percentText } from './destination-share';
import { EndpointSliceSummary } from './endpoint-slices';
import { DEFAULT_CLUSTER_DOMAIN, canonicalHost, serviceRefOfHost } from './host-resolution';
import { NodeIds } from './node-ids';
import { ResourceRef, refText } from './resources';
import { MESH, VirtualServiceSummary } from './route-summary';
import { ServiceSummary } from './service-summary';
import { WorkloadSummary, selects } from './workloads';

export type GraphNodeKind = 'virtual-service' | 'service' | 'workload' | 'endpoint-slice' | 'external' | 'response';

/** A node; `label` lines are separated by `\n`. */
export interface GraphNode {
  readonly id: string;
  readonly kind: GraphNodeKind;
  readonly label: string;
}

/**
 * `route`: a route forwards requests (with `percent`, the destination's share);
 * `mirror`: copies of requests; `delegate`: a root route hands over to a delegate VirtualService;
 * `response`: a route answers itself (redirect, direct response);
 * `selects`: a Service's selector picks a workload's pods; `endpoints`: a Service's EndpointSlice;
 * `alias`: an ExternalName Service's DNS alias.
 */
export type GraphEdgeKind = 'route' | 'mirror' | 'delegate' | 'response' | 'selects' | 'endpoints' | 'alias';

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: GraphEdgeKind;
  readonly label?: string;
  /** The share of the route's requests, for `route` and `mirror` edges. */
  readonly percent?: number;
}

export interface TrafficGraph {
  /** Virtual services, Services, workloads, EndpointSlices, external hosts, then responses; by id within each kind. */
  readonly nodes: readonly GraphNode[];
  /** Routes in VirtualService and route order, then Services to what they select. */
  readonly edges: readonly GraphEdge[];
}

/** What the graph is built from; each list in display order. */
export interface TrafficGraphInput {
  readonly services: readonly ServiceSummary[];
  readonly virtualServices: readonly VirtualServiceSummary[];
  readonly workloads: readonly WorkloadSummary[];
  readonly endpointSlices: readonly EndpointSliceSummary[];
  /** @default cluster.local */
  readonly clusterDomain?: string;
}

const KIND_ORDER: readonly GraphNodeKind[] = ['virtual-service', 'service', 'workload', 'endpoint-slice', 'external', 'response'];

/** Most EndpointSlice addresses a node label lists. */
const MAX_ADDRESSES = 4;

export function buildTrafficGraph(input: TrafficGraphInput): TrafficGraph {
  const clusterDomain = input.clusterDomain ?? DEFAULT_CLUSTER_DOMAIN;
  const ids = new NodeIds();
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const addNode = (kind: GraphNodeKind, prefix: string, key: string, label: string): string => {
    const id = ids.idFor(prefix, key);
    if (!nodes.has(id)) nodes.set(id, { id, kind, label });
    return id;
  };
  const external = (host: string, note: string): string => addNode('external', 'ext', host, `${host}\n${note}`);

  // Ids in a fixed order (VirtualServices, then Services) so collisions resolve the same way every time.
  for (const vs of input.virtualServices) addNode('virtual-service', 'vs', refText(vs), virtualServiceLabel(vs));
  const serviceIds = new Map<string, string>();
  for (const service of input.services) {
    serviceIds.set(refText(service), addNode('service', 'svc', refText(service), `Service ${refText(service)}\n${service.type} ${service.ports}`));
  }

  const namespaces = new Set(input.services.map(service => service.namespace));
  const hasServicesIn = (namespace: string): boolean => namespaces.has(namespace);
  const serviceOfHost = (host: string, namespace: string): string => {
    const ref = serviceRefOfHost(host, namespace, clusterDomain, hasServicesIn);
    const id = ref && serviceIds.get(refText(ref));
    if (id !== undefined) return id;
    // DNS names are case-insensitive: one node per name
    return external(host ? canonicalHost(host, namespace, clusterDomain).toLowerCase() : '<no host>', 'not in input');
  };

  for (const vs of input.virtualServices) {
    const from = ids.idFor('vs', refText(vs));
    for (const route of vs.routes) {
      const prefix = `${route.name}: ${route.match}`;
      for (const share of route.destinations) {
        edges.push({ from, to: serviceOfHost(share.host, vs.namespace), kind: 'route', label: shareLabel(prefix, share), percent: share.percent });
      }
      for (const mirror of route.mirrors) {
        edges.push({ from, to: serviceOfHost(mirror.host, vs.namespace), kind: 'mirror', label: shareLabel(`${prefix}, mirror`, mirror), percent: mirror.percent });
      }
      if (route.delegate) edges.push({ from, to: delegateNode(route.delegate), kind: 'delegate', label: `${prefix}, delegate` });
      if (route.response) {
        const to = addNode('response', 'resp', `${refText(vs)}/${route.protocol}/${route.index}`, route.response);
        edges.push({ from, to, kind: 'response', label: prefix });
      }
    }
  }

  function delegateNode(ref: ResourceRef): string {
    return ids.existing('vs', refText(ref)) ?? external(`VirtualService ${refText(ref)}`, 'not in input');
  }

  for (const service of input.services) {
    const from = serviceIds.get(refText(service)) as string;
    if (service.type === 'ExternalName') {
      if (service.externalName) edges.push({ from, to: external(service.externalName.toLowerCase(), 'external'), kind: 'alias', label: 'DNS alias' });
      continue;
    }
    const portMap = service.portList.map(port => `${port.port}->${port.targetPort}`).join(', ');
    for (const workload of input.workloads) {
      if (!selects(service.namespace, service.selectorLabels, workload)) continue;
      const to = addNode('workload', 'wl', `${refText(workload)}/${workload.kind}`, `${workload.kind} ${refText(workload)}`);
      edges.push({ from, to, kind: 'selects', ...(portMap ? { label: portMap } : {}) });
    }
    if (Object.keys(service.selectorLabels).length > 0) continue;
    for (const slice of input.endpointSlices) {
      if (slice.namespace !== service.namespace || slice.serviceName !== service.name) continue;
      const to = addNode('endpoint-slice', 'eps', refText(slice), `EndpointSlice ${refText(slice)}\n${addressesText(slice.addresses)}`);
      edges.push({ from, to, kind: 'endpoints', ...(portMap ? { label: portMap } : {}) });
    }
  }

  const ordered = [...nodes.values()].sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return { nodes: ordered, edges };
}

/** The hosts (one per line), the VirtualService, and its gateways when not just the mesh. */
function virtualServiceLabel(vs: VirtualServiceSummary): string {
  const lines = vs.hosts.length > 0 ? [...vs.hosts] : ['(delegate)'];
  lines.push(`VirtualService ${refText(vs)}`);
  if (vs.gateways.length !== 1 || vs.gateways[0] !== MESH) lines.push(`gateways ${vs.gateways.join(', ')}`);
  return lines.join('\n');
}

/** `canary: *, subset v1, 90%`. */
function shareLabel(prefix: string, share: DestinationShare): string {
  const parts = [prefix];
  if (share.subset) parts.push(`subset ${share.subset}`);
  if (share.port !== undefined) parts.push(`port ${share.port}`);
  parts.push(percentText(share.percent));
  return parts.join(', ');
}

function addressesText(addresses: readonly string[]): string {
  if (addresses.length === 0) return 'no addresses';
  const shown = addresses.slice(0, MAX_ADDRESSES).join(', ');
  return addresses.length > MAX_ADDRESSES ? `${shown} +${addresses.length - MAX_ADDRESSES} more` : shown;
}

