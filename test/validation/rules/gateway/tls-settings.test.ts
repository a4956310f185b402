import { Case, CleanCase, expectClean, expectFindings, withServer, withTls } from './helpers';

// Upstream cases: TestValidateTlsOptions (pkg/config/validation/validation_test.go).

const SDS = { mode: 'SIMPLE', credentialName: 'sds-name' };

describe('GW020 tls-enum-values', () => {
  const clean: CleanCase[] = [
    { name: 'known values', manifest: withTls({ ...SDS, minProtocolVersion: 'TLSV1_2', maxProtocolVersion: 'TLS_AUTO' }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('GW020', manifest));

  const invalid: Case[] = [
    { name: 'the mode is in lower case', manifest: withTls({ mode: 'simple', credentialName: 'c' }),
      expected: [{ path: 'spec.servers[0].tls.mode', message: 'tls.mode "simple" is not supported: use PASSTHROUGH, SIMPLE, MUTUAL, AUTO_PASSTHROUGH, ISTIO_MUTUAL or OPTIONAL_MUTUAL' }] },
    { name: 'a protocol version is unknown', manifest: withTls({ ...SDS, minProtocolVersion: 'TLSV1_4', maxProtocolVersion: '1.3' }),
      expected: [
        { path: 'spec.servers[0].tls.minProtocolVersion', message: 'tls.minProtocolVersion "TLSV1_4" is not supported' },
        { path: 'spec.servers[0].tls.maxProtocolVersion', message: 'tls.maxProtocolVersion "1.3" is not supported' },
      ] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('GW020', manifest, expected));
});

describe('GW021 tls-min-version-ciphers', () => {
  const clean: CleanCase[] = [
    { name: 'TLSV1_0 with cipher suites', manifest: withTls({ ...SDS, minProtocolVersion: 'TLSV1_0', cipherSuites: ['ECDHE-RSA-AES128-SHA'] }) },
    { name: 'TLSV1_2 without cipher suites', manifest: withTls({ ...SDS, minProtocolVersion: 'TLSV1_2' }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('GW021', manifest));

  const invalid: Case[] = [
    { name: 'TLSV1_1 without cipher suites', manifest: withTls({ ...SDS, minProtocolVersion: 'TLSV1_1' }),
      expected: [{ path: 'spec.servers[0].tls.minProtocolVersion', message: 'TLS version below TLSV1_2 require setting compatible ciphers' }] },
  ];
  it.each(invalid)('warns when $name', ({ manifest, expected }) => expectFindings('GW021', manifest, expected));
});

describe('GW022 tls-cipher-suites', () => {
  const clean: CleanCase[] = [
    // TestValidateTlsOptions "valid cipher suites", "cipher suites operations"
    { name: 'a known suite', manifest: withTls({ ...SDS, cipherSuites: ['ECDHE-ECDSA-AES128-SHA'] }) },
    { name: 'an operator on a suite', manifest: withTls({ ...SDS, cipherSuites: ['-ECDHE-ECDSA-AES128-SHA', '[AES128-SHA|AES256-SHA]', 'ALL', ''] }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('GW022', manifest));

  const invalid: Case[] = [
    // TestValidateTlsOptions "invalid cipher suites"
    { name: 'a suite is unknown', manifest: withTls({ ...SDS, cipherSuites: ['not-a-cipher-suite', 'not-a-cipher-suite'] }),
      expected: [{ path: 'spec.servers[0].tls.cipherSuites[0]', message: 'ignoring invalid cipher suites: "not-a-cipher-suite"' }] },
    // TestValidateTlsOptions "duplicate cipher suites"
    { name: 'a suite is repeated', manifest: withTls({ ...SDS, cipherSuites: ['ECDHE-ECDSA-AES128-SHA', 'ECDHE-ECDSA-AES128-SHA'] }),
      expected: [{ path: 'spec.servers[0].tls.cipherSuites[1]', message: 'ignoring duplicate cipher suites: "ECDHE-ECDSA-AES128-SHA"' }] },
  ];
  it.each(invalid)('warns when $name', ({ manifest, expected }) => expectFindings('GW022', manifest, expected));
});

describe('GW023 tls-passthrough-certificates', () => {
  const clean: CleanCase[] = [
    { name: 'PASSTHROUGH without certificates', manifest: withTls({ mode: 'PASSTHROUGH' }) },
    // TestValidateTlsOptions "empty"
    { name: 'empty TLS settings', manifest: withTls({}) },
    { name: 'SIMPLE with a credential', manifest: withTls(SDS) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('GW023', manifest));

  const invalid: Case[] = [
    // TestValidateTlsOptions "pass through sds no certs"
    { name: 'PASSTHROUGH names a credential', manifest: withTls({ mode: 'PASSTHROUGH', serverCertificate: '', caCertificates: '', credentialName: 'sds-name' }),
      expected: [{ path: 'spec.servers[0].tls', message: 'PASSTHROUGH mode does not use certificates, they will be ignored: this server sets credentialName;' }] },
    // TestValidateTlsOptions "pass through sds crl"
    { name: 'PASSTHROUGH has a CRL', manifest: withTls({ mode: 'PASSTHROUGH', caCrl: 'scrl' }),
      expected: [{ path: 'spec.servers[0].tls', message: 'PASSTHROUGH mode does not use certificates, they will be ignored: this server sets caCrl' }] },
    { name: 'AUTO_PASSTHROUGH has tlsCertificates', manifest: withTls({ mode: 'AUTO_PASSTHROUGH', tlsCertificates: [{ serverCertificate: 'c', privateKey: 'k' }] }, 'TLS'),
      expected: [{ path: 'spec.servers[0].tls', message: 'AUTO_PASSTHROUGH mode does not use certificates' }] },
    { name: 'an HTTP server without a mode names a credential', manifest: withServer({ tls: { httpsRedirect: true, credentialName: 'cert' } }),
      expected: [{ path: 'spec.servers[0].tls', message: 'sets credentialName but no tls.mode, which means PASSTHROUGH' }] },
  ];
  it.each(invalid)('warns when $name', ({ manifest, expected }) => expectFindings('GW023', manifest, expected));
});
