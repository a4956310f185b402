import { Case, CleanCase, expectClean, expectFindings, withTls } from './helpers';

// Upstream cases: TestValidateTlsOptions (pkg/config/validation/validation_test.go).

const CERT = 'Captain Jean-Luc Picard';
const KEY = 'Khan Noonien Singh';
const CA = 'Commander William T. Riker';

describe('GW017 tls-server-certificate', () => {
  const clean: CleanCase[] = [
    // TestValidateTlsOptions "simple", "simple with client bundle", "mutual", "simple sds no server cert",
    // "simple sds no private key", "mutual sds no server cert", "with CredentialNames"
    { name: 'SIMPLE with a certificate and a key', manifest: withTls({ mode: 'SIMPLE', serverCertificate: CERT, privateKey: KEY }) },
    { name: 'SIMPLE with a client bundle', manifest: withTls({ mode: 'SIMPLE', serverCertificate: CERT, privateKey: KEY, caCertificates: CA }) },
    { name: 'MUTUAL with a certificate, a key and a CA bundle', manifest: withTls({ mode: 'MUTUAL', serverCertificate: CERT, privateKey: KEY, caCertificates: CA }) },
    { name: 'SIMPLE with a credentialName and no certificate', manifest: withTls({ mode: 'SIMPLE', privateKey: KEY, credentialName: 'sds-name' }) },
    { name: 'SIMPLE with a credentialName and no key', manifest: withTls({ mode: 'SIMPLE', serverCertificate: CERT, credentialName: 'sds-name' }) },
    { name: 'MUTUAL with credentialNames', manifest: withTls({ mode: 'MUTUAL', credentialNames: ['credential1', 'credential2'] }) },
    { name: 'PASSTHROUGH without certificates', manifest: withTls({ mode: 'PASSTHROUGH' }) },
    { name: 'no mode (PASSTHROUGH)', manifest: withTls({}) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('GW017', manifest));

  const invalid: Case[] = [
    // TestValidateTlsOptions "simple no server cert"
    { name: 'SIMPLE has no server certificate', manifest: withTls({ mode: 'SIMPLE', serverCertificate: '', privateKey: KEY }),
      expected: [{ path: 'spec.servers[0].tls.serverCertificate', message: 'SIMPLE TLS requires a server certificate' }] },
    // TestValidateTlsOptions "simple no private key"
    { name: 'SIMPLE has no private key', manifest: withTls({ mode: 'SIMPLE', serverCertificate: CERT, privateKey: '' }),
      expected: [{ path: 'spec.servers[0].tls.privateKey', message: 'SIMPLE TLS requires a private key' }] },
    // TestValidateTlsOptions "simple 2 certs with missing certificate", "simple 2 certs with missing private key"
    { name: 'a SIMPLE tlsCertificates entry has no certificate or no key', manifest: withTls({ mode: 'SIMPLE', tlsCertificates: [{ privateKey: CA }, { serverCertificate: CA }] }),
      expected: [
        { path: 'spec.servers[0].tls.tlsCertificates[0].serverCertificate', message: 'SIMPLE TLS requires a server certificate' },
        { path: 'spec.servers[0].tls.tlsCertificates[1].privateKey', message: 'SIMPLE TLS requires a private key' },
      ] },
    // TestValidateTlsOptions "mutual no server cert", "mutual no private key"
    { name: 'MUTUAL has no server certificate', manifest: withTls({ mode: 'MUTUAL', serverCertificate: '', privateKey: KEY, caCertificates: CA }),
      expected: [{ path: 'spec.servers[0].tls.serverCertificate', message: 'MUTUAL TLS requires a server certificate' }] },
    { name: 'MUTUAL has no private key', manifest: withTls({ mode: 'MUTUAL', serverCertificate: KEY, caCertificates: CA }),
      expected: [{ path: 'spec.servers[0].tls.privateKey', message: 'MUTUAL TLS requires a private key' }] },
    // TestValidateTlsOptions "mutual 2 certs with missing certificate", "mutual 2 certs with missing private key"
    { name: 'a MUTUAL tlsCertificates entry has no certificate', manifest: withTls({ mode: 'MUTUAL', caCertificates: CA, tlsCertificates: [{ privateKey: CA }, { serverCertificate: CA, privateKey: CA }] }),
      expected: [{ path: 'spec.servers[0].tls.tlsCertificates[0].serverCertificate', message: 'MUTUAL TLS requires a server certificate' }] },
    // TestValidateTlsOptions "mutual no certs", "optional mutual no certs", "invalid cipher suites with invalid config"
    { name: 'OPTIONAL_MUTUAL has no certificates', manifest: withTls({ mode: 'OPTIONAL_MUTUAL', serverCertificate: '', privateKey: '', caCertificates: '' }),
      expected: [
        { path: 'spec.servers[0].tls.serverCertificate', message: 'MUTUAL TLS requires a server certificate' },
        { path: 'spec.servers[0].tls.privateKey', message: 'MUTUAL TLS requires a private key' },
      ] },
    { name: 'SIMPLE has only cipher suites', manifest: withTls({ mode: 'SIMPLE', cipherSuites: ['not-a-cipher-suite'] }),
      expected: [
        { path: 'spec.servers[0].tls.serverCertificate', message: 'requires a server certificate' },
        { path: 'spec.servers[0].tls.privateKey', message: 'requires a private key' },
      ] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('GW017', manifest, expected));
});

describe('GW018 tls-client-ca-bundle', () => {
  const clean: CleanCase[] = [
    // TestValidateTlsOptions "mutual sds", "with CredentialNames"
    { name: 'MUTUAL with a credentialName', manifest: withTls({ mode: 'MUTUAL', credentialName: 'sds-name' }) },
    { name: 'MUTUAL with credentialNames', manifest: withTls({ mode: 'MUTUAL', credentialNames: ['credential1'] }) },
    { name: 'SIMPLE without a CA bundle', manifest: withTls({ mode: 'SIMPLE', serverCertificate: CERT, privateKey: KEY }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('GW018', manifest));

  const invalid: Case[] = [
    // TestValidateTlsOptions "mutual no client CA bundle", "mutual 2 certs with missing CA certificate", "optional mutual no certs"
    { name: 'MUTUAL has no CA bundle', manifest: withTls({ mode: 'MUTUAL', serverCertificate: CERT, privateKey: KEY, caCertificates: '' }),
      expected: [{ path: 'spec.servers[0].tls.caCertificates', message: 'MUTUAL TLS requires a client CA bundle (mode MUTUAL)' }] },
    { name: 'MUTUAL with tlsCertificates has no CA bundle', manifest: withTls({ mode: 'MUTUAL', tlsCertificates: [{ serverCertificate: CERT, privateKey: KEY }] }),
      expected: [{ path: 'spec.servers[0].tls.caCertificates', message: 'MUTUAL TLS requires a client CA bundle' }] },
    { name: 'OPTIONAL_MUTUAL has no CA bundle', manifest: withTls({ mode: 'OPTIONAL_MUTUAL' }),
      expected: [{ path: 'spec.servers[0].tls.caCertificates', message: 'MUTUAL TLS requires a client CA bundle (mode OPTIONAL_MUTUAL)' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('GW018', manifest, expected));
});

describe('GW019 tls-crl', () => {
  const clean: CleanCase[] = [
    // TestValidateTlsOptions "crl specified for CredentialName" (SIMPLE with a credential is not checked further)
    { name: 'SIMPLE with a credentialName and a CRL', manifest: withTls({ mode: 'SIMPLE', caCrl: 'crl', credentialName: 'credential' }) },
    { name: 'MUTUAL with a CRL', manifest: withTls({ mode: 'MUTUAL', serverCertificate: CERT, privateKey: KEY, caCertificates: CA, caCrl: '/etc/crl.pem' }) },
    // TestValidateTlsOptions "pass through sds crl" (a warning only, GW023)
    { name: 'PASSTHROUGH with a CRL', manifest: withTls({ mode: 'PASSTHROUGH', caCrl: 'scrl' }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('GW019', manifest));

  const invalid: Case[] = [
    // TestValidateTlsOptions "crl specified for SIMPLE TLS"
    { name: 'SIMPLE has a CRL', manifest: withTls({ mode: 'SIMPLE', caCrl: 'crl' }),
      expected: [{ path: 'spec.servers[0].tls.caCrl', message: 'CRL is not supported with SIMPLE TLS' }] },
    { name: 'PASSTHROUGH has a CRL and a credentialName', manifest: withTls({ mode: 'PASSTHROUGH', caCrl: 'crl', credentialName: 'c' }),
      expected: [{ path: 'spec.servers[0].tls.caCrl', message: 'CRL is not supported with credentialName. CRL has to be specified in the credential' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('GW019', manifest, expected));
});
