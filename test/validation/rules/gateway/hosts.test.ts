import { Case, CleanCase, expectClean, expectFindings, HTTP_SERVER, withServer, withServers } from './helpers';

// Upstream cases: TestValidateServer and TestValidateGateway (pkg/config/validation/validation_test.go).

function hosts(...list: unknown[]) {
  return withServer({ hosts: list });
}

describe('GW004 server-hosts-required', () => {
  const clean: CleanCase[] = [
    { name: 'one host', manifest: hosts('foo.bar.com') },
    { name: 'a null server (GW001 reports it)', manifest: withServers(null) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('GW004', manifest));

  const invalid: Case[] = [
    // TestValidateServer "empty"
    { name: 'hosts is missing', manifest: withServers({ port: HTTP_SERVER.port }), expected: [{ path: 'spec.servers[0].hosts', message: 'server config must contain at least one host' }] },
    { name: 'hosts is empty', manifest: hosts(), expected: [{ path: 'spec.servers[0].hosts', message: 'server config must contain at least one host' }] },
    { name: 'hosts is null', manifest: withServer({ hosts: null }), expected: [{ path: 'spec.servers[0].hosts', message: 'at least one host' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('GW004', manifest, expected));
});

describe('GW005 server-host-format', () => {
  const clean: CleanCase[] = [
    // TestValidateServer "happy", "happy ip", "happy ns/name", "happy */name", "happy ./name"
    { name: 'an FQDN', manifest: hosts('foo.bar.com') },
    { name: 'an IP address', manifest: hosts('1.1.1.1') },
    { name: 'a namespace and a name', manifest: hosts('ns1/foo.bar.com') },
    { name: 'any namespace', manifest: hosts('*/foo.bar.com') },
    { name: 'the own namespace', manifest: hosts('./foo.bar.com') },
    { name: 'every host', manifest: hosts('*', '*/*', 'prod/*') },
    { name: 'a wildcard first label', manifest: hosts('*.bar.com', 'prod/*.bar.com') },
    { name: 'upper case and a trailing dot', manifest: hosts('Foo.Bar.com.') },
    { name: 'hosts that are not strings (left to the schema)', manifest: hosts(7) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('GW005', manifest));

  const invalid: Case[] = [
    // TestValidateGateway "happy k8s gateway-api server with no attached routes" / TestValidateServer "invalid ~/name"
    { name: 'the namespace is ~', manifest: hosts('~/foo.bar.com'),
      expected: [{ path: 'spec.servers[0].hosts[0]', message: 'invalid namespace value "~" in gateway' }] },
    // TestValidateServer "invalid domain ns/name format", "invalid domain"; TestValidateGateway "invalid domain"
    { name: 'a wildcard in the middle', manifest: hosts('ns1/foo.*.bar.com', 'foo.*.bar.com'),
      expected: [
        { path: 'spec.servers[0].hosts[0]', message: 'domain name "foo.*.bar.com" invalid (label "*" invalid); partial wildcard "foo.*.bar.com" not allowed' },
        { path: 'spec.servers[0].hosts[1]', message: 'domain name "foo.*.bar.com" invalid' },
      ] },
    // TestValidateServer "invalid short name host"
    { name: 'a short name', manifest: hosts('foo', 'prod/foo'),
      expected: [
        { path: 'spec.servers[0].hosts[0]', message: 'host "foo" is invalid: short names (non FQDN) are not allowed' },
        { path: 'spec.servers[0].hosts[1]', message: 'short names (non FQDN) are not allowed' },
      ] },
    // TestValidateGateway "invalid partial wildcard"
    { name: 'a partial wildcard', manifest: hosts('*bar.com'),
      expected: [{ path: 'spec.servers[0].hosts[0]', message: 'partial wildcard "*bar.com" not allowed' }] },
    { name: 'an empty namespace or name', manifest: hosts('/foo.bar.com', 'prod/'),
      expected: [
        { path: 'spec.servers[0].hosts[0]', message: 'config namespace and dnsName in host entry cannot be empty; invalid namespace value "" in gateway' },
        { path: 'spec.servers[0].hosts[1]', message: 'config namespace and dnsName in host entry cannot be empty; short names (non FQDN) are not allowed; empty domain name not allowed' },
      ] },
    { name: 'the namespace is not a DNS label', manifest: hosts('prod.ns/foo.bar.com'),
      expected: [{ path: 'spec.servers[0].hosts[0]', message: 'invalid namespace value "prod.ns" in gateway' }] },
    { name: 'an IPv4 address with a leading zero (Go\'s netip refuses it)', manifest: hosts('10.0.0.01'),
      expected: [{ path: 'spec.servers[0].hosts[0]', message: 'top level domain "01" cannot be all-numeric' }] },
    // Istio checks for a dot before it checks for an IP address, so an IPv6 host is a "short name"
    { name: 'an IPv6 address', manifest: hosts('2001:db8::1'),
      expected: [{ path: 'spec.servers[0].hosts[0]', message: 'host "2001:db8::1" is invalid: short names (non FQDN) are not allowed; write' }] },
    { name: 'the name has a second slash', manifest: hosts('prod/a/b.com'),
      expected: [{ path: 'spec.servers[0].hosts[0]', message: 'domain name "a/b.com" invalid' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('GW005', manifest, expected));
});
