/**
 * The DestinationRules of a set, indexed for the rules that follow a VirtualService
 * destination to its subsets.
 *
 * istioctl analyze (`DestinationRuleAnalyzer`, `initDestHostsAndSubsets`) pairs a destination
 * with a DestinationRule by `GetResourceNameFromHost`: `<name>.<ns>.svc.cluster.local` is
 * `ns/name`, anything else is a name in the object's own namespace. Kiali
 * (`SubsetPresenceChecker`) also lets a wildcard DestinationRule host (`*.shop.svc.cluster.local`)
 * cover a destination. Istio's proxies use the most specific DestinationRule for a host, so
 * {@link DestinationRuleIndex.forHost} returns the exact ones when there are any, else the
 * longest wildcards that cover the host.
 */
import { arrayAt, objectAt, stringAt } from '../../../manifest';
import { ManifestEntry } from '../../../rule';
import { HostMatcher } from './host-match';
import { convertHostToFqdn, exportToOf } from './host-registry';
import { nameOf, namespaceOf, setKinds } from './set-index';

/** What the app-wide rules need to know about one DestinationRule of the set. */
export interface DestinationRuleInfo {
  readonly entry: ManifestEntry;
  readonly namespace: string;
  /** `metadata.name`, empty when it cannot be read. */
  readonly name: string;
  /** `spec.host` as written. */
  readonly host: string;
  /** The host qualified in the DestinationRule's namespace (`convertHostToFqdn`). */
  readonly fqdn: string;
  /** `GetResourceNameFromHost(namespace, host)`: `ns/name`. */
  readonly resourceName: string;
  /** Subset names (`spec.subsets[].name`, strings only) to their index, the first of two with one name. */
  readonly subsets: ReadonlyMap<string, number>;
  /** `spec.exportTo`, when it has entries. */
  readonly exportTo: readonly string[] | undefined;
}

/**
 * istioctl's `GetResourceNameFromHost`: `<name>.<ns>.svc.<cluster domain>` gives `ns/name`
 * (the name takes every label but the namespace), any other host is a name in `namespace`.
 */
export function resourceNameFromHost(namespace: string, host: string, clusterDomain: string): string {
  const suffix = `.svc.${clusterDomain}`;
  if (host.endsWith(suffix)) {
    const rest = host.slice(0, -suffix.length);
    const dot = rest.lastIndexOf('.');
    if (dot > 0 && dot < rest.length - 1) return `${rest.slice(dot + 1)}/${rest.slice(0, dot)}`;
  }
  return `${namespace}/${host}`;
}

/** The subset names of a DestinationRule for a message (the first ten). */
export function describeSubsets(dr: DestinationRuleInfo): string {
  if (dr.subsets.size === 0) return 'no subsets';
  const names: string[] = [];
  for (const name of dr.subsets.keys()) {
    if (names.length === 10) break;
    names.push(name);
  }
  return `subsets: ${names.join(', ')}${dr.subsets.size > 10 ? ` and ${dr.subsets.size - 10} more` : ''}`;
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const computed = new WeakMap<readonly ManifestEntry[], { length: number; clusterDomain: string; index: DestinationRuleIndex }>();

/** The DestinationRules of a set by host, resource name and `namespace/name`; built in one pass. */
export class DestinationRuleIndex {
  /** The index of a set, computed once per array (and cluster domain) and shared by the rules. */
  public static of(manifests: readonly ManifestEntry[], clusterDomain: string): DestinationRuleIndex {
    const cached = computed.get(manifests);
    if (cached && cached.length === manifests.length && cached.clusterDomain === clusterDomain) return cached.index;
    const index = new DestinationRuleIndex(manifests, clusterDomain);
    computed.set(manifests, { length: manifests.length, clusterDomain, index });
    return index;
  }

  /** Every DestinationRule with a readable host, in input order. */
  public readonly all: readonly DestinationRuleInfo[];
  /** By `namespace/name` (the first of two with one name). */
  public readonly byName: ReadonlyMap<string, DestinationRuleInfo>;
  private readonly byFqdn = new Map<string, DestinationRuleInfo[]>();
  private readonly byResourceName = new Map<string, DestinationRuleInfo[]>();
  private readonly wildcards = new HostMatcher<DestinationRuleInfo>();

  private constructor(manifests: readonly ManifestEntry[], private readonly clusterDomain: string) {
    const all: DestinationRuleInfo[] = [];
    const byName = new Map<string, DestinationRuleInfo>();
    for (const entry of setKinds(manifests).destinationRules) {
      const spec = objectAt(entry.manifest, 'spec');
      const host = stringAt(spec, 'host');
      if (host === undefined || host === '') continue;
      const namespace = namespaceOf(entry.manifest);
      const name = nameOf(entry.manifest) ?? '';
      const subsets = new Map<string, number>();
      (arrayAt(spec, 'subsets') ?? []).forEach((subset, i) => {
        const subsetName = stringAt(subset, 'name');
        if (subsetName !== undefined && !subsets.has(subsetName)) subsets.set(subsetName, i);
      });
      const fqdn = convertHostToFqdn(namespace, host, clusterDomain);
      const info: DestinationRuleInfo = {
        entry, namespace, name, host, fqdn, subsets,
        resourceName: resourceNameFromHost(namespace, host, clusterDomain),
        exportTo: exportToOf(entry.manifest),
      };
      all.push(info);
      if (name && !byName.has(`${namespace}/${name}`)) byName.set(`${namespace}/${name}`, info);
      push(this.byFqdn, fqdn, info);
      push(this.byResourceName, info.resourceName, info);
      if (fqdn.startsWith('*')) this.wildcards.add(fqdn, info);
    }
    this.all = all;
    this.byName = byName;
  }

  /** Whether the set holds no DestinationRule with a host. */
  public get isEmpty(): boolean {
    return this.all.length === 0;
  }

  /**
   * The DestinationRules that apply to `host` as named by an object of `namespace`: those whose
   * host is the same (qualified the same way, or the same `GetResourceNameFromHost` name) when
   * there are any; else the wildcard DestinationRules with the longest host that covers it.
   * A wildcard destination host finds only DestinationRules with the same wildcard.
   */
  public forHost(namespace: string, host: string): DestinationRuleInfo[] {
    if (host === '') return [];
    const fqdn = convertHostToFqdn(namespace, host, this.clusterDomain);
    const exact = new Set<DestinationRuleInfo>([
      ...(this.byFqdn.get(fqdn) ?? []),
      ...(this.byResourceName.get(resourceNameFromHost(namespace, host, this.clusterDomain)) ?? []),
    ]);
    if (exact.size > 0 || fqdn.startsWith('*')) return [...exact];
    let longest = -1;
    let found: DestinationRuleInfo[] = [];
    for (const { host: wildcard, value } of this.wildcards.overlapping(fqdn)) {
      if (!fqdn.endsWith(wildcard.slice(1))) continue;
      if (wildcard.length > longest) {
        longest = wildcard.length;
        found = [value];
      } else if (wildcard.length === longest) {
        found.push(value);
      }
    }
    return found;
  }
}
