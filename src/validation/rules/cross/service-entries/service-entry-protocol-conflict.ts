/**
 * XR035: ServiceEntries that declare the same host and port number with different protocols
 * (istioctl analyze IST0177, ConflictingServiceEntryProtocolAnalyzer; Kiali KIA1212). A
 * sidecar builds one listener and one cluster per host and port, so only one of the
 * protocols is applied, and which one depends on creation order.
 *
 * As istioctl, entries are compared within their `exportTo` scope (absent or `*`: every
 * namespace; `.`: their own; a namespace name: that one), and an entry exported everywhere
 * meets every scope. As Kiali, hosts are compared without regard to case (DNS names).
 */
import { Severity } from '../../../diagnostic';
import { arrayAt, objectAt, resourceId, stringAt, valueAt } from '../../../manifest';
import { ManifestEntry, SetRule } from '../../../rule';
import { namespaceOf, setKinds } from '../indexes/set-index';

interface Declared {
  readonly entry: ManifestEntry;
  readonly host: string;
  readonly port: number;
  readonly portIndex: number;
  /** Upper-cased; empty when unset. */
  readonly protocol: string;
}

const EVERYWHERE = '*';

function scopesOf(manifest: unknown): string[] {
  const exportTo = (arrayAt(objectAt(manifest, 'spec'), 'exportTo') ?? []).filter((s): s is string => typeof s === 'string');
  if (exportTo.length === 0 || exportTo.includes(EVERYWHERE)) return [EVERYWHERE];
  const namespace = namespaceOf(manifest);
  return [...new Set(exportTo.map(s => (s === '.' ? namespace : s)))];
}

/** How many other ServiceEntries a message names. */
const NAMED = 3;

/** Up to a few ServiceEntry names per protocol (one more than a message shows). */
function namesByProtocol(list: readonly Declared[], into: Map<string, string[]>): Map<string, string[]> {
  for (const declared of list) {
    const names = into.get(declared.protocol) ?? [];
    into.set(declared.protocol, names);
    const name = resourceId(declared.entry.manifest);
    if (names.length <= NAMED && !names.includes(name)) names.push(name);
  }
  return into;
}

function copy(map: ReadonlyMap<string, readonly string[]>): Map<string, string[]> {
  return new Map([...map].map(([key, names]) => [key, [...names]]));
}

function showProtocol(protocol: string): string {
  return protocol === '' ? 'no protocol' : protocol;
}

export const serviceEntryProtocolConflictRule: SetRule = {
  code: 'XR035',
  name: 'service-entry-protocol-conflict',
  severity: Severity.WARNING,
  upstream: ['IST0177', 'KIA1212'],
  description: 'ServiceEntries visible to one namespace do not declare the same host and port number with different protocols (istioctl analyze IST0177, ConflictingServiceEntryProtocolAnalyzer; Kiali KIA1212): exportTo scopes are honoured as istioctl does, since entries that no namespace sees together cannot conflict, and hosts are compared without regard to case as Kiali does, since they are DNS names',
  check(manifests, context) {
    // host and port, then scope, then what each ServiceEntry declares there
    const groups = new Map<string, Map<string, Declared[]>>();
    for (const entry of setKinds(manifests).serviceEntries) {
      const spec = objectAt(entry.manifest, 'spec');
      const hosts = [...new Set((arrayAt(spec, 'hosts') ?? []).filter((h): h is string => typeof h === 'string' && h !== '').map(h => h.toLowerCase()))];
      if (hosts.length === 0) continue;
      const scopes = scopesOf(entry.manifest);
      (arrayAt(spec, 'ports') ?? []).forEach((port, portIndex) => {
        const number = valueAt(port, 'number');
        if (typeof number !== 'number') return;
        const protocol = (stringAt(port, 'protocol') ?? '').toUpperCase();
        for (const host of hosts) {
          const key = `${host}\n${number}`;
          const byScope = groups.get(key) ?? new Map<string, Declared[]>();
          groups.set(key, byScope);
          for (const scope of scopes) {
            const list = byScope.get(scope) ?? [];
            byScope.set(scope, list);
            list.push({ entry, host, port: number, portIndex, protocol });
          }
        }
      });
    }
    const reported = new Set<string>();
    const report = (declared: Declared, byProtocol: ReadonlyMap<string, readonly string[]>): void => {
      const key = `${declared.entry.index}\n${declared.portIndex}`;
      if (reported.has(key)) return;
      reported.add(key);
      const others: string[] = [];
      for (const [protocol, names] of byProtocol) {
        if (protocol === declared.protocol) continue;
        for (const name of names) others.push(`${name} (${showProtocol(protocol)})`);
      }
      const named = others.length > NAMED ? `${others.slice(0, NAMED).join(', ')} and others` : others.join(', ');
      context.report(declared.entry, `spec.ports[${declared.portIndex}].protocol`,
        `host ${JSON.stringify(declared.host)} port ${declared.port} is declared here with ${showProtocol(declared.protocol)} and with another protocol by ${named}: sidecars build one listener for the host and port and apply only one of the protocols; declare the same protocol in every ServiceEntry for this host and port, or merge them`,
        declared.protocol === '' ? undefined : declared.protocol);
    };
    for (const byScope of groups.values()) {
      const everywhere = byScope.get(EVERYWHERE) ?? [];
      const everywhereNames = namesByProtocol(everywhere, new Map());
      let everywhereReported = false;
      for (const [scope, list] of byScope) {
        const byProtocol = scope === EVERYWHERE ? everywhereNames : namesByProtocol(list, copy(everywhereNames));
        if (byProtocol.size < 2) continue;
        for (const declared of list) report(declared, byProtocol);
        if (scope !== EVERYWHERE && !everywhereReported) {
          everywhereReported = true;
          for (const declared of everywhere) report(declared, byProtocol);
        }
      }
    }
  },
};
