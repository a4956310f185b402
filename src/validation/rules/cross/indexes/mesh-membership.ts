/**
 * Which Services and workloads of a set are in Istio's hands, for the rules about how Istio
 * reads plain Kubernetes objects (XR036-XR038). istioctl checks every Service and every
 * Deployment in the mesh, knowing from the cluster which namespaces are injected; Kiali
 * checks the Services of in-mesh pods. A set of files says so only in places:
 *
 * - a Namespace of the set labelled `istio-injection: enabled`, `istio.io/rev` or
 *   `istio.io/dataplane-mode: ambient` puts its workloads and Services in the mesh;
 * - a pod template labelled or annotated `sidecar.istio.io/inject: "true"` (or labelled
 *   `istio.io/rev`, `istio.io/dataplane-mode: ambient`) puts its workload in the mesh;
 * - a Service that a VirtualService destination or a DestinationRule of the set resolves to
 *   is routed by Istio, and so are the workloads it selects.
 *
 * Pods that opt out (`sidecar.istio.io/inject: "false"`) are never in the mesh.
 */
import { JsonObject, objectAt, stringAt } from '../../../manifest';
import { ManifestEntry } from '../../../rule';
import { DestinationRuleIndex } from './destination-rule-index';
import { destinationsOf } from './destinations';
import { HostRegistry, exportToOf } from './host-registry';
import { groupOf, nameOf, namespaceOf, setKinds } from './set-index';
import { Workload } from './workload-index';
import { SelectingService } from './workload-services';

function own(map: JsonObject | undefined, key: string): unknown {
  return map !== undefined && Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}

/** Whether labels put a namespace (or a pod) in the mesh. */
export function meshLabels(labels: JsonObject | undefined): boolean {
  return own(labels, 'istio-injection') === 'enabled' || typeof own(labels, 'istio.io/rev') === 'string' || own(labels, 'istio.io/dataplane-mode') === 'ambient';
}

const computed = new WeakMap<readonly ManifestEntry[], { length: number; clusterDomain: string; membership: MeshMembership }>();

export class MeshMembership {
  /** The membership of a set, computed once per array (and cluster domain). */
  public static of(manifests: readonly ManifestEntry[], clusterDomain: string): MeshMembership {
    const cached = computed.get(manifests);
    if (cached && cached.length === manifests.length && cached.clusterDomain === clusterDomain) return cached.membership;
    const membership = new MeshMembership(manifests, clusterDomain);
    computed.set(manifests, { length: manifests.length, clusterDomain, membership });
    return membership;
  }

  private readonly namespaces = new Set<string>();
  private readonly routed = new Set<ManifestEntry>();

  private constructor(manifests: readonly ManifestEntry[], clusterDomain: string) {
    const kinds = setKinds(manifests);
    for (const { manifest } of kinds.others) {
      if (stringAt(manifest, 'kind') !== 'Namespace' || groupOf(manifest) !== '') continue;
      const name = nameOf(manifest);
      if (name && meshLabels(objectAt(objectAt(manifest, 'metadata'), 'labels'))) this.namespaces.add(name);
    }
    if (kinds.virtualServices.length === 0 && kinds.destinationRules.length === 0) return;
    const registry = HostRegistry.of(manifests, clusterDomain);
    const route = (namespace: string, exportTo: readonly string[] | undefined, host: string | undefined): void => {
      if (host === undefined || host === '') return;
      const target = registry.resolve(namespace, exportTo, host);
      if (target && target.kind === 'Service') this.routed.add(target.entry);
    };
    for (const entry of kinds.virtualServices) {
      const namespace = namespaceOf(entry.manifest);
      const exportTo = exportToOf(entry.manifest);
      for (const { destination } of destinationsOf(entry.manifest)) route(namespace, exportTo, stringAt(destination, 'host'));
    }
    for (const rule of DestinationRuleIndex.of(manifests, clusterDomain).all) route(rule.namespace, rule.exportTo, rule.host);
  }

  /** Whether the set puts a namespace in the mesh. */
  public namespaceInMesh(namespace: string): boolean {
    return this.namespaces.has(namespace);
  }

  /** Whether Istio routes to a Service, or its namespace is in the mesh. */
  public serviceInMesh(service: ManifestEntry): boolean {
    return this.routed.has(service) || this.namespaces.has(namespaceOf(service.manifest));
  }

  /** Whether a workload is in the mesh: not opted out, and its namespace, its pods or one of its Services say so. */
  public workloadInMesh(workload: Workload, services: readonly SelectingService[]): boolean {
    if (workload.outOfMesh) return false;
    return workload.optedIn || this.namespaces.has(workload.namespace) || services.some(s => this.routed.has(s.entry));
  }
}
