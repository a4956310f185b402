import { compact, JsonMap } from '../../util/json';
import { expectInstance, optionalInstance } from '../../util/typed-value';
import { defaultPortName, IstioProtocol } from '../service-entry/istio-protocol';
import { ServerTls } from './server-tls';

/**
 * A host a gateway server serves, with the namespaces whose VirtualServices may bind to it.
 */
export class ServerHost {
  /**
   * A host as Istio writes it: `example.com` (VirtualServices of any namespace may bind),
   * `ns/example.com`, `./example.com` or `*\/example.com`; `*` and `*.example.com` wildcards.
   */
  public static of(host: string): ServerHost {
    return new ServerHost(host);
  }

  /** A host only VirtualServices in namespace `virtualServiceNamespace` may bind to (`ns/host`). */
  public static inNamespace(virtualServiceNamespace: string, host: string): ServerHost {
    return new ServerHost(`${virtualServiceNamespace}/${host}`);
  }

  /** A host only VirtualServices in the Gateway's own namespace may bind to (`./host`). */
  public static sameNamespace(host: string): ServerHost {
    return new ServerHost(`./${host}`);
  }

  /** A host VirtualServices in any namespace may bind to (`*\/host`). */
  public static anyNamespace(host: string): ServerHost {
    return new ServerHost(`*/${host}`);
  }

  private constructor(
    /** The host as rendered, with its namespace prefix if any. */
    public readonly value: string,
  ) {}
}

/**
 * Options every gateway server accepts.
 */
export interface ServerBaseOptions {
  /** The hosts the server serves. */
  readonly hosts: ServerHost[];

  /**
   * The port's name, unique among the Gateway's servers.
   *
   * @default - `<protocol>-<port>`, such as `https-443`
   */
  readonly portName?: string;

  /**
   * The address or `unix://` socket the server binds to.
   *
   * @default - every address of the gateway
   */
  readonly bind?: string;

  /**
   * A name for the server, for telemetry.
   *
   * @default - none
   */
  readonly name?: string;
}

/**
 * A plain HTTP server.
 */
export interface HttpServerOptions extends ServerBaseOptions {
  /**
   * The port.
   *
   * @default 80
   */
  readonly port?: number;

  /**
   * Answer every request with a 301 redirect to HTTPS.
   *
   * @default false
   */
  readonly httpsRedirect?: boolean;
}

/**
 * An HTTPS server.
 */
export interface HttpsServerOptions extends ServerBaseOptions {
  /**
   * The port.
   *
   * @default 443
   */
  readonly port?: number;

  /** How TLS is terminated (or passed through). */
  readonly tls: ServerTls;
}

/**
 * A TCP server.
 */
export interface TcpServerOptions extends ServerBaseOptions {
  /** The port. */
  readonly port: number;
}

/**
 * A TLS server (routed by SNI, terminated or passed through).
 */
export interface TlsServerOptions extends ServerBaseOptions {
  /** The port. */
  readonly port: number;

  /** How TLS is terminated (or passed through). */
  readonly tls: ServerTls;
}

/**
 * A server of another protocol (GRPC, HTTP2, MONGO, ...).
 */
export interface ProtocolServerOptions extends ServerBaseOptions {
  /** The port. */
  readonly port: number;

  /**
   * TLS settings (required for HTTPS and TLS; only passthrough modes on HTTP-family protocols).
   *
   * @default - none
   */
  readonly tls?: ServerTls;
}

interface ServerDefinition extends ServerBaseOptions {
  readonly protocol: IstioProtocol;
  readonly port: number;
  readonly tls?: ServerTls;
  readonly httpsRedirect?: boolean;
}

/**
 * A port a Gateway listens on, its protocol, the hosts it serves and its TLS. Immutable: one
 * value can be shared by many Gateways.
 */
export class Server {
  /** Plain HTTP, optionally redirecting everything to HTTPS. */
  public static http(options: HttpServerOptions): Server {
    return new Server({ ...options, protocol: IstioProtocol.HTTP, port: options.port ?? 80 });
  }

  /** HTTPS, terminated at the gateway (or passed through). */
  public static https(options: HttpsServerOptions): Server {
    return new Server({ ...options, protocol: IstioProtocol.HTTPS, port: options.port ?? 443 });
  }

  /** Opaque TCP. */
  public static tcp(options: TcpServerOptions): Server {
    return new Server({ ...options, protocol: IstioProtocol.TCP });
  }

  /** TLS: VirtualServices route it by SNI (`tls` routes when passed through). */
  public static tls(options: TlsServerOptions): Server {
    return new Server({ ...options, protocol: IstioProtocol.TLS });
  }

  /** Any protocol Istio knows (GRPC, HTTP2, MONGO, ...). */
  public static withProtocol(protocol: IstioProtocol, options: ProtocolServerOptions): Server {
    return new Server({ ...options, protocol });
  }

  private constructor(private readonly definition: ServerDefinition) {}

  /** The port number. */
  public get port(): number {
    return this.definition.port;
  }

  /** The protocol. */
  public get protocol(): IstioProtocol {
    return this.definition.protocol;
  }

  /** @internal */
  public _render(path: string): JsonMap {
    const d = this.definition;
    const tls = optionalInstance(d.tls, ServerTls, { field: `${path}.tls` }, "ServerTls.simple({ credentialName: 'cert' }), ServerTls.passthrough(), ...")?._render();
    return compact({
      port: { number: d.port, protocol: d.protocol, name: d.portName ?? defaultPortName(d.protocol, d.port) },
      bind: d.bind,
      hosts: (d.hosts ?? []).map((h, i) => expectInstance(h, ServerHost, { field: `${path}.hosts[${i}]` }, "ServerHost.of('example.com') or ServerHost.inNamespace('ns', 'example.com')").value),
      tls: d.httpsRedirect !== undefined ? { httpsRedirect: d.httpsRedirect, ...tls } : tls,
      name: d.name,
    });
  }
}
