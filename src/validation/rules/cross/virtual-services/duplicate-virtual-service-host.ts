/**
 * Two VirtualServices for one host.
 *
 * XR004, on the mesh: sidecars apply only one VirtualService per host, so two mesh-bound
 * VirtualServices (`gateways` empty or naming `mesh`) for one host that both reach a namespace
 * leave it undefined which routes apply. As istioctl analyze's
 * `ConflictingMeshGatewayHostsAnalyzer` (IST0109): each host is qualified in its
 * VirtualService's namespace and keyed by the VirtualService's `exportTo` scope (`*` when it is
 * absent or names `*`, else each namespace, `.` for its own); two VirtualServices in one key
 * conflict, in any namespaces, and so does a host exported to some namespaces with an overlapping
 * host (wildcards included) exported everywhere.
 *
 * XR009, on a gateway: a gateway merges the VirtualServices bound to it for one host, in creation
 * order, so a catch-all route of one hides the routes of the other. Kiali's `SingleHostChecker`
 * (KIA1106) keeps one bucket per gateway; istioctl analyze does not look at gateways. Kiali's
 * level (a warning) is kept: the merge is supported, only its order surprises.
 */
import { Severity } from '../../../diagnostic';
import { arrayAt, objectAt, resourceId } from '../../../manifest';
import { ManifestEntry, SetRule, SetRuleContext } from '../../../rule';
import { MESH_GATEWAY } from '../../virtual-service/shape';
import { parseGatewayReference } from '../indexes/gateway-index';
import { HostMatcher } from '../indexes/host-match';
import { EXPORT_TO_ALL, convertHostToFqdn, exportScopes, exportToOf } from '../indexes/host-registry';
import { namespaceOf, setKinds } from '../indexes/set-index';

/** One host of one VirtualService. */
interface HostAt {
  readonly entry: ManifestEntry;
  readonly index: number;
  readonly host: string;
}

/** `gateways` is empty or names `mesh` (as `vsShape`, read directly: these rules visit each VirtualService once). */
function appliesToMesh(entry: ManifestEntry): boolean {
  const gateways = arrayAt(objectAt(entry.manifest, 'spec'), 'gateways') ?? [];
  return gateways.length === 0 || gateways.includes(MESH_GATEWAY);
}

/** The string entries of `spec.gateways`. */
function gatewaysOf(entry: ManifestEntry): string[] {
  return (arrayAt(objectAt(entry.manifest, 'spec'), 'gateways') ?? []).filter((g): g is string => typeof g === 'string');
}

function hostsOf(entry: ManifestEntry): HostAt[] {
  const found: HostAt[] = [];
  (arrayAt(objectAt(entry.manifest, 'spec'), 'hosts') ?? []).forEach((host, index) => {
    if (typeof host === 'string' && host !== '') found.push({ entry, index, host });
  });
  return found;
}

/** Adds a host to a bucket, once per VirtualService (its hosts come one after the other). */
function push(map: Map<string, HostAt[]>, key: string, value: HostAt): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (list[list.length - 1].entry !== value.entry) list.push(value);
}

/** `VirtualService/ns/a` (with its host when it is written otherwise), at most three, for a message. */
function describeOthers(at: HostAt, others: readonly HostAt[]): string {
  const names: string[] = [];
  const seen = new Set<ManifestEntry>();
  let more = 0;
  for (const other of others) {
    if (other.entry === at.entry || seen.has(other.entry)) continue;
    seen.add(other.entry);
    if (names.length === 3) {
      more++;
      continue;
    }
    const id = resourceId(other.entry.manifest);
    names.push(other.host === at.host ? id : `${id} (host ${JSON.stringify(other.host)})`);
  }
  return more > 0 ? `${names.join(', ')} and others` : names.join(', ');
}

/**
 * Reports each host of a VirtualService once, against the other VirtualServices it shares a
 * bucket with (a bucket is never compared with itself element by element: at most three
 * others are named).
 */
class Conflicts {
  private readonly others = new Map<HostAt, HostAt[]>();
  private readonly order: HostAt[] = [];
  private readonly suffix = new Map<HostAt, string>();

  public add(at: HostAt, group: readonly HostAt[], where: string): void {
    const list = this.others.get(at) ?? [];
    const before = list.length;
    // bounded: enough to name three others and say there are more
    for (const other of group) {
      if (list.length >= 8) break;
      if (other.entry !== at.entry && !list.includes(other)) list.push(other);
    }
    if (list.length === 0 || this.others.has(at)) return;
    if (before === 0) {
      this.others.set(at, list);
      this.order.push(at);
      this.suffix.set(at, where);
    }
  }

  public report(context: SetRuleContext, consequence: string): void {
    const ordered = [...this.order].sort((a, b) => a.entry.index - b.entry.index || a.index - b.index);
    for (const at of ordered) {
      context.report(at.entry, `spec.hosts[${at.index}]`,
        `host ${JSON.stringify(at.host)} is also routed by ${describeOthers(at, this.others.get(at) ?? [])} ${this.suffix.get(at)}: ${consequence}; merge them into one VirtualService, or route the paths of one through a delegate`,
        at.host);
    }
  }
}

const MESH_CONSEQUENCE = 'sidecars get the routes of only one VirtualService per host and ignore the other\'s';
const GATEWAY_CONSEQUENCE = 'a gateway merges the routes of both in creation order, so a catch-all route of one hides the routes of the other';

export const duplicateVirtualServiceHostRule: SetRule = {
  code: 'XR004',
  name: 'duplicate-virtual-service-host',
  severity: Severity.WARNING,
  upstream: ['IST0109', 'KIA1106'],
  description: 'two mesh-bound VirtualServices (gateways empty or naming mesh) do not route one host (short names qualified in each namespace) in a common exportTo scope, nor a host exported to some namespaces and an overlapping (wildcard) host exported everywhere (istioctl analyze IST0109, ConflictingMeshGatewayHostsAnalyzer; Kiali KIA1106 without gateway); istioctl\'s scoping is followed for the mesh; the level is Kiali\'s, a warning, where istioctl says error: Istio admits both objects and sidecars keep serving the routes of one of them, so the app still deploys and works as one of the two says, and alternative VirtualServices for one host (as Istio\'s own retry and delay examples for foo) can be kept side by side; gateways, which merge VirtualServices, are XR009\'s',
  check(manifests, context) {
    const { clusterDomain } = context.options;
    const byKey = new Map<string, HostAt[]>();
    const scoped: Array<{ at: HostAt; scope: string; fqdn: string }> = [];
    const global: Array<{ at: HostAt; fqdn: string }> = [];
    for (const entry of setKinds(manifests).virtualServices) {
      if (!appliesToMesh(entry)) continue;
      const namespace = namespaceOf(entry.manifest);
      const scopes = exportScopes(exportToOf(entry.manifest), namespace);
      for (const at of hostsOf(entry)) {
        const fqdn = convertHostToFqdn(namespace, at.host, clusterDomain);
        for (const scope of scopes) {
          push(byKey, `${scope}\n${fqdn}`, at);
          if (scope === EXPORT_TO_ALL) global.push({ at, fqdn });
          else scoped.push({ at, scope, fqdn });
        }
      }
    }
    const conflicts = new Conflicts();
    for (const [key, group] of byKey) {
      const scope = key.slice(0, key.indexOf('\n'));
      if (group.length > 1) {
        for (const at of group) conflicts.add(at, group, scope === EXPORT_TO_ALL ? 'for the mesh (sidecars)' : `for the mesh (sidecars) of namespace ${scope}`);
      }
    }
    // a host exported to some namespaces meets the overlapping hosts exported everywhere there
    const everywhere = new HostMatcher<HostAt>();
    if (scoped.length > 0) for (const { at, fqdn } of global) everywhere.add(fqdn, at);
    for (const { at, scope, fqdn } of scoped) {
      const overlapping = everywhere.overlapping(fqdn, 9).map(m => m.value).filter(other => other.entry !== at.entry);
      if (overlapping.length === 0) continue;
      const where = `for the mesh (sidecars) of namespace ${scope}`;
      conflicts.add(at, overlapping, where);
      for (const other of overlapping.slice(0, 8)) conflicts.add(other, [at], where);
    }
    conflicts.report(context, MESH_CONSEQUENCE);
  },
};

export const duplicateGatewayVirtualServiceHostRule: SetRule = {
  code: 'XR009',
  name: 'duplicate-gateway-virtual-service-host',
  severity: Severity.WARNING,
  upstream: ['KIA1106'],
  description: 'two VirtualServices bound to one gateway (spec.gateways, resolved to namespace/name) do not route one host (short names qualified in each namespace), and a VirtualService for host * on a gateway is the only one of its namespace there (Kiali KIA1106, SingleHostChecker); Kiali\'s per-gateway buckets and level, a warning, are followed for gateways because a gateway merges the VirtualServices in creation order, which works but lets a catch-all route of one hide the other\'s; istioctl analyze checks the mesh only (XR004)',
  check(manifests, context) {
    const { clusterDomain } = context.options;
    const byKey = new Map<string, HostAt[]>();
    /** gateway and VirtualService namespace: the hosts there, `*` ones apart */
    const stars = new Map<string, HostAt[]>();
    const byNamespace = new Map<string, HostAt[]>();
    const gatewayOfKey = new Map<string, string>();
    for (const entry of setKinds(manifests).virtualServices) {
      const namespace = namespaceOf(entry.manifest);
      const gateways = [...new Set(gatewaysOf(entry).map(g => parseGatewayReference(g, namespace))
        .filter(g => g.form !== 'mesh').map(g => g.key))];
      if (gateways.length === 0) continue;
      for (const at of hostsOf(entry)) {
        const fqdn = convertHostToFqdn(namespace, at.host, clusterDomain);
        for (const gateway of gateways) {
          push(byKey, `${gateway}\n${fqdn}`, at);
          gatewayOfKey.set(`${gateway}\n${fqdn}`, gateway);
          const bucket = `${gateway}\n${namespace}`;
          gatewayOfKey.set(bucket, gateway);
          if (at.host === '*') push(stars, bucket, at);
          else if ((byNamespace.get(bucket)?.length ?? 0) < 9) push(byNamespace, bucket, at);
        }
      }
    }
    const conflicts = new Conflicts();
    for (const [key, group] of byKey) {
      if (group.length < 2) continue;
      for (const at of group) conflicts.add(at, group, `for gateway ${gatewayOfKey.get(key)}`);
    }
    for (const [bucket, starred] of stars) {
      const where = `for gateway ${gatewayOfKey.get(bucket)} (host "*" takes every host of namespace ${bucket.slice(bucket.indexOf('\n') + 1)})`;
      const others = byNamespace.get(bucket) ?? [];
      for (const at of starred) conflicts.add(at, others, where);
      for (const at of others) conflicts.add(at, starred, where);
    }
    conflicts.report(context, GATEWAY_CONSEQUENCE);
  },
};
