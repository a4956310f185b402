/**
 * The certificates a terminating server needs when it names no credential: SIMPLE, MUTUAL and
 * OPTIONAL_MUTUAL servers need a server certificate and a private key (per entry of
 * tlsCertificates), MUTUAL ones a client CA bundle; and where a CRL may not be given
 * (validateTLSOptions).
 */
import { Severity } from '../../diagnostic';
import { GATEWAY } from '../../kinds';
import { arrayAt, isObject, JsonObject } from '../../manifest';
import { ManifestRule } from '../../rule';
import { listLength, text, tlsServers } from './shape';

const TERMINATING_MODES: readonly string[] = ['SIMPLE', 'MUTUAL', 'OPTIONAL_MUTUAL'];

/** A mode that terminates TLS with a certificate of its own. */
function isTerminating(mode: string | undefined): boolean {
  return mode !== undefined && TERMINATING_MODES.includes(mode);
}

/** Whether the certificates are fetched from a Secret (credentialName or credentialNames). */
function namesCredential(tls: JsonObject): boolean {
  return text(tls, 'credentialName') !== '' || listLength(tls, 'credentialNames') > 0;
}

/** `SIMPLE TLS` or `MUTUAL TLS`, as Istio's messages name the mode. */
function prefixOf(mode: string): string {
  return mode === 'SIMPLE' ? 'SIMPLE TLS' : 'MUTUAL TLS';
}

/** The terminating servers that name no credential: the ones validateTLSOptions checks for certificates. */
function withoutCredential(manifest: unknown) {
  return tlsServers(manifest).filter(entry => isTerminating(entry.mode) && !namesCredential(entry.tls));
}

export const tlsServerCertificateRule: ManifestRule = {
  code: 'GW017',
  name: 'tls-server-certificate',
  severity: Severity.ERROR,
  appliesTo: GATEWAY,
  description: 'a server in TLS mode SIMPLE, MUTUAL or OPTIONAL_MUTUAL without credentialName(s) has serverCertificate and privateKey, in each tlsCertificates entry when that list is set (validateTLSOptions)',
  upstream: ['IST0106'],
  check(manifest, context) {
    for (const { tls, mode, path } of withoutCredential(manifest)) {
      const prefix = prefixOf(mode as string);
      const list = arrayAt(tls, 'tlsCertificates') ?? [];
      const certificates: Array<{ at: string; certificate: unknown }> = list.length > 0
        ? list.map((certificate, index) => ({ at: `${path}.tls.tlsCertificates[${index}]`, certificate }))
        : [{ at: `${path}.tls`, certificate: tls }];
      for (const { at, certificate } of certificates) {
        if (!isObject(certificate)) continue;
        if (text(certificate, 'serverCertificate') === '') {
          context.report(`${at}.serverCertificate`,
            `${prefix} requires a server certificate: set serverCertificate to the path of the certificate file mounted in the gateway, or name a Secret with credentialName instead`);
        }
        if (text(certificate, 'privateKey') === '') {
          context.report(`${at}.privateKey`,
            `${prefix} requires a private key: set privateKey to the path of the key file mounted in the gateway, or name a Secret with credentialName instead`);
        }
      }
    }
  },
};

export const tlsClientCaBundleRule: ManifestRule = {
  code: 'GW018',
  name: 'tls-client-ca-bundle',
  severity: Severity.ERROR,
  appliesTo: GATEWAY,
  description: 'a server in TLS mode MUTUAL or OPTIONAL_MUTUAL without credentialName(s) has caCertificates, the CA bundle that verifies client certificates (validateTLSOptions)',
  upstream: ['IST0106'],
  check(manifest, context) {
    for (const { tls, mode, path } of withoutCredential(manifest)) {
      if (mode === 'SIMPLE' || text(tls, 'caCertificates') !== '') continue;
      context.report(`${path}.tls.caCertificates`,
        `MUTUAL TLS requires a client CA bundle (mode ${mode}): set caCertificates to the path of the CA certificates that sign client certificates, or name a Secret holding them with credentialName`);
    }
  },
};

export const tlsCrlRule: ManifestRule = {
  code: 'GW019',
  name: 'tls-crl',
  severity: Severity.ERROR,
  appliesTo: GATEWAY,
  description: 'tls.caCrl is not given with SIMPLE TLS (no client certificates to revoke), nor with credentialName (the CRL belongs in the credential) (validateTLSOptions; not checked for ISTIO_MUTUAL, nor when a SIMPLE or MUTUAL server names a credential)',
  upstream: ['IST0106'],
  check(manifest, context) {
    for (const { tls, mode, path } of tlsServers(manifest)) {
      if (mode === undefined || mode === 'ISTIO_MUTUAL' || text(tls, 'caCrl') === '') continue;
      if (isTerminating(mode) && namesCredential(tls)) continue;
      const at = `${path}.tls.caCrl`;
      if (text(tls, 'credentialName') !== '') {
        context.report(at, 'CRL is not supported with credentialName. CRL has to be specified in the credential: add the CRL to the Secret (key ca.crl) and remove caCrl');
      }
      if (mode === 'SIMPLE') {
        context.report(at, 'CRL is not supported with SIMPLE TLS: SIMPLE does not verify client certificates, so there is nothing to revoke; remove caCrl or use mode MUTUAL');
      }
    }
  },
};

export const TLS_CERTIFICATE_RULES: readonly ManifestRule[] = [tlsServerCertificateRule, tlsClientCaBundleRule, tlsCrlRule];
