/**
 * What the gateway rules (XR031-XR033) read from an Istio Gateway: its selector and its
 * servers. Values of a wrong type are skipped (the Gateway rules report them).
 */
import { JsonObject, arrayAt, isObject, objectAt, stringAt, valueAt } from '../../../manifest';
import { ManifestEntry } from '../../../rule';
import { labelPairs } from './workload-index';

export interface GatewayServer {
  readonly index: number;
  /** `spec.servers[0]` */
  readonly path: string;
  /** `port.number`, when it is a number. */
  readonly port: number | undefined;
  /** The string entries of `hosts`, with their index. */
  readonly hosts: ReadonlyArray<readonly [string, number]>;
  /** `bind`, empty when unset. */
  readonly bind: string;
  /** `tls`, when it is an object. */
  readonly tls: JsonObject | undefined;
}

export interface GatewayInfo {
  readonly entry: ManifestEntry;
  /** The pairs of `spec.selector`, or undefined when a value is not a string. */
  readonly selector: Array<[string, string]> | undefined;
  readonly servers: readonly GatewayServer[];
}

/** Reads a Gateway's selector and servers. */
export function gatewayInfo(entry: ManifestEntry): GatewayInfo {
  const spec = objectAt(entry.manifest, 'spec');
  const servers: GatewayServer[] = [];
  (arrayAt(spec, 'servers') ?? []).forEach((server, index) => {
    if (!isObject(server)) return;
    const number = valueAt(objectAt(server, 'port'), 'number');
    const hosts: Array<readonly [string, number]> = [];
    (arrayAt(server, 'hosts') ?? []).forEach((host, i) => {
      if (typeof host === 'string' && host !== '') hosts.push([host, i]);
    });
    servers.push({
      index,
      path: `spec.servers[${index}]`,
      port: typeof number === 'number' ? number : undefined,
      hosts,
      bind: stringAt(server, 'bind') ?? '',
      tls: objectAt(server, 'tls'),
    });
  });
  return { entry, selector: labelPairs(valueAt(spec, 'selector')), servers };
}
