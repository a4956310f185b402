/**
 * The traffic graph of a set of manifests: Gateways -> the VirtualServices bound to them ->
 * (routes, weighted) -> Services and ServiceEntry hosts -> the workloads their selectors pick
 * (or the EndpointSlices of Services without a selector). A route destination with a subset
 * goes to the subset's node, which hangs off its host and picks the workloads of the host
 * that carry its labels. Hosts that name nothing of the set become external nodes. Pure: no
 * IO, same input, same graph; every lookup is a Map, so the cost is linear in the input and
 * the edges drawn.
 */
import { DestinationRuleSummary } from './destination-rule-summary';
import { DestinationShare, percentText } from './destination-share';
import { EndpointSliceSummary } from './endpoint-slices';
import { GatewaySummary, gatewayRefOf } from './gateway-summary';
import { DEFAULT_CLUSTER_DOMAIN } from './host-resolution';
import { HostTarget, HostTargets, longestWildcard } from './host-targets';
import { NodeIds } from './node-ids';
import { ResourceRef, refText } from './resources';
import { MESH, VirtualServiceSummary } from './route-summary';
import { ServiceEntrySummary } from './service-entry-summary';
import { ServiceSummary } from './service-summary';
import { LabelMap, WorkloadIndex, combineSelectors } from './workload-index';
import { WorkloadSummary } from './workloads';

export type GraphNodeKind =
  | 'gateway' | 'virtual-service' | 'service' | 'service-entry' | 'subset' | 'workload' | 'endpoint-slice' | 'external' | 'response';

/** A node; `label` lines are separated by `\n`. */
export interface GraphNode {
  readonly id: string;
  readonly kind: GraphNodeKind;
  readonly label: string;
}

/**
 * `binds`: a Gateway serves a VirtualService bound to it;
 * `route`: a route forwards requests (with `percent`, the destination's share);
 * `mirror`: copies of requests; `delegate`: a root route hands over to a delegate VirtualService;
 * `response`: a route answers itself (redirect, direct response);
 * `selects`: a Service's selector (a ServiceEntry's workload selector, a subset's labels) picks a
 * workload's pods; `endpoints`: a Service's EndpointSlice; `alias`: an ExternalName Service's
 * DNS alias; `subset`: a host's DestinationRule subset.
 */
export type GraphEdgeKind = 'binds' | 'route' | 'mirror' | 'delegate' | 'response' | 'selects' | 'endpoints' | 'alias' | 'subset';

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: GraphEdgeKind;
  readonly label?: string;
  /** The share of the route's requests, for `route` and `mirror` edges. */
  readonly percent?: number;
}

export interface TrafficGraph {
  /**
   * Gateways, VirtualServices, Services, ServiceEntry hosts, subsets, workloads,
   * EndpointSlices, external hosts, then responses; by id within each kind.
   */
  readonly nodes: readonly GraphNode[];
  /**
   * Gateways to VirtualServices, routes in VirtualService and route order, Services and
   * ServiceEntry hosts to what they select, then hosts to their subsets and subsets to what
   * they select.
   */
  readonly edges: readonly GraphEdge[];
}

/** What the graph is built from; each list in display order. */
export interface TrafficGraphInput {
  readonly services: readonly ServiceSummary[];
  readonly virtualServices: readonly VirtualServiceSummary[];
  readonly workloads: readonly WorkloadSummary[];
  readonly endpointSlices: readonly EndpointSliceSummary[];
  /** @default none */
  readonly gateways?: readonly GatewaySummary[];
  /** @default none */
  readonly serviceEntries?: readonly ServiceEntrySummary[];
  /** @default none */
  readonly destinationRules?: readonly DestinationRuleSummary[];
  /** @default cluster.local */
  readonly clusterDomain?: string;
}

const KIND_ORDER: readonly GraphNodeKind[] = [
  'gateway', 'virtual-service', 'service', 'service-entry', 'subset', 'workload', 'endpoint-slice', 'external', 'response',
];

/** Most EndpointSlice addresses a node label lists. */
const MAX_ADDRESSES = 4;
/** Most Gateway servers a node label lists. */
const MAX_SERVERS = 4;

export function buildTrafficGraph(input: TrafficGraphInput): TrafficGraph {
  const clusterDomain = input.clusterDomain ?? DEFAULT_CLUSTER_DOMAIN;
  const gateways = input.gateways ?? [];
  const serviceEntries = input.serviceEntries ?? [];
  const destinationRules = input.destinationRules ?? [];
  const ids = new NodeIds();
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const addNode = (kind: GraphNodeKind, prefix: string, key: string, label: string): string => {
    const id = ids.idFor(prefix, key);
    if (!nodes.has(id)) nodes.set(id, { id, kind, label });
    return id;
  };
  const external = (host: string, note: string): string => addNode('external', 'ext', host, `${host}\n${note}`);
  const workloadNode = (workload: WorkloadSummary): string =>
    addNode('workload', 'wl', `${refText(workload)}/${workload.kind}`, `${workload.kind} ${refText(workload)}`);

  // Ids in a fixed order (VirtualServices, then Services) so collisions resolve the same way every time.
  for (const vs of input.virtualServices) addNode('virtual-service', 'vs', refText(vs), virtualServiceLabel(vs));
  const serviceIds = new Map<string, string>();
  for (const service of input.services) {
    serviceIds.set(refText(service), addNode('service', 'svc', refText(service), `Service ${refText(service)}\n${service.type} ${service.ports}`));
  }
  const gatewayIds = new Map<string, string>();
  for (const gateway of gateways) {
    if (!gatewayIds.has(refText(gateway))) gatewayIds.set(refText(gateway), addNode('gateway', 'gw', refText(gateway), gatewayLabel(gateway)));
  }
  const entryHostIds = new Map<string, string>();
  const entrySelectors = new Map<string, LabelMap>();
  for (const entry of serviceEntries) {
    if (!entrySelectors.has(refText(entry))) entrySelectors.set(refText(entry), entry.workloadSelector);
    for (const host of entry.hosts) {
      const key = `${refText(entry)}/${host}`;
      if (!entryHostIds.has(key)) entryHostIds.set(key, addNode('service-entry', 'se', key, serviceEntryLabel(entry, host)));
    }
  }

  const hosts = new HostTargets(input.services, serviceEntries, clusterDomain);
  const workloads = new WorkloadIndex(input.workloads);
  const targetNode = (target: HostTarget): string | undefined => target.kind === 'Service'
    ? serviceIds.get(refText(target))
    : entryHostIds.get(`${refText(target)}/${target.host ?? ''}`);
  /** The workloads behind a target: a Service's selector or a ServiceEntry's workload selector. */
  const targetSelector = (target: HostTarget): LabelMap | undefined => target.kind === 'Service'
    ? hosts.service(target)?.selectorLabels
    : entrySelectors.get(refText(target));
  const destinationNode = (host: string, namespace: string): string => {
    const resolved = host ? hosts.resolve(host, namespace) : undefined;
    const id = resolved?.target && targetNode(resolved.target);
    if (id !== undefined) return id;
    // DNS names are case-insensitive: one node per name
    return external(resolved ? resolved.key : '<no host>', 'not in input');
  };

  const subsets = new SubsetNodes();
  const subsetEdges: Array<() => void> = [];
  for (const rule of destinationRules) {
    if (rule.host === '?' || rule.host === '') continue;
    const resolved = hosts.resolve(rule.host, rule.namespace);
    const selector = resolved.target ? targetSelector(resolved.target) : undefined;
    for (const subset of rule.subsets) {
      // one node per DestinationRule and subset name, however often the input repeats them
      const key = `${refText(rule)}/${subset.name}`;
      if (ids.existing('sub', key) !== undefined) continue;
      const id = addNode('subset', 'sub', key, subsetLabel(rule, subset.name, subset.labels));
      subsets.add(resolved.key, subset.name, rule.namespace, id);
      subsetEdges.push(() => {
        const parent = resolved.target ? targetNode(resolved.target) : resolved.key.startsWith('*') ? undefined : external(resolved.key, 'not in input');
        if (parent !== undefined) edges.push({ from: parent, to: id, kind: 'subset' });
        const combined = selector && Object.keys(selector).length > 0 ? combineSelectors(selector, subset.labelMap) : undefined;
        if (!combined || !resolved.target) return;
        for (const workload of workloads.select(resolved.target.namespace, combined)) edges.push({ from: id, to: workloadNode(workload), kind: 'selects' });
      });
    }
  }

  for (const vs of input.virtualServices) {
    const to = ids.idFor('vs', refText(vs));
    for (const reference of vs.gateways) {
      const ref = gatewayRefOf(reference, vs.namespace);
      const from = ref && gatewayIds.get(refText(ref));
      if (from !== undefined) edges.push({ from, to, kind: 'binds' });
    }
  }

  for (const vs of input.virtualServices) {
    const from = ids.idFor('vs', refText(vs));
    const shareNode = (share: DestinationShare): string => {
      const subset = share.subset && share.host ? subsets.find(hosts.resolve(share.host, vs.namespace).key, share.subset, vs.namespace) : undefined;
      return subset ?? destinationNode(share.host, vs.namespace);
    };
    for (const route of vs.routes) {
      const prefix = `${route.name}: ${route.match}`;
      for (const share of route.destinations) {
        edges.push({ from, to: shareNode(share), kind: 'route', label: shareLabel(prefix, share), percent: share.percent });
      }
      for (const mirror of route.mirrors) {
        edges.push({ from, to: shareNode(mirror), kind: 'mirror', label: shareLabel(`${prefix}, mirror`, mirror), percent: mirror.percent });
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

  const slicesByService = new Map<string, EndpointSliceSummary[]>();
  for (const slice of input.endpointSlices) {
    if (slice.serviceName === undefined) continue;
    const key = refText({ namespace: slice.namespace, name: slice.serviceName });
    const list = slicesByService.get(key);
    if (list) list.push(slice);
    else slicesByService.set(key, [slice]);
  }
  for (const service of input.services) {
    const from = serviceIds.get(refText(service)) as string;
    if (service.type === 'ExternalName') {
      if (service.externalName) edges.push({ from, to: external(service.externalName.toLowerCase(), 'external'), kind: 'alias', label: 'DNS alias' });
      continue;
    }
    const portMap = service.portList.map(port => `${port.port}->${port.targetPort}`).join(', ');
    for (const workload of workloads.select(service.namespace, service.selectorLabels)) {
      edges.push({ from, to: workloadNode(workload), kind: 'selects', ...(portMap ? { label: portMap } : {}) });
    }
    if (Object.keys(service.selectorLabels).length > 0) continue;
    for (const slice of slicesByService.get(refText(service)) ?? []) {
      const to = addNode('endpoint-slice', 'eps', refText(slice), `EndpointSlice ${refText(slice)}\n${addressesText(slice.addresses)}`);
      edges.push({ from, to, kind: 'endpoints', ...(portMap ? { label: portMap } : {}) });
    }
  }

  for (const entry of serviceEntries) {
    const selected = workloads.select(entry.namespace, entry.workloadSelector);
    if (selected.length === 0) continue;
    for (const host of new Set(entry.hosts)) {
      const from = entryHostIds.get(`${refText(entry)}/${host}`) as string;
      for (const workload of selected) edges.push({ from, to: workloadNode(workload), kind: 'selects' });
    }
  }

  for (const addEdges of subsetEdges) addEdges();

  const ordered = [...nodes.values()].sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return { nodes: ordered, edges };
}

/**
 * The subset nodes of the DestinationRules, by host key and subset name. As Istio uses the
 * most specific DestinationRule of a host, the rules with the exact host are asked first
 * (the one in the route's namespace, else the first), and the wildcard ones (longest first)
 * only when no rule has the exact host.
 */
class SubsetNodes {
  private readonly exactHosts = new Set<string>();
  /** Wildcard host suffixes, each to itself (the shape {@link longestWildcard} reads). */
  private readonly wildcardSuffixes = new Map<string, string>();
  private readonly ids = new Map<string, string>();

  /** Files a subset node under its DestinationRule's host key (`*.example.com` as the suffix `.example.com`). */
  public add(hostKey: string, subset: string, namespace: string, id: string): void {
    const isWildcard = hostKey.startsWith('*');
    const host = isWildcard ? hostKey.slice(1) : hostKey;
    if (isWildcard) this.wildcardSuffixes.set(host, host);
    else this.exactHosts.add(host);
    for (const key of [slot(isWildcard, host, subset, namespace), slot(isWildcard, host, subset)]) {
      if (!this.ids.has(key)) this.ids.set(key, id);
    }
  }

  /** The subset node a destination host (as a host key) and subset name go to, from an object of `namespace`. */
  public find(hostKey: string, subset: string, namespace: string): string | undefined {
    const lookup = (isWildcard: boolean, host: string) => this.ids.get(slot(isWildcard, host, subset, namespace)) ?? this.ids.get(slot(isWildcard, host, subset));
    if (this.exactHosts.has(hostKey)) return lookup(false, hostKey);
    if (hostKey.startsWith('*') || this.wildcardSuffixes.size === 0) return undefined;
    const suffix = longestWildcard(this.wildcardSuffixes, hostKey);
    return suffix !== undefined ? lookup(true, suffix) : undefined;
  }
}

function slot(...parts: Array<string | boolean>): string {
  return JSON.stringify(parts);
}

/** `Gateway ns/name`, then one line per server: `HTTPS 443 *.example.com, TLS SIMPLE`. */
function gatewayLabel(gateway: GatewaySummary): string {
  const lines = [`Gateway ${refText(gateway)}`];
  for (const server of gateway.servers.slice(0, MAX_SERVERS)) {
    const tls = server.tls !== '-' ? `, TLS ${server.tls}` : '';
    lines.push(`${server.protocol} ${server.port} ${server.hosts.join(', ') || '<no hosts>'}${tls}`);
  }
  if (gateway.servers.length > MAX_SERVERS) lines.push(`+${gateway.servers.length - MAX_SERVERS} more servers`);
  return lines.join('\n');
}

/** The host, the ServiceEntry, then location, resolution and ports. */
function serviceEntryLabel(entry: ServiceEntrySummary, host: string): string {
  return `${host}\nServiceEntry ${refText(entry)}\n${entry.location} ${entry.resolution} ${entry.ports}`;
}

/** `subset v1`, the DestinationRule, and the subset's labels. */
function subsetLabel(rule: DestinationRuleSummary, subset: string, labels: string): string {
  return `subset ${subset}\nDestinationRule ${refText(rule)}\n${labels}`;
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

