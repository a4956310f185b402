/**
 * Istio's port protocols (`protocol.Parse` and the `Is*` predicates of
 * pkg/config/protocol/instance.go), shared by the Gateway and ServiceEntry rules.
 */

/** A protocol as `protocol.Parse` names it; `Unsupported` for anything else. */
export type Protocol =
  | 'TCP' | 'UDP' | 'GRPC' | 'GRPC-Web' | 'HTTP' | 'HTTP_PROXY' | 'HTTP2' | 'HTTPS' | 'TLS'
  | 'Mongo' | 'Redis' | 'MySQL' | 'Unsupported';

const BY_LOWER_NAME: ReadonlyMap<string, Protocol> = new Map<string, Protocol>([
  ['tcp', 'TCP'],
  ['udp', 'UDP'],
  ['grpc', 'GRPC'],
  ['grpc-web', 'GRPC-Web'],
  ['http', 'HTTP'],
  ['http_proxy', 'HTTP_PROXY'],
  ['http2', 'HTTP2'],
  ['https', 'HTTPS'],
  ['tls', 'TLS'],
  ['mongo', 'Mongo'],
  ['redis', 'Redis'],
  ['mysql', 'MySQL'],
]);

/** The protocol names Istio accepts, for messages (case does not matter). */
export const PROTOCOL_NAMES = 'HTTP, HTTPS, GRPC, GRPC-WEB, HTTP2, HTTP_PROXY, TLS, TCP, UDP, MONGO, REDIS or MYSQL';

/** `protocol.Parse`: case-insensitive; an unknown name or a value that is not a string is `Unsupported`. */
export function parseProtocol(value: unknown): Protocol {
  if (typeof value !== 'string') return 'Unsupported';
  return BY_LOWER_NAME.get(value.toLowerCase()) ?? 'Unsupported';
}

/** `Instance.IsHTTP`: HTTP, HTTP2, HTTP_PROXY, GRPC, GRPC-Web. */
export function isHttpProtocol(protocol: Protocol): boolean {
  return protocol === 'HTTP' || protocol === 'HTTP2' || protocol === 'HTTP_PROXY' || protocol === 'GRPC' || protocol === 'GRPC-Web';
}

/** `Instance.IsTLS`: HTTPS, TLS. */
export function isTlsProtocol(protocol: Protocol): boolean {
  return protocol === 'HTTPS' || protocol === 'TLS';
}

/** `Instance.IsTCP`: TCP, HTTPS, TLS, Mongo, Redis, MySQL. */
export function isTcpProtocol(protocol: Protocol): boolean {
  return protocol === 'TCP' || protocol === 'HTTPS' || protocol === 'TLS' || protocol === 'Mongo' || protocol === 'Redis' || protocol === 'MySQL';
}
