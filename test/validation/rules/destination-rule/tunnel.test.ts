import { Case, CleanCase, destinationRule, expectClean, expectFindings, withPolicy } from './helpers';

// Upstream: validateTunnelSettings, validateProxyProtocol (pkg/config/validation/validation.go).

const TUNNEL = { protocol: 'CONNECT', targetHost: 'egress-proxy.example.com', targetPort: 3128 };
const tunnel = (settings: Record<string, unknown>) => withPolicy({ tunnel: { ...TUNNEL, ...settings } });

describe('DR015 tunnel-protocol', () => {
  it.each(['CONNECT', 'POST', ''])('accepts %j', protocol => expectClean('DR015', tunnel({ protocol })));
  it('accepts no protocol (CONNECT)', () => expectClean('DR015', tunnel({ protocol: undefined })));
  it('errors on another protocol', () => {
    expectFindings('DR015', tunnel({ protocol: 'connect' }),
      [{ path: 'spec.trafficPolicy.tunnel.protocol', message: 'tunnel protocol must be "CONNECT" or "POST", got "connect"' }]);
  });
  it('checks subset policies', () => {
    expectFindings('DR015', destinationRule({ spec: { subsets: [{ name: 'v1', trafficPolicy: { tunnel: { ...TUNNEL, protocol: 'GET' } } }] } }),
      [{ path: 'spec.subsets[0].trafficPolicy.tunnel.protocol', message: 'got "GET"' }]);
  });
});

describe('DR016 tunnel-target-host', () => {
  const clean: CleanCase[] = [
    { name: 'a DNS name', manifest: tunnel({}) },
    { name: 'a short name', manifest: tunnel({ targetHost: 'proxy' }) },
    { name: 'an IPv4 address', manifest: tunnel({ targetHost: '10.0.0.5' }) },
    { name: 'an IPv6 address', manifest: tunnel({ targetHost: '2001:db8::1' }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('DR016', manifest));

  const invalid: Case[] = [
    { name: 'the host is missing', manifest: tunnel({ targetHost: undefined }),
      expected: [{ path: 'spec.trafficPolicy.tunnel.targetHost', message: 'tunnel target host must be valid FQDN or IP address: empty domain name not allowed' }] },
    { name: 'the host is a wildcard', manifest: tunnel({ targetHost: '*.example.com' }),
      expected: [{ path: 'spec.trafficPolicy.tunnel.targetHost', message: 'invalid (label "*" invalid); "*.example.com" is not a valid IP' }] },
    { name: 'an IPv4 address has a leading zero', manifest: tunnel({ targetHost: '10.0.0.05' }),
      expected: [{ path: 'spec.trafficPolicy.tunnel.targetHost', message: 'tunnel target host must be valid FQDN or IP address' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('DR016', manifest, expected));
});

describe('DR017 tunnel-target-port', () => {
  it('accepts a port', () => expectClean('DR017', tunnel({})));
  const invalid: Case[] = [
    { name: 'the port is missing', manifest: tunnel({ targetPort: undefined }),
      expected: [{ path: 'spec.trafficPolicy.tunnel.targetPort', message: 'tunnel target port is invalid: port number 0 must be in the range 1..65535' }] },
    { name: 'the port is too large', manifest: tunnel({ targetPort: 65536 }),
      expected: [{ path: 'spec.trafficPolicy.tunnel.targetPort', message: 'port number 65536 must be in the range 1..65535' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('DR017', manifest, expected));
});

describe('DR018 proxy-protocol-version', () => {
  it.each(['V1', 'V2', 0, 1])('accepts %j', version => expectClean('DR018', withPolicy({ proxyProtocol: { version } })));
  it('leaves unknown names to the schema', () => expectClean('DR018', withPolicy({ proxyProtocol: { version: 'V3' } })));
  it('errors on another number', () => {
    expectFindings('DR018', withPolicy({ proxyProtocol: { version: 2 } }),
      [{ path: 'spec.trafficPolicy.proxyProtocol.version', message: 'proxy protocol version is invalid: 2' }]);
  });
});
