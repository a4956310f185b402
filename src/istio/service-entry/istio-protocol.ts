/**
 * The protocols Istio knows for a port (`protocol.Parse`): a Gateway server's port and a
 * ServiceEntry's ports.
 */
export enum IstioProtocol {
  /** Plain HTTP/1.1 (HTTP/2 too, negotiated). */
  HTTP = 'HTTP',
  /** HTTP over TLS. */
  HTTPS = 'HTTPS',
  /** gRPC. */
  GRPC = 'GRPC',
  /** gRPC-Web. */
  GRPC_WEB = 'GRPC-WEB',
  /** HTTP/2. */
  HTTP2 = 'HTTP2',
  /** An HTTP proxy (CONNECT). */
  HTTP_PROXY = 'HTTP_PROXY',
  /** MongoDB. */
  MONGO = 'MONGO',
  /** Redis. */
  REDIS = 'REDIS',
  /** MySQL. */
  MYSQL = 'MYSQL',
  /** Opaque TCP. */
  TCP = 'TCP',
  /** TLS, routed by SNI without terminating it. */
  TLS = 'TLS',
  /** UDP. */
  UDP = 'UDP',
}

/** The port name a port gets when none is given: `http-80`, `grpc-web-8080`. */
export function defaultPortName(protocol: IstioProtocol | undefined, port: number): string {
  return `${protocol === undefined ? 'port' : protocol.toLowerCase().replace(/_/g, '-')}-${port}`;
}
