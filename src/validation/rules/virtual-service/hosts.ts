/**
 * `spec.hosts`: the format of each host, the mesh wildcard, and duplicate or overlapping
 * hosts (ValidateVirtualService).
 */
import { Severity } from '../../diagnostic';
import { memoizePerManifest } from '../../memo';
import { hostsOverlap, validateWildcardDomain, validateWildcardDomainForGateway } from '../../format/istio-host';
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
    for (let j = 1; j < hosts.length; j++) {
      for (let i = 0; i < j; i++) {
        if (!hostsOverlap(hosts[i], hosts[j])) continue;
        const how = hosts[i] === hosts[j] ? 'repeats' : 'overlaps';
        context.report(`spec.hosts[${j}]`,
          `duplicate hosts in virtual service: host ${show(hosts[j])} ${how} host ${show(hosts[i])} (hosts[${i}]); list each host once, and do not list a name a wildcard already covers`,
          hosts[j]);
      }
    }
  },
};

export const HOST_RULES: readonly ManifestRule[] = [hostFormatRule, meshWildcardHostRule, duplicateHostsRule];
