import { compact, JsonMap, nonEmpty } from '../../util/json';
import { TrafficValidationError } from '../../validation/errors';

/**
 * How a gateway server handles TLS.
 */
export enum ServerTlsMode {
  /** Forward the TLS connection unterminated, routed by SNI. */
  PASSTHROUGH = 'PASSTHROUGH',
  /** Terminate TLS with the server's certificate. */
  SIMPLE = 'SIMPLE',
  /** Terminate TLS and require a client certificate. */
  MUTUAL = 'MUTUAL',
  /** Forward unterminated, routing by SNI to the service named in it (multi-cluster east-west gateways). */
  AUTO_PASSTHROUGH = 'AUTO_PASSTHROUGH',
  /** Mutual TLS with the mesh's certificates. */
  ISTIO_MUTUAL = 'ISTIO_MUTUAL',
  /** Terminate TLS; check a client certificate when one is presented. */
  OPTIONAL_MUTUAL = 'OPTIONAL_MUTUAL',
}

/**
 * TLS protocol versions.
 */
export enum TlsProtocolVersion {
  /** Envoy's choice. */
  TLS_AUTO = 'TLS_AUTO',
  /** TLS 1.0 (needs `cipherSuites` that support it). */
  TLSV1_0 = 'TLSV1_0',
  /** TLS 1.1 (needs `cipherSuites` that support it). */
  TLSV1_1 = 'TLSV1_1',
  /** TLS 1.2. */
  TLSV1_2 = 'TLSV1_2',
  /** TLS 1.3. */
  TLSV1_3 = 'TLSV1_3',
}

/**
 * Options of every terminating TLS mode.
 */
export interface ServerTlsOptions {
  /**
   * The lowest TLS version accepted.
   *
   * @default - TLSV1_2
   */
  readonly minProtocolVersion?: TlsProtocolVersion;

  /**
   * The highest TLS version accepted.
   *
   * @default - TLSV1_3
   */
  readonly maxProtocolVersion?: TlsProtocolVersion;

  /**
   * Cipher suites offered, in order of preference.
   *
   * @default - Envoy's default cipher suites
   */
  readonly cipherSuites?: string[];

  /**
   * Subject alternative names a client certificate must carry.
   *
   * @default - not checked
   */
  readonly subjectAltNames?: string[];
}

/**
 * The server certificate: a Secret (`credentialName`), or files mounted into the gateway.
 */
export interface ServerCertificateOptions extends ServerTlsOptions {
  /**
   * Name of the Secret (in the gateway workload's namespace) holding the certificate, key and,
   * for mutual TLS, the CA; not with the file paths.
   *
   * @default - none: then `serverCertificate` and `privateKey`
   */
  readonly credentialName?: string;

  /**
   * Path of the server certificate file.
   *
   * @default - none: then `credentialName`
   */
  readonly serverCertificate?: string;

  /**
   * Path of the server's private key file.
   *
   * @default - none: then `credentialName`
   */
  readonly privateKey?: string;

  /**
   * Path of the CA bundle that verifies client certificates (mutual modes without `credentialName`).
   *
   * @default - none
   */
  readonly caCertificates?: string;
}

/**
 * The TLS settings of a gateway server. Immutable: one value can be shared by many servers.
 */
export class ServerTls {
  /** Terminates TLS with the server's certificate. */
  public static simple(options: ServerCertificateOptions): ServerTls {
    assertCertificate(ServerTlsMode.SIMPLE, options);
    return new ServerTls(ServerTlsMode.SIMPLE, options);
  }

  /** Terminates TLS and requires a client certificate, verified with `caCertificates` or the Secret's CA. */
  public static mutual(options: ServerCertificateOptions): ServerTls {
    assertCertificate(ServerTlsMode.MUTUAL, options);
    assertClientCa(ServerTlsMode.MUTUAL, options);
    return new ServerTls(ServerTlsMode.MUTUAL, options);
  }

  /** Terminates TLS; verifies a client certificate when the client presents one. */
  public static optionalMutual(options: ServerCertificateOptions): ServerTls {
    assertCertificate(ServerTlsMode.OPTIONAL_MUTUAL, options);
    assertClientCa(ServerTlsMode.OPTIONAL_MUTUAL, options);
    return new ServerTls(ServerTlsMode.OPTIONAL_MUTUAL, options);
  }

  /** Forwards the TLS connection unterminated; VirtualServices route it by SNI (`tls` routes). */
  public static passthrough(): ServerTls {
    return new ServerTls(ServerTlsMode.PASSTHROUGH, {});
  }

  /** Forwards unterminated to the service the SNI names, without VirtualServices (east-west gateways). */
  public static autoPassthrough(): ServerTls {
    return new ServerTls(ServerTlsMode.AUTO_PASSTHROUGH, {});
  }

  /** Mutual TLS with the mesh's certificates (traffic from other meshes' or clusters' sidecars). */
  public static istioMutual(options: ServerTlsOptions = {}): ServerTls {
    return new ServerTls(ServerTlsMode.ISTIO_MUTUAL, options);
  }

  private constructor(
    /** The TLS mode. */
    public readonly mode: ServerTlsMode,
    private readonly options: ServerCertificateOptions,
  ) {}

  /** @internal */
  public _render(): JsonMap {
    const o = this.options;
    return compact({
      mode: this.mode,
      serverCertificate: o.serverCertificate,
      privateKey: o.privateKey,
      caCertificates: o.caCertificates,
      credentialName: o.credentialName,
      subjectAltNames: nonEmpty(o.subjectAltNames),
      minProtocolVersion: o.minProtocolVersion,
      maxProtocolVersion: o.maxProtocolVersion,
      cipherSuites: nonEmpty(o.cipherSuites),
    });
  }
}

/** A terminating mode needs a certificate: from a Secret, or both files, never both kinds. */
function assertCertificate(mode: ServerTlsMode, options: ServerCertificateOptions): void {
  const files = (['serverCertificate', 'privateKey'] as const).filter(key => options[key] !== undefined);
  if (options.credentialName !== undefined) {
    if (files.length > 0) {
      throw new TrafficValidationError('GW015', `${mode} TLS takes its certificate from credentialName ${JSON.stringify(options.credentialName)} or from files, not both: remove ${files.join(' and ')}`);
    }
    return;
  }
  if (files.length < 2) {
    const missing = (['serverCertificate', 'privateKey'] as const).filter(key => options[key] === undefined);
    throw new TrafficValidationError('GW017', `${mode} TLS needs a server certificate: set credentialName, or ${missing.join(' and ')}`);
  }
}

/** Mutual modes verify clients with a CA: the Secret's, or `caCertificates`. */
function assertClientCa(mode: ServerTlsMode, options: ServerCertificateOptions): void {
  if (options.credentialName === undefined && !options.caCertificates) {
    throw new TrafficValidationError('GW018', `${mode} TLS needs a CA bundle to verify client certificates: set caCertificates, or credentialName with a Secret holding ca.crt`);
  }
}
