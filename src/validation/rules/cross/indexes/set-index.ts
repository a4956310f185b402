/**
 * Indexes of a set of manifests that the app-wide rules share (Services by namespace and
 * name, the hosts ServiceEntries declare) and the readers they use. Each index is built in
 * one pass over the set, so a rule that looks things up in it stays linear in the set size.
 */
import { isValidPortNum } from '../../../format/ports';
import { DESTINATION_RULE, GATEWAY, SERVICE, VIRTUAL_SERVICE } from '../../../kinds';
import { JsonObject, arrayAt, objectAt, stringAt, typeKey, valueAt } from '../../../manifest';
import { ManifestEntry } from '../../../rule';
import { servicePorts } from '../../service/fields';

/** The namespace of a manifest, `default` when it has none (as in `resourceId`). */
export function namespaceOf(manifest: unknown): string {
  return stringAt(objectAt(manifest, 'metadata'), 'namespace') || 'default';
}

/** `metadata.name`, or undefined when it is missing or not a string. */
export function nameOf(manifest: unknown): string | undefined {
  return stringAt(objectAt(manifest, 'metadata'), 'name') || undefined;
}

/** The API group of a manifest's `apiVersion`: `apps` for `apps/v1`, empty for `v1`. */
export function groupOf(manifest: unknown): string {
  const apiVersion = stringAt(manifest, 'apiVersion') ?? '';
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** The entries of a set that the app-wide rules look at, by kind, each list in input order. */
export interface SetKinds {
  /** `v1/Service` */
  readonly services: readonly ManifestEntry[];
  /** VirtualServices of every served version. */
  readonly virtualServices: readonly ManifestEntry[];
  /** ServiceEntries of any version of `networking.istio.io`. */
  readonly serviceEntries: readonly ManifestEntry[];
  /** DestinationRules of every served version. */
  readonly destinationRules: readonly ManifestEntry[];
  /** Istio Gateways (`networking.istio.io`) of every served version. */
  readonly gateways: readonly ManifestEntry[];
  /** Everything else: the workloads whose pod templates the selectors are matched against are among them. */
  readonly others: readonly ManifestEntry[];
}

function classify(manifests: readonly ManifestEntry[]): SetKinds {
  const kinds = {
    services: [] as ManifestEntry[], virtualServices: [] as ManifestEntry[], serviceEntries: [] as ManifestEntry[],
    destinationRules: [] as ManifestEntry[], gateways: [] as ManifestEntry[], others: [] as ManifestEntry[],
  };
  for (const entry of manifests) {
    const key = typeKey(entry.manifest);
    if (key === SERVICE) kinds.services.push(entry);
    else if (VIRTUAL_SERVICE.includes(key)) kinds.virtualServices.push(entry);
    else if (stringAt(entry.manifest, 'kind') === 'ServiceEntry' && groupOf(entry.manifest) === 'networking.istio.io') kinds.serviceEntries.push(entry);
    else if (DESTINATION_RULE.includes(key)) kinds.destinationRules.push(entry);
    else if (GATEWAY.includes(key)) kinds.gateways.push(entry);
    else kinds.others.push(entry);
  }
  return kinds;
}

/**
 * The engine hands every set rule the same array: it is classified once (a new array, or
 * one whose length changed, afresh), so each rule walks only the kinds it checks.
 */
const classified = new WeakMap<readonly ManifestEntry[], { length: number; kinds: SetKinds }>();

/** The set's entries by kind. */
export function setKinds(manifests: readonly ManifestEntry[]): SetKinds {
  const cached = classified.get(manifests);
  if (cached && cached.length === manifests.length) return cached.kinds;
  const kinds = classify(manifests);
  classified.set(manifests, { length: manifests.length, kinds });
  return kinds;
}

/** What the app-wide rules need to know about one Service of the set. */
export interface ServiceInfo {
  readonly entry: ManifestEntry;
  readonly namespace: string;
  readonly name: string;
  /**
   * The distinct `spec.ports[].port` numbers in order, or undefined when a port entry cannot
   * be read (not an object, or a port that is not a number in 1..65535): the per-manifest
   * rules report those, and the app-wide rules do not guess the Service's ports.
   */
  readonly ports: readonly number[] | undefined;
  /** Numeric `targetPort` to the service port it belongs to, for hints. */
  readonly targetPorts: ReadonlyMap<number, number>;
}

function portsOf(manifest: JsonObject): Pick<ServiceInfo, 'ports' | 'targetPorts'> {
  const numbers: number[] = [];
  const targetPorts = new Map<number, number>();
  let readable = true;
  for (const { port } of servicePorts(objectAt(manifest, 'spec'))) {
    const number = valueAt(port, 'port');
    if (!port || isValidPortNum(number).length > 0) {
      readable = false;
      continue;
    }
    const value = number as number;
    if (!numbers.includes(value)) numbers.push(value);
    const target = valueAt(port, 'targetPort');
    if (typeof target === 'number' && !targetPorts.has(target)) targetPorts.set(target, value);
  }
  return { ports: readable ? numbers : undefined, targetPorts };
}

/** The key of a Service in {@link ServiceIndex.byName}. */
export function serviceKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

export interface ServiceIndex {
  /** Services by `namespace/name`; the first of two with the same name wins. */
  readonly byName: ReadonlyMap<string, ServiceInfo>;
  /** Namespaces that hold at least one Service of the set. */
  readonly namespaces: ReadonlySet<string>;
}

/** Indexes the named Services of the set. */
export function indexServices(manifests: readonly ManifestEntry[]): ServiceIndex {
  const byName = new Map<string, ServiceInfo>();
  const namespaces = new Set<string>();
  for (const entry of setKinds(manifests).services) {
    const name = nameOf(entry.manifest);
    if (!name) continue;
    const namespace = namespaceOf(entry.manifest);
    namespaces.add(namespace);
    const key = serviceKey(namespace, name);
    if (byName.has(key)) continue;
    const { ports, targetPorts } = portsOf(entry.manifest);
    byName.set(key, { entry, namespace, name, ports, targetPorts });
  }
  return { byName, namespaces };
}

/**
 * The hosts the ServiceEntries of the set declare (`spec.hosts`, any version of
 * `networking.istio.io`). Their `exportTo` is not taken into account: a host declared
 * anywhere in the set counts, so the rules err on the side of silence.
 */
export class ServiceEntryHosts {
  public static of(manifests: readonly ManifestEntry[]): ServiceEntryHosts {
    const hosts = new Set<string>();
    for (const { manifest } of setKinds(manifests).serviceEntries) {
      for (const host of arrayAt(objectAt(manifest, 'spec'), 'hosts') ?? []) {
        if (typeof host === 'string' && host !== '') hosts.add(host);
      }
    }
    return new ServiceEntryHosts(hosts);
  }

  private constructor(private readonly hosts: ReadonlySet<string>) {}

  /**
   * Whether a ServiceEntry host covers `host`: the same name, or a wildcard (`*`,
   * `*.example.com`, `*example.com`) whose suffix ends it. One lookup per character of the
   * host, never a scan of the entries.
   */
  public declares(host: string): boolean {
    if (this.hosts.size === 0) return false;
    if (this.hosts.has(host)) return true;
    for (let i = 0; i <= host.length; i++) {
      if (this.hosts.has(`*${host.slice(i)}`)) return true;
    }
    return false;
  }
}
