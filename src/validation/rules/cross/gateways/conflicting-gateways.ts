/**
 * XR031: two Gateways for the same gateway proxies that declare a server on the same port
 * with the same host and bind (istioctl analyze IST0145, ConflictingGatewayAnalyzer; Kiali
 * KIA0301). Istio merges all Gateways of a proxy per port and drops a server whose host is
 * already served there (`model.CheckDuplicates`), so one of the two is not applied.
 *
 * Two Gateways are for the same proxies when their selectors are equal, or when a workload
 * of the set is selected by both (istioctl asks the same of its Pods for selectors that
 * contain one another; the first 32 workloads of each Gateway are compared). A Gateway
 * without selector is compared with those without selector only. Hosts are compared as written, as istiod's merge does, not with Kiali's wildcard and
 * regex matching; the level is istioctl's Error (Kiali: Warning), since a server is dropped.
 */
import { Severity } from '../../../diagnostic';
import { resourceId } from '../../../manifest';
import { ManifestEntry, SetRule } from '../../../rule';
import { GatewayServer, gatewayInfo } from '../indexes/gateway-servers';
import { setKinds } from '../indexes/set-index';
import { WorkloadIndex, selectorKey, selectorText, workloadName } from '../indexes/workload-index';

/** A server of a Gateway that holds a host on a port for some proxies. */
interface Holder {
  readonly entry: ManifestEntry;
  readonly server: GatewayServer;
  readonly host: string;
  readonly hostIndex: number;
}

/** The conflicts of one server: the first host, and the other Gateways with why. */
interface Conflict {
  readonly entry: ManifestEntry;
  readonly server: GatewayServer;
  readonly host: string;
  readonly hostIndex: number;
  readonly others: Map<ManifestEntry, string>;
}

const MAX_NAMED = 3;
/**
 * How many of the workloads a Gateway selects are compared: gateway selectors pick a few
 * Deployments; a bound keeps a selector that picks thousands from making the cost quadratic.
 */
const MAX_WORKLOADS = 32;

export const conflictingGatewaysRule: SetRule = {
  code: 'XR031',
  name: 'conflicting-gateways',
  severity: Severity.ERROR,
  upstream: ['IST0145', 'KIA0301'],
  description: 'two Gateways for the same proxies (equal selectors, or both selecting a workload of the set) do not declare servers on the same port with the same host and bind (istioctl analyze IST0145, ConflictingGatewayAnalyzer; Kiali KIA0301): hosts compared as written and the level Error, as istioctl, since istiod\'s merge drops the second server as a duplicate (Kiali warns, and also matches wildcards)',
  check(manifests, context) {
    const gateways = setKinds(manifests).gateways;
    if (gateways.length < 2) return;
    const workloads = WorkloadIndex.of(manifests);
    const holders = new Map<string, Holder[]>();
    const conflicts = new Map<string, Conflict>();
    const noteConflict = (holder: { entry: ManifestEntry; server: GatewayServer; host: string; hostIndex: number }, other: ManifestEntry, why: string): void => {
      const key = `${holder.entry.index}\n${holder.server.index}`;
      let conflict = conflicts.get(key);
      if (!conflict) {
        conflict = { ...holder, others: new Map() };
        conflicts.set(key, conflict);
      }
      if (!conflict.others.has(other) && conflict.others.size <= MAX_NAMED) conflict.others.set(other, why);
    };
    for (const entry of gateways) {
      const gateway = gatewayInfo(entry);
      if (!gateway.selector) continue;
      const proxies: Array<[string, string]> = [[`selector\n${selectorKey(gateway.selector)}`, `the same selector ${showSelector(gateway.selector)}`]];
      if (gateway.selector.length > 0) {
        const selected = workloads.select(gateway.selector);
        for (let i = 0; i < Math.min(selected.length, MAX_WORKLOADS); i++) {
          proxies.push([`workload\n${selected[i].entry.index}`, `both select ${workloadName(selected[i])}`]);
        }
      }
      for (const server of gateway.servers) {
        if (server.port === undefined) continue;
        for (const [host, hostIndex] of server.hosts) {
          for (const [proxyKey, why] of proxies) {
            const key = `${proxyKey}\n${server.port}\n${server.bind}\n${host}`;
            const list = holders.get(key) ?? [];
            holders.set(key, list);
            for (const holder of list) {
              if (holder.entry === entry) continue;
              noteConflict({ entry, server, host, hostIndex }, holder.entry, why);
              noteConflict(holder, entry, why);
            }
            // a few holders per key are enough to name the others
            if (list.length <= MAX_NAMED && !list.some(h => h.entry === entry)) list.push({ entry, server, host, hostIndex });
          }
        }
      }
    }
    const ordered = [...conflicts.values()].sort((a, b) => a.entry.index - b.entry.index || a.server.index - b.server.index);
    for (const conflict of ordered) {
      const others = [...conflict.others].slice(0, MAX_NAMED).map(([other, why]) => `${resourceId(other.manifest)} (${why})`).join(', ');
      const more = conflict.others.size > MAX_NAMED ? ' and others' : '';
      const bind = conflict.server.bind === '' ? '' : ` bind ${JSON.stringify(conflict.server.bind)}`;
      context.report(conflict.entry, `${conflict.server.path}.hosts[${conflict.hostIndex}]`,
        `server on port ${conflict.server.port}${bind} for host ${JSON.stringify(conflict.host)} is also declared by ${others}${more}: the gateway proxy merges these Gateways and drops one of the duplicate servers; serve the host from one Gateway, or use another port or bind`,
        conflict.host);
    }
  },
};

function showSelector(pairs: ReadonlyArray<[string, string]>): string {
  return pairs.length === 0 ? '(none)' : selectorText(pairs);
}
