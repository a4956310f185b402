import { JsonObject } from '../../../../src/validation/manifest';
import { Case, CleanCase, expectClean, expectFindings, virtualService } from './helpers';

// Upstream cases: TestValidateVirtualService (pkg/config/validation/validation_test.go); the
// checks are validateTCPRoute / validateTCPMatch and validateTLSRoute / validateTLSMatch.

const route = [{ destination: { host: 'foo.baz' } }];

function tcp(tcpRoute: unknown): JsonObject {
  return virtualService({ spec: { hosts: ['foo.bar'], tcp: [tcpRoute] } });
}

function tls(tlsRoute: unknown): JsonObject {
  return virtualService({ spec: { hosts: ['foo.bar'], tls: [tlsRoute] } });
}

describe('VS068 destination-subnets', () => {
  const clean: CleanCase[] = [
    { name: 'IPs and CIDR blocks on a tcp match', manifest: tcp({ match: [{ destinationSubnets: ['10.1.2.3', '10.0.0.0/8', '2001:db8::/32', '::1'] }], route }) },
    { name: 'a CIDR with host bits set', manifest: tcp({ match: [{ destinationSubnets: ['10.1.2.3/8'] }], route }) },
    { name: 'a CIDR on a tls match', manifest: tls({ match: [{ sniHosts: ['foo.bar'], destinationSubnets: ['192.168.0.0/16'] }], route }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('VS068', manifest));

  const invalid: Case[] = [
    { name: 'an entry is a name', manifest: tcp({ match: [{ destinationSubnets: ['db.example.com'] }], route }),
      expected: [{ path: 'spec.tcp[0].match[0].destinationSubnets[0]', message: '"db.example.com" is not a valid IP' }] },
    { name: 'a prefix is too long', manifest: tcp({ match: [{ destinationSubnets: ['10.0.0.0/8', '10.0.0.0/33'] }], route }),
      expected: [{ path: 'spec.tcp[0].match[0].destinationSubnets[1]', message: '"10.0.0.0/33" is not a valid CIDR block' }] },
    { name: 'an entry has two slashes', manifest: tcp({ match: [{ destinationSubnets: ['10.0.0.0/8/8'] }], route }),
      expected: [{ path: 'spec.tcp[0].match[0].destinationSubnets[0]', message: '"10.0.0.0/8/8" is not a valid IP' }] },
    { name: 'an octet has a leading zero (Go netip refuses it)', manifest: tcp({ match: [{ destinationSubnets: ['010.0.0.0/8', '10.0.0.01'] }], route }),
      expected: [
        { path: 'spec.tcp[0].match[0].destinationSubnets[0]', message: 'is not a valid CIDR block' },
        { path: 'spec.tcp[0].match[0].destinationSubnets[1]', message: 'is not a valid IP' },
      ] },
    { name: 'a tls match has a bad subnet', manifest: tls({ match: [{ sniHosts: ['foo.bar'], destinationSubnets: ['300.0.0.0/8'] }], route }),
      expected: [{ path: 'spec.tls[0].match[0].destinationSubnets[0]', message: '"300.0.0.0/8" is not a valid CIDR block' }] },
    { name: 'an entry is a number', manifest: tcp({ match: [{ destinationSubnets: [10] }], route }),
      expected: [{ path: 'spec.tcp[0].match[0].destinationSubnets[0]', message: 'destinationSubnets entry must be a string, got a number 10' }] },
    { name: 'destinationSubnets is a string', manifest: tcp({ match: [{ destinationSubnets: '10.0.0.0/8' }], route }),
      expected: [{ path: 'spec.tcp[0].match[0].destinationSubnets', message: 'destinationSubnets must be a list of IP addresses or CIDR blocks' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('VS068', manifest, expected));
});

describe('VS069 l4-route-required', () => {
  const clean: CleanCase[] = [
    { name: 'a tcp route', manifest: tcp({ route }) },
    { name: 'a tls route', manifest: tls({ match: [{ sniHosts: ['foo.bar'] }], route }) },
    { name: 'a null tcp route (VS004 reports it)', manifest: tcp(null) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('VS069', manifest));

  const invalid: Case[] = [
    // TestValidateVirtualService "missing tcp route"
    { name: 'a tcp route has no route', manifest: tcp({ match: [{ port: 999 }] }),
      expected: [{ path: 'spec.tcp[0].route', message: 'TCP route is required' }] },
    // TestValidateVirtualService "missing tls route"
    { name: 'a tls route has no route', manifest: tls({ match: [{ port: 999, sniHosts: ['foo.bar'] }] }),
      expected: [{ path: 'spec.tls[0].route', message: 'TLS route is required' }] },
    { name: 'a tcp route list is empty', manifest: tcp({ route: [] }),
      expected: [{ path: 'spec.tcp[0].route', message: 'TCP route is required' }] },
    { name: 'a tcp route is an object', manifest: tcp({ route: route[0] }),
      expected: [{ path: 'spec.tcp[0].route', message: 'TCP route must be a list of destinations, got an object' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('VS069', manifest, expected));
});

describe('VS070 l4-match', () => {
  const clean: CleanCase[] = [
    { name: 'a port and source labels', manifest: tcp({ match: [{ port: 5432, sourceLabels: { app: 'api', 'app.kubernetes.io/part-of': 'shop' } }], route }) },
    { name: 'port 0 (any port)', manifest: tcp({ match: [{ port: 0 }], route }) },
    { name: 'an empty label value', manifest: tls({ match: [{ sniHosts: ['foo.bar'], sourceLabels: { canary: '' } }], route }) },
    { name: 'no matches', manifest: tcp({ route }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('VS070', manifest));

  const invalid: Case[] = [
    { name: 'a tcp match is null', manifest: tcp({ match: [{ port: 1 }, null], route }),
      expected: [{ path: 'spec.tcp[0].match[1]', message: 'tcp match may not be null' }] },
    { name: 'a tls match is null', manifest: tls({ match: [null], route }),
      expected: [{ path: 'spec.tls[0].match[0]', message: 'TLS match may not be null' }] },
    { name: 'a tcp match is a string', manifest: tcp({ match: ['port 80'], route }),
      expected: [{ path: 'spec.tcp[0].match[0]', message: 'tcp match must be an object, got a string "port 80"' }] },
    { name: 'a tcp port is 70000', manifest: tcp({ match: [{ port: 70000 }], route }),
      expected: [{ path: 'spec.tcp[0].match[0].port', message: 'port number 70000 must be in the range 1..65535' }] },
    { name: 'a tls port is negative', manifest: tls({ match: [{ sniHosts: ['foo.bar'], port: -1 }], route }),
      expected: [{ path: 'spec.tls[0].match[0].port', message: 'port number -1 must be in the range 1..65535' }] },
    { name: 'a port is a string', manifest: tcp({ match: [{ port: '80' }], route }),
      expected: [{ path: 'spec.tcp[0].match[0].port', message: 'port number "80" must be in the range' }] },
    { name: 'a label key is invalid', manifest: tcp({ match: [{ sourceLabels: { '-app': 'x' } }], route }),
      expected: [{ path: 'spec.tcp[0].match[0].sourceLabels["-app"]', message: 'invalid tag key: "-app"' }] },
    { name: 'a label value is invalid', manifest: tls({ match: [{ sniHosts: ['foo.bar'], sourceLabels: { app: 'a b' } }], route }),
      expected: [{ path: 'spec.tls[0].match[0].sourceLabels["app"]', message: 'invalid tag value: "a b"' }] },
    { name: 'a label value is a number', manifest: tcp({ match: [{ sourceLabels: { version: 2 } }], route }),
      expected: [{ path: 'spec.tcp[0].match[0].sourceLabels["version"]', message: 'label value must be a string, got a number 2' }] },
    { name: 'sourceLabels is a list', manifest: tcp({ match: [{ sourceLabels: ['app=api'] }], route }),
      expected: [{ path: 'spec.tcp[0].match[0].sourceLabels', message: 'sourceLabels must be a map of label keys to values, got an array' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('VS070', manifest, expected));
});
