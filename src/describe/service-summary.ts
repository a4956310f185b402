/**
 * What `kubectl get svc -o wide` (and the port lines of `kubectl describe svc`) would show for a
 * Service manifest, without a cluster: the API server's defaults are applied (type ClusterIP,
 * protocol TCP, targetPort = port), and values only the cluster can pick are `<assigned>`.
 */
import { arrayAt, entriesAt, isObject, objectAt, stringAt, valueAt } from '../validation/manifest';
import { refOf } from './resources';

/** A value the API server picks when the Service is created (a cluster IP, a node port). */
export const ASSIGNED = '<assigned>';
/** kubectl's marker for an empty column. */
export const NONE = '<none>';

/** One port of a Service, after defaulting. */
export interface ServicePortSummary {
  /** The port's name; absent when the manifest gives none. */
  readonly name?: string;
  /** The Service port, as written (a number unless the manifest is wrong; `?` when missing). */
  readonly port: number | string;
  /** `TCP` unless the manifest says otherwise. */
  readonly protocol: string;
  /** The pod port traffic goes to: a number or a container port name; the Service port when unset. */
  readonly targetPort: number | string;
  /** The node port: a number, `<assigned>` when the API server allocates one, absent when none. */
  readonly nodePort?: number | string;
  /** The application protocol, when set. */
  readonly appProtocol?: string;
}

/** A Service as kubectl shows it; the string fields are the columns of `kubectl get svc -o wide`. */
export interface ServiceSummary {
  readonly namespace: string;
  readonly name: string;
  /** TYPE: ClusterIP, NodePort, LoadBalancer or ExternalName (ClusterIP when unset). */
  readonly type: string;
  /** CLUSTER-IP: the fixed address, `None` for a headless Service, `<assigned>`, or `<none>` for ExternalName. */
  readonly clusterIP: string;
  /** EXTERNAL-IP: the external name, external IPs and load balancer addresses, `<pending>` or `<none>`. */
  readonly externalIP: string;
  /** PORT(S) in kubectl's form: `80:30007/TCP,443/TCP`, or `<none>`. */
  readonly ports: string;
  /** SELECTOR in kubectl's form: `app=foo,tier=web`, or `<none>`. */
  readonly selector: string;
  /** The selector as a map (empty when the Service has none). */
  readonly selectorLabels: Readonly<Record<string, string>>;
  /** Each port after defaulting. */
  readonly portList: readonly ServicePortSummary[];
  /** Session affinity (`None` unless set). */
  readonly sessionAffinity: string;
  /** External traffic policy of NodePort and LoadBalancer Services (`Cluster` unless set). */
  readonly externalTrafficPolicy?: string;
  /** Internal traffic policy (`Cluster` unless set); ExternalName Services have none. */
  readonly internalTrafficPolicy?: string;
  /** The DNS name an ExternalName Service aliases. */
  readonly externalName?: string;
}

/** Summarises one Service manifest. Never throws, whatever the manifest holds. */
export function summarizeService(manifest: unknown): ServiceSummary {
  const ref = refOf(manifest);
  const spec = objectAt(manifest, 'spec');
  const type = stringAt(spec, 'type') || 'ClusterIP';
  const portList = (arrayAt(spec, 'ports') ?? []).filter(isObject).map(port => summarizePort(port, allocatesNodePorts(spec, type)));
  const selectorLabels = selectorOf(spec);
  const externalName = type === 'ExternalName' ? stringAt(spec, 'externalName') : undefined;
  const sendsExternalTraffic = type === 'NodePort' || type === 'LoadBalancer';
  return {
    namespace: ref.namespace,
    name: ref.name,
    type,
    clusterIP: clusterIpOf(spec, type),
    externalIP: externalIpOf(manifest, type),
    ports: portList.length === 0 ? NONE : portList.map(portText).join(','),
    selector: selectorText(selectorLabels),
    selectorLabels,
    portList,
    sessionAffinity: stringAt(spec, 'sessionAffinity') || 'None',
    ...(sendsExternalTraffic ? { externalTrafficPolicy: stringAt(spec, 'externalTrafficPolicy') || 'Cluster' } : {}),
    ...(type !== 'ExternalName' ? { internalTrafficPolicy: stringAt(spec, 'internalTrafficPolicy') || 'Cluster' } : {}),
    ...(externalName !== undefined ? { externalName } : {}),
  };
}

/** NodePort Services, and LoadBalancer ones unless `allocateLoadBalancerNodePorts: false`, get node ports. */
function allocatesNodePorts(spec: unknown, type: string): boolean {
  return type === 'NodePort' || (type === 'LoadBalancer' && valueAt(spec, 'allocateLoadBalancerNodePorts') !== false);
}

function summarizePort(port: Record<string, unknown>, allocatesNodePort: boolean): ServicePortSummary {
  const number = portValue(port.port) ?? '?';
  const nodePort = typeof port.nodePort === 'number' && port.nodePort > 0 ? port.nodePort : allocatesNodePort ? ASSIGNED : undefined;
  const name = stringAt(port, 'name');
  const appProtocol = stringAt(port, 'appProtocol');
  // the API server sets targetPort to port when it is unset (or 0 or empty)
  const targetPort = port.targetPort === 0 || port.targetPort === '' ? undefined : portValue(port.targetPort);
  return {
    ...(name ? { name } : {}),
    port: number,
    protocol: stringAt(port, 'protocol') || 'TCP',
    targetPort: targetPort ?? number,
    ...(nodePort !== undefined ? { nodePort } : {}),
    ...(appProtocol ? { appProtocol } : {}),
  };
}

/** kubectl's `makePortString` entry: `port/protocol`, or `port:nodePort/protocol`. */
function portText(port: ServicePortSummary): string {
  return port.nodePort !== undefined ? `${port.port}:${port.nodePort}/${port.protocol}` : `${port.port}/${port.protocol}`;
}

function clusterIpOf(spec: unknown, type: string): string {
  if (type === 'ExternalName') return NONE;
  const first = (arrayAt(spec, 'clusterIPs') ?? [])[0];
  const fixed = stringAt(spec, 'clusterIP') || (typeof first === 'string' ? first : '');
  return fixed || ASSIGNED;
}

/** kubectl's `getServiceExternalIP`, with `wide` output (no truncation). */
function externalIpOf(manifest: unknown, type: string): string {
  const spec = objectAt(manifest, 'spec');
  const externalIps = (arrayAt(spec, 'externalIPs') ?? []).filter((ip): ip is string => typeof ip === 'string' && ip !== '');
  switch (type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIps.length > 0 ? externalIps.join(',') : NONE;
    case 'LoadBalancer': {
      const ingress = arrayAt(objectAt(objectAt(manifest, 'status'), 'loadBalancer'), 'ingress') ?? [];
      const addresses = ingress.map(entry => stringAt(entry, 'ip') || stringAt(entry, 'hostname')).filter((a): a is string => !!a);
      const all = [...addresses, ...externalIps];
      return all.length > 0 ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return stringAt(spec, 'externalName') ?? '';
    default:
      return '<unknown>';
  }
}

function selectorOf(spec: unknown): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [key, value] of entriesAt(spec, 'selector')) {
    labels[key] = scalarText(value) ?? '';
  }
  return labels;
}

/** kubectl's `labels.FormatLabels`: keys sorted, `key=value` joined by commas, `<none>` when empty. */
export function selectorText(labels: Readonly<Record<string, string>>): string {
  const keys = Object.keys(labels).sort();
  return keys.length === 0 ? NONE : keys.map(key => `${key}=${labels[key]}`).join(',');
}

/** A port as written: a number or a string; undefined for anything else. */
function portValue(value: unknown): number | string | undefined {
  return typeof value === 'number' || typeof value === 'string' ? value : undefined;
}

/** A string or number as text; undefined for anything else. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
