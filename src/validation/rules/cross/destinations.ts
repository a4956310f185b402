/**
 * The destinations of every VirtualService of a set that name an in-cluster Service, paired
 * with that Service when the set holds it. XR001, XR002, XR005 and XR006 read this list.
 */
import { JsonObject, arrayAt, isObject, objectAt, stringAt, valueAt } from '../../manifest';
import { ManifestEntry } from '../../rule';
import { ServiceHost, resolveServiceHost } from './service-host';
import { ServiceEntryHosts, ServiceIndex, ServiceInfo, indexServices, namespaceOf, serviceKey, setKinds } from './set-index';

/** One `Destination` object of a VirtualService, with its path. */
export interface DestinationAt {
  /** `spec.http[0].route[1].destination`, `spec.http[0].mirror`, `spec.http[0].mirrors[0].destination` */
  readonly path: string;
  readonly destination: JsonObject;
}

function routeDestinations(route: unknown, base: string, into: DestinationAt[]): void {
  (arrayAt(route, 'route') ?? []).forEach((entry, index) => {
    const destination = valueAt(entry, 'destination');
    if (isObject(destination)) into.push({ path: `${base}.route[${index}].destination`, destination });
  });
}

/**
 * Every destination object of a VirtualService: `route[].destination` of http, tcp and tls
 * routes, and `mirror` and `mirrors[].destination` of http routes. Entries of a wrong type
 * are skipped (the VirtualService rules report them).
 */
export function destinationsOf(manifest: JsonObject): DestinationAt[] {
  const spec = objectAt(manifest, 'spec');
  const found: DestinationAt[] = [];
  (arrayAt(spec, 'http') ?? []).forEach((route, i) => {
    const path = `spec.http[${i}]`;
    routeDestinations(route, path, found);
    const mirror = valueAt(route, 'mirror');
    if (isObject(mirror)) found.push({ path: `${path}.mirror`, destination: mirror });
    (arrayAt(route, 'mirrors') ?? []).forEach((entry, index) => {
      const destination = valueAt(entry, 'destination');
      if (isObject(destination)) found.push({ path: `${path}.mirrors[${index}].destination`, destination });
    });
  });
  for (const key of ['tcp', 'tls']) {
    (arrayAt(spec, key) ?? []).forEach((route, i) => routeDestinations(route, `spec.${key}[${i}]`, found));
  }
  return found;
}

/** A destination whose host names an in-cluster Service. */
export interface ServiceDestination extends DestinationAt {
  /** The VirtualService. */
  readonly entry: ManifestEntry;
  readonly host: string;
  /** The Service the host names. */
  readonly target: ServiceHost;
  /** That Service, when the set holds it. */
  readonly service: ServiceInfo | undefined;
}

export interface ServiceDestinations {
  readonly services: ServiceIndex;
  readonly destinations: ServiceDestination[];
}

/**
 * The engine hands every set rule the same array, and four rules read these destinations:
 * they are computed once per array (and cluster domain). A new array, or one whose length
 * changed, is read afresh.
 */
const computed = new WeakMap<readonly ManifestEntry[], { length: number; clusterDomain: string; result: ServiceDestinations }>();

/**
 * The destinations of the set's VirtualServices whose host names an in-cluster Service
 * (see `resolveServiceHost`). A host that a ServiceEntry of the set declares, as written or
 * as the Service's FQDN, is left out: the ServiceEntry decides what it means.
 */
export function serviceDestinations(manifests: readonly ManifestEntry[], clusterDomain: string): ServiceDestinations {
  const cached = computed.get(manifests);
  if (cached && cached.length === manifests.length && cached.clusterDomain === clusterDomain) return cached.result;
  const result = findServiceDestinations(manifests, clusterDomain);
  computed.set(manifests, { length: manifests.length, clusterDomain, result });
  return result;
}

function findServiceDestinations(manifests: readonly ManifestEntry[], clusterDomain: string): ServiceDestinations {
  const services = indexServices(manifests);
  const serviceEntries = ServiceEntryHosts.of(manifests);
  const hasServicesIn = (namespace: string): boolean => services.namespaces.has(namespace);
  const destinations: ServiceDestination[] = [];
  for (const entry of setKinds(manifests).virtualServices) {
    const context = { namespace: namespaceOf(entry.manifest), clusterDomain, hasServicesIn };
    for (const { path, destination } of destinationsOf(entry.manifest)) {
      const host = stringAt(destination, 'host');
      if (host === undefined) continue;
      const target = resolveServiceHost(host, context);
      if (!target || serviceEntries.declares(host) || serviceEntries.declares(target.fqdn)) continue;
      const service = services.byName.get(serviceKey(target.namespace, target.name));
      destinations.push({ path, destination, entry, host, target, service });
    }
  }
  return { services, destinations };
}
