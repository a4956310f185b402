/**
 * An Istio Gateway: the gateway pods it configures (its selector) and each server's port,
 * protocol, hosts and TLS mode.
 */
import { arrayAt, isObject, objectAt, stringAt, valueAt } from '../validation/manifest';
import { ResourceRef, refOf } from './resources';
import { selectorText } from './service-summary';
import { NOT_SET, UNREADABLE } from './traffic-policy-text';
import { LabelMap, labelsAt } from './workload-index';

/** One server of a Gateway. */
export interface GatewayServerSummary {
  /** The port number as written; `?` when missing. */
  readonly port: number | string;
  /** The protocol (HTTP, HTTPS, GRPC, HTTP2, MONGO, TCP, TLS); `?` when missing. */
  readonly protocol: string;
  /** The port name, when set. */
  readonly name?: string;
  /** The hosts, as written (`shop/*.example.com`). */
  readonly hosts: readonly string[];
  /** TLS: the mode (`SIMPLE`, `MUTUAL`, `PASSTHROUGH`, ...), `redirect to HTTPS`, or `-`. */
  readonly tls: string;
}

/** A Gateway and its servers in order. */
export interface GatewaySummary {
  readonly namespace: string;
  readonly name: string;
  /** SELECTOR: `istio=ingressgateway`, or `<none>`. */
  readonly selector: string;
  readonly selectorLabels: LabelMap;
  readonly servers: readonly GatewayServerSummary[];
}

/** Summarises one Gateway manifest. Never throws, whatever the manifest holds. */
export function summarizeGateway(manifest: unknown): GatewaySummary {
  const ref = refOf(manifest);
  const spec = objectAt(manifest, 'spec');
  const selectorLabels = labelsAt(spec, 'selector');
  return {
    namespace: ref.namespace,
    name: ref.name,
    selector: selectorText(selectorLabels),
    selectorLabels,
    servers: (arrayAt(spec, 'servers') ?? []).filter(isObject).map(summarizeServer),
  };
}

function summarizeServer(server: Record<string, unknown>): GatewayServerSummary {
  const port = objectAt(server, 'port');
  const number = valueAt(port, 'number');
  const name = stringAt(port, 'name');
  return {
    port: typeof number === 'number' || typeof number === 'string' ? number : UNREADABLE,
    protocol: stringAt(port, 'protocol') || UNREADABLE,
    ...(name ? { name } : {}),
    hosts: (arrayAt(server, 'hosts') ?? []).filter((host): host is string => typeof host === 'string'),
    tls: serverTlsText(valueAt(server, 'tls')),
  };
}

/**
 * The server's TLS mode (`PASSTHROUGH`, the first value of the enum, when `tls` is set
 * without one), or `redirect to HTTPS` for `httpsRedirect`.
 */
function serverTlsText(tls: unknown): string {
  if (tls === undefined || tls === null) return NOT_SET;
  if (!isObject(tls)) return UNREADABLE;
  if (tls.httpsRedirect === true) return 'redirect to HTTPS';
  const mode = tls.mode;
  if (mode === undefined || mode === null) return 'PASSTHROUGH';
  return typeof mode === 'string' ? mode : UNREADABLE;
}

/**
 * The Gateway a VirtualService's `gateways` entry names (Istio's `resolveGatewayName`):
 * `ns/name`, `./name` and `name` in the VirtualService's namespace, and the legacy
 * `name.ns.svc.cluster.local` (the second label is the namespace). Undefined for `mesh`.
 */
export function gatewayRefOf(reference: string, namespace: string): ResourceRef | undefined {
  if (reference === 'mesh' || reference === '') return undefined;
  const slash = reference.indexOf('/');
  if (slash >= 0) {
    const prefix = reference.slice(0, slash);
    return { namespace: prefix === '.' ? namespace : prefix, name: reference.slice(slash + 1) };
  }
  const dot = reference.indexOf('.');
  if (dot < 0) return { namespace, name: reference };
  const rest = reference.slice(dot + 1);
  const next = rest.indexOf('.');
  return { namespace: next < 0 ? rest : rest.slice(0, next), name: reference.slice(0, dot) };
}
