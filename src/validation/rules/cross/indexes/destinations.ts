/**
 * The destinations of every VirtualService of a set, each resolved in the set's host registry
 * (istioctl's `GetDestinationHost`) and, when its host names an in-cluster Service, paired with
 * that Service. XR001, XR002, XR005, XR006 and the subset rules read these lists; they are
 * computed once per set.
 */
import { JsonObject, arrayAt, isObject, objectAt, stringAt, valueAt } from '../../../manifest';
import { ManifestEntry } from '../../../rule';
import { HostRegistry, RegistryEntry, exportToOf } from './host-registry';
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

/** A destination of a VirtualService of the set, resolved in the host registry. */
export interface VsDestination extends DestinationAt {
  /** The VirtualService. */
  readonly entry: ManifestEntry;
  /** The VirtualService's namespace. */
  readonly namespace: string;
  /** The VirtualService's `spec.exportTo`, when it has entries (the lookup scope upstream uses). */
  readonly exportTo: readonly string[] | undefined;
  /** `host` (only string hosts are listed). */
  readonly host: string;
  /** `subset`, when it is a non-empty string. */
  readonly subset: string | undefined;
  /** The ServiceEntry host or Service the host resolves to for this VirtualService, if any. */
  readonly resolved: RegistryEntry | undefined;
  /** The in-cluster Service the host names (`resolveServiceHost`), whether or not the set holds it. */
  readonly target: ServiceHost | undefined;
  /** That Service, when the set holds it. */
  readonly service: ServiceInfo | undefined;
}

export interface ServiceDestinations {
  readonly services: ServiceIndex;
  /** The destinations whose host names an in-cluster Service no ServiceEntry of the set declares. */
  readonly destinations: ServiceDestination[];
  /** Every destination with a string host, resolved. */
  readonly all: VsDestination[];
  readonly registry: HostRegistry;
}

/**
 * The engine hands every set rule the same array, and several rules read these destinations:
 * they are computed once per array (and cluster domain). A new array, or one whose length
 * changed, is read afresh.
 */
const computed = new WeakMap<readonly ManifestEntry[], { length: number; clusterDomain: string; result: ServiceDestinations }>();

/**
 * The destinations of the set's VirtualServices: `all` of them, resolved in the set's
 * {@link HostRegistry}; and, in `destinations`, those whose host names an in-cluster Service
 * (see `resolveServiceHost`) that no ServiceEntry of the set declares, as written or as the
 * Service's FQDN (XR006 reads these: the ServiceEntry decides what such a host means).
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
  const registry = HostRegistry.of(manifests, clusterDomain);
  const destinations: ServiceDestination[] = [];
  const all: VsDestination[] = [];
  for (const entry of setKinds(manifests).virtualServices) {
    const namespace = namespaceOf(entry.manifest);
    const exportTo = exportToOf(entry.manifest);
    const context = { namespace, clusterDomain, hasServicesIn };
    for (const { path, destination } of destinationsOf(entry.manifest)) {
      const host = stringAt(destination, 'host');
      if (host === undefined || host === '') continue;
      const target = resolveServiceHost(host, context);
      const service = target && services.byName.get(serviceKey(target.namespace, target.name));
      const subset = stringAt(destination, 'subset') || undefined;
      all.push({ path, destination, entry, namespace, exportTo, host, subset, resolved: registry.resolve(namespace, exportTo, host), target, service });
      if (!target || serviceEntries.declares(host) || serviceEntries.declares(target.fqdn)) continue;
      destinations.push({ path, destination, entry, host, target, service });
    }
  }
  return { services, destinations, all, registry };
}

/**
 * The registry entry whose ports a destination's port is checked against: the entry its host
 * resolves to; else, when the host names a Service of the set that the lookup does not see
 * (a DNS search-path form, or a Service exported elsewhere), that Service.
 */
export function portOwner(d: VsDestination, registry: HostRegistry): RegistryEntry | undefined {
  if (d.resolved) return d.resolved;
  if (!d.target || !d.service) return undefined;
  const owner = registry.serviceFor(d.target.fqdn);
  return owner && owner.entry === d.service.entry ? owner : undefined;
}
