import { Case, CleanCase, expectClean, expectFindings, withServer } from './helpers';

// Upstream cases: TestValidateServer (pkg/config/validation/validation_test.go).

function bind(value: unknown, number = 0) {
  return withServer({ bind: value, port: { number, name: 'http', protocol: 'http' } });
}

describe('GW011 server-bind', () => {
  const clean: CleanCase[] = [
    // TestValidateServer "bind ip", "bind unix path"
    { name: 'an IPv4 address', manifest: bind('127.0.0.1', 7) },
    { name: 'an IPv6 address with a zone', manifest: bind('fe80::1%eth0', 7) },
    { name: 'an abstract unix socket with port 0', manifest: bind('unix://@foobar') },
    { name: 'a unix socket path with port 0', manifest: bind('unix:///var/run/gateway.sock') },
    { name: 'an empty bind', manifest: bind('', 7) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('GW011', manifest));

  const invalid: Case[] = [
    // TestValidateServer "bind unix path with invalid port"
    { name: 'a unix socket has a port number', manifest: bind('unix://@foobar', 7),
      expected: [{ path: 'spec.servers[0].port.number', message: 'port number must be 0 for unix domain socket (got 7' }] },
    // TestValidateServer "bind bad ip"
    { name: 'the bind is a host name', manifest: bind('foo.bar'),
      expected: [{ path: 'spec.servers[0].bind', message: '"foo.bar" is not a valid IP' }] },
    { name: 'an IPv4 address has a leading zero', manifest: bind('10.0.0.01', 7),
      expected: [{ path: 'spec.servers[0].bind', message: '"10.0.0.01" is not a valid IP' }] },
    { name: 'a unix path is relative', manifest: bind('unix://var/run/gw.sock'),
      expected: [{ path: 'spec.servers[0].bind', message: '"var/run/gw.sock" is not an absolute path to a file' }] },
    { name: 'a unix path is a directory', manifest: bind('unix:///var/run/'),
      expected: [{ path: 'spec.servers[0].bind', message: '"/var/run/" is not an absolute path to a file' }] },
    { name: 'a unix address is empty', manifest: bind('unix://'),
      expected: [{ path: 'spec.servers[0].bind', message: 'unix address must not be empty' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('GW011', manifest, expected));
});
