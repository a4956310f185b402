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
   * Elliptic curves offered for ECDH key exchange, in order of preference (for example `X25519`,
   * `P-256`). A recent field: Istio's CRD has it from the 1.31 pre-releases.
   *
   * @default - Envoy's default curves
   */
  readonly ecdhCurves?: string[];

  /**
   * Subject alternative names a client certificate must carry.
   *
   * @default - not checked
   */
  readonly subjectAltNames?: string[];
}

/**
 * One server certificate of `tlsCertificates`: files mounted into the gateway.
 */
export interface ServerTlsCertificate {
  /**
   * Path of the server certificate file.
   */
  readonly serverCertificate: string;

  /**
   * Path of the server's private key file.
   */
  readonly privateKey: string;

  /**
   * Path of a CA bundle that verifies client certificates. The mutual modes still need the
   * top-level `caCertificates`: Istio's webhook checks that one.
   *
   * @default - none
   */
  readonly caCertificates?: string;
}

/**
 * The server certificate, from exactly one source: a Secret (`credentialName`), one or two
 * Secrets (`credentialNames`), one or two pairs of files (`tlsCertificates`), or files mounted
 * into the gateway (`serverCertificate` and `privateKey`).
 */
export interface ServerCertificateOptions extends ServerTlsOptions {
  /**
   * Name of the Secret (in the gateway workload's namespace) holding the certificate, key and,
   * for mutual TLS, the CA; not with the other certificate sources.
   *
   * @default - none: then `credentialNames`, `tlsCertificates`, or `serverCertificate` and `privateKey`
   */
  readonly credentialName?: string;

  /**
   * Names of one or two Secrets (in the gateway workload's namespace), typically one with an RSA
   * and one with an ECDSA certificate, each holding a certificate, key and, for mutual TLS, the
   * CA; not with the other certificate sources. Since Istio 1.26.
   *
   * @default - none: then `credentialName`, `tlsCertificates`, or `serverCertificate` and `privateKey`
   */
  readonly credentialNames?: string[];

  /**
   * One or two server certificates as files mounted into the gateway, typically one RSA and one
   * ECDSA; not with the other certificate sources. Since Istio 1.26.
   *
   * @default - none: then `credentialName`, `credentialNames`, or `serverCertificate` and `privateKey`
   */
  readonly tlsCertificates?: ServerTlsCertificate[];

  /**
   * Path of the server certificate file; with `privateKey`, not with the other certificate sources.
   *
   * @default - none: then `credentialName`, `credentialNames` or `tlsCertificates`
   */
  readonly serverCertificate?: string;

  /**
   * Path of the server's private key file; with `serverCertificate`, not with the other
   * certificate sources.
   *
   * @default - none: then `credentialName`, `credentialNames` or `tlsCertificates`
   */
  readonly privateKey?: string;

  /**
   * Path of the CA bundle that verifies client certificates (mutual modes without
   * `credentialName` or `credentialNames`, including with `tlsCertificates`).
   *
   * @default - none
   */
  readonly caCertificates?: string;
}

/**
 * The server certificate and client verification of the mutual modes (MUTUAL, OPTIONAL_MUTUAL).
 */
export interface MutualServerCertificateOptions extends ServerCertificateOptions {
  /**
   * Path of the certificate revocation list file that client certificates are checked against;
   * not with `credentialName` or `credentialNames` (the CRL then belongs in the Secret, key
   * `ca.crl`).
   *
   * @default - no revocation check
   */
  readonly caCrl?: string;
}

/**
 * The TLS settings of a gateway server. Immutable: one value can be shared by many servers.
 */
export class ServerTls {
  /** Terminates TLS with the server's certificate. */
  public static simple(options: ServerCertificateOptions): ServerTls {
    assertCertificate(ServerTlsMode.SIMPLE, options);
    assertNoCrl(ServerTlsMode.SIMPLE, options);
    return new ServerTls(ServerTlsMode.SIMPLE, options);
  }

  /** Terminates TLS and requires a client certificate, verified with `caCertificates` or the Secret's CA. */
  public static mutual(options: MutualServerCertificateOptions): ServerTls {
    assertCertificate(ServerTlsMode.MUTUAL, options);
    assertClientCa(ServerTlsMode.MUTUAL, options);
    assertNoCrl(ServerTlsMode.MUTUAL, options);
    return new ServerTls(ServerTlsMode.MUTUAL, options);
  }

  /** Terminates TLS; verifies a client certificate when the client presents one. */
  public static optionalMutual(options: MutualServerCertificateOptions): ServerTls {
    assertCertificate(ServerTlsMode.OPTIONAL_MUTUAL, options);
    assertClientCa(ServerTlsMode.OPTIONAL_MUTUAL, options);
    assertNoCrl(ServerTlsMode.OPTIONAL_MUTUAL, options);
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
    private readonly options: MutualServerCertificateOptions,
  ) {}

  /** @internal */
  public _render(): JsonMap {
    const o = this.options;
    return compact({
      mode: this.mode,
      serverCertificate: o.serverCertificate,
      privateKey: o.privateKey,
      caCertificates: o.caCertificates,
      caCrl: o.caCrl,
      credentialName: o.credentialName,
      credentialNames: nonEmpty(o.credentialNames),
      tlsCertificates: nonEmpty(o.tlsCertificates)?.map(c => compact({
        serverCertificate: c.serverCertificate,
        privateKey: c.privateKey,
        caCertificates: c.caCertificates,
      })),
      subjectAltNames: nonEmpty(o.subjectAltNames),
      minProtocolVersion: o.minProtocolVersion,
      maxProtocolVersion: o.maxProtocolVersion,
      cipherSuites: nonEmpty(o.cipherSuites),
      ecdhCurves: nonEmpty(o.ecdhCurves),
    });
  }
}

/** The certificate sources Istio counts, in the words of the messages. */
const SOURCES = 'credentialName, credentialNames, tlsCertificates, or serverCertificate and privateKey';

/** At most two certificates: the CRD's maxItems (typically one RSA and one ECDSA certificate). */
const MAX_CERTIFICATES = 2;

/**
 * A terminating mode needs a certificate from exactly one source: `credentialName`,
 * `credentialNames`, `tlsCertificates`, or both files. Empty lists count as unset (they are not
 * rendered).
 */
function assertCertificate(mode: ServerTlsMode, options: ServerCertificateOptions): void {
  for (const field of ['credentialNames', 'tlsCertificates'] as const) {
    const length = options[field]?.length ?? 0;
    if (length > MAX_CERTIFICATES) {
      throw new TrafficValidationError('GW016', `${mode} TLS takes one or two ${field} (typically one RSA and one ECDSA certificate), got ${length}: keep two`);
    }
  }
  const files = (['serverCertificate', 'privateKey'] as const).filter(key => options[key] !== undefined);
  const sources = [
    ...(options.credentialName !== undefined ? [`credentialName ${JSON.stringify(options.credentialName)}`] : []),
    ...(nonEmpty(options.credentialNames) ? ['credentialNames'] : []),
    ...(nonEmpty(options.tlsCertificates) ? ['tlsCertificates'] : []),
    ...(files.length > 0 ? [files.join(' and ')] : []),
  ];
  if (sources.length > 1) {
    throw new TrafficValidationError('GW015', `${mode} TLS takes its certificate from one source, but this sets ${sources.join(', ')}: keep one of ${SOURCES}`);
  }
  if (sources.length === 0) {
    throw new TrafficValidationError('GW017', `${mode} TLS needs a server certificate: set ${SOURCES}`);
  }
  if (files.length === 1) {
    throw new TrafficValidationError('GW017', files[0] === 'serverCertificate'
      ? `${mode} TLS needs a private key: set privateKey beside serverCertificate`
      : `${mode} TLS needs a server certificate: set serverCertificate beside privateKey`);
  }
  (options.tlsCertificates ?? []).forEach((certificate, index) => {
    const missing = (['serverCertificate', 'privateKey'] as const).filter(key => !certificate[key]);
    if (missing.length > 0) {
      throw new TrafficValidationError('GW017', `${mode} TLS needs a server certificate and a private key in each tlsCertificates entry: set ${missing.join(' and ')} of tlsCertificates[${index}]`);
    }
  });
}

/**
 * Mutual modes verify clients with a CA: the Secret's (`credentialName`, `credentialNames`), or
 * `caCertificates`, which Istio requires also with `tlsCertificates` (whatever the entries hold).
 */
function assertClientCa(mode: ServerTlsMode, options: ServerCertificateOptions): void {
  if (options.credentialName !== undefined || nonEmpty(options.credentialNames) || options.caCertificates) return;
  const entries = nonEmpty(options.tlsCertificates)
    ? ' (the caCertificates of tlsCertificates entries do not replace it: Istio checks the top-level caCertificates)'
    : '';
  throw new TrafficValidationError('GW018', `${mode} TLS needs a CA bundle to verify client certificates: set caCertificates${entries}, or credentialName or credentialNames with Secrets holding ca.crt`);
}

/**
 * A CRL is for mutual modes verifying against files: SIMPLE checks no client certificate, and
 * with a Secret the CRL belongs in the Secret (`ca.crl`).
 */
function assertNoCrl(mode: ServerTlsMode, options: MutualServerCertificateOptions): void {
  if (options.caCrl === undefined) return;
  if (mode === ServerTlsMode.SIMPLE) {
    throw new TrafficValidationError('GW019', 'CRL is not supported with SIMPLE TLS: SIMPLE does not verify client certificates; remove caCrl, or use ServerTls.mutual()');
  }
  const credential = options.credentialName !== undefined ? 'credentialName' : nonEmpty(options.credentialNames) ? 'credentialNames' : undefined;
  if (credential !== undefined) {
    throw new TrafficValidationError('GW019', `${mode} TLS takes no caCrl with ${credential}: the CRL has to be in the Secret (key ca.crl); remove caCrl`);
  }
}
