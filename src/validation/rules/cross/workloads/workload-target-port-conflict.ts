/**
 * XR038: a workload whose Services send different Service ports to the same targetPort
 * (istioctl analyze IST0137, DeploymentConflictingPorts; MultiServiceAnalyzer). Istio builds
 * the pod's inbound configuration per target port from the Service ports, so two Service
 * ports for one target port compete with their names and protocols.
 *
 * As upstream, the targetPort is compared as written (a number, or a name; unset is the
 * port), and two ports of one Service count as well as ports of two Services. Upstream
 * checks Deployments in the mesh; here every kind of workload is checked when the set puts
 * it in the mesh (see `mesh-membership.ts`), never one that opts out
 * (`sidecar.istio.io/inject: "false"`) or an Istio waypoint.
 */
import { Severity } from '../../../diagnostic';
import { resourceId, valueAt } from '../../../manifest';
import { ManifestEntry, SetRule } from '../../../rule';
import { servicePorts } from '../../service/fields';
import { servicesByWorkload } from '../indexes/workload-services';
import { MeshMembership } from '../indexes/mesh-membership';

function targetPortText(port: unknown, number: number): string {
  const target = valueAt(port, 'targetPort');
  if (typeof target === 'string' && target !== '') return target;
  if (typeof target === 'number' && target !== 0) return String(target);
  return String(number);
}

export const workloadTargetPortConflictRule: SetRule = {
  code: 'XR038',
  name: 'workload-target-port-conflict',
  severity: Severity.WARNING,
  upstream: ['IST0137'],
  description: 'the Services that select one workload do not send different Service ports to the same targetPort (istioctl analyze IST0137, MultiServiceAnalyzer; targetPorts compared as written, unset meaning the port); every workload kind is checked, not only Deployments (those with sidecar.istio.io/inject "false" and waypoints are skipped, as upstream); checked for workloads the set puts in the mesh: in a namespace labelled for injection, with pods that ask for a sidecar, or selected by a Service a VirtualService or DestinationRule of the set routes to',
  check(manifests, context) {
    const membership = MeshMembership.of(manifests, context.options.clusterDomain);
    for (const [workload, services] of servicesByWorkload(manifests)) {
      if (!membership.workloadInMesh(workload, services)) continue;
      // targetPort, then Service port number, then the first Service using it
      const targets = new Map<string, Map<number, ManifestEntry>>();
      for (const service of services) {
        for (const { port } of servicePorts(service.spec)) {
          const number = port?.port;
          if (typeof number !== 'number') continue;
          const target = targetPortText(port, number);
          const byPort = targets.get(target) ?? new Map<number, ManifestEntry>();
          targets.set(target, byPort);
          if (!byPort.has(number)) byPort.set(number, service.entry);
        }
      }
      for (const [target, byPort] of targets) {
        if (byPort.size < 2) continue;
        const uses = [...byPort].sort(([a], [b]) => a - b).map(([number, entry]) => `port ${number} of ${resourceId(entry.manifest)}`).join(', ');
        context.report(workload.entry, workload.labelsPath,
          `the pods of ${resourceId(workload.entry.manifest)} are reached on targetPort ${JSON.stringify(target)} through different Service ports (${uses}): Istio configures the pod's inbound traffic per target port, so the Service ports' names and protocols compete there; use one Service port per targetPort across the Services of these pods`);
      }
    }
  },
};
