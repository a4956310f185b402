import { Case, CleanCase, expectClean, expectFindings, withServer, withTls } from './helpers';

// Upstream cases: TestValidateServer and TestValidateGateway (pkg/config/validation/validation_test.go).

function http(tls: unknown, protocol = 'http') {
  return withServer({ port: { number: 10000, name: 'http', protocol }, tls });
}

describe('GW012 server-tls-required', () => {
  const clean: CleanCase[] = [
    { name: 'an HTTPS server with TLS settings', manifest: withTls({ mode: 'SIMPLE', credentialName: 'cert' }) },
    { name: 'an HTTP server without TLS settings', manifest: http(undefined) },
    { name: 'an HTTPS server whose port is invalid (checked only for valid ports)', manifest: withServer({ port: { number: 443, protocol: 'HTTPS' } }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('GW012', manifest));

  const invalid: Case[] = [
    // TestValidateServer "no tls on HTTPS"
    { name: 'an HTTPS server has no TLS settings', manifest: withServer({ port: { number: 10000, name: 'https', protocol: 'https' } }),
      expected: [{ path: 'spec.servers[0].tls', message: 'server must have TLS settings for HTTPS/TLS protocols (protocol "https")' }] },
    { name: 'a TLS server has null TLS settings', manifest: withTls(null, 'TLS'),
      expected: [{ path: 'spec.servers[0].tls', message: 'server must have TLS settings for HTTPS/TLS protocols' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('GW012', manifest, expected));
});

describe('GW013 server-tls-unexpected', () => {
  const clean: CleanCase[] = [
    // TestValidateServer "tls redirect on HTTP"; TestValidateGateway "valid httpsRedirect"
    { name: 'httpsRedirect without a mode (PASSTHROUGH) on HTTP', manifest: http({ httpsRedirect: true }) },
    { name: 'empty TLS settings on HTTP', manifest: http({}) },
    { name: 'AUTO_PASSTHROUGH on GRPC', manifest: http({ mode: 'AUTO_PASSTHROUGH' }, 'GRPC') },
    { name: 'a credentialName with the default mode (GW023 warns)', manifest: http({ credentialName: 'cert' }) },
    { name: 'SIMPLE on an HTTP server whose port is invalid', manifest: withServer({ port: { number: 10000, protocol: 'http' }, tls: { mode: 'SIMPLE' } }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('GW013', manifest));

  const invalid: Case[] = [
    // TestValidateServer "tls on HTTP", "invalid tls options"
    { name: 'an HTTP server terminates TLS', manifest: http({ mode: 'SIMPLE' }),
      expected: [{ path: 'spec.servers[0].tls', message: 'server cannot have TLS settings for plain text HTTP ports: the tls of this "http" server has mode SIMPLE' }] },
    { name: 'a passthrough HTTP server sets a certificate', manifest: http({ httpsRedirect: true, serverCertificate: '/etc/cert.pem' }, 'HTTP2'),
      expected: [{ path: 'spec.servers[0].tls', message: 'server cannot have TLS settings for plain text HTTP ports: the tls of this "HTTP2" server sets serverCertificate' }] },
    { name: 'a TCP server has TLS settings', manifest: http({}, 'TCP'),
      expected: [{ path: 'spec.servers[0].tls', message: 'server cannot have TLS settings for non HTTPS/TLS ports (protocol "TCP")' }] },
    { name: 'a MONGO server redirects to HTTPS', manifest: http({ httpsRedirect: true }, 'MONGO'),
      expected: [{ path: 'spec.servers[0].tls', message: 'server cannot have TLS settings for non HTTPS/TLS ports' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('GW013', manifest, expected));
});
