/**
 * What a host names in the set: a Service (as {@link serviceRefOfHost} resolves it), a
 * ServiceEntry host (exactly, or through a wildcard host such as `*.example.com`, the longest
 * that covers it), or nothing. Every host comes out as one lower-case key, the name Istio's
 * registry knows it by (`reviews.shop.svc.cluster.local`, `api.example.com`), so a route
 * destination and a DestinationRule host that mean one thing meet on one key.
 */
import { canonicalHost, serviceRefOfHost } from './host-resolution';
import { ResourceRef, refText } from './resources';
import { ServiceEntrySummary } from './service-entry-summary';
import { ServiceSummary } from './service-summary';

/** The object of the set a host resolves to. */
export interface HostTarget {
  readonly kind: 'Service' | 'ServiceEntry';
  readonly namespace: string;
  readonly name: string;
  /** For a ServiceEntry: the host of the entry that matched (which may be a wildcard). */
  readonly host?: string;
}

/** A host after resolution. */
export interface ResolvedHost {
  /** The registry name, lower case; the wildcard itself for a wildcard host. */
  readonly key: string;
  /** What it names in the set, when anything. */
  readonly target?: HostTarget;
}

/** Longest host a wildcard lookup walks (a DNS name has at most 253 characters). */
const MAX_HOST_LENGTH = 253;

/** Services and ServiceEntry hosts of a set, for looking hosts up. */
export class HostTargets {
  private readonly services = new Map<string, ServiceSummary>();
  private readonly namespaces = new Set<string>();
  private readonly entryHosts = new Map<string, HostTarget>();
  /** Wildcard ServiceEntry hosts by their suffix: `*.example.com` under `.example.com`, `*` under ``. */
  private readonly entryWildcards = new Map<string, HostTarget>();

  public constructor(services: readonly ServiceSummary[], serviceEntries: readonly ServiceEntrySummary[], private readonly clusterDomain: string) {
    for (const service of services) {
      if (!this.services.has(refText(service))) this.services.set(refText(service), service);
      this.namespaces.add(service.namespace);
    }
    for (const entry of serviceEntries) {
      for (const host of entry.hosts) {
        const key = canonicalHost(host, entry.namespace, clusterDomain).toLowerCase();
        const target: HostTarget = { kind: 'ServiceEntry', namespace: entry.namespace, name: entry.name, host };
        if (key.startsWith('*')) {
          if (!this.entryWildcards.has(key.slice(1))) this.entryWildcards.set(key.slice(1), target);
        } else if (!this.entryHosts.has(key)) {
          this.entryHosts.set(key, target);
        }
      }
    }
  }

  /** The Service of the set with this namespace and name, if any. */
  public service(ref: ResourceRef): ServiceSummary | undefined {
    return this.services.get(refText(ref));
  }

  /** Resolves a host written in an object of `namespace`. A wildcard host names only a ServiceEntry host with that wildcard. */
  public resolve(host: string, namespace: string): ResolvedHost {
    const ref = serviceRefOfHost(host, namespace, this.clusterDomain, ns => this.namespaces.has(ns));
    const service = ref && this.services.get(refText(ref));
    if (service) {
      return { key: `${service.name}.${service.namespace}.svc.${this.clusterDomain}`.toLowerCase(), target: { kind: 'Service', namespace: service.namespace, name: service.name } };
    }
    const key = canonicalHost(host, namespace, this.clusterDomain).toLowerCase();
    if (key.startsWith('*')) {
      // a wildcard names only a ServiceEntry host with the very same wildcard
      const entry = this.entryWildcards.get(key.slice(1));
      return entry ? { key, target: entry } : { key };
    }
    const target = this.entryHosts.get(key) ?? longestWildcard(this.entryWildcards, key);
    return target ? { key, target } : { key };
  }
}

/**
 * The value of the longest wildcard suffix in `wildcards` that covers `host`
 * (`a.b.example.com`: `.b.example.com`, then `.example.com`, `.com`, then ``).
 */
export function longestWildcard<V>(wildcards: ReadonlyMap<string, V>, host: string): V | undefined {
  if (wildcards.size === 0 || host.length > MAX_HOST_LENGTH) return undefined;
  for (let dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
    const found = wildcards.get(host.slice(dot));
    if (found !== undefined) return found;
  }
  return wildcards.get('');
}

/** `Service shop/web`, `ServiceEntry shop/api`, `ServiceEntry shop/api host *.example.com` (a wildcard host that covers it). */
export function targetText(target: HostTarget): string {
  const base = `${target.kind} ${target.namespace}/${target.name}`;
  return target.host !== undefined && target.host.startsWith('*') ? `${base} host ${target.host}` : base;
}
