import type { IServiceEntry } from './i-service-entry';

/**
 * The host of a ServiceEntry a destination or host names: `host` when the entry has it, else
 * the entry's first host. Throws when there is none, which synth reports (TRF002).
 */
export function serviceEntryHost(entry: IServiceEntry, host: string | undefined): string {
  const hosts = entry.hosts;
  if (host !== undefined) {
    if (hosts.includes(host)) return host;
    throw new Error(`ServiceEntry ${entry.node.path} has no host ${JSON.stringify(host)}; its hosts are ${JSON.stringify(hosts)}`);
  }
  if (hosts.length === 0) throw new Error(`ServiceEntry ${entry.node.path} has no hosts to refer to`);
  return hosts[0];
}
