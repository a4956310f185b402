/**
 * XR036: a Service port whose name or `appProtocol` names no protocol Istio knows (istioctl
 * analyze IST0118, and IST0150 for ExternalName Services; PortNameAnalyzer; Kiali KIA0601,
 * KIA0602). Istio then sniffs the protocol of the port's traffic (an ExternalName Service
 * has no endpoints to sniff for), so HTTP routing and telemetry may not apply.
 *
 * The protocol is read as Istio's `kube.ConvertProtocol` reads it: a UDP port is UDP;
 * `appProtocol` replaces the name (`kubernetes.io/h2c`, `kubernetes.io/ws`,
 * `kubernetes.io/wss` are HTTP2, HTTP, HTTPS); a name starting with `grpc-web` is gRPC-Web;
 * otherwise the part before the first `-`, in any letter case, must be a protocol of
 * `protocol.Parse`; a port 25, 53, 3306 or 27017 with an unknown name is TCP.
 *
 * Only Services the set puts in the mesh are checked (`mesh-membership.ts`: routed by a
 * VirtualService or DestinationRule of the set, in a namespace labelled for injection, or
 * selecting pods that ask for a sidecar), and not those whose pods in the set all opt out:
 * Kiali checks the Services of in-mesh pods only, and a Service outside the mesh does not
 * care how Istio reads its ports.
 */
import { Severity } from '../../../diagnostic';
import { isObject, objectAt, show, stringAt, valueAt } from '../../../manifest';
import { ManifestEntry, SetRule } from '../../../rule';
import { protocolOf, servicePorts } from '../../service/fields';
import { serviceShape } from '../../service/service-type';
import { namespaceOf, setKinds } from '../indexes/set-index';
import { MeshMembership } from '../indexes/mesh-membership';
import { WorkloadIndex, labelPairs } from '../indexes/workload-index';

/** `protocol.Parse`, lower-cased. */
const PROTOCOLS: ReadonlySet<string> = new Set(['tcp', 'udp', 'grpc', 'grpc-web', 'http', 'http_proxy', 'http2', 'https', 'tls', 'mongo', 'redis', 'mysql']);
const APP_PROTOCOLS: ReadonlySet<string> = new Set(['kubernetes.io/h2c', 'kubernetes.io/ws', 'kubernetes.io/wss']);
/** SMTP, DNS, MySQL, MongoDB: Istio takes them for TCP whatever their name. */
const WELL_KNOWN_PORTS: ReadonlySet<number> = new Set([25, 53, 3306, 27017]);
/** Namespaces `istioctl analyze` drops from file input. */
const IGNORED_NAMESPACES: ReadonlySet<string> = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']);
/** `gateway.istio.io/managed` values of the Services Istio's gateway controllers create. */
const MANAGED_GATEWAYS: ReadonlySet<string> = new Set(['istio.io-gateway-controller', 'istio.io-mesh-controller', 'istio.io-eastwest-controller']);
const PROTOCOL_LIST = 'http, http2, https, grpc, grpc-web, tcp, tls, udp, mongo, mysql, redis';

/** Whether `kube.ConvertProtocol` finds a supported protocol. */
function knownProtocol(port: number | undefined, name: string, protocol: string, appProtocol: string | undefined): boolean {
  if (protocol === 'UDP') return true;
  const text = appProtocol ?? name;
  if (appProtocol !== undefined && APP_PROTOCOLS.has(appProtocol)) return true;
  if (text.toLowerCase().startsWith('grpc-web')) return true;
  const dash = text.indexOf('-');
  if (PROTOCOLS.has((dash >= 0 ? text.slice(0, dash) : text).toLowerCase())) return true;
  return port !== undefined && WELL_KNOWN_PORTS.has(port);
}

/** Istio's own Services (`IsIstioControlPlane`) and those its gateway controllers manage. */
function isIstioManaged(manifest: unknown): boolean {
  const labels = objectAt(objectAt(manifest, 'metadata'), 'labels');
  if (!labels) return false;
  if (Object.prototype.hasOwnProperty.call(labels, 'istio') || valueAt(labels, 'release') === 'istio') return true;
  const managed = Object.prototype.hasOwnProperty.call(labels, 'gateway.istio.io/managed') ? valueAt(labels, 'gateway.istio.io/managed') : undefined;
  return typeof managed === 'string' && MANAGED_GATEWAYS.has(managed);
}

/**
 * Whether the set puts a Service in the mesh (see `mesh-membership.ts`): Istio routes to it,
 * its namespace is in the mesh, or pods it selects ask for the mesh; never when all the pods
 * it selects in the set opt out.
 */
function inMesh(entry: ManifestEntry, spec: unknown, workloads: WorkloadIndex, membership: MeshMembership): boolean {
  const selector = spec === undefined ? undefined : labelPairs(objectAt(spec, 'selector'));
  const namespace = namespaceOf(entry.manifest);
  const selected = selector && selector.length > 0 && workloads.hasWorkloads(namespace) ? workloads.select(selector, namespace) : [];
  if (selected.length > 0 && selected.every(w => w.outOfMesh)) return false;
  return membership.serviceInMesh(entry) || selected.some(w => w.optedIn && !w.outOfMesh);
}

export const servicePortProtocolRule: SetRule = {
  code: 'XR036',
  name: 'service-port-protocol',
  severity: Severity.WARNING,
  upstream: ['IST0118', 'IST0150', 'KIA0601', 'KIA0602'],
  description: 'a Service port names its protocol for Istio: appProtocol, or a name <protocol>[-suffix], with the protocol one of http, http2, https, grpc, grpc-web, tcp, tls, udp, mongo, mysql, redis (istioctl analyze IST0118, IST0150 for ExternalName, PortNameAnalyzer; Kiali KIA0601, KIA0602); read as istioctl and istiod read it (kube.ConvertProtocol: any letter case, UDP ports and the well-known ports 25, 53, 3306, 27017 pass), not with Kiali\'s case-sensitive prefix, since that is what the proxy applies; a warning (IST0118 is Info, mapped to warning; KIA0601 is an Error), since traffic still flows with protocol sniffing; Istio\'s own Services and those of kube-system are skipped as istioctl does; checked for the Services the set puts in the mesh (routed by a VirtualService or DestinationRule of the set, in a namespace labelled for injection, or selecting pods that ask for a sidecar), as Kiali checks in-mesh Services only',
  check(manifests, context) {
    const workloads = WorkloadIndex.of(manifests);
    const membership = MeshMembership.of(manifests, context.options.clusterDomain);
    for (const entry of setKinds(manifests).services) {
      if (IGNORED_NAMESPACES.has(namespaceOf(entry.manifest)) || isIstioManaged(entry.manifest)) continue;
      const shape = serviceShape(entry.manifest);
      const externalName = shape.type === 'ExternalName';
      if (!inMesh(entry, externalName ? undefined : shape.spec, workloads, membership)) continue;
      for (const { port, path } of servicePorts(shape.spec)) {
        if (!isObject(port)) continue;
        const rawName = valueAt(port, 'name');
        const rawApp = valueAt(port, 'appProtocol');
        // wrong types are the Service rules' concern
        if ((rawName !== undefined && rawName !== null && typeof rawName !== 'string') || (rawApp !== undefined && rawApp !== null && typeof rawApp !== 'string')) continue;
        const name = stringAt(port, 'name') ?? '';
        const appProtocol = stringAt(port, 'appProtocol');
        const number = typeof valueAt(port, 'port') === 'number' ? valueAt(port, 'port') as number : undefined;
        const known = knownProtocol(number, name, protocolOf(port), appProtocol);
        const tcpExternal = externalName && name === 'tcp' && appProtocol === undefined;
        if (known && !tcpExternal) continue;
        const portText = number === undefined ? '' : `port ${number} `;
        if (externalName) {
          context.report(entry, appProtocol === undefined ? `${path}.name` : `${path}.appProtocol`,
            `${portText}of this ExternalName Service ${appProtocol !== undefined ? `has appProtocol ${show(appProtocol)}` : name === '' ? 'has no name' : `is named ${show(name)}`}: sidecars may not forward TCP traffic for a port named "tcp" or of an unknown protocol to ${show(stringAt(shape.spec, 'externalName') ?? '')}; name the port after the protocol it serves, such as "https" or "tls-db" (or http, http2, grpc)`,
            appProtocol ?? name);
        } else if (appProtocol !== undefined) {
          context.report(entry, `${path}.appProtocol`,
            `${portText}appProtocol ${show(appProtocol)} is not a protocol Istio knows (${PROTOCOL_LIST}, kubernetes.io/h2c, kubernetes.io/ws, kubernetes.io/wss): Istio sniffs the traffic's protocol instead; set one of these`,
            appProtocol);
        } else if (name === '') {
          context.report(entry, path,
            `${portText}has neither a name nor an appProtocol: Istio sniffs the traffic's protocol; name it <protocol>[-suffix] such as "http" or "grpc-api" (protocol one of ${PROTOCOL_LIST}), or set appProtocol`);
        } else {
          context.report(entry, `${path}.name`,
            `${portText}name ${show(name)} does not start with a protocol Istio knows (${PROTOCOL_LIST}, then "-" and any suffix): Istio sniffs the traffic's protocol; rename it, for example ${show(`http-${name}`)}, or set appProtocol`,
            name);
        }
      }
    }
  },
};
