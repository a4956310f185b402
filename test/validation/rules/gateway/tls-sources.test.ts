import { Case, CleanCase, expectClean, expectFindings, withTls } from './helpers';

// Upstream cases: TestValidateTlsOptions (pkg/config/validation/validation_test.go).

const CERT = '/etc/istio/certs/server/cert';
const KEY = '/etc/istio/certs/server/key';
const CA = '/etc/istio/certs/server/ca';

describe('GW014 istio-mutual-certificates', () => {
  const clean: CleanCase[] = [
    // TestValidateTlsOptions "istio_mutual no certs"
    { name: 'ISTIO_MUTUAL without certificates', manifest: withTls({ mode: 'ISTIO_MUTUAL', serverCertificate: '', privateKey: '', caCertificates: '' }) },
    { name: 'SIMPLE with certificates', manifest: withTls({ mode: 'SIMPLE', serverCertificate: CERT, privateKey: KEY }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('GW014', manifest));

  const invalid: Case[] = [
    // TestValidateTlsOptions "istio_mutual with server cert"
    { name: 'ISTIO_MUTUAL has a server certificate', manifest: withTls({ mode: 'ISTIO_MUTUAL', serverCertificate: CERT }),
      expected: [{ path: 'spec.servers[0].tls.serverCertificate', message: 'ISTIO_MUTUAL TLS cannot have associated server certificate' }] },
    // TestValidateTlsOptions "istio_mutual with client bundle"
    { name: 'ISTIO_MUTUAL has a certificate, a key and a CA bundle', manifest: withTls({ mode: 'ISTIO_MUTUAL', serverCertificate: CERT, privateKey: KEY, caCertificates: CA }),
      expected: [
        { path: 'spec.servers[0].tls.serverCertificate', message: 'cannot have associated server certificate' },
        { path: 'spec.servers[0].tls.privateKey', message: 'ISTIO_MUTUAL TLS cannot have associated private key' },
        { path: 'spec.servers[0].tls.caCertificates', message: 'ISTIO_MUTUAL TLS cannot have associated CA bundle' },
      ] },
    // TestValidateTlsOptions "istio_mutual with private key", "istio_mutual with credential name"
    { name: 'ISTIO_MUTUAL has a private key and credentials', manifest: withTls({ mode: 'ISTIO_MUTUAL', privateKey: KEY, credentialName: 'some-cred', credentialNames: ['a'], tlsCertificates: [{ serverCertificate: CERT }] }),
      expected: [
        { path: 'spec.servers[0].tls.privateKey', message: 'cannot have associated private key' },
        { path: 'spec.servers[0].tls.tlsCertificates', message: 'ISTIO_MUTUAL TLS cannot have associated tlsCertificates' },
        { path: 'spec.servers[0].tls.credentialName', message: 'ISTIO_MUTUAL TLS cannot have associated credentialName' },
        { path: 'spec.servers[0].tls.credentialNames', message: 'ISTIO_MUTUAL TLS cannot have associated credentialNames' },
      ] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('GW014', manifest, expected));
});

describe('GW015 tls-certificate-sources', () => {
  const clean: CleanCase[] = [
    // TestValidateTlsOptions "simple", "simple sds with client bundle", "only tls certificates", "with CredentialNames"
    { name: 'a certificate and a key', manifest: withTls({ mode: 'SIMPLE', serverCertificate: CERT, privateKey: KEY }) },
    { name: 'a credentialName', manifest: withTls({ mode: 'SIMPLE', credentialName: 'sds-name' }) },
    { name: 'tlsCertificates', manifest: withTls({ mode: 'MUTUAL', tlsCertificates: [{ serverCertificate: CERT, privateKey: KEY }], caCertificates: CA }) },
    { name: 'credentialNames', manifest: withTls({ mode: 'MUTUAL', credentialNames: ['credential1', 'credential2'] }) },
    // TestValidateTlsOptions "simple sds no server cert": a key alone is no source
    { name: 'a credentialName and a private key alone', manifest: withTls({ mode: 'SIMPLE', privateKey: KEY, credentialName: 'sds-name' }) },
    { name: 'a credentialName and an empty tlsCertificates list is counted once by the webhook and not by CEL', manifest: withTls({ mode: 'SIMPLE', credentialName: 'c', tlsCertificates: [] }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('GW015', manifest));

  const invalid: Case[] = [
    // TestValidateTlsOptions "simple sds with client bundle but with server cert"
    { name: 'a certificate and a credentialName', manifest: withTls({ mode: 'SIMPLE', serverCertificate: CERT, privateKey: KEY, credentialName: 'sds-name' }),
      expected: [{ path: 'spec.servers[0].tls', message: 'only one of credential_name, credential_names, server_certificate/private_key, tls_certificates should be specified: this server sets serverCertificate/privateKey, credentialName' }] },
    // TestValidateTlsOptions "simple with both server cert and tls certs", "mutual with both server cert and tls certs"
    { name: 'a certificate and tlsCertificates', manifest: withTls({ mode: 'MUTUAL', serverCertificate: CERT, privateKey: KEY, caCertificates: CA, tlsCertificates: [{ serverCertificate: CERT, privateKey: KEY }] }),
      expected: [{ path: 'spec.servers[0].tls', message: 'sets serverCertificate/privateKey, tlsCertificates' }] },
    // TestValidateTlsOptions "mutual sds with credential name and tls certs"
    { name: 'a credentialName and tlsCertificates', manifest: withTls({ mode: 'MUTUAL', caCertificates: CA, tlsCertificates: [{ serverCertificate: CERT, privateKey: KEY }], credentialName: 'sds-name' }),
      expected: [{ path: 'spec.servers[0].tls', message: 'sets credentialName, tlsCertificates' }] },
    // TestValidateTlsOptions "credential names and certificates"
    { name: 'credentialNames and a certificate', manifest: withTls({ mode: 'MUTUAL', serverCertificate: CERT, privateKey: KEY, credentialNames: ['server-certs'] }),
      expected: [{ path: 'spec.servers[0].tls', message: 'sets serverCertificate/privateKey, credentialNames' }] },
    // TestValidateTlsOptions "credential names and tls certificates" (also a CEL rule)
    { name: 'credentialNames and tlsCertificates', manifest: withTls({ mode: 'MUTUAL', tlsCertificates: [{ serverCertificate: CERT, privateKey: KEY, caCertificates: CA }], credentialNames: ['server-certs'] }),
      expected: [{ path: 'spec.servers[0].tls', message: 'sets credentialNames, tlsCertificates' }] },
    { name: 'ISTIO_MUTUAL with credentialName and credentialNames (the CEL rule applies in every mode)', manifest: withTls({ mode: 'ISTIO_MUTUAL', credentialName: 'a', credentialNames: ['b'] }),
      expected: [{ path: 'spec.servers[0].tls', message: 'sets credentialName, credentialNames' }] },
    { name: 'an empty credentialName with credentialNames (CEL looks at presence)', manifest: withTls({ mode: 'SIMPLE', credentialName: '', credentialNames: ['b'] }),
      expected: [{ path: 'spec.servers[0].tls', message: 'sets credentialName, credentialNames' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('GW015', manifest, expected));
});

describe('GW016 tls-list-sizes', () => {
  const clean: CleanCase[] = [
    { name: 'two credentialNames', manifest: withTls({ mode: 'MUTUAL', credentialNames: ['rsa', 'ecdsa'] }) },
    { name: 'one tlsCertificates entry', manifest: withTls({ mode: 'SIMPLE', tlsCertificates: [{ serverCertificate: CERT, privateKey: KEY }] }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('GW016', manifest));

  const three = [1, 2, 3].map(n => ({ serverCertificate: `${CERT}${n}`, privateKey: `${KEY}${n}` }));
  const invalid: Case[] = [
    // TestValidateTlsOptions "simple more than 2 certs", "mutual more than 2 certs" (a webhook warning; the CRD's maxItems refuses it)
    { name: 'three tlsCertificates in SIMPLE mode', manifest: withTls({ mode: 'SIMPLE', tlsCertificates: three }),
      expected: [{ path: 'spec.servers[0].tls.tlsCertificates', message: 'tls.tlsCertificates has 3 entries: it takes one or two entries' }] },
    { name: 'three tlsCertificates in MUTUAL mode', manifest: withTls({ mode: 'MUTUAL', caCertificates: CA, tlsCertificates: three }),
      expected: [{ path: 'spec.servers[0].tls.tlsCertificates', message: 'has 3 entries' }] },
    { name: 'credentialNames is empty', manifest: withTls({ mode: 'SIMPLE', credentialName: 'c', credentialNames: [] }),
      expected: [{ path: 'spec.servers[0].tls.credentialNames', message: 'tls.credentialNames is empty' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('GW016', manifest, expected));
});
