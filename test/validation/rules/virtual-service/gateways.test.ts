import { Severity } from '../../../../src/validation/diagnostic';
import { JsonObject } from '../../../../src/validation/manifest';
import { Case, CleanCase, expectClean, expectFindings, findings, virtualService } from './helpers';

// Upstream cases: TestValidateVirtualService (pkg/config/validation/validation_test.go).

const route = [{ destination: { host: 'foo.baz' } }];

function vs(gateways: unknown, extra: JsonObject = {}): JsonObject {
  return virtualService({ spec: { hosts: ['foo.bar'], gateways, http: [{ route }], ...extra } });
}

describe('VS009 gateway-names', () => {
  const clean: CleanCase[] = [
    // TestValidateVirtualService "namespace/name for gateway"
    { name: 'namespace/name', manifest: vs(['ns1/gateway']) },
    { name: 'mesh and a local gateway name', manifest: vs(['mesh', 'my-gateway']) },
    // TestValidateVirtualService "FQDN for gateway" (a warning, VS010)
    { name: 'a legacy FQDN', manifest: vs(['gateway.example.com']) },
    { name: 'upper case in a namespace/name reference', manifest: vs(['Prod/Gateway']) },
    { name: 'valid match gateways', manifest: virtualService({ spec: {
      hosts: ['foo.bar'], gateways: ['ns/gw', 'mesh'],
      http: [{ match: [{ gateways: ['mesh'] }], route }],
      tcp: [{ match: [{ gateways: ['ns/gw'] }], route }],
    } }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('VS009', manifest));

  const invalid: Case[] = [
    // TestValidateVirtualService "bad gateway"
    { name: 'a name has an "@"', manifest: vs(['b@dgateway']),
      expected: [{ path: 'spec.gateways[0]', message: 'gateway "b@dgateway" is not a valid gateway reference: domain name "b@dgateway" invalid' }] },
    // TestValidateVirtualService "namespace/* for gateway"
    { name: 'the name is "*"', manifest: vs(['ns1/*']),
      expected: [{ path: 'spec.gateways[0]', message: 'invalid value for gateway name: "*"' }] },
    // TestValidateVirtualService "*/name for gateway"
    { name: 'the namespace is "*"', manifest: vs(['*/gateway']),
      expected: [{ path: 'spec.gateways[0]', message: 'invalid value for namespace: "*"' }] },
    { name: 'the namespace is empty', manifest: vs(['/gateway']),
      expected: [{ path: 'spec.gateways[0]', message: 'config namespace and gateway name cannot be empty' }] },
    // Istio stops at the first name without "/"; this library checks every entry
    { name: 'a bad name follows "mesh"', manifest: vs(['mesh', 'ns/b_d']),
      expected: [{ path: 'spec.gateways[1]', message: 'invalid value for gateway name: "b_d"' }] },
    { name: 'an http match names a bad gateway', manifest: vs(['ns/gw'], { http: [{ match: [{}, { gateways: ['ns/gw', 'b@d'] }], route }] }),
      expected: [{ path: 'spec.http[0].match[1].gateways[1]', message: 'gateway "b@d"' }] },
    { name: 'a tls match names a bad gateway', manifest: vs(['ns/gw'], {
      tls: [{ match: [{ sniHosts: ['foo.bar'], gateways: ['a/b/c'] }], route }],
    }), expected: [{ path: 'spec.tls[0].match[0].gateways[0]', message: 'invalid value for gateway name: "b/c"' }] },
    { name: 'a tcp match names a bad gateway', manifest: vs(['ns/gw'], { tcp: [{ match: [{ gateways: [''] }], route }] }),
      expected: [{ path: 'spec.tcp[0].match[0].gateways[0]', message: 'empty domain name not allowed' }] },
    { name: 'a gateway name is a number', manifest: vs([7]),
      expected: [{ path: 'spec.gateways[0]', message: 'gateway name must be a string, got a number 7' }] },
    { name: 'gateways is a string', manifest: vs('mesh'),
      expected: [{ path: 'spec.gateways', message: 'gateways must be a list of gateway names, got a string "mesh"' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('VS009', manifest, expected));
});

describe('VS010 legacy-gateway-name', () => {
  it.each([
    ['namespace/name', ['ns1/gateway']],
    ['a name without a dot', ['mesh', 'my-gateway']],
  ])('accepts %s', (_name, gateways) => expectClean('VS010', vs(gateways)));

  // TestValidateVirtualService "FQDN for gateway" (valid, with a warning)
  it('warns when a gateway name has a dot and no "/"', () => {
    const manifest = vs(['gateway.example.com']);
    expectFindings('VS010', manifest, [{
      path: 'spec.gateways[0]',
      message: 'using legacy gatewayName format "gateway.example.com"; prefer the <namespace>/<name> format: "example/gateway"',
    }]);
    expect(findings('VS010', manifest)[0].severity).toBe(Severity.WARNING);
  });

  it('warns on match gateways too', () => {
    expectFindings('VS010', vs(['ns/gw'], { http: [{ match: [{ gateways: ['gw.prod.svc.cluster.local'] }], route }] }), [{
      path: 'spec.http[0].match[0].gateways[0]', message: '"prod/gw"',
    }]);
  });
});
