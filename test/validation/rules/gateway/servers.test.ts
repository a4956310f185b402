import { validateManifests } from '../../../../src/validation/engine';
import { Case, CleanCase, expectClean, expectFindings, findings, gateway, HTTP_SERVER, withServer, withServers } from './helpers';

// Upstream cases: TestValidateGateway (pkg/config/validation/validation_test.go).

describe('a valid Gateway', () => {
  it('has no Gateway diagnostics', () => {
    const manifest = withServers(
      HTTP_SERVER,
      { port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['prod/bookinfo.example.com'], tls: { mode: 'SIMPLE', credentialName: 'bookinfo-cert' } },
      { port: { number: 15443, name: 'tls', protocol: 'TLS' }, hosts: ['*.global'], tls: { mode: 'AUTO_PASSTHROUGH' } },
    );
    expect(validateManifests([manifest]).filter(d => d.code.startsWith('GW'))).toEqual([]);
  });

  it('reports webhook errors as IST0106 and warnings as IST0133', () => {
    const error = findings('GW001', gateway({ servers: [] }));
    expect(error.map(d => d.severity)).toEqual(['error']);
    const warning = findings('GW003', withServer({ port: { number: 443, name: 'https', protocol: 'HTTPS' }, tls: { httpsRedirect: true } }));
    expect(warning.map(d => d.severity)).toEqual(['warning']);
  });
});

describe('GW001 servers-required', () => {
  const clean: CleanCase[] = [
    // TestValidateGateway "happy domain"
    { name: 'one server', manifest: withServers({ hosts: ['foo.bar.com'], port: { name: 'name1', number: 7, protocol: 'http' } }) },
    { name: 'servers of a wrong type (left to the schema)', manifest: gateway({ servers: 'http' }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('GW001', manifest));

  const invalid: Case[] = [
    // TestValidateGateway "empty"
    { name: 'the spec is empty', manifest: gateway({}), expected: [{ path: 'spec.servers', message: 'gateway must have at least one server' }] },
    { name: 'servers is an empty list', manifest: gateway({ servers: [] }), expected: [{ path: 'spec.servers', message: 'gateway must have at least one server' }] },
    { name: 'servers is null', manifest: gateway({ servers: null }), expected: [{ path: 'spec.servers', message: 'gateway must have at least one server' }] },
    { name: 'the spec is missing', manifest: gateway(undefined), expected: [{ path: 'spec.servers', message: 'gateway must have at least one server' }] },
    { name: 'a server is null', manifest: withServers(HTTP_SERVER, null), expected: [{ path: 'spec.servers[1]', message: 'server may not be null' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('GW001', manifest, expected));
});

describe('GW002 server-port-names-unique', () => {
  const clean: CleanCase[] = [
    // TestValidateGateway "happy multiple servers"
    { name: 'distinct names', manifest: withServers(HTTP_SERVER, { ...HTTP_SERVER, port: { number: 8080, name: 'http-alt', protocol: 'HTTP' } }) },
    { name: 'two servers without names (GW010 reports them)', manifest: withServers({ ...HTTP_SERVER, port: { number: 80, protocol: 'HTTP' } }, { ...HTTP_SERVER, port: { number: 81, protocol: 'HTTP' } }) },
    { name: 'a null server', manifest: withServers(HTTP_SERVER, null) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('GW002', manifest));

  const invalid: Case[] = [
    // TestValidateGateway "duplicate port names"
    { name: 'two servers share a port name',
      manifest: withServers(
        { hosts: ['foo.bar.com'], port: { name: 'foo', number: 80, protocol: 'http' } },
        { hosts: ['scooby.doo.com'], port: { name: 'foo', number: 8080, protocol: 'http' } },
        { hosts: ['x.doo.com'], port: { name: 'foo', number: 8081, protocol: 'http' } }),
      expected: [
        { path: 'spec.servers[1].port.name', message: 'port names in servers must be unique: duplicate name "foo" (also used by spec.servers[0])' },
        { path: 'spec.servers[2].port.name', message: 'duplicate name "foo"' },
      ] },
    { name: 'a name is "__proto__" twice',
      manifest: withServers({ ...HTTP_SERVER, port: { number: 80, name: '__proto__', protocol: 'HTTP' } }, { ...HTTP_SERVER, port: { number: 81, name: '__proto__', protocol: 'HTTP' } }),
      expected: [{ path: 'spec.servers[1].port.name', message: 'duplicate name "__proto__"' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('GW002', manifest, expected));
});

describe('GW003 https-redirect-protocol', () => {
  const clean: CleanCase[] = [
    // TestValidateGateway "valid httpsRedirect"
    { name: 'httpsRedirect on an HTTP server', manifest: withServers({ hosts: ['bar.com'], port: { name: 'http', number: 80, protocol: 'http' }, tls: { httpsRedirect: true } }) },
    { name: 'httpsRedirect on a GRPC server', manifest: withServers({ hosts: ['bar.com'], port: { name: 'grpc', number: 80, protocol: 'GRPC' }, tls: { httpsRedirect: true } }) },
    { name: 'httpsRedirect false on an HTTPS server', manifest: withServers({ hosts: ['bar.com'], port: { name: 'https', number: 443, protocol: 'HTTPS' }, tls: { httpsRedirect: false, mode: 'SIMPLE', credentialName: 'c' } }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('GW003', manifest));

  const invalid: Case[] = [
    // TestValidateGateway "invalid https httpsRedirect"
    { name: 'httpsRedirect on an HTTPS server',
      manifest: withServers({ hosts: ['bar.com'], port: { name: 'https', number: 80, protocol: 'https' }, tls: { httpsRedirect: true } }),
      expected: [{ path: 'spec.servers[0].tls.httpsRedirect', message: 'tls.httpsRedirect should only be used with http servers: this server\'s protocol is "https"' }] },
    { name: 'httpsRedirect on a TCP server',
      manifest: withServers({ hosts: ['bar.com'], port: { name: 'tcp', number: 9000, protocol: 'TCP' }, tls: { httpsRedirect: true } }),
      expected: [{ path: 'spec.servers[0].tls.httpsRedirect', message: 'should only be used with http servers' }] },
  ];
  it.each(invalid)('warns when $name', ({ manifest, expected }) => expectFindings('GW003', manifest, expected));
});
