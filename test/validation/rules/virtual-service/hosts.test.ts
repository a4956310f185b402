import { JsonObject } from '../../../../src/validation/manifest';
import { Case, CleanCase, expectClean, expectFindings, virtualService } from './helpers';

// Upstream cases: TestValidateVirtualService (pkg/config/validation/validation_test.go) and
// TestValidateWildcardDomain (pkg/config/validation/agent/validation_test.go).

const http = [{ route: [{ destination: { host: 'foo.baz' } }] }];

function vs(hosts: unknown, extra: JsonObject = {}): JsonObject {
  return virtualService({ spec: { hosts, http, ...extra } });
}

const SNI = 'outbound_.15010_._.istiod.istio-system.svc.cluster.local';

describe('VS006 host-format', () => {
  const clean: CleanCase[] = [
    { name: 'an FQDN', manifest: vs(['foo.bar']) },
    { name: 'a short name', manifest: vs(['reviews']) },
    { name: 'upper-case letters', manifest: vs(['Reviews.Example.COM']) },
    { name: 'a trailing dot', manifest: vs(['istio.io.']) },
    // TestValidateWildcardDomain "wildcard multi-segment", "wildcard prefix", "wildcard prefix dash"
    { name: 'wildcard first labels', manifest: vs(['*.bar.com', '*foo.example.com', '*-foo.example.org']) },
    { name: 'an IPv4 address on the mesh', manifest: vs(['10.1.2.3']) },
    { name: 'an IPv6 address on a gateway', manifest: vs(['2001:db8::1'], { gateways: ['ns/gw'] }) },
    // TestValidateVirtualService "allow sni based domains"
    { name: 'an auto-generated SNI name on a gateway VirtualService with sniHosts', manifest: virtualService({ spec: {
      hosts: [SNI], gateways: ['ns1/gateway'],
      tls: [{ match: [{ sniHosts: [SNI] }], route: [{ destination: { host: 'istio.istio-system.svc.cluster.local' } }] }],
    } }) },
    { name: 'a delegate without hosts', manifest: virtualService({ spec: { http } }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('VS006', manifest));

  const invalid: Case[] = [
    // TestValidateVirtualService "bad host"
    { name: 'a host has a "!"', manifest: vs(['foo.ba!r']),
      expected: [{ path: 'spec.hosts[0]', message: 'host "foo.ba!r": domain name "foo.ba!r" invalid (label "ba!r" invalid)' }] },
    // TestValidateWildcardDomain "bad wildcard"
    { name: 'a wildcard is not the first label', manifest: vs(['foo.*.com']),
      expected: [{ path: 'spec.hosts[0]', message: 'label "*" invalid' }] },
    { name: 'a wildcard is in the middle of the first label', manifest: vs(['ok.com', 'foo*.bar.com']),
      expected: [{ path: 'spec.hosts[1]', message: 'label "foo*" invalid' }] },
    // TestValidateWildcardDomain "empty"
    { name: 'a host is empty', manifest: vs(['']),
      expected: [{ path: 'spec.hosts[0]', message: 'empty domain name not allowed' }] },
    // TestValidateWildcardDomain "too long"
    { name: 'a host is over 255 characters', manifest: vs(['x'.repeat(256)]),
      expected: [{ path: 'spec.hosts[0]', message: 'too long (max 255)' }] },
    { name: 'the top-level label is all-numeric but not an IP', manifest: vs(['1.2.3']),
      expected: [{ path: 'spec.hosts[0]', message: 'cannot be all-numeric' }] },
    { name: 'an SNI-style name is used without sniHosts', manifest: vs([SNI], { gateways: ['ns1/gateway'] }),
      expected: [{ path: 'spec.hosts[0]', message: 'label "outbound_" invalid' }] },
    { name: 'an SNI-style name is used on the mesh', manifest: virtualService({ spec: {
      hosts: [SNI], tls: [{ match: [{ sniHosts: [SNI] }], route: [{ destination: { host: 'istiod' } }] }],
    } }), expected: [{ path: 'spec.hosts[0]', message: 'label "outbound_" invalid' }] },
    { name: 'a host is a number', manifest: vs([42]),
      expected: [{ path: 'spec.hosts[0]', message: 'host must be a string, got a number 42' }] },
    { name: 'hosts is a string', manifest: vs('foo.bar'),
      expected: [{ path: 'spec.hosts', message: 'hosts must be a list of host names, got a string "foo.bar"' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('VS006', manifest, expected));
});

describe('VS007 mesh-wildcard-host', () => {
  const clean: CleanCase[] = [
    // TestValidateVirtualService "wildcard for non-mesh gateway"
    { name: '"*" on a gateway-only VirtualService', manifest: vs(['*'], { gateways: ['somegateway'] }) },
    { name: 'a wildcard domain on the mesh', manifest: vs(['*.example.com']) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('VS007', manifest));

  const invalid: Case[] = [
    // TestValidateVirtualService "wildcard for mesh gateway"
    { name: '"*" is used without gateways', manifest: vs(['*']),
      expected: [{ path: 'spec.hosts[0]', message: 'wildcard host * is not allowed for virtual services bound to the mesh gateway' }] },
    { name: '"*" is used with "mesh" among the gateways', manifest: vs(['foo.bar', '*'], { gateways: ['ns/gw', 'mesh'] }),
      expected: [{ path: 'spec.hosts[1]', message: 'wildcard host *' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('VS007', manifest, expected));
});

describe('VS008 duplicate-hosts', () => {
  const clean: CleanCase[] = [
    { name: 'distinct hosts', manifest: vs(['a.bar', 'b.bar', '*.foo.com']) },
    { name: 'a wildcard and its bare domain', manifest: vs(['*.foo.com', 'foo.com']) },
    // the check only runs when every host is valid
    { name: 'duplicates next to an invalid host', manifest: vs(['a.bar', 'a.bar', 'b@d']) },
    { name: 'duplicate "*" on the mesh (VS007 reports it)', manifest: vs(['*', '*']) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('VS008', manifest));

  const invalid: Case[] = [
    // TestValidateVirtualService "duplicate hosts"
    { name: 'a wildcard covers another wildcard', manifest: vs(['*.foo.bar', '*.bar']),
      expected: [{ path: 'spec.hosts[1]', message: 'duplicate hosts in virtual service: host "*.bar" overlaps host "*.foo.bar" (hosts[0])' }] },
    { name: 'a host repeats', manifest: vs(['foo.bar', 'foo.bar']),
      expected: [{ path: 'spec.hosts[1]', message: 'host "foo.bar" repeats host "foo.bar" (hosts[0])' }] },
    { name: 'a wildcard covers a later name', manifest: vs(['*.bar', 'a.bar']),
      expected: [{ path: 'spec.hosts[1]', message: 'host "a.bar" overlaps host "*.bar"' }] },
    { name: '"*" on a gateway covers everything', manifest: vs(['a.com', 'b.org', '*'], { gateways: ['ns/gw'] }),
      // one finding per host, naming the first earlier host it overlaps (Istio lists every pair)
      expected: [{ path: 'spec.hosts[2]', message: 'host "*" overlaps host "a.com" (hosts[0])' }] },
    { name: 'a wildcard covers an earlier name and a repeat of it', manifest: vs(['b.foo.com', 'b.foo.com', '*.foo.com']),
      expected: [
        { path: 'spec.hosts[1]', message: 'host "b.foo.com" repeats host "b.foo.com" (hosts[0])' },
        { path: 'spec.hosts[2]', message: 'host "*.foo.com" overlaps host "b.foo.com" (hosts[0])' },
      ] },
    { name: 'a character suffix wildcard covers a later wildcard', manifest: vs(['*bar.com', 'x.org', '*.foobar.com']),
      expected: [{ path: 'spec.hosts[2]', message: 'host "*.foobar.com" overlaps host "*bar.com" (hosts[0])' }] },
    { name: 'an IP repeats', manifest: vs(['10.0.0.1', '10.0.0.1']),
      expected: [{ path: 'spec.hosts[1]', message: 'repeats host "10.0.0.1"' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('VS008', manifest, expected));
});
