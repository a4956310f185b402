import { Severity } from '../../../../src/validation/diagnostic';
import { JsonObject } from '../../../../src/validation/manifest';
import { Case, CleanCase, expectClean, expectFindings, findings, virtualService } from './helpers';

// Upstream cases: TestValidateVirtualService (pkg/config/validation/validation_test.go); the
// TLS route checks are validateTLSRoute, validateTLSMatch and validateSniHost.

const route = [{ destination: { host: 'foo.baz' } }];

/** A VirtualService with hosts `[foo.bar]` (unless given) and one TLS route. */
function tls(tlsRoute: JsonObject, extra: JsonObject = {}): JsonObject {
  return virtualService({ spec: { hosts: ['foo.bar'], tls: [tlsRoute], ...extra } });
}

const SNI = 'outbound_.15010_._.istiod.istio-system.svc.cluster.local';

describe('VS065 tls-match-required', () => {
  const clean: CleanCase[] = [
    { name: 'a match', manifest: tls({ match: [{ sniHosts: ['foo.bar'] }], route }) },
    { name: 'a null route (VS004 reports it)', manifest: virtualService({ spec: { hosts: ['foo.bar'], tls: [null] } }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('VS065', manifest));

  const invalid: Case[] = [
    { name: 'match is missing', manifest: tls({ route }),
      expected: [{ path: 'spec.tls[0].match', message: 'TLS route must have at least one match condition' }] },
    { name: 'match is empty', manifest: tls({ match: [], route }),
      expected: [{ path: 'spec.tls[0].match', message: 'TLS route must have at least one match condition' }] },
    { name: 'match is an object', manifest: tls({ match: { sniHosts: ['foo.bar'] }, route }),
      expected: [{ path: 'spec.tls[0].match', message: 'match must be a list of TLS match conditions, got an object' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('VS065', manifest, expected));
});

describe('VS066 sni-hosts', () => {
  const clean: CleanCase[] = [
    // TestValidateVirtualService "missing tls route" (only the route is missing; VS069)
    { name: 'an SNI host equal to a host', manifest: tls({ match: [{ port: 999, sniHosts: ['foo.bar'] }] }) },
    { name: 'a name under a wildcard host', manifest: tls({ match: [{ sniHosts: ['a.foo.com', '*.b.foo.com'] }], route }, { hosts: ['*.foo.com'] }) },
    { name: 'any name under "*" on a gateway', manifest: tls({ match: [{ sniHosts: ['x.example.org'] }], route }, { hosts: ['*'], gateways: ['ns/gw'] }) },
    // TestValidateVirtualService "allow sni based domains"
    { name: 'an auto-generated SNI name on a gateway', manifest: tls({ match: [{ sniHosts: [SNI] }], route }, { hosts: [SNI], gateways: ['ns1/gateway'] }) },
    { name: 'an auto-generated SNI name without gateways (Istio checks the gateway format then)', manifest: tls({ match: [{ sniHosts: [SNI] }], route }, { hosts: [SNI] }) },
    // TestValidateVirtualService "ip address as sni host" (a warning, VS067)
    { name: 'an IP address', manifest: tls({ match: [{ port: 999, sniHosts: ['1.1.1.1'] }], route }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('VS066', manifest));

  const invalid: Case[] = [
    { name: 'a match has no sniHosts', manifest: tls({ match: [{ port: 443 }], route }),
      expected: [{ path: 'spec.tls[0].match[0].sniHosts', message: 'TLS match must have at least one SNI host' }] },
    { name: 'sniHosts is empty', manifest: tls({ match: [{ sniHosts: ['foo.bar'] }, { sniHosts: [] }], route }),
      expected: [{ path: 'spec.tls[0].match[1].sniHosts', message: 'TLS match must have at least one SNI host' }] },
    // TestValidateVirtualService "invalid wildcard as sni host"
    { name: 'an SNI host has a wildcard in the middle', manifest: tls({ match: [{ port: 999, sniHosts: ['foo.*.com'] }], route }),
      expected: [{ path: 'spec.tls[0].match[0].sniHosts[0]', message: 'SNI host "foo.*.com": domain name "foo.*.com" invalid (label "*" invalid)' }] },
    { name: 'an SNI host is not among the hosts', manifest: tls({ match: [{ sniHosts: ['foo.bar', 'bar.com'] }], route }, { hosts: ['foo.bar', 'baz.org'] }),
      expected: [{ path: 'spec.tls[0].match[0].sniHosts[1]', message: 'SNI host "bar.com" is not a compatible subset of any of the virtual service hosts: [foo.bar, baz.org]' }] },
    { name: 'a wildcard SNI host is wider than the host', manifest: tls({ match: [{ sniHosts: ['*.bar'] }], route }, { hosts: ['foo.bar'] }),
      expected: [{ path: 'spec.tls[0].match[0].sniHosts[0]', message: 'SNI host "*.bar" is not a compatible subset' }] },
    { name: 'an SNI host is a number', manifest: tls({ match: [{ sniHosts: [443] }], route }),
      expected: [{ path: 'spec.tls[0].match[0].sniHosts[0]', message: 'SNI host must be a string, got a number 443' }] },
    { name: 'sniHosts is a string', manifest: tls({ match: [{ sniHosts: 'foo.bar' }], route }),
      expected: [{ path: 'spec.tls[0].match[0].sniHosts', message: 'sniHosts must be a list of host names, got a string "foo.bar"' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('VS066', manifest, expected));
});

describe('VS067 sni-host-ip', () => {
  it('accepts host names', () => expectClean('VS067', tls({ match: [{ sniHosts: ['foo.bar'] }], route })));

  // TestValidateVirtualService "ip address as sni host" (valid, with a warning)
  it.each([
    ['an IPv4 address', '1.1.1.1'],
    ['an IPv6 address', '2001:db8::1'],
  ])('warns when an SNI host is %s', (_name, host) => {
    const manifest = tls({ match: [{ port: 999, sniHosts: [host] }], route });
    expectFindings('VS067', manifest, [{ path: 'spec.tls[0].match[0].sniHosts[0]', message: `using an IP address (${JSON.stringify(host)}) as an SNI host goes against the SNI spec` }]);
    expect(findings('VS067', manifest)[0].severity).toBe(Severity.WARNING);
  });
});
