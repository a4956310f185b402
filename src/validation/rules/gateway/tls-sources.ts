/**
 * Where a server's certificates come from: ISTIO_MUTUAL uses the mesh's own, and otherwise
 * exactly one of serverCertificate/privateKey, credentialName, credentialNames or
 * tlsCertificates, each list with one or two entries (validateTLSOptions; the CRD's CEL rules
 * on `tls` and its minItems/maxItems).
 */
import { Severity } from '../../diagnostic';
import { GATEWAY } from '../../kinds';
import { valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { isSet, listLength, text, tlsServers } from './shape';

/** The fields ISTIO_MUTUAL refuses, with the words of Istio's messages. */
const ISTIO_MUTUAL_FIELDS: ReadonlyArray<{ field: string; what: string; list: boolean }> = [
  { field: 'serverCertificate', what: 'server certificate', list: false },
  { field: 'privateKey', what: 'private key', list: false },
  { field: 'caCertificates', what: 'CA bundle', list: false },
  { field: 'tlsCertificates', what: 'tlsCertificates', list: true },
  { field: 'credentialName', what: 'credentialName', list: false },
  { field: 'credentialNames', what: 'credentialNames', list: true },
];

export const istioMutualCertificatesRule: ManifestRule = {
  code: 'GW014',
  name: 'istio-mutual-certificates',
  severity: Severity.ERROR,
  appliesTo: GATEWAY,
  description: 'a server in TLS mode ISTIO_MUTUAL sets none of serverCertificate, privateKey, caCertificates, tlsCertificates, credentialName or credentialNames: it uses the mesh\'s certificates (validateTLSOptions)',
  upstream: ['IST0106'],
  check(manifest, context) {
    for (const { tls, mode, path } of tlsServers(manifest)) {
      if (mode !== 'ISTIO_MUTUAL') continue;
      for (const { field, what, list } of ISTIO_MUTUAL_FIELDS) {
        const set = list ? listLength(tls, field) > 0 : text(tls, field) !== '';
        if (!set) continue;
        context.report(`${path}.tls.${field}`,
          `ISTIO_MUTUAL TLS cannot have associated ${what}: ISTIO_MUTUAL uses the certificates Istio issues to the gateway; remove ${field}, or use mode SIMPLE or MUTUAL to serve your own certificate`,
          valueAt(tls, field));
      }
    }
  },
};

export const tlsCertificateSourcesRule: ManifestRule = {
  code: 'GW015',
  name: 'tls-certificate-sources',
  severity: Severity.ERROR,
  appliesTo: GATEWAY,
  description: 'a server\'s TLS settings name one certificate source: serverCertificate and privateKey, credentialName, credentialNames or tlsCertificates (validateTLSOptions; the CRD\'s CEL rules refuse credentialNames with tlsCertificates or with credentialName in any mode)',
  upstream: ['IST0106'],
  check(manifest, context) {
    for (const { tls, mode, path } of tlsServers(manifest)) {
      const sources = new Set<string>();
      // validateTLSOptions counts non-empty sources, except in ISTIO_MUTUAL mode (GW014's)
      if (mode !== undefined && mode !== 'ISTIO_MUTUAL') {
        if (text(tls, 'serverCertificate') !== '' && text(tls, 'privateKey') !== '') sources.add('serverCertificate/privateKey');
        if (text(tls, 'credentialName') !== '') sources.add('credentialName');
        if (listLength(tls, 'credentialNames') > 0) sources.add('credentialNames');
        if (listLength(tls, 'tlsCertificates') > 0) sources.add('tlsCertificates');
        if (sources.size < 2) sources.clear();
      }
      // the CRD's CEL rules look at presence, whatever the mode
      const has = (field: string) => isSet(valueAt(tls, field));
      if (has('credentialNames') && has('tlsCertificates')) sources.add('credentialNames').add('tlsCertificates');
      if (has('credentialName') && has('credentialNames')) sources.add('credentialName').add('credentialNames');
      if (sources.size < 2) continue;
      context.report(`${path}.tls`,
        `only one of credential_name, credential_names, server_certificate/private_key, tls_certificates should be specified: this server sets ${[...sources].join(', ')}; keep one way of naming the certificate`,
        tls);
    }
  },
};

export const tlsListSizesRule: ManifestRule = {
  code: 'GW016',
  name: 'tls-list-sizes',
  severity: Severity.ERROR,
  appliesTo: GATEWAY,
  description: 'tls.credentialNames and tls.tlsCertificates, when set, have one or two entries (an RSA and an ECDSA certificate) (the CRD\'s minItems/maxItems; validateTLSOptions warns beyond two server certificates)',
  upstream: ['IST0106'],
  check(manifest, context) {
    for (const { tls, path } of tlsServers(manifest)) {
      for (const field of ['credentialNames', 'tlsCertificates']) {
        const list = valueAt(tls, field);
        if (!Array.isArray(list) || (list.length >= 1 && list.length <= 2)) continue;
        const problem = list.length === 0 ? 'is empty' : `has ${list.length} entries`;
        context.report(`${path}.tls.${field}`,
          `tls.${field} ${problem}: it takes one or two entries (at most 2 server certificates, typically one RSA and one ECDSA); ${list.length === 0 ? 'remove the empty list' : 'keep two'}`,
          list.length === 0 ? list : list.length);
      }
    }
  },
};

export const TLS_SOURCE_RULES: readonly ManifestRule[] = [istioMutualCertificatesRule, tlsCertificateSourcesRule, tlsListSizesRule];
