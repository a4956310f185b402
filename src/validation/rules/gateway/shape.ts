/**
 * Shared readers for the Gateway rules (ValidateGateway and its helpers). Every reader is
 * defensive: a value of the wrong type reads as absent, and the rules skip what they cannot
 * read (wrong JSON types are the schema's to report).
 */
import { memoizePerManifest } from '../../memo';
import { arrayAt, isObject, JsonObject, objectAt, stringAt, valueAt } from '../../manifest';
import { parseProtocol, Protocol } from './protocol';

/** The prefix of a Unix domain socket in `bind` and in endpoint addresses (`UnixAddressPrefix`). */
export const UNIX_PREFIX = 'unix://';

/** `ServerTLSSettings.TLSmode`; the enum starts at PASSTHROUGH, which is what an unset mode means. */
export const TLS_MODES: readonly string[] = ['PASSTHROUGH', 'SIMPLE', 'MUTUAL', 'AUTO_PASSTHROUGH', 'ISTIO_MUTUAL', 'OPTIONAL_MUTUAL'];

/** One entry of `spec.servers`, with what several rules read from it. */
export interface GatewayServer {
  /** The entry as written; may be null or of a wrong type. */
  readonly server: unknown;
  /** `spec.servers[2]`. */
  readonly path: string;
  /** `port`, when it is an object. */
  readonly port: JsonObject | undefined;
  /** `protocol.Parse(port.protocol)`. */
  readonly protocol: Protocol;
  /** `bind` as a string; `''` when unset. */
  readonly bind: string;
  /** `tls`, when it is an object (`tls: {}` counts: the webhook sees TLS settings). */
  readonly tls: JsonObject | undefined;
  /**
   * The TLS mode: the value of `tls.mode`, `PASSTHROUGH` when unset (the enum's zero value),
   * undefined when `tls` is absent or the mode is not one of the enum's values.
   */
  readonly mode: string | undefined;
}

function tlsModeOf(tls: JsonObject | undefined): string | undefined {
  if (!tls) return undefined;
  const mode = valueAt(tls, 'mode');
  if (mode === undefined || mode === null) return 'PASSTHROUGH';
  return typeof mode === 'string' && TLS_MODES.includes(mode) ? mode : undefined;
}

function readServers(manifest: unknown): GatewayServer[] {
  const list = arrayAt(objectAt(manifest, 'spec'), 'servers') ?? [];
  return list.map((server, index) => {
    const port = objectAt(server, 'port');
    const tls = objectAt(server, 'tls');
    return {
      server,
      path: `spec.servers[${index}]`,
      port,
      protocol: parseProtocol(valueAt(port, 'protocol')),
      bind: stringAt(server, 'bind') ?? '',
      tls,
      mode: tlsModeOf(tls),
    };
  });
}

/** The entries of `spec.servers` (none when it is absent or not a list), read once per manifest. */
export const gatewayServers: (manifest: unknown) => GatewayServer[] = memoizePerManifest(readServers);

/** The servers that are objects (null entries and wrong types are reported or skipped elsewhere). */
export function objectServers(manifest: unknown): GatewayServer[] {
  return gatewayServers(manifest).filter(entry => isObject(entry.server));
}

/** The servers with TLS settings, each with its `tls` object. */
export function tlsServers(manifest: unknown): Array<GatewayServer & { readonly tls: JsonObject }> {
  return objectServers(manifest).filter((entry): entry is GatewayServer & { readonly tls: JsonObject } => entry.tls !== undefined);
}

/** Whether a field is present with a value other than null (the API treats null as absent). */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** A string field the way Go reads it: the string, or `''` when absent or of another type. */
export function text(parent: unknown, key: string): string {
  return stringAt(parent, key) ?? '';
}

/** The length of a list field; 0 when absent or not a list (Go's `len` of a nil slice). */
export function listLength(parent: unknown, key: string): number {
  return arrayAt(parent, key)?.length ?? 0;
}
