/**
 * XR004: two VirtualServices of one namespace that route the same host on the same gateway
 * (`mesh` when `gateways` is empty). Istio applies only one VirtualService per host to
 * sidecars, and merges those of a gateway in creation order (istioctl analyze IST0109).
 */
import { Severity } from '../../diagnostic';
import { arrayAt, resourceId } from '../../manifest';
import { ManifestEntry, SetRule } from '../../rule';
import { MESH_GATEWAY, vsShape } from '../virtual-service/shape';
import { istioHostName } from './service-host';
import { namespaceOf, setKinds } from './set-index';

/**
 * Istio's `resolveGatewayName`: `ns/name` as is (`./name` in the VirtualService's namespace),
 * a short name in the VirtualService's namespace, and the legacy `name.ns[.svc...]` as `ns/name`.
 */
function resolveGateway(gateway: string, namespace: string): string {
  if (gateway === MESH_GATEWAY) return gateway;
  const slash = gateway.indexOf('/');
  if (slash >= 0) return gateway.slice(0, slash) === '.' ? `${namespace}/${gateway.slice(slash + 1)}` : gateway;
  const [name, gatewayNamespace] = gateway.split('.');
  return gatewayNamespace === undefined ? `${namespace}/${name}` : `${gatewayNamespace}/${name}`;
}

function describeGateways(gateways: readonly string[]): string {
  return gateways.map(g => (g === MESH_GATEWAY ? 'the mesh (sidecars)' : `gateway ${g}`)).join(' and ');
}

function consequence(gateways: readonly string[]): string {
  const mesh = 'sidecars get the routes of only one VirtualService per host and ignore the other\'s';
  const gateway = 'a gateway merges the routes of both in creation order, so a catch-all route of one hides the routes of the other';
  // in the order the gateways are named
  return [...new Set(gateways.map(g => (g === MESH_GATEWAY ? mesh : gateway)))].join('; ');
}

export const duplicateVirtualServiceHostRule: SetRule = {
  code: 'XR004',
  name: 'duplicate-virtual-service-host',
  severity: Severity.WARNING,
  description: 'two VirtualServices of one namespace do not route the same host (short names qualified) on the same gateway, mesh when gateways is empty (istioctl analyze IST0109, ConflictingMeshGatewayHostsAnalyzer)',
  check(manifests, context) {
    const first = new Map<string, ManifestEntry>();
    for (const entry of setKinds(manifests).virtualServices) {
      const namespace = namespaceOf(entry.manifest);
      const shape = vsShape(entry.manifest);
      const gateways = shape.gateways.length > 0 ? [...new Set(shape.gateways.map(g => resolveGateway(g, namespace)))] : [MESH_GATEWAY];
      (arrayAt(shape.spec, 'hosts') ?? []).forEach((host, index) => {
        if (typeof host !== 'string' || host === '') return;
        const name = istioHostName(host, namespace, context.options.clusterDomain);
        let conflicts: Map<ManifestEntry, string[]> | undefined;
        for (const gateway of gateways) {
          const key = `${namespace}\n${gateway}\n${name}`;
          const holder = first.get(key);
          if (!holder) {
            first.set(key, entry);
          } else if (holder !== entry) {
            conflicts ??= new Map();
            conflicts.set(holder, [...(conflicts.get(holder) ?? []), gateway]);
          }
        }
        for (const [holder, shared] of conflicts ?? []) {
          context.report(entry, `spec.hosts[${index}]`,
            `host ${JSON.stringify(host)} is also routed by ${resourceId(holder.manifest)} for ${describeGateways(shared)}: ${consequence(shared)}; merge them into one VirtualService, or route the paths of one through a delegate`,
            host);
        }
      });
    }
  },
};
