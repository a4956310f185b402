/**
 * XR037: a workload selected by several Services that use one port number with different
 * protocols (istioctl analyze IST0116, DeploymentAssociatedToMultipleServices;
 * MultiServiceAnalyzer). Istio's application requirements: when a pod belongs to several
 * Services, they cannot use the same port number for different protocols.
 *
 * Upstream checks Deployments in the mesh, knowing from the cluster which namespaces are
 * injected. Here every kind of workload is checked when the set puts it in the mesh (see
 * `mesh-membership.ts`), never one that opts out (`sidecar.istio.io/inject: "false"`) or an
 * Istio waypoint. Upstream also counts one Service that serves a port over TCP and UDP (the
 * usual DNS Service); that is not several Services, so the protocols must come from at
 * least two Services here.
 */
import { Severity } from '../../../diagnostic';
import { resourceId } from '../../../manifest';
import { ManifestEntry, SetRule } from '../../../rule';
import { protocolOf, servicePorts } from '../../service/fields';
import { servicesByWorkload } from '../indexes/workload-services';
import { MeshMembership } from '../indexes/mesh-membership';

export const workloadPortProtocolConflictRule: SetRule = {
  code: 'XR037',
  name: 'workload-port-protocol-conflict',
  severity: Severity.WARNING,
  upstream: ['IST0116'],
  description: 'the Services that select one workload do not use one port number with different protocols (TCP, UDP, SCTP) in different Services (istioctl analyze IST0116, MultiServiceAnalyzer); every workload kind is checked, not only Deployments (those with sidecar.istio.io/inject "false" and waypoints are skipped, as upstream), and one Service serving a port over both TCP and UDP is not counted; checked for workloads the set puts in the mesh: in a namespace labelled for injection, with pods that ask for a sidecar, or selected by a Service a VirtualService or DestinationRule of the set routes to',
  check(manifests, context) {
    const membership = MeshMembership.of(manifests, context.options.clusterDomain);
    for (const [workload, services] of servicesByWorkload(manifests)) {
      if (!membership.workloadInMesh(workload, services)) continue;
      if (services.length < 2) continue;
      // port number, then protocol, then the Services using it
      const ports = new Map<number, Map<string, ManifestEntry[]>>();
      for (const service of services) {
        for (const { port } of servicePorts(service.spec)) {
          const number = port?.port;
          if (typeof number !== 'number') continue;
          const protocols = ports.get(number) ?? new Map<string, ManifestEntry[]>();
          ports.set(number, protocols);
          const users = protocols.get(protocolOf(port)) ?? [];
          protocols.set(protocolOf(port), users);
          if (!users.includes(service.entry)) users.push(service.entry);
        }
      }
      for (const [number, protocols] of ports) {
        if (protocols.size < 2) continue;
        const distinct = new Set([...protocols.values()].flat());
        if (distinct.size < 2) continue;
        const uses = [...protocols].map(([protocol, users]) => `${protocol} in ${users.map(u => resourceId(u.manifest)).join(', ')}`).join('; ');
        context.report(workload.entry, workload.labelsPath,
          `the pods of ${resourceId(workload.entry.manifest)} are selected by Services that use port ${number} with different protocols (${uses}): Istio supports one protocol per port number across the Services of a pod; give the protocols different port numbers, or stop one Service from selecting these pods`);
      }
    }
  },
};
