/**
 * The hosts a set of manifests declares to the mesh, scoped by who may see them: istioctl
 * analyze's `InitServiceEntryHostMap` and `GetDestinationHost` (istio/istio
 * `pkg/config/analysis/analyzers/util/service_lookup.go`).
 *
 * - Each ServiceEntry host (a short name qualified in the ServiceEntry's namespace), with the
 *   entry's ports, under each scope of its `exportTo`: none or `*` is every namespace, `.` its
 *   own namespace, any other entry that namespace.
 * - Each Service of the set as a synthetic entry for `<name>.<ns>.svc.<cluster domain>` with its
 *   ports, under the scopes of its `networking.istio.io/exportTo` annotation (a comma list;
 *   absent is every namespace).
 *
 * A lookup names the namespace of the referring object and that object's own `exportTo`, as
 * upstream does: first the host exported to every namespace, then the host exported to the
 * referring namespace (or to each entry of the referrer's `exportTo`), then wildcard
 * ServiceEntry hosts visible to every namespace or to the referring one. When two entries
 * declare one host in one scope, the later wins, Services after ServiceEntries (upstream
 * fills one map in that order).
 */
import { isValidPortNum } from '../../../format/ports';
import { arrayAt, isObject, objectAt, stringAt, valueAt } from '../../../manifest';
import { ManifestEntry } from '../../../rule';
import { HostMatcher } from './host-match';
import { nameOf, namespaceOf, setKinds } from './set-index';

/** Every namespace, in `exportTo` and in the registry's scopes. */
export const EXPORT_TO_ALL = '*';
/** The object's own namespace, in `exportTo`. */
export const EXPORT_TO_LOCAL = '.';
/** The Service annotation that limits where a Service is visible. */
export const SERVICE_EXPORT_TO_ANNOTATION = 'networking.istio.io/exportTo';

/** A port of a registry entry: a Service port or a ServiceEntry port. */
export interface RegistryPort {
  readonly number: number;
  readonly name?: string;
  readonly protocol?: string;
}

/** A host the set declares: one ServiceEntry host, or a Service's FQDN. */
export interface RegistryEntry {
  /** The ServiceEntry or Service. */
  readonly entry: ManifestEntry;
  readonly kind: 'Service' | 'ServiceEntry';
  /** The host as declared (a ServiceEntry host as written, a Service's FQDN). */
  readonly host: string;
  /** The host as the registry keys it (`convertHostToFqdn` in the declaring namespace). */
  readonly fqdn: string;
  /**
   * The distinct port numbers with names and protocols, or undefined when some port cannot be
   * read (the per-manifest rules report it; the app-wide rules do not guess ports).
   */
  readonly ports: readonly RegistryPort[] | undefined;
  /** Where the host is visible: `*`, or namespaces. */
  readonly scopes: readonly string[];
}

/**
 * istioctl's `ConvertHostToFQDN`: a host without a dot that is not a wildcard becomes
 * `<host>.<namespace>.svc.<cluster domain>`; anything else is taken as written (so
 * `reviews.shop` is not expanded).
 */
export function convertHostToFqdn(namespace: string, host: string, clusterDomain: string): string {
  return host.startsWith('*') || host.includes('.') ? host : `${host}.${namespace}.svc.${clusterDomain}`;
}

/**
 * The string entries of a manifest's `spec.exportTo`, or undefined when there are none
 * (the field is absent, empty or not a list).
 */
export function exportToOf(manifest: unknown): string[] | undefined {
  const list = (arrayAt(objectAt(manifest, 'spec'), 'exportTo') ?? []).filter((e): e is string => typeof e === 'string');
  return list.length > 0 ? list : undefined;
}

/**
 * The scopes an `exportTo` list gives the object of namespace `namespace`: `['*']` when it is
 * absent or names `*`, else its entries with `.` as the namespace, each once.
 */
export function exportScopes(exportTo: readonly string[] | undefined, namespace: string): string[] {
  if (!exportTo || exportTo.length === 0 || exportTo.includes(EXPORT_TO_ALL)) return [EXPORT_TO_ALL];
  return [...new Set(exportTo.map(e => (e === EXPORT_TO_LOCAL ? namespace : e)))];
}

/**
 * The scopes of a Service, from its `networking.istio.io/exportTo` annotation
 * (`getVisibleNamespacesFromExportToAnno`): absent or empty is every namespace; else a comma
 * list, entries trimmed, `.` for the Service's namespace.
 */
export function serviceExportScopes(manifest: unknown, namespace: string): string[] {
  const annotation = stringAt(objectAt(objectAt(manifest, 'metadata'), 'annotations'), SERVICE_EXPORT_TO_ANNOTATION);
  if (annotation === undefined || annotation === '') return [EXPORT_TO_ALL];
  return [...new Set(annotation.split(',').map(e => e.trim()).map(e => (e === EXPORT_TO_LOCAL ? namespace : e)))];
}

/** Reads a list of ports; undefined when one entry or its number cannot be read. */
function readPorts(list: unknown[] | undefined, numberKey: string): RegistryPort[] | undefined {
  const ports: RegistryPort[] = [];
  const seen = new Set<number>();
  for (const port of list ?? []) {
    const number = valueAt(port, numberKey);
    if (!isObject(port) || isValidPortNum(number).length > 0) return undefined;
    if (seen.has(number as number)) continue;
    seen.add(number as number);
    ports.push({ number: number as number, name: stringAt(port, 'name'), protocol: stringAt(port, 'protocol') });
  }
  return ports;
}

function scopedKey(scope: string, fqdn: string): string {
  return `${scope}\n${fqdn}`;
}

const computed = new WeakMap<readonly ManifestEntry[], { length: number; clusterDomain: string; registry: HostRegistry }>();

/**
 * The host registry of a set. Built in one pass over the set's ServiceEntries and Services;
 * each lookup is a few map lookups (wildcards through a {@link HostMatcher}).
 */
export class HostRegistry {
  /** The registry of a set, computed once per array (and cluster domain) and shared by the rules. */
  public static of(manifests: readonly ManifestEntry[], clusterDomain: string): HostRegistry {
    const cached = computed.get(manifests);
    if (cached && cached.length === manifests.length && cached.clusterDomain === clusterDomain) return cached.registry;
    const registry = new HostRegistry(manifests, clusterDomain);
    computed.set(manifests, { length: manifests.length, clusterDomain, registry });
    return registry;
  }

  /** `scope\nfqdn` to the entry declaring it there. */
  private readonly scoped = new Map<string, RegistryEntry>();
  /** fqdn to the entries declaring it, in any scope. */
  private readonly anyScope = new Map<string, RegistryEntry[]>();
  /** Wildcard ServiceEntry hosts with the scope they are visible in. */
  private readonly wildcards = new HostMatcher<{ scope: string; entry: RegistryEntry }>();
  /** Service FQDN to the first Service of the set with that name. */
  private readonly serviceByFqdn = new Map<string, RegistryEntry>();
  /** Namespaces that hold a Service of the set. */
  private readonly serviceNamespaces = new Set<string>();
  /** How many ServiceEntries the set holds. */
  public readonly serviceEntryCount: number;

  private constructor(manifests: readonly ManifestEntry[], public readonly clusterDomain: string) {
    const kinds = setKinds(manifests);
    this.serviceEntryCount = kinds.serviceEntries.length;
    for (const entry of kinds.serviceEntries) {
      const namespace = namespaceOf(entry.manifest);
      const spec = objectAt(entry.manifest, 'spec');
      const ports = readPorts(arrayAt(spec, 'ports'), 'number');
      const scopes = exportScopes(exportToOf(entry.manifest), namespace);
      for (const host of arrayAt(spec, 'hosts') ?? []) {
        if (typeof host !== 'string' || host === '') continue;
        const fqdn = convertHostToFqdn(namespace, host, clusterDomain);
        this.register({ entry, kind: 'ServiceEntry', host, fqdn, ports, scopes });
      }
    }
    for (const entry of kinds.services) {
      const name = nameOf(entry.manifest);
      if (!name) continue;
      const namespace = namespaceOf(entry.manifest);
      this.serviceNamespaces.add(namespace);
      const fqdn = `${name}.${namespace}.svc.${clusterDomain}`;
      const ports = readPorts(arrayAt(objectAt(entry.manifest, 'spec'), 'ports'), 'port');
      const declared: RegistryEntry = { entry, kind: 'Service', host: fqdn, fqdn, ports, scopes: serviceExportScopes(entry.manifest, namespace) };
      this.register(declared);
      if (!this.serviceByFqdn.has(fqdn)) this.serviceByFqdn.set(fqdn, declared);
    }
  }

  private register(declared: RegistryEntry): void {
    for (const scope of declared.scopes) {
      this.scoped.set(scopedKey(scope, declared.fqdn), declared);
      if (declared.fqdn.startsWith('*')) this.wildcards.add(declared.fqdn, { scope, entry: declared });
    }
    const list = this.anyScope.get(declared.fqdn);
    if (list) list.push(declared);
    else this.anyScope.set(declared.fqdn, [declared]);
  }

  /** Whether the set holds a Service in `namespace`. */
  public hasServicesIn(namespace: string): boolean {
    return this.serviceNamespaces.has(namespace);
  }

  /**
   * istioctl's `GetDestinationHost`: the entry a host resolves to for an object of namespace
   * `sourceNamespace` whose own `exportTo` is `exportTo`, or undefined when none is visible.
   */
  public resolve(sourceNamespace: string, exportTo: readonly string[] | undefined, host: string): RegistryEntry | undefined {
    const fqdn = convertHostToFqdn(sourceNamespace, host, this.clusterDomain);
    const everywhere = this.scoped.get(scopedKey(EXPORT_TO_ALL, fqdn));
    if (everywhere) return everywhere;
    const scopes = !exportTo || exportTo.length === 0 ? [sourceNamespace] : exportTo.map(e => (e === EXPORT_TO_LOCAL ? sourceNamespace : e));
    for (const scope of scopes) {
      const found = this.scoped.get(scopedKey(scope, fqdn));
      if (found) return found;
    }
    if (this.wildcards.isEmpty) return undefined;
    // upstream: a wildcard SE host `*suffix` visible to all or to the source namespace whose
    // suffix ends the host (the host's own leading `*` stripped)
    const name = fqdn.startsWith('*') ? fqdn.slice(1) : fqdn;
    for (const { host: wildcard, value } of this.wildcards.overlapping(name === '' ? '*' : name)) {
      if (value.scope !== EXPORT_TO_ALL && value.scope !== sourceNamespace) continue;
      if (name.endsWith(wildcard.slice(1))) return value.entry;
    }
    return undefined;
  }

  /** The Service of the set whose FQDN is `fqdn` (the first of two), whatever its scopes. */
  public serviceFor(fqdn: string): RegistryEntry | undefined {
    return this.serviceByFqdn.get(fqdn);
  }

  /**
   * The entries that declare `host` (qualified in `sourceNamespace`) in any scope, for a message
   * that explains why a lookup failed (the host is exported elsewhere).
   */
  public declaredAnywhere(sourceNamespace: string, host: string): readonly RegistryEntry[] {
    return this.anyScope.get(convertHostToFqdn(sourceNamespace, host, this.clusterDomain)) ?? [];
  }
}

/** `spec.ports[].number` (ServiceEntry) or `spec.ports[].port` (Service) of a registry entry, for messages. */
export function portNumbers(entry: RegistryEntry): number[] {
  return (entry.ports ?? []).map(p => p.number);
}
