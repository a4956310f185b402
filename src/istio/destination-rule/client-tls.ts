import { compact, JsonMap, nonEmpty } from '../../util/json';
import { TrafficValidationError } from '../../validation/errors';

/**
 * The TLS modes of a connection a proxy opens towards a destination.
 */
export enum ClientTlsMode {
  /** Plain text. */
  DISABLE = 'DISABLE',
  /** TLS originated by the proxy, verifying the server. */
  SIMPLE = 'SIMPLE',
  /** Mutual TLS with a client certificate of your own. */
  MUTUAL = 'MUTUAL',
  /** Mutual TLS with the mesh's certificates. */
  ISTIO_MUTUAL = 'ISTIO_MUTUAL',
}

/**
 * Options of TLS the proxy originates itself (SIMPLE or MUTUAL).
 */
export interface ClientTlsOptions {
  /**
   * The server name sent in the TLS handshake (SNI).
   *
   * @default - the destination's host for SIMPLE and MUTUAL at gateways; none at sidecars
   */
  readonly sni?: string;

  /**
   * Names the server certificate's subject alternative names must include.
   *
   * @default - not checked
   */
  readonly subjectAltNames?: string[];

  /**
   * Path of the CA bundle that verifies the server certificate; not with `credentialName`.
   *
   * @default - the system's CAs (when the mesh verifies by default)
   */
  readonly caCertificates?: string;

  /**
   * Name of the Secret holding the client certificate, key and CA (gateways, or sidecars of a
   * DestinationRule with a workload selector); not with the certificate, CA or CRL file paths.
   *
   * @default - none
   */
  readonly credentialName?: string;

  /**
   * Whether the server certificate is accepted without verification (not with CA certificates,
   * credentialName or subjectAltNames).
   *
   * @default false
   */
  readonly insecureSkipVerify?: boolean;

  /**
   * Path of a certificate revocation list (CRL) file: server certificates it lists are refused
   * (Istio 1.22 and later); not with `credentialName`, whose Secret holds the CRL (`ca.crl`).
   *
   * @default - no revocation check
   */
  readonly caCrl?: string;
}

/**
 * Options of mutual TLS with certificates of your own.
 */
export interface MutualClientTlsOptions extends ClientTlsOptions {
  /**
   * Path of the client certificate; with `privateKey`, unless `credentialName` is set.
   *
   * @default - none: then `credentialName`
   */
  readonly clientCertificate?: string;

  /**
   * Path of the client's private key; with `clientCertificate`, unless `credentialName` is set.
   *
   * @default - none: then `credentialName`
   */
  readonly privateKey?: string;
}

/**
 * Options of Istio mutual TLS (certificates issued by the mesh).
 */
export interface IstioMutualTlsOptions {
  /**
   * The server name sent in the TLS handshake (SNI).
   *
   * @default - none
   */
  readonly sni?: string;

  /**
   * Names the server certificate's subject alternative names must include.
   *
   * @default - the destination's service account identity
   */
  readonly subjectAltNames?: string[];
}

/**
 * The TLS a proxy uses towards the destination (`trafficPolicy.tls`). Immutable: one value
 * can be shared by many traffic policies.
 */
export class ClientTls {
  /** Plain text: no TLS towards the destination. */
  public static disable(): ClientTls {
    return new ClientTls(ClientTlsMode.DISABLE, {});
  }

  /** TLS originated by the proxy, verifying the server (one-way). */
  public static simple(options: ClientTlsOptions = {}): ClientTls {
    assertCredentialOrFiles(options);
    return new ClientTls(ClientTlsMode.SIMPLE, options);
  }

  /** Mutual TLS with a client certificate of your own (files, or `credentialName`). */
  public static mutual(options: MutualClientTlsOptions): ClientTls {
    assertCredentialOrFiles(options);
    if (options.credentialName === undefined) {
      const missing = [
        ...(options.clientCertificate ? [] : ['clientCertificate']),
        ...(options.privateKey ? [] : ['privateKey']),
      ];
      if (missing.length > 0) {
        throw new TrafficValidationError('DR047', `mutual TLS needs a client certificate: set ${missing.join(' and ')}, or credentialName`);
      }
    }
    return new ClientTls(ClientTlsMode.MUTUAL, options);
  }

  /** Mutual TLS with the certificates the mesh issues to its workloads. */
  public static istioMutual(options: IstioMutualTlsOptions = {}): ClientTls {
    return new ClientTls(ClientTlsMode.ISTIO_MUTUAL, options);
  }

  private constructor(
    /** The TLS mode. */
    public readonly mode: ClientTlsMode,
    private readonly options: MutualClientTlsOptions,
  ) {}

  /** @internal */
  public _render(): JsonMap {
    const o = this.options;
    return compact({
      mode: this.mode,
      clientCertificate: o.clientCertificate,
      privateKey: o.privateKey,
      caCertificates: o.caCertificates,
      credentialName: o.credentialName,
      subjectAltNames: nonEmpty(o.subjectAltNames),
      sni: o.sni,
      insecureSkipVerify: o.insecureSkipVerify,
      caCrl: o.caCrl,
    });
  }
}

/** Istio takes certificates (and the CA and CRL) from a Secret or from files, never both. */
function assertCredentialOrFiles(options: MutualClientTlsOptions): void {
  if (options.credentialName === undefined) return;
  const files = (['clientCertificate', 'privateKey', 'caCertificates', 'caCrl'] as const).filter(key => options[key] !== undefined);
  if (files.length > 0) {
    throw new TrafficValidationError('DR046', `credentialName ${JSON.stringify(options.credentialName)} cannot be combined with ${files.join(', ')}: the Secret holds the certificates, CA and CRL`);
  }
}
