import { Case, CleanCase, expectClean, expectFindings, withServer, withServers } from './helpers';

// Upstream cases: TestValidateServerPort, TestValidateServer and TestValidateGateway
// (pkg/config/validation/validation_test.go).

function port(value: unknown, extra = {}) {
  return withServer({ port: value, ...extra });
}

describe('GW006 server-port-required', () => {
  const clean: CleanCase[] = [
    { name: 'a port', manifest: port({ number: 80, name: 'http', protocol: 'HTTP' }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('GW006', manifest));

  const invalid: Case[] = [
    // TestValidateServer "empty"
    { name: 'the port is missing', manifest: withServers({ hosts: ['foo.bar.com'] }), expected: [{ path: 'spec.servers[0].port', message: 'port is required' }] },
    { name: 'the port is null', manifest: port(null), expected: [{ path: 'spec.servers[0].port', message: 'port is required' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('GW006', manifest, expected));
});

describe('GW007 server-port-protocol', () => {
  const clean: CleanCase[] = [
    // TestValidateServerPort "happy"
    { name: 'lower case http', manifest: port({ protocol: 'http', number: 1, name: 'Henry' }) },
    { name: 'every protocol Istio knows, in any case', manifest: withServers(...['HTTP', 'https', 'Grpc', 'GRPC-WEB', 'HTTP2', 'http_proxy', 'TLS', 'TCP', 'UDP', 'Mongo', 'REDIS', 'mysql']
      .map((protocol, index) => ({ hosts: ['foo.bar.com'], port: { protocol, number: 1000 + index, name: `p${index}` }, ...(/^(https|tls)$/i.test(protocol) ? { tls: { mode: 'PASSTHROUGH' } } : {}) }))) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('GW007', manifest));

  const invalid: Case[] = [
    // TestValidateServerPort "invalid protocol"
    { name: 'the protocol is unknown', manifest: port({ protocol: 'kafka', number: 1, name: 'Henry' }),
      expected: [{ path: 'spec.servers[0].port.protocol', message: 'invalid protocol "kafka", supported protocols are HTTP, HTTPS' }] },
    // TestValidateServerPort "empty"
    { name: 'the protocol is missing', manifest: port({ number: 1, name: 'Henry' }),
      expected: [{ path: 'spec.servers[0].port.protocol', message: 'invalid protocol ""' }] },
    { name: 'the protocol is empty', manifest: port({ number: 1, name: 'Henry', protocol: '' }),
      expected: [{ path: 'spec.servers[0].port.protocol', message: 'invalid protocol ""' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('GW007', manifest, expected));
});

describe('GW008 server-port-number', () => {
  const clean: CleanCase[] = [
    { name: 'port 1 and port 65535', manifest: withServers({ hosts: ['a.com'], port: { number: 1, name: 'a', protocol: 'HTTP' } }, { hosts: ['a.com'], port: { number: 65535, name: 'b', protocol: 'HTTP' } }) },
    // TestValidateServer "bind unix path"
    { name: 'port 0 with a unix socket bind', manifest: port({ number: 0, name: 'http', protocol: 'http' }, { bind: 'unix://@foobar' }) },
    { name: 'a number of a wrong type (left to the schema)', manifest: port({ number: '80', name: 'http', protocol: 'HTTP' }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('GW008', manifest));

  const invalid: Case[] = [
    // TestValidateGateway "invalid port", TestValidateServer "invalid port"
    { name: 'the number is above 65535', manifest: port({ number: 66000, name: 'name1', protocol: 'http' }),
      expected: [{ path: 'spec.servers[0].port.number', message: 'port number 66000 must be in the range 1..65535' }] },
    // TestValidateServerPort "invalid number"
    { name: 'the number is 2^30', manifest: port({ number: 1 << 30, name: 'http', protocol: 'http' }),
      expected: [{ path: 'spec.servers[0].port.number', message: `port number ${1 << 30} must be in the range 1..65535` }] },
    // TestValidateServerPort "name, no number"
    { name: 'the number is 0 without a unix bind', manifest: port({ number: 0, name: 'Henry', protocol: 'http' }),
      expected: [{ path: 'spec.servers[0].port.number', message: 'port number 0 must be in the range 1..65535 (0 only with a unix:// bind)' }] },
    // TestValidateServerPort "name, no number, uds" (a bind of uds:// is not a unix socket)
    { name: 'the number is 0 with a bind that is not unix://', manifest: port({ number: 0, name: 'Henry', protocol: 'http' }, { bind: 'uds:///tmp' }),
      expected: [{ path: 'spec.servers[0].port.number', message: 'port number 0 must be in the range 1..65535' }] },
    { name: 'the number is missing', manifest: port({ name: 'http', protocol: 'HTTP' }),
      expected: [{ path: 'spec.servers[0].port.number', message: 'port number is required' }] },
    { name: 'the number is negative with a unix bind', manifest: port({ number: -1, name: 'http', protocol: 'HTTP' }, { bind: 'unix:///var/run/gw.sock' }),
      expected: [{ path: 'spec.servers[0].port.number', message: 'port number -1 must be in the range 1..65535' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('GW008', manifest, expected));
});

describe('GW009 server-target-port', () => {
  const clean: CleanCase[] = [
    { name: 'no targetPort', manifest: port({ number: 80, name: 'http', protocol: 'HTTP' }) },
    { name: 'targetPort 0', manifest: port({ number: 80, name: 'http', protocol: 'HTTP', targetPort: 0 }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('GW009', manifest));

  const invalid: Case[] = [
    { name: 'targetPort is set', manifest: port({ number: 80, name: 'http', protocol: 'HTTP', targetPort: 8080 }),
      expected: [{ path: 'spec.servers[0].port.targetPort', message: 'targetPort has no impact on Gateways (got 8080)' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('GW009', manifest, expected));
});

describe('GW010 server-port-name', () => {
  const clean: CleanCase[] = [
    { name: 'a name', manifest: port({ number: 80, name: 'Henry', protocol: 'HTTP' }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('GW010', manifest));

  const invalid: Case[] = [
    // TestValidateServerPort "empty"; TestValidateGateway "invalid domain" (which has no port name either)
    { name: 'the name is missing', manifest: port({ number: 7, protocol: 'http' }),
      expected: [{ path: 'spec.servers[0].port.name', message: 'port name must be set' }] },
    { name: 'the name is empty', manifest: port({ number: 7, protocol: 'http', name: '' }),
      expected: [{ path: 'spec.servers[0].port.name', message: 'port name must be set' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('GW010', manifest, expected));
});
