import { isJwtClaimRoute } from '../../../../src/validation/rules/virtual-service/jwt-claim-routing';
import { JsonObject } from '../../../../src/validation/manifest';
import { Case, CleanCase, expectClean, expectFindings, virtualService } from './helpers';

// Upstream cases: TestValidateVirtualService (pkg/config/validation/validation_test.go) and
// pkg/jwt routing (ToRoutingClaim).

const route = [{ destination: { host: 'foo.baz' } }];

function vs(match: JsonObject, gateways?: string[]): JsonObject {
  return virtualService({ spec: { hosts: ['foo.bar'], ...(gateways ? { gateways } : {}), http: [{ match: [match], route }] } });
}

describe('isJwtClaimRoute', () => {
  it.each([
    ['@request.auth.claims.foo', true],
    ['@request.auth.claims.foo.bar', true],
    ['@request.auth.claims[foo]', true],
    ['@request.auth.claims[foo][bar]', true],
    ['@Request.Auth.Claims.groups', true],
    ['@request.auth.claims', false],
    ['@request.auth.claims.', false],
    ['@request.auth.claims[]', false],
    ['@request.auth.claimsfoo', false],
    ['x-user', false],
  ])('%s -> %s', (name, expected) => expect(isJwtClaimRoute(name)).toBe(expected));
});

describe('VS011 jwt-claim-routing', () => {
  const claim = { '@request.auth.claims.foo': { exact: 'bar' } };
  const clean: CleanCase[] = [
    { name: 'claim routing on a gateway-only VirtualService', manifest: vs({ headers: claim }, ['ns/gw']) },
    { name: 'ordinary headers on the mesh', manifest: vs({ headers: { 'x-user': { exact: 'a' } } }) },
    { name: 'a key that is only the prefix', manifest: vs({ headers: { '@request.auth.claims': { exact: 'a' } } }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('VS011', manifest));

  const invalid: Case[] = [
    // TestValidateVirtualService "jwt claim route without gateway"
    { name: 'the gateways include mesh', manifest: vs({ uri: { prefix: '/' }, headers: claim }, ['mesh']),
      expected: [{ path: 'spec.http[0].match[0].headers["@request.auth.claims.foo"]',
        message: 'JWT claim based routing (key "@request.auth.claims.foo") is only supported for gateways, and its gateways include "mesh"' }] },
    { name: 'there are no gateways', manifest: vs({ headers: claim }),
      expected: [{ path: 'spec.http[0].match[0].headers["@request.auth.claims.foo"]', message: 'and it has no gateways' }] },
    { name: 'a gateway and mesh are both listed', manifest: vs({ withoutHeaders: { '@request.auth.claims[groups]': { exact: 'admin' } } }, ['ns/gw', 'mesh']),
      expected: [{ path: 'spec.http[0].match[0].withoutHeaders["@request.auth.claims[groups]"]', message: 'only supported for gateways' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('VS011', manifest, expected));
});
