/**
 * XR014: a gateway-bound VirtualService routes to a host without a subset while a mesh
 * VirtualService for that host splits its traffic by subset. A gateway applies only the
 * VirtualServices bound to it, so the mesh VirtualService's subset routing (a canary, a
 * version pin) does not apply to requests coming in through the gateway: they reach every
 * version (istioctl analyze IST0140, IngressRouteRulesNotAffected, `analyzeSubset` in
 * DestinationHostAnalyzer).
 *
 * Upstream compares hosts as written and counts a VirtualService listing only `mesh` in
 * `gateways` as gateway-bound; here hosts are compared qualified in each VirtualService's
 * namespace, the gateway-bound VirtualService names some gateway other than `mesh`, and the
 * subset routing counts when its VirtualService applies to the mesh.
 */
import { Severity } from '../../../diagnostic';
import { arrayAt, isObject, objectAt, resourceId, stringAt, valueAt } from '../../../manifest';
import { ManifestEntry, SetRule } from '../../../rule';
import { MESH_GATEWAY } from '../../virtual-service/shape';
import { convertHostToFqdn } from '../indexes/host-registry';
import { namespaceOf, setKinds } from '../indexes/set-index';

interface RouteDestination {
  readonly path: string;
  readonly host: string;
  readonly subset: string | undefined;
}

/** The `http[].route[].destination`s with a string host. */
function httpRouteDestinations(manifest: unknown): RouteDestination[] {
  const found: RouteDestination[] = [];
  (arrayAt(objectAt(manifest, 'spec'), 'http') ?? []).forEach((route, i) => {
    (arrayAt(route, 'route') ?? []).forEach((weighted, j) => {
      const destination = valueAt(weighted, 'destination');
      const host = stringAt(destination, 'host');
      if (!isObject(destination) || !host) return;
      found.push({ path: `spec.http[${i}].route[${j}].destination`, host, subset: stringAt(destination, 'subset') || undefined });
    });
  });
  return found;
}

function gatewaysOf(manifest: unknown): unknown[] {
  return arrayAt(objectAt(manifest, 'spec'), 'gateways') ?? [];
}

export const gatewayRouteWithoutSubsetRule: SetRule = {
  code: 'XR014',
  name: 'gateway-route-without-subset',
  severity: Severity.WARNING,
  upstream: ['IST0140'],
  description: 'a VirtualService bound to a gateway routes to a host by subset when a mesh VirtualService for that host routes to its subsets, since the mesh VirtualService does not apply to gateway traffic (istioctl analyze IST0140, IngressRouteRulesNotAffected; hosts compared qualified, not as written)',
  check(manifests, context) {
    const { clusterDomain } = context.options;
    const vss = setKinds(manifests).virtualServices;
    // host FQDN -> mesh VirtualServices for that host that route it by subset
    const splitBySubset = new Map<string, ManifestEntry[]>();
    for (const entry of vss) {
      const gateways = gatewaysOf(entry.manifest);
      if (gateways.length > 0 && !gateways.includes(MESH_GATEWAY)) continue;
      const namespace = namespaceOf(entry.manifest);
      const own = new Set((arrayAt(objectAt(entry.manifest, 'spec'), 'hosts') ?? [])
        .filter((h): h is string => typeof h === 'string' && h !== '')
        .map(h => convertHostToFqdn(namespace, h, clusterDomain)));
      for (const d of httpRouteDestinations(entry.manifest)) {
        const fqdn = convertHostToFqdn(namespace, d.host, clusterDomain);
        if (!d.subset || !own.has(fqdn)) continue;
        const list = splitBySubset.get(fqdn);
        if (!list) splitBySubset.set(fqdn, [entry]);
        else if (list[list.length - 1] !== entry) list.push(entry);
      }
    }
    if (splitBySubset.size === 0) return;
    for (const entry of vss) {
      const gateways = gatewaysOf(entry.manifest).filter((g): g is string => typeof g === 'string' && g !== MESH_GATEWAY);
      if (gateways.length === 0) continue;
      const namespace = namespaceOf(entry.manifest);
      for (const d of httpRouteDestinations(entry.manifest)) {
        if (d.subset) continue;
        const fqdn = convertHostToFqdn(namespace, d.host, clusterDomain);
        const split = splitBySubset.get(fqdn);
        if (!split) continue;
        const names = split.slice(0, 3).map(e => resourceId(e.manifest)).join(', ') + (split.length > 3 ? ' and others' : '');
        context.report(entry, `${d.path}.host`,
          `destination host ${JSON.stringify(d.host)} names no subset, while ${names} routes ${fqdn} by subset for the mesh: a gateway applies only the VirtualServices bound to it, so requests through ${gateways.slice(0, 3).join(', ')} reach every version of the host and the subset routing does not apply to them; name the subsets here as well`,
          d.host);
      }
    }
  },
};
