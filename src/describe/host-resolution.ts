/**
 * Which Service of the set a VirtualService host or destination host names. The rule is the
 * validation's (`resolveServiceHost`, shared with the XR rules): `name` in the VirtualService's
 * namespace, `name.namespace.svc.<cluster domain>`, and the DNS search-path forms
 * `name.namespace` and `name.namespace.svc`, which a reader means as the Service although
 * Istio does not expand them (XR006 warns about those).
 */
import { istioHostName, resolveServiceHost } from '../validation/rules/cross/indexes/service-host';
import { ResourceRef } from './resources';

/** The cluster DNS domain when none is given. */
export const DEFAULT_CLUSTER_DOMAIN = 'cluster.local';

/**
 * The namespace and name a host spells, or undefined when it cannot name a Service of this
 * cluster (a wildcard, an IP address, an outside name such as `api.example.com`). Whether that
 * Service exists is for the caller to check; `hasServicesIn` tells `reviews.shop` (namespace
 * `shop` has Services) from `example.com`.
 */
export function serviceRefOfHost(
  host: string,
  namespace: string,
  clusterDomain: string = DEFAULT_CLUSTER_DOMAIN,
  hasServicesIn: (namespace: string) => boolean = () => true,
): ResourceRef | undefined {
  const resolved = resolveServiceHost(host, { namespace, clusterDomain, hasServicesIn });
  return resolved ? { namespace: resolved.namespace, name: resolved.name } : undefined;
}

/**
 * The host as Istio's registry looks it up (ResolveShortnameToFQDN): a name without a dot is
 * `name.namespace.svc.<cluster domain>`; anything else as written.
 */
export function canonicalHost(host: string, namespace: string, clusterDomain: string = DEFAULT_CLUSTER_DOMAIN): string {
  return istioHostName(host, namespace, clusterDomain);
}
