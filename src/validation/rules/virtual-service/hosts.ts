/**
 * `spec.hosts`: the format of each host, the mesh wildcard, and duplicate or overlapping
 * hosts (ValidateVirtualService).
 */
import { Severity } from '../../diagnostic';
import { memoizePerManifest } from '../../memo';
import { validateWildcardDomain, validateWildcardDomainForGateway } from '../../format/istio-host';
import { parseIp } from '../../format/ip';
import { show, valueAt } from '../../manifest';
import { VIRTUAL_SERVICE } from '../../kinds';
import { ManifestRule } from '../../rule';
import { describeKind, isSet, vsShape, VsShape } from './shape';

/** One entry of `spec.hosts`, with its format problems (none for an IP address). */
interface HostEntry {
  readonly value: unknown;
  readonly index: number;
  readonly problems: string[];
}

/** The entries of `spec.hosts`, read once per manifest (three rules use them). */
const hostEntriesOf = memoizePerManifest(manifest => readHostEntries(vsShape(manifest)));

function readHostEntries(shape: VsShape): HostEntry[] {
  const list = valueAt(shape.spec, 'hosts');
  if (!Array.isArray(list)) return [];
  return list.map((value, index) => {
    if (typeof value !== 'string') return { value, index, problems: [`host must be a string, got ${describeKind(value)}`] };
    const problems = shape.appliesToGateway
      ? validateWildcardDomainForGateway(value, shape.hasSniHosts)
      : validateWildcardDomain(value);
    // Istio accepts an IP address as a host whatever the binding
    return { value, index, problems: problems.length > 0 && parseIp(value) ? [] : problems };
  });
}

function isMeshWildcard(shape: VsShape, entry: HostEntry): boolean {
  return shape.appliesToMesh && entry.value === '*' && entry.problems.length === 0;
}

export const hostFormatRule: ManifestRule = {
  code: 'VS006',
  name: 'host-format',
  severity: Severity.ERROR,
  appliesTo: VIRTUAL_SERVICE,
  description: 'each host is a DNS name with an optional wildcard first label (*.example.com), a short name or an IP address; a gateway-only VirtualService with sniHosts also accepts outbound_.<port>_._.<host> (agent.ValidateWildcardDomain, ValidateWildcardDomainForVirtualServiceBoundToGateway)',
  check(manifest, context) {
    const shape = vsShape(manifest);
    const list = valueAt(shape.spec, 'hosts');
    if (isSet(list) && !Array.isArray(list)) {
      context.report('spec.hosts', `hosts must be a list of host names, got ${describeKind(list)}`, list);
      return;
    }
    for (const entry of hostEntriesOf(manifest)) {
      if (entry.problems.length === 0) continue;
      const what = typeof entry.value === 'string' ? `host ${show(entry.value)}: ` : '';
      context.report(`spec.hosts[${entry.index}]`, `${what}${entry.problems.join('; ')}`, entry.value);
    }
  },
};

export const meshWildcardHostRule: ManifestRule = {
  code: 'VS007',
  name: 'mesh-wildcard-host',
  severity: Severity.ERROR,
  appliesTo: VIRTUAL_SERVICE,
  description: 'host "*" is refused when the VirtualService applies to the mesh (no gateways, or "mesh" among them) (ValidateVirtualService)',
  check(manifest, context) {
    const shape = vsShape(manifest);
    for (const entry of hostEntriesOf(manifest)) {
      if (!isMeshWildcard(shape, entry)) continue;
      context.report(`spec.hosts[${entry.index}]`,
        'wildcard host * is not allowed for virtual services bound to the mesh gateway (no gateways, or "mesh" among them): name the hosts, or bind the VirtualService to gateways only',
        entry.value);
    }
  },
};

export const duplicateHostsRule: ManifestRule = {
  code: 'VS008',
  name: 'duplicate-hosts',
  severity: Severity.ERROR,
  appliesTo: VIRTUAL_SERVICE,
  description: 'hosts may not repeat or overlap (*.bar overlaps a.bar and *.foo.bar); checked only when every host is valid (ValidateVirtualService, host.Name.Matches)',
  check(manifest, context) {
    const shape = vsShape(manifest);
    const entries = hostEntriesOf(manifest);
    if (entries.some(entry => entry.problems.length > 0 || isMeshWildcard(shape, entry))) return;
    const hosts = entries.map(entry => entry.value as string);
    const earlier = firstOverlaps(hosts);
    for (let j = 0; j < hosts.length; j++) {
      const i = earlier[j];
      if (i < 0) continue;
      const how = hosts[i] === hosts[j] ? 'repeats' : 'overlaps';
      context.report(`spec.hosts[${j}]`,
        `duplicate hosts in virtual service: host ${show(hosts[j])} ${how} host ${show(hosts[i])} (hosts[${i}]); list each host once, and do not list a name a wildcard already covers`,
        hosts[j]);
    }
  },
};

/**
 * For each host, the index of the first earlier host it overlaps (`hostsOverlap`), or -1.
 *
 * Istio compares every pair; this gives the same answer for "does host j overlap an earlier
 * one" with map lookups: a host's body is the host without the `*` of a wildcard; a wildcard
 * with body S overlaps every host whose body ends with S, and two plain names overlap only when
 * equal. Each host looks up its suffixes of the lengths the wildcards have (at most one per
 * distinct wildcard length, and hosts are at most 255 bytes), so the cost is linear in the
 * number of hosts, where the pairwise comparison was quadratic (100,000 hosts, or one host
 * repeated thousands of times, took minutes and millions of findings).
 */
function firstOverlaps(hosts: readonly string[]): number[] {
  const isWild = (host: string) => host.startsWith('*');
  const body = (host: string) => (isWild(host) ? host.slice(1) : host);
  const wildBodies = new Set<string>();
  for (const host of hosts) if (isWild(host)) wildBodies.add(body(host));
  const lengths = [...new Set([...wildBodies].map(b => b.length))];
  /** The wildcard bodies a body ends with (itself included). */
  const wildSuffixes = (text: string): string[] => {
    const found: string[] = [];
    for (const length of lengths) {
      if (length > text.length) continue;
      const suffix = text.slice(text.length - length);
      if (wildBodies.has(suffix)) found.push(suffix);
    }
    return found;
  };
  // For each wildcard body S: the first host whose body ends with S (any host, itself included).
  const firstEnding = new Map<string, number>();
  const suffixesOf: string[][] = hosts.map((host, index) => {
    const suffixes = wildBodies.size === 0 ? [] : wildSuffixes(body(host));
    for (const suffix of suffixes) if (!firstEnding.has(suffix)) firstEnding.set(suffix, index);
    return suffixes;
  });
  const firstName = new Map<string, number>();
  const firstWild = new Map<string, number>();
  return hosts.map((host, j) => {
    let first = -1;
    const keep = (i: number | undefined) => { if (i !== undefined && i < j && (first < 0 || i < first)) first = i; };
    // an earlier wildcard whose body ends this host's body
    for (const suffix of suffixesOf[j]) keep(firstWild.get(suffix));
    if (isWild(host)) {
      // an earlier host whose body ends with this wildcard's body
      keep(firstEnding.get(body(host)));
      if (!firstWild.has(body(host))) firstWild.set(body(host), j);
    } else {
      keep(firstName.get(host));
      if (!firstName.has(host)) firstName.set(host, j);
    }
    return first;
  });
}

export const HOST_RULES: readonly ManifestRule[] = [hostFormatRule, meshWildcardHostRule, duplicateHostsRule];
