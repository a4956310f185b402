/**
 * Which in-cluster Service a VirtualService host names, in the forms Kubernetes DNS knows.
 *
 * Istio itself qualifies only a name without a dot (`ResolveShortnameToFQDN`: `reviews` in a
 * VirtualService of namespace `shop` is `reviews.shop.svc.<domain>`) and takes every other
 * name as written. So `reviews.shop.svc.<domain>` and `reviews` find the Service, while the
 * DNS search-path forms `reviews.shop` and `reviews.shop.svc` name it for a reader but find
 * nothing in Istio's registry (they are `partial` here, and XR006 says so).
 */
import { parseIp } from '../../../format/ip';

/**
 * How a host names a Service: `short` (`reviews`), `fqdn` (`reviews.shop.svc.<domain>`),
 * or `partial` (`reviews.shop`, `reviews.shop.svc`).
 */
export type HostForm = 'short' | 'fqdn' | 'partial';

export interface ServiceHost {
  readonly namespace: string;
  readonly name: string;
  readonly form: HostForm;
  /** The name Istio's registry knows the Service by: `reviews.shop.svc.<domain>`. */
  readonly fqdn: string;
}

export interface HostContext {
  /** The namespace of the VirtualService (short names resolve there). */
  readonly namespace: string;
  readonly clusterDomain: string;
  /**
   * Whether the set has Services in a namespace: `reviews.shop` is taken for a Service only
   * when `shop` is such a namespace, since `example.com` has the same shape.
   */
  readonly hasServicesIn: (namespace: string) => boolean;
}

function serviceHost(name: string, namespace: string, form: HostForm, clusterDomain: string): ServiceHost {
  return { name, namespace, form, fqdn: `${name}.${namespace}.svc.${clusterDomain}` };
}

/**
 * The Service a destination or VirtualService host names, or undefined when it names none:
 * wildcards, IP addresses, names with a trailing dot or an empty label, and every other
 * FQDN (ServiceEntry and external hosts).
 */
export function resolveServiceHost(host: string, context: HostContext): ServiceHost | undefined {
  if (host === '' || host.startsWith('*') || parseIp(host)) return undefined;
  const labels = host.split('.');
  if (labels.some(label => label === '')) return undefined;
  if (labels.length === 1) return serviceHost(host, context.namespace, 'short', context.clusterDomain);
  const suffix = `.svc.${context.clusterDomain}`;
  if (host.endsWith(suffix)) {
    const rest = host.slice(0, -suffix.length).split('.');
    return rest.length === 2 ? serviceHost(rest[0], rest[1], 'fqdn', context.clusterDomain) : undefined;
  }
  if (labels.length === 3 && labels[2] === 'svc') return serviceHost(labels[0], labels[1], 'partial', context.clusterDomain);
  if (labels.length === 2 && context.hasServicesIn(labels[1])) {
    return serviceHost(labels[0], labels[1], 'partial', context.clusterDomain);
  }
  return undefined;
}

/**
 * The host as Istio's registry looks it up (`ResolveShortnameToFQDN`): a name without a dot
 * gets `.<namespace>.svc.<domain>`; anything else (wildcards and IPs included) stays as is.
 */
export function istioHostName(host: string, namespace: string, clusterDomain: string): string {
  if (host === '*' || host.includes('.') || parseIp(host)) return host;
  return `${host}.${namespace}.svc.${clusterDomain}`;
}
