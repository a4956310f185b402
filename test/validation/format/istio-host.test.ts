import {
  hostsOverlap,
  isHostSubsetOf,
  validateFqdn,
  validateGatewayName,
  validateWildcardDomain,
  validateWildcardDomainForGateway,
} from '../../../src/validation/format/istio-host';

/** Rows for it.each titled readably: long runs of one character print as `"x"×256`. */
function title(value: string): string {
  return JSON.stringify(value).replace(/(.)\1{9,}/g, m => `${m[0]}×${m.length}`);
}

describe('validateWildcardDomain', () => {
  it.each([
    // istio pkg/config/validation/agent/validation_test.go TestValidateWildcardDomain
    'x'.repeat(63), '*', '*.bar.com', '*foo', '*foo.bar.com', '*-foo.bar.com',
    // not in the upstream table: the reference's §2.2 examples and edge cases
    'reviews', 'Reviews.Default.svc', 'reviews.default.svc.cluster.local', 'istio.io.', '*.', 'a-b.c-d.e',
    `${'a'.repeat(63)}.${'b'.repeat(63)}.com`, 'foo.123abc', 'foo.com1',
    '123', // all-numeric, but Istio checks the top-level label only after a dot
  ].map(v => [title(v), v]))('accepts %s', (_, host) => {
    expect(validateWildcardDomain(host)).toEqual([]);
  });

  it.each<[string, string]>([
    // TestValidateWildcardDomain
    ['', 'empty domain name not allowed'],
    ['x'.repeat(256), `domain name "${'x'.repeat(256)}" too long (max 255)`],
    ['foo.*.com', 'domain name "foo.*.com" invalid (label "*" invalid)'],
    ['foo*.bar.com', 'domain name "foo*.bar.com" invalid (label "foo*" invalid)'],
    ['1.1.1.1', 'domain name "1.1.1.1" invalid (top level domain "1" cannot be all-numeric)'],
    // validation_test.go TestValidateVirtualService "bad host"
    ['foo.ba!r', 'domain name "foo.ba!r" invalid (label "ba!r" invalid)'],
    // not in the upstream tables
    ['x'.repeat(64), `domain name "${'x'.repeat(64)}" invalid (label "${'x'.repeat(64)}" invalid)`],
    ['foo.' + 'x'.repeat(64), `label "${'x'.repeat(64)}" invalid`],
    ['*--foo.com', 'label "*--foo" invalid'],
    ['*-.com', 'label "*-" invalid'],
    ['**.com', 'label "**" invalid'],
    ['*.*.com', 'label "*" invalid'],
    ['foo..com', 'label "" invalid'],
    ['.foo', 'label "" invalid'],
    ['.', 'label "" invalid'],
    ['foo.-a.com', 'label "-a" invalid'],
    ['foo.a-.com', 'label "a-" invalid'],
    ['foo_bar.com', 'label "foo_bar" invalid'],
    ['foo bar', 'label "foo bar" invalid'],
    ['*.123', 'top level domain "123" cannot be all-numeric'],
    ['foo.bar.-1', 'top level domain "-1" cannot be all-numeric'],
    ['ns/foo', 'label "ns/foo" invalid'],
    ['2001:db8::1', 'label "2001:db8::1" invalid'],
    ['ex\u00e4mple.com', 'invalid'],
  ])('errors when the host is %s', (host, message) => {
    const problems = validateWildcardDomain(host);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });

  it('measures length in UTF-8 bytes, as Go does', () => {
    const host = `${'a'.repeat(60)}.${'\u00e4'.repeat(100)}`; // 161 characters, 261 bytes
    expect(validateWildcardDomain(host)).toEqual([`domain name ${JSON.stringify(host)} too long (max 255)`]);
  });
});

describe('validateWildcardDomainForGateway', () => {
  // agent/validation_test.go TestValidateWildcardDomainForVirtualServiceBoundToGateway
  it.each<[string, boolean]>([
    ['x'.repeat(63), false],
    ['*', false],
    ['*.bar.com', false],
    ['*foo', false],
    ['*foo.bar.com', false],
    ['*-foo.bar.com', false],
    ['outbound_.80_._.e2e.foobar.mesh', true],
    ['outbound.com', true],
    // not in the upstream table
    ['outbound_.8080_._.reviews.default.svc.cluster.local', true],
    ['reviews.default.svc.cluster.local', true],
  ])('accepts %j (sniHostsSet %j)', (host, sni) => {
    expect(validateWildcardDomainForGateway(host, sni)).toEqual([]);
  });

  it.each<[string, boolean, string]>([
    // TestValidateWildcardDomainForVirtualServiceBoundToGateway
    ['', false, 'empty domain name not allowed'],
    ['x'.repeat(256), false, 'too long (max 255)'],
    ['foo.*.com', false, 'invalid (label "*" invalid)'],
    ['foo*.bar.com', false, 'invalid (label "foo*" invalid)'],
    ['1.1.1.1', false, 'cannot be all-numeric'],
    ['neverbound_.80_._.e2e.foobar.mesh', true, 'invalid (label "neverbound_" invalid)'],
    ['outbound_.thisIsNotAPort_._.e2e.foobar.mesh', true, '(label "thisIsNotAPort" invalid): should follow outbound_.<PORT>_._.<HOSTNAME> format'],
    ['outbound_.80_._', true, '(label "" invalid): should follow outbound_.<PORT>_._.<HOSTNAME> format'],
    // not in the upstream table: without TLS sniHosts, the generated form is an ordinary (bad) name
    ['outbound_.80_._.e2e.foobar.mesh', false, 'invalid (label "outbound_" invalid)'],
    ['outbound_.80', true, "should follow 'outbound_.<PORT>_._.<HOSTNAME>' format"],
  ])('errors when the host is %j (sniHostsSet %j)', (host, sni, message) => {
    const problems = validateWildcardDomainForGateway(host, sni);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });
});

describe('validateFqdn', () => {
  it.each([
    // agent/validation_test.go TestValidateFQDN
    'istio.io', 'istio.io.', 'istio-pilot.istio-system.svc.cluster.local', 'istio-pilot.istio-system.svc.cluster.local.',
    // validation_test.go TestValidateVirtualService "FQDN for gateway"
    'gateway.example.com',
    // not in the upstream tables: the reference's gateway examples
    'mesh', 'my-gw', 'gw.ns.svc.cluster.local', 'My-Gateway', 'x'.repeat(63),
  ].map(v => [title(v), v]))('accepts %s', (_, name) => {
    expect(validateFqdn(name)).toEqual([]);
  });

  it.each<[string, string]>([
    // TestValidateFQDN
    ['x'.repeat(256), 'too long (max 255)'],
    ['', 'empty domain name not allowed'],
    // TestValidateVirtualService "bad gateway"
    ['b@dgateway', 'domain name "b@dgateway" invalid (label "b@dgateway" invalid)'],
    // not in the upstream tables
    ['*.foo.com', 'label "*" invalid'],
    ['123', 'top level domain "123" cannot be all-numeric'],
    ['10.0.0.1', 'top level domain "1" cannot be all-numeric'],
    ['foo..bar', 'label "" invalid'],
    ['x'.repeat(64), 'invalid'],
  ])('errors when the name is %j', (name, message) => {
    const problems = validateFqdn(name);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });
});

describe('hostsOverlap', () => {
  // istio pkg/config/host/name_test.go TestNameMatches
  it.each<[string, string, boolean]>([
    ['', '', true],
    ['', 'foo.com', false],
    ['foo.com', '', false],
    ['foo.com', 'foo.com', true],
    ['bar.com', 'foo.com', false],
    ['foo.com', 'bar.com', false],
    ['bar.foo.com', 'foo.com', false],
    ['foo.com', 'bar.foo.com', false],
    ['*.com', 'foo.com', true],
    ['foo.com', '*.com', true],
    ['*.foo.com', 'bar.foo.com', true],
    ['*', 'foo.com', true],
    ['*', '*.com', true],
    ['*', 'com', true],
    ['*', '*', true],
    ['*', '', true],
    ['*.com', '*.foo.com', true],
    ['foo.com', '*.foo.com', false],
    ['*.foo.com', 'foo.com', false],
    ['*.foo.bar.baz', 'baz', false],
    ['baz', '*.foo.bar.baz', false],
    ['*.foo.bar.baz', '*.baz', true],
    ['foo.bar.baz', '*.baz', true],
    // the reference's §2.2 examples, and more
    ['*.bar', '*.foo.bar', true],
    ['*.bar', 'a.bar', true],
    ['*foo.com', 'barfoo.com', true],
    ['*foo.com', '*.foo.com', true],
    ['Foo.com', 'foo.com', false],
  ])('%j and %j: %j', (a, b, expected) => {
    expect(hostsOverlap(a, b)).toBe(expected);
    expect(hostsOverlap(b, a)).toBe(expected);
  });
});

describe('isHostSubsetOf', () => {
  // name_test.go TestNameSubsetOf
  it.each<[string, string, boolean]>([
    ['', '', true],
    ['', 'foo.com', false],
    ['foo.com', '', false],
    ['foo.com', 'foo.com', true],
    ['bar.com', 'foo.com', false],
    ['foo.com', 'bar.com', false],
    ['bar.foo.com', 'foo.com', false],
    ['foo.com', 'bar.foo.com', false],
    ['foo.com', '*.com', true],
    ['bar.com', '*.com', true],
    ['bar.foo.com', '*.foo.com', true],
    ['foo.com', '*', true],
    ['*.com', '*', true],
    ['com', '*', true],
    ['*', '*', true],
    ['', '*', true],
    ['*.foo.com', '*.com', true],
    ['*.foo.com', 'foo.com', false],
    ['*.foo.bar.baz', 'baz', false],
    ['foo.bar.baz', '*.baz', true],
    // not in the upstream table: only one direction holds
    ['*.com', '*.foo.com', false],
    ['*', '*.com', false],
    ['*.com', 'foo.com', false],
    ['*.foo.com', '*.foo.com', true],
  ])('%j in %j: %j', (a, b, expected) => {
    expect(isHostSubsetOf(a, b)).toBe(expected);
  });
});

describe('validateGatewayName', () => {
  it.each([
    'mesh', 'my-gw', 'ns/gw', 'istio-system/ingressgateway', 'a/b',
    // Istio's labels allow upper case
    'NS/Gw',
  ])('accepts %j without warnings', name => {
    expect(validateGatewayName(name)).toEqual({ errors: [], warnings: [] });
  });

  it.each<[string, string]>([
    // validation_test.go TestValidateVirtualService "FQDN for gateway"
    ['gateway.example.com', 'using legacy gatewayName format "gateway.example.com"; prefer the <namespace>/<name> format: "example/gateway"'],
    // the reference's example
    ['gw.ns.svc.cluster.local', 'using legacy gatewayName format "gw.ns.svc.cluster.local"; prefer the <namespace>/<name> format: "ns/gw"'],
  ])('accepts %j with a legacy-format warning', (name, warning) => {
    expect(validateGatewayName(name)).toEqual({ errors: [], warnings: [warning] });
  });

  it.each<[string, string[]]>([
    // TestValidateVirtualService "bad gateway"
    ['b@dgateway', ['domain name "b@dgateway" invalid (label "b@dgateway" invalid)']],
    // the reference's §2.2 examples
    ['ns1/*', ['invalid value for gateway name: "*" in gateway "ns1/*"']],
    ['*/gw', ['invalid value for namespace: "*" in gateway "*/gw"']],
    // not in the upstream tables
    ['/gw', ['gateway "/gw": config namespace and gateway name cannot be empty']],
    ['ns/', ['gateway "ns/": config namespace and gateway name cannot be empty']],
    ['/', ['gateway "/": config namespace and gateway name cannot be empty']],
    ['ns/a/b', ['invalid value for gateway name: "a/b" in gateway "ns/a/b"']],
    ['ns/gw.example', ['invalid value for gateway name: "gw.example" in gateway "ns/gw.example"']],
    ['n_s/g_w', [
      'invalid value for namespace: "n_s" in gateway "n_s/g_w"',
      'invalid value for gateway name: "g_w" in gateway "n_s/g_w"',
    ]],
    ['', ['empty domain name not allowed']],
    ['*', ['domain name "*" invalid (label "*" invalid)']],
  ])('errors when the name is %j', (name, errors) => {
    expect(validateGatewayName(name).errors).toEqual(errors);
  });

  it('both warns and errors for a dotted name that is not an FQDN', () => {
    expect(validateGatewayName('gw.1')).toEqual({
      errors: ['domain name "gw.1" invalid (top level domain "1" cannot be all-numeric)'],
      warnings: ['using legacy gatewayName format "gw.1"; prefer the <namespace>/<name> format: "1/gw"'],
    });
  });
});
