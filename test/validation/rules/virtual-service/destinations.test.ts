import { Severity } from '../../../../src/validation/diagnostic';
import { JsonObject } from '../../../../src/validation/manifest';
import { checkDestination } from '../../../../src/validation/rules/virtual-service/destinations';
import { Case, CleanCase, expectClean, expectFindings, findings, virtualService } from './helpers';

// Upstream cases: TestValidateRouteDestination, TestValidateDestination, TestValidateHTTPRoute
// and TestValidateVirtualService (pkg/config/validation/validation_test.go).

/** A VirtualService whose first http route has these route[] entries. */
function http(route: unknown): JsonObject {
  return virtualService({ spec: { hosts: ['foo.bar'], http: [{ route }] } });
}

/** A VirtualService whose first tcp route has these route[] entries. */
function tcp(route: unknown): JsonObject {
  return virtualService({ spec: { hosts: ['foo.bar'], tcp: [{ route }] } });
}

/** A VirtualService whose first tls route has these route[] entries. */
function tls(route: unknown): JsonObject {
  return virtualService({ spec: { hosts: ['foo.bar'], tls: [{ match: [{ sniHosts: ['foo.bar'] }], route }] } });
}

const to = (host: unknown, extra: JsonObject = {}) => ({ destination: { host, ...extra } });
const weighted = (host: string, weight: unknown) => ({ destination: { host }, weight });

describe('VS034 destination-required', () => {
  const clean: CleanCase[] = [
    // TestValidateRouteDestination "simple"
    { name: 'a destination', manifest: tcp([to('foo.baz')]) },
    { name: 'an empty route list (VS069/http rules report it)', manifest: tcp([]) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('VS034', manifest));

  const invalid: Case[] = [
    // TestValidateRouteDestination "no destination"
    { name: 'a tcp route has no destination', manifest: tcp([{ weight: 100 }]),
      expected: [{ path: 'spec.tcp[0].route[0].destination', message: 'destination is required' }] },
    // TestValidateVirtualService "with no destination"
    { name: 'an http route entry is empty', manifest: http([{}]),
      expected: [{ path: 'spec.http[0].route[0].destination', message: 'destination is required' }] },
    { name: 'a tls destination is null', manifest: tls([{ destination: null }]),
      expected: [{ path: 'spec.tls[0].route[0].destination', message: 'destination is required' }] },
    { name: 'a route entry is null', manifest: http([to('a'), null]),
      expected: [{ path: 'spec.http[0].route[1]', message: 'route destination may not be null' }] },
    { name: 'a route entry is a string', manifest: http(['reviews']),
      expected: [{ path: 'spec.http[0].route[0]', message: 'route destination must be an object with a destination, got a string "reviews"' }] },
    { name: 'a destination is a string', manifest: http([{ destination: 'reviews' }]),
      expected: [{ path: 'spec.http[0].route[0].destination', message: 'destination must be an object with a host, got a string "reviews"' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('VS034', manifest, expected));
});

describe('VS035 destination-host', () => {
  const clean: CleanCase[] = [
    // TestValidateRouteDestination "simple", "wildcard dash", "wildcard prefix"
    { name: 'an FQDN', manifest: tcp([to('foo.baz')]) },
    { name: 'a wildcard with a dash', manifest: tcp([to('*-foo.baz')]) },
    { name: 'a wildcard prefix', manifest: tcp([to('*foo.baz')]) },
    { name: 'a short name', manifest: http([to('reviews')]) },
    { name: 'a wildcard domain', manifest: tls([to('*.foo.com')]) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('VS035', manifest));

  const invalid: Case[] = [
    // TestValidateRouteDestination "wildcard"
    { name: 'the host is "*"', manifest: tcp([to('*')]),
      expected: [{ path: 'spec.tcp[0].route[0].destination.host', message: 'invalid destination host *' }] },
    // TestValidateRouteDestination "bad wildcard"
    { name: 'the wildcard is last', manifest: tcp([to('foo.*')]),
      expected: [{ path: 'spec.tcp[0].route[0].destination.host', message: 'destination host "foo.*" is invalid: domain name "foo.*" invalid (label "*" invalid)' }] },
    // TestValidateRouteDestination "bad fqdn"
    { name: 'the host has a "/"', manifest: tcp([to('default/baz')]),
      expected: [{ path: 'spec.tcp[0].route[0].destination.host', message: 'destination host "default/baz" is invalid' }] },
    // TestValidateVirtualService "destination with out hosts", TestValidateDestination "empty"
    { name: 'the host is missing', manifest: http([{ destination: {} }]),
      expected: [{ path: 'spec.http[0].route[0].destination.host', message: 'destination host is required' }] },
    { name: 'the host is empty', manifest: http([to('')]),
      expected: [{ path: 'spec.http[0].route[0].destination.host', message: 'empty domain name not allowed' }] },
    // TestValidateWildcardDomain "IP address"
    { name: 'the host is an IP address', manifest: http([to('1.1.1.1')]),
      expected: [{ path: 'spec.http[0].route[0].destination.host', message: 'an IP address is not a destination host; declare the address in a ServiceEntry' }] },
    { name: 'the host is a number', manifest: tls([to(8080)]),
      expected: [{ path: 'spec.tls[0].route[0].destination.host', message: 'destination host must be a string, got a number 8080' }] },
    { name: 'the second destination is bad', manifest: http([weighted('a', 50), weighted('b c', 50)]),
      expected: [{ path: 'spec.http[0].route[1].destination.host', message: 'destination host "b c" is invalid' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('VS035', manifest, expected));
});

describe('VS036 destination-subset', () => {
  const clean: CleanCase[] = [
    // TestValidateDestination "full"
    { name: 'a label', manifest: http([to('foo.bar', { subset: 'shiny' })]) },
    { name: 'upper case (Istio labels allow it)', manifest: http([to('foo.bar', { subset: 'V1' })]) },
    { name: 'an empty subset (unset)', manifest: http([to('foo.bar', { subset: '' })]) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('VS036', manifest));

  const invalid: Case[] = [
    { name: 'the subset has a dot', manifest: http([to('foo.bar', { subset: 'v1.2' })]),
      expected: [{ path: 'spec.http[0].route[0].destination.subset', message: 'subset name is invalid: "v1.2" must be a DNS-1123 label' }] },
    { name: 'the subset has an underscore', manifest: tcp([to('foo.bar', { subset: 'v_1' })]),
      expected: [{ path: 'spec.tcp[0].route[0].destination.subset', message: 'subset name is invalid: "v_1"' }] },
    { name: 'the subset is over 63 characters', manifest: tcp([to('foo.bar', { subset: 'v'.repeat(64) })]),
      expected: [{ path: 'spec.tcp[0].route[0].destination.subset', message: 'subset name is invalid' }] },
    { name: 'the subset is a number', manifest: tcp([to('foo.bar', { subset: 1 })]),
      expected: [{ path: 'spec.tcp[0].route[0].destination.subset', message: 'subset must be a string, got a number 1' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('VS036', manifest, expected));
});

describe('VS037 destination-port', () => {
  const clean: CleanCase[] = [
    // TestValidateDestination "full"
    { name: 'a port number', manifest: http([to('foo.bar', { subset: 'shiny', port: { number: 5000 } })]) },
    { name: 'no port', manifest: http([to('foo.bar')]) },
    { name: 'port 65535', manifest: tcp([to('foo.bar', { port: { number: 65535 } })]) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('VS037', manifest));

  const invalid: Case[] = [
    // TestValidateDestination "unnumbered-selector"
    { name: 'the port selector is empty', manifest: http([to('foo.bar', { subset: 'shiny', port: {} })]),
      expected: [{ path: 'spec.http[0].route[0].destination.port.number', message: 'port number 0 must be in the range 1..65535' }] },
    { name: 'the port is 0', manifest: tcp([to('foo.bar', { port: { number: 0 } })]),
      expected: [{ path: 'spec.tcp[0].route[0].destination.port.number', message: 'port number 0 must be in the range 1..65535' }] },
    { name: 'the port is 65536', manifest: tcp([to('foo.bar', { port: { number: 65536 } })]),
      expected: [{ path: 'spec.tcp[0].route[0].destination.port.number', message: 'port number 65536 must be in the range 1..65535' }] },
    { name: 'the port number is a string', manifest: tls([to('foo.bar', { port: { number: '80' } })]),
      expected: [{ path: 'spec.tls[0].route[0].destination.port.number', message: 'port number "80" must be in the range 1..65535' }] },
    { name: 'the port is a bare number', manifest: http([to('foo.bar', { port: 8080 })]),
      expected: [{ path: 'spec.http[0].route[0].destination.port', message: 'destination port must be an object such as {number: 8080}, got a number 8080' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('VS037', manifest, expected));
});

describe('VS038 weight', () => {
  const clean: CleanCase[] = [
    // TestValidateRouteDestination "weighted", "weight = 0"
    { name: '25 and 75', manifest: tcp([weighted('foo.baz.south', 25), weighted('foo.baz.east', 75)]) },
    { name: 'a single weight of 0', manifest: tcp([weighted('foo.baz.south', 0)]) },
    { name: 'no weight', manifest: http([to('foo.baz')]) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('VS038', manifest));

  const invalid: Case[] = [
    // TestValidateRouteDestination "weight < 0"
    { name: 'a weight is negative', manifest: tcp([weighted('foo.baz.south', 5), weighted('foo.baz.east', -1)]),
      expected: [{ path: 'spec.tcp[0].route[1].weight', message: 'weight -1 < 0' }] },
    { name: 'a weight is fractional', manifest: http([weighted('a', 33.3), weighted('b', 66.7)]),
      expected: [
        { path: 'spec.http[0].route[0].weight', message: 'weight must be a whole number, got a number 33.3' },
        { path: 'spec.http[0].route[1].weight', message: 'got a number 66.7' },
      ] },
    { name: 'a weight is a string', manifest: tls([weighted('a', '50')]),
      expected: [{ path: 'spec.tls[0].route[0].weight', message: 'weight must be a whole number, got a string "50"' }] },
    { name: 'a weight is beyond int32', manifest: http([weighted('a', 2147483648)]),
      expected: [{ path: 'spec.http[0].route[0].weight', message: 'weight 2147483648 is too large' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('VS038', manifest, expected));
});

describe('VS039 weights-zero-sum', () => {
  const clean: CleanCase[] = [
    // TestValidateRouteDestination "total weight = 100" (100 and 0), "weight = 0"
    { name: '100 and 0', manifest: tcp([weighted('foo.baz.south', 100), weighted('foo.baz.east', 0)]) },
    { name: 'a single destination with weight 0', manifest: tcp([weighted('foo.baz.south', 0)]) },
    { name: 'a single destination without weight', manifest: http([to('foo.baz')]) },
    { name: 'a negative weight (VS038 reports it)', manifest: http([weighted('a', -1), weighted('b', 1)]) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('VS039', manifest));

  const invalid: Case[] = [
    // TestValidateRouteDestination "total weight = 0 with multi RouteDestination"
    { name: 'two weights are 0', manifest: tcp([weighted('foo.baz.south', 0), weighted('foo.baz.east', 0)]),
      expected: [{ path: 'spec.tcp[0].route', message: 'total destination weight = 0 across 2 destinations' }] },
    { name: 'no weight is set', manifest: http([to('a'), to('b'), to('c')]),
      expected: [{ path: 'spec.http[0].route', message: 'total destination weight = 0 across 3 destinations' }] },
    { name: 'weights are 0 on a tls route', manifest: tls([to('a'), weighted('b', 0)]),
      expected: [{ path: 'spec.tls[0].route', message: 'total destination weight = 0' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('VS039', manifest, expected));
});

describe('VS082 weights-not-100', () => {
  const clean: CleanCase[] = [
    { name: '25 and 75', manifest: http([weighted('a', 25), weighted('b', 75)]) },
    { name: '100 and 0', manifest: http([weighted('a', 100), weighted('b', 0)]) },
    { name: 'a single destination with weight 50', manifest: http([weighted('a', 50)]) },
    { name: 'no weights (VS039 reports a zero sum)', manifest: http([to('a'), to('b')]) },
    { name: 'a fractional weight (VS038 reports it)', manifest: http([weighted('a', 50.5), weighted('b', 49.5)]) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('VS082', manifest));

  const invalid: Case[] = [
    // TestValidateRouteDestination "total weight > 100" (valid upstream)
    { name: 'the weights sum to 1050', manifest: tcp([weighted('foo.baz.south', 550), weighted('foo.baz.east', 500)]),
      expected: [{ path: 'spec.tcp[0].route', message: 'the weights of the 2 destinations sum to 1050, not 100: Istio accepts this and divides traffic by weight/sum, so the split is 52.4% / 47.6%' }] },
    // TestValidateRouteDestination "total weight < 100" (valid upstream)
    { name: 'the weights sum to 99', manifest: http([weighted('foo.baz.south', 49), weighted('foo.baz.east', 50)]),
      expected: [{ path: 'spec.http[0].route', message: 'sum to 99, not 100: Istio accepts this and divides traffic by weight/sum, so the split is 49.5% / 50.5%' }] },
    { name: 'one weight is missing', manifest: http([weighted('a', 90), to('b')]),
      expected: [{ path: 'spec.http[0].route', message: 'sum to 90, not 100: Istio accepts this and divides traffic by weight/sum, so the split is 100% / 0%' }] },
    { name: 'three weights of 30', manifest: tls([weighted('a', 30), weighted('b', 30), weighted('c', 30)]),
      expected: [{ path: 'spec.tls[0].route', message: 'the weights of the 3 destinations sum to 90, not 100: Istio accepts this and divides traffic by weight/sum, so the split is 33.3% / 33.3% / 33.3%' }] },
  ];
  it.each(invalid)('warns when $name', ({ manifest, expected }) => {
    expectFindings('VS082', manifest, expected);
    expect(findings('VS082', manifest)[0].severity).toBe(Severity.WARNING);
  });
});

describe('checkDestination (shared with mirror rules)', () => {
  function run(destination: unknown): Array<[string, string]> {
    const reports: Array<[string, string]> = [];
    checkDestination(destination, 'spec.http[0].mirror', (path, message) => reports.push([path, message]));
    return reports;
  }

  it('accepts a full destination', () => {
    expect(run({ host: 'foo.bar', subset: 'shiny', port: { number: 5000 } })).toEqual([]);
  });

  it('reports host, subset and port problems together', () => {
    expect(run({ host: '*', subset: 'a.b', port: {} })).toEqual([
      ['spec.http[0].mirror.host', expect.stringContaining('invalid destination host *')],
      ['spec.http[0].mirror.subset', expect.stringContaining('subset name is invalid')],
      ['spec.http[0].mirror.port.number', expect.stringContaining('port number 0')],
    ]);
  });

  it.each([
    ['missing', undefined, 'destination is required'],
    ['null', null, 'destination is required'],
    ['a string', 'reviews', 'destination must be an object with a host, got a string "reviews"'],
  ])('reports a destination that is %s', (_name, destination, message) => {
    expect(run(destination)).toEqual([['spec.http[0].mirror', message]]);
  });
});
