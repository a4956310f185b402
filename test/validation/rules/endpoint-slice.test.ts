import { Diagnostic, Severity } from '../../../src/validation/diagnostic';
import { validateManifests } from '../../../src/validation/engine';
import { JsonObject } from '../../../src/validation/manifest';
import { ENDPOINT_SLICE_RULES } from '../../../src/validation/rules/endpoint-slice';

/**
 * A valid EndpointSlice of a Service (upstream's "good-slice", with a service-name label and
 * a port number); `overrides` replace top-level fields, `labels` are merged.
 */
function slice(overrides: JsonObject = {}, labels: Record<string, string | undefined> = {}): JsonObject {
  const allLabels: Record<string, string> = {};
  for (const [key, value] of Object.entries({ 'kubernetes.io/service-name': 'hello', ...labels })) {
    if (value !== undefined) allLabels[key] = value;
  }
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'hello', namespace: 'world', labels: allLabels },
    addressType: 'IPv4',
    ports: [{ name: 'http', protocol: 'TCP', port: 8080 }],
    endpoints: [{ addresses: ['10.1.2.3'], hostname: 'valid-123' }],
    ...overrides,
  };
}

/** A slice whose single endpoint is `endpoint`. */
function withEndpoint(endpoint: JsonObject, overrides: JsonObject = {}): JsonObject {
  return slice({ endpoints: [endpoint], ...overrides });
}

/** A slice whose ports are `ports`. */
function withPorts(...ports: unknown[]): JsonObject {
  return slice({ ports });
}

function run(manifest: unknown): Diagnostic[] {
  return validateManifests([manifest]);
}

function byCode(manifest: unknown, code: string): Diagnostic[] {
  return run(manifest).filter(d => d.code === code);
}

function epsErrors(manifest: unknown): Diagnostic[] {
  return run(manifest).filter(d => d.code.startsWith('EPS') && d.severity === Severity.ERROR);
}

/** `n` IPv4 addresses 10.1.2.x, as upstream's generateIPAddresses. */
function ips(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `10.1.2.${i % 255}`);
}

/** `n` ports http-0.., as upstream's generatePorts. */
function ports(n: number): JsonObject[] {
  return Array.from({ length: n }, (_, i) => ({ name: `http-${i}`, protocol: 'TCP', port: 8080 }));
}

type Invalid = [string, unknown, string, string | RegExp];

/** Asserts one diagnostic of `code` at `path` whose message equals (string) or matches (RegExp). */
function expectOne(manifest: unknown, code: string, path: string, message: string | RegExp): void {
  const found = byCode(manifest, code);
  expect(found.map(d => d.path)).toEqual([path]);
  if (typeof message === 'string') {
    expect(found[0].message).toBe(message);
  } else {
    expect(found[0].message).toMatch(message);
  }
  expect(found[0].resource).toBe('EndpointSlice/world/hello');
}

describe('EndpointSlice rules: catalogue', () => {
  it('has unique EPS codes, kebab-case names and an upstream-naming description', () => {
    const codes = ENDPOINT_SLICE_RULES.map(r => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const rule of ENDPOINT_SLICE_RULES) {
      expect(rule.code).toMatch(/^EPS\d{3}$/);
      expect(rule.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.description).toMatch(/\(.+\)$/);
      expect(rule.appliesTo).toEqual(['discovery.k8s.io/v1/EndpointSlice']);
    }
  });

  it('reports nothing for a valid slice of a Service', () => {
    expect(run(slice()).filter(d => d.code.startsWith('EPS'))).toEqual([]);
  });
});

describe('EndpointSlice rules: upstream TestValidateEndpointSlice', () => {
  // Valid cases of TestValidateEndpointSlice / TestValidateEndpointSliceCreate: no errors.
  it.each<[string, JsonObject]>([
    ['good-slice', slice()],
    ['good-ipv6', slice({ addressType: 'IPv6', endpoints: [{ addresses: ['a00:100::4'], hostname: 'valid-123' }] })],
    ['good-fqdns', slice({
      addressType: 'FQDN',
      endpoints: [{ addresses: ['foo.example.com', 'example.com', 'example.com.', 'hyphens-are-good.example.com'], hostname: 'valid-123' }],
    })],
    ['all-protocols', withPorts({ name: 'tcp', protocol: 'TCP' }, { name: 'udp', protocol: 'UDP' }, { name: 'sctp', protocol: 'SCTP' })],
    ['app-protocols', withPorts(
      { name: 'one', protocol: 'TCP', appProtocol: 'HTTP' },
      { name: 'two', protocol: 'TCP', appProtocol: 'https' },
      { name: 'three', protocol: 'TCP', appProtocol: 'my-protocol' },
      { name: 'four', protocol: 'TCP', appProtocol: 'example.com/custom-protocol' },
    )],
    ['empty-port-name', withPorts({ name: '', protocol: 'TCP' }, { name: 'http', protocol: 'TCP' })],
    ['long-port-name', withPorts({ name: 'a'.repeat(63), protocol: 'TCP' })],
    ['empty-ports-and-endpoints', slice({ ports: [], endpoints: [] })],
    ['max-endpoints', slice({ endpoints: ips(1000).map(a => ({ addresses: [a] })) })],
    ['max-ports', slice({ ports: ports(20000) })],
    ['max-addresses', withEndpoint({ addresses: ips(100) })],
    ['valid-hints', withEndpoint({ addresses: ips(1), hints: { forZones: [{ name: 'zone-a' }] } })],
    ['good-slice-node-name', withEndpoint({ addresses: ips(1), hostname: 'valid-123', nodeName: 'valid-node-name' })],
  ])('accepts %s', (_, manifest) => {
    expect(epsErrors(manifest)).toEqual([]);
  });

  // Failing cases with upstream's expected error count. Left out: bad-meta and the
  // name/namespace errors of empty-everything (metadata rules, tested elsewhere), and the
  // deprecatedTopology cases (bad-topology-key, too-many-topology-keys, zone-key-topology):
  // the v1 API drops deprecatedTopology before validating (EPS013 warns instead).
  it.each<[string, JsonObject, number]>([
    ['duplicate-port-name', slice({ ports: [{ name: '', protocol: 'TCP' }, { name: '', protocol: 'TCP' }], endpoints: [] }), 1],
    ['bad-port-name-caps', slice({ ports: [{ name: 'aCapital', protocol: 'TCP' }], endpoints: [] }), 1],
    ['bad-port-name-chars', slice({ ports: [{ name: 'almost_valid', protocol: 'TCP' }], endpoints: [] }), 1],
    ['bad-port-name-length', slice({ ports: [{ name: 'a'.repeat(64), protocol: 'TCP' }], endpoints: [] }), 1],
    ['invalid-port-protocol', slice({ ports: [{ name: 'http', protocol: 'foo' }], endpoints: undefined }), 1],
    ['too-many-ports', slice({ ports: ports(20001), endpoints: undefined }), 1],
    ['too-many-endpoints', slice({ endpoints: ips(1001).map(a => ({ addresses: [a] })) }), 1],
    ['no-endpoint-addresses', withEndpoint({ addresses: [] }), 1],
    ['too-many-addresses', withEndpoint({ addresses: ips(101) }), 1],
    ['bad-hostname', withEndpoint({ addresses: ips(1), hostname: '--INVALID' }), 1],
    ['bad-ip', withEndpoint({ addresses: ['123.456.789.012'], hostname: 'valid-123' }), 1],
    ['bad-ipv4', withEndpoint({ addresses: ['123.456.789.012', '2001:4860:4860::8888'], hostname: 'valid-123' }), 2],
    ['bad-ipv6', withEndpoint({ addresses: ['123.456.789.012', '2001:4860:4860:defg'], hostname: 'valid-123' }, { addressType: 'IPv6' }), 2],
    ['bad-fqdns', withEndpoint(
      { addresses: ['foo.*', 'FOO.example.com', 'underscores_are_bad.example.com', '*.example.com'], hostname: 'valid-123' },
      { addressType: 'FQDN' },
    ), 4],
    ['bad-app-protocol', slice({ ports: [{ name: 'http', protocol: 'TCP', appProtocol: '--' }] }), 1],
    ['invalid-hints', withEndpoint({ addresses: ips(1), hints: { forZones: [{ name: 'inv@lid' }] } }), 1],
    ['overlapping-hints', withEndpoint({ addresses: ips(1), hints: { forZones: [{ name: 'zone-a' }, { name: 'zone-b' }, { name: 'zone-a' }] } }), 1],
    ['too-many-hints', withEndpoint({ addresses: ips(1), hints: { forZones: 'abcdefghi'.split('').map(z => ({ name: `zone-${z}` })) } }), 1],
    ['empty-everything (addressType only)', { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: {} }, 1],
    ['special-ipv4', withEndpoint({ addresses: ['127.0.0.1'], hostname: 'valid-123' }), 1],
    ['special-ipv6', withEndpoint({ addresses: ['fe80::9656:d028:8652:66b6'], hostname: 'valid-123' }, { addressType: 'IPv6' }), 1],
    // TestValidateEndpointSliceCreate
    ['bad-node-name', withEndpoint({ addresses: ips(1), hostname: 'valid-123', nodeName: 'INvalid-node-name' }), 1],
    ['deprecated-address-type', slice({ addressType: 'IP' }), 1],
    ['bad-address-type', slice({ addressType: 'other' }), 1],
    // TestValidateEndpointSliceUpdate
    ['invalid node name set', withEndpoint({ addresses: ['10.1.2.3'], nodeName: 'INVALID foo' }), 1],
    ['invalid slices with valid address types', slice({ ports: [{ name: '', protocol: 'invalid' }], endpoints: undefined }), 1],
  ])('errors when %s (%i upstream errors)', (_, manifest, count) => {
    expect(epsErrors(manifest)).toHaveLength(count);
  });
});

describe('EPS001 address-type', () => {
  it.each(['IPv4', 'IPv6', 'FQDN'])('accepts %s', addressType => {
    expect(byCode(slice({ addressType, endpoints: [] }), 'EPS001')).toEqual([]);
  });

  it.each<Invalid>([
    // empty-everything
    ['it is missing', slice({ addressType: undefined }), 'addressType', 'addressType is required: one of "IPv4", "IPv6", "FQDN"'],
    ['it is empty', slice({ addressType: '' }), 'addressType', 'addressType is required: one of "IPv4", "IPv6", "FQDN"'],
    // deprecated-address-type
    ['it is the v1beta1 "IP"', slice({ addressType: 'IP' }), 'addressType', 'addressType "IP" is not supported: the v1beta1 "IP" type is deprecated, use "IPv4" or "IPv6"'],
    // bad-address-type
    ['it is unknown', slice({ addressType: 'other' }), 'addressType', 'addressType "other" is not supported: must be one of "IPv4", "IPv6", "FQDN"'],
    ['it is in the wrong case', slice({ addressType: 'ipv4' }), 'addressType', 'addressType "ipv4" is not supported: must be one of "IPv4", "IPv6", "FQDN"'],
    ['it is not a string', slice({ addressType: 4 }), 'addressType', 'addressType 4 is not supported: must be one of "IPv4", "IPv6", "FQDN"'],
  ])('errors when %s', (_, manifest, path, message) => expectOne(manifest, 'EPS001', path, message));
});

describe('EPS002 address-type-fqdn-deprecated', () => {
  it('does not warn for IP slices', () => {
    expect(byCode(slice(), 'EPS002')).toEqual([]);
  });

  it('warns for FQDN slices (warnOnDeprecatedAddressType)', () => {
    const manifest = slice({ addressType: 'FQDN', endpoints: [{ addresses: ['db.example.com'] }] });
    expectOne(manifest, 'EPS002', 'addressType', /^addressType "FQDN" is deprecated .* kube-proxy does not route Service traffic to FQDN endpoints$/);
    expect(byCode(manifest, 'EPS002')[0].severity).toBe(Severity.WARNING);
  });
});

describe('EPS003 endpoints-list', () => {
  it.each<[string, JsonObject]>([
    ['no endpoints', slice({ endpoints: undefined })],
    ['null endpoints', slice({ endpoints: null })],
    ['an empty list', slice({ endpoints: [] })],
    ['1000 endpoints (max-endpoints)', slice({ endpoints: ips(1000).map(a => ({ addresses: [a] })) })],
  ])('accepts %s', (_, manifest) => {
    expect(byCode(manifest, 'EPS003')).toEqual([]);
  });

  it.each<Invalid>([
    // too-many-endpoints
    ['there are 1001 endpoints', slice({ endpoints: ips(1001).map(a => ({ addresses: [a] })) }), 'endpoints',
      'endpoints has 1001 items, must have at most 1000: split them over several EndpointSlices'],
    ['endpoints is not a list', slice({ endpoints: { addresses: ['10.1.2.3'] } }), 'endpoints', 'endpoints must be a list, got {"addresses":["10.1.2.3"]}'],
    ['an endpoint is not an object', slice({ endpoints: ['10.1.2.3'] }), 'endpoints[0]', 'endpoint must be an object with addresses, got "10.1.2.3"'],
  ])('errors when %s', (_, manifest, path, message) => expectOne(manifest, 'EPS003', path, message));

  it('does not check the endpoints of an oversized list, as upstream returns early', () => {
    const endpoints = [{ addresses: ['127.0.0.1'], hostname: 'BAD' }, ...ips(1000).map(a => ({ addresses: [a] }))];
    expect(epsErrors(slice({ endpoints })).map(d => d.code)).toEqual(['EPS003']);
  });
});

describe('EPS004 endpoint-addresses', () => {
  it.each<[string, JsonObject]>([
    ['one address', withEndpoint({ addresses: ['10.1.2.3'] })],
    ['100 addresses (max-addresses)', withEndpoint({ addresses: ips(100) })],
  ])('accepts %s', (_, manifest) => {
    expect(byCode(manifest, 'EPS004')).toEqual([]);
  });

  it.each<Invalid>([
    // no-endpoint-addresses
    ['addresses is empty', withEndpoint({ addresses: [] }), 'endpoints[0].addresses', 'endpoint must have at least 1 address'],
    ['addresses is missing', withEndpoint({ hostname: 'a' }), 'endpoints[0].addresses', 'endpoint must have at least 1 address'],
    // too-many-addresses
    ['there are 101 addresses', withEndpoint({ addresses: ips(101) }), 'endpoints[0].addresses', 'endpoint has 101 addresses, must have at most 100'],
    ['addresses is a string', withEndpoint({ addresses: '10.1.2.3' }), 'endpoints[0].addresses', 'addresses must be a list of strings, got "10.1.2.3"'],
    ['an address is not a string', withEndpoint({ addresses: ['10.1.2.3', 42] }), 'endpoints[0].addresses[1]', 'address must be a string, got 42'],
  ])('errors when %s', (_, manifest, path, message) => expectOne(manifest, 'EPS004', path, message));
});

describe('EPS005 endpoint-address-format', () => {
  it.each<[string, JsonObject]>([
    ['an IPv4 address', withEndpoint({ addresses: ['10.1.2.3'] })],
    ['an IPv4-mapped IPv6 address in an IPv4 slice (ParseIPSloppy reads it as IPv4)', withEndpoint({ addresses: ['::ffff:10.1.2.3'] })],
    ['IPv4 with leading zeros (sloppy parsing)', withEndpoint({ addresses: ['010.001.002.003'] })],
    ['an IPv6 address (good-ipv6)', withEndpoint({ addresses: ['a00:100::4'] }, { addressType: 'IPv6' })],
    ['FQDNs (good-fqdns)', withEndpoint({ addresses: ['foo.example.com', 'example.com', 'example.com.', 'hyphens-are-good.example.com'] }, { addressType: 'FQDN' })],
    ['any address when the address type is unknown (upstream falls through)', withEndpoint({ addresses: ['anything'] }, { addressType: 'other' })],
  ])('accepts %s', (_, manifest) => {
    expect(byCode(manifest, 'EPS005')).toEqual([]);
  });

  it.each<Invalid>([
    // bad-ip
    ['an IPv4 octet is out of range', withEndpoint({ addresses: ['123.456.789.012'] }), 'endpoints[0].addresses[0]',
      'address "123.456.789.012" must be a valid IPv4 address (addressType IPv4)'],
    // bad-ipv4
    ['an IPv4 slice holds an IPv6 address', withEndpoint({ addresses: ['10.1.2.3', '2001:4860:4860::8888'] }), 'endpoints[0].addresses[1]',
      'address "2001:4860:4860::8888" must be a valid IPv4 address (addressType IPv4): it is an IPv6 address, put it in an EndpointSlice with addressType IPv6'],
    // bad-ipv6
    ['an IPv6 group is not hex', withEndpoint({ addresses: ['2001:4860:4860:defg'] }, { addressType: 'IPv6' }), 'endpoints[0].addresses[0]',
      'address "2001:4860:4860:defg" must be a valid IPv6 address (addressType IPv6)'],
    ['an IPv6 slice holds an IPv4 address', withEndpoint({ addresses: ['10.1.2.3'] }, { addressType: 'IPv6' }), 'endpoints[0].addresses[0]',
      'address "10.1.2.3" must be a valid IPv6 address (addressType IPv6): it is an IPv4 address, put it in an EndpointSlice with addressType IPv4'],
    ['an IPv6 address has a zone', withEndpoint({ addresses: ['fe80::1%eth0'] }, { addressType: 'IPv6' }), 'endpoints[0].addresses[0]',
      'address "fe80::1%eth0" must be a valid IPv6 address (addressType IPv6)'],
    ['an IPv4 address is a hostname', withEndpoint({ addresses: ['db.example.com'] }), 'endpoints[0].addresses[0]',
      'address "db.example.com" must be a valid IPv4 address (addressType IPv4)'],
    // bad-fqdns
    ['an FQDN has a wildcard label', withEndpoint({ addresses: ['*.example.com'] }, { addressType: 'FQDN' }), 'endpoints[0].addresses[0]',
      /^address "\*\.example\.com" must be a fully qualified domain name \(addressType FQDN\): must be a lowercase RFC 1123 subdomain/],
    ['an FQDN has capitals', withEndpoint({ addresses: ['FOO.example.com'] }, { addressType: 'FQDN' }), 'endpoints[0].addresses[0]',
      /^address "FOO\.example\.com" must be a fully qualified domain name \(addressType FQDN\): must be a lowercase RFC 1123 subdomain/],
    ['an FQDN has underscores', withEndpoint({ addresses: ['underscores_are_bad.example.com'] }, { addressType: 'FQDN' }), 'endpoints[0].addresses[0]',
      /must be a lowercase RFC 1123 subdomain/],
    ['an FQDN has a single label', withEndpoint({ addresses: ['localhost'] }, { addressType: 'FQDN' }), 'endpoints[0].addresses[0]',
      'address "localhost" must be a fully qualified domain name (addressType FQDN): should be a domain with at least two segments separated by dots'],
    ['an FQDN label is longer than 63 characters', withEndpoint({ addresses: [`${'a'.repeat(64)}.example.com`] }, { addressType: 'FQDN' }), 'endpoints[0].addresses[0]',
      /: label "a{64}" must be no more than 63 characters$/],
    ['an FQDN is empty', withEndpoint({ addresses: [''] }, { addressType: 'FQDN' }), 'endpoints[0].addresses[0]',
      'address "" must be a fully qualified domain name (addressType FQDN): must not be empty'],
  ])('errors when %s', (_, manifest, path, message) => expectOne(manifest, 'EPS005', path, message));

  it('reports each bad FQDN of upstream bad-fqdns', () => {
    const manifest = withEndpoint({ addresses: ['foo.*', 'FOO.example.com', 'underscores_are_bad.example.com', '*.example.com'] }, { addressType: 'FQDN' });
    expect(byCode(manifest, 'EPS005').map(d => d.path)).toEqual([0, 1, 2, 3].map(i => `endpoints[0].addresses[${i}]`));
  });
});

describe('EPS006 endpoint-address-special', () => {
  it.each<[string, JsonObject]>([
    ['a private IPv4 address', withEndpoint({ addresses: ['10.1.2.3'] })],
    ['a public IPv6 address', withEndpoint({ addresses: ['2001:4860:4860::8888'] }, { addressType: 'IPv6' })],
    ['a malformed address (EPS005 reports it; upstream checks special ranges only on valid IPs)', withEndpoint({ addresses: ['127.0.0.1.1'] })],
    ['a loopback address of the other family (EPS005 reports it)', withEndpoint({ addresses: ['::1'] })],
    ['FQDN slices', withEndpoint({ addresses: ['localhost.localdomain'] }, { addressType: 'FQDN' })],
  ])('accepts %s', (_, manifest) => {
    expect(byCode(manifest, 'EPS006')).toEqual([]);
  });

  it.each<Invalid>([
    // special-ipv4
    ['an IPv4 address is loopback', withEndpoint({ addresses: ['127.0.0.1'] }), 'endpoints[0].addresses[0]',
      'address "127.0.0.1" may not be in the loopback range (127.0.0.0/8, ::1/128)'],
    // special-ipv6
    ['an IPv6 address is link-local', withEndpoint({ addresses: ['fe80::9656:d028:8652:66b6'] }, { addressType: 'IPv6' }), 'endpoints[0].addresses[0]',
      'address "fe80::9656:d028:8652:66b6" may not be in the link-local range (169.254.0.0/16, fe80::/10)'],
    ['an IPv4 address is unspecified', withEndpoint({ addresses: ['0.0.0.0'] }), 'endpoints[0].addresses[0]',
      'address "0.0.0.0" may not be unspecified (0.0.0.0, ::)'],
    ['an IPv6 address is unspecified', withEndpoint({ addresses: ['::'] }, { addressType: 'IPv6' }), 'endpoints[0].addresses[0]',
      'address "::" may not be unspecified (0.0.0.0, ::)'],
    ['an IPv4 address is link-local (cloud metadata)', withEndpoint({ addresses: ['169.254.169.254'] }), 'endpoints[0].addresses[0]',
      'address "169.254.169.254" may not be in the link-local range (169.254.0.0/16, fe80::/10)'],
    ['an IPv4 address is link-local multicast', withEndpoint({ addresses: ['224.0.0.5'] }), 'endpoints[0].addresses[0]',
      'address "224.0.0.5" may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'],
    ['an IPv6 address is loopback', withEndpoint({ addresses: ['::1'] }, { addressType: 'IPv6' }), 'endpoints[0].addresses[0]',
      'address "::1" may not be in the loopback range (127.0.0.0/8, ::1/128)'],
    ['an IPv4-mapped loopback address', withEndpoint({ addresses: ['::ffff:127.0.0.1'] }), 'endpoints[0].addresses[0]',
      'address "::ffff:127.0.0.1" may not be in the loopback range (127.0.0.0/8, ::1/128)'],
  ])('errors when %s', (_, manifest, path, message) => expectOne(manifest, 'EPS006', path, message));
});

describe('EPS007 endpoint-address-canonical', () => {
  it.each<[string, JsonObject]>([
    ['a canonical IPv4 address', withEndpoint({ addresses: ['10.1.2.3'] })],
    ['a canonical IPv6 address', withEndpoint({ addresses: ['2001:db8::1'] }, { addressType: 'IPv6' })],
    ['slices of the EndpointSlice controller (upstream skips them)',
      slice({ endpoints: [{ addresses: ['010.1.2.3'] }] }, { 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' })],
  ])('accepts %s', (_, manifest) => {
    expect(byCode(manifest, 'EPS007')).toEqual([]);
  });

  it.each<Invalid>([
    ['an IPv4 address has leading zeros', withEndpoint({ addresses: ['010.001.002.003'] }), 'endpoints[0].addresses[0]',
      'address "010.001.002.003" is a non-standard IP address that a future Kubernetes release will refuse: use "10.1.2.3"'],
    ['an IPv4 address is written IPv4-mapped', withEndpoint({ addresses: ['::ffff:10.1.2.3'] }), 'endpoints[0].addresses[0]',
      'address "::ffff:10.1.2.3" is a non-standard IP address that a future Kubernetes release will refuse: use "10.1.2.3"'],
    ['an IPv6 address is in capitals', withEndpoint({ addresses: ['2001:DB8::1'] }, { addressType: 'IPv6' }), 'endpoints[0].addresses[0]',
      'IPv6 address "2001:DB8::1" should be in RFC 5952 canonical form: "2001:db8::1"'],
    ['an IPv6 address is not compressed', withEndpoint({ addresses: ['2001:db8:0:0:0:0:0:1'] }, { addressType: 'IPv6' }), 'endpoints[0].addresses[0]',
      'IPv6 address "2001:db8:0:0:0:0:0:1" should be in RFC 5952 canonical form: "2001:db8::1"'],
  ])('warns when %s', (_, manifest, path, message) => {
    expectOne(manifest, 'EPS007', path, message);
    expect(byCode(manifest, 'EPS007')[0].severity).toBe(Severity.WARNING);
  });
});

describe('EPS008 endpoint-hostname', () => {
  it.each<[string, JsonObject]>([
    ['a DNS label (good-slice)', withEndpoint({ addresses: ips(1), hostname: 'valid-123' })],
    ['no hostname', withEndpoint({ addresses: ips(1) })],
    ['a null hostname', withEndpoint({ addresses: ips(1), hostname: null })],
  ])('accepts %s', (_, manifest) => {
    expect(byCode(manifest, 'EPS008')).toEqual([]);
  });

  it.each<Invalid>([
    // bad-hostname
    ['it starts with dashes and has capitals', withEndpoint({ addresses: ips(1), hostname: '--INVALID' }), 'endpoints[0].hostname',
      /^hostname "--INVALID" must be a lowercase RFC 1123 label: /],
    ['it has dots', withEndpoint({ addresses: ips(1), hostname: 'db.example' }), 'endpoints[0].hostname', 'hostname "db.example" must not contain dots'],
    ['it is empty', withEndpoint({ addresses: ips(1), hostname: '' }), 'endpoints[0].hostname', /^hostname "" must be a lowercase RFC 1123 label/],
    ['it is too long', withEndpoint({ addresses: ips(1), hostname: 'a'.repeat(64) }), 'endpoints[0].hostname', /^hostname "a{64}" must be no more than 63 characters$/],
    ['it is not a string', withEndpoint({ addresses: ips(1), hostname: 12 }), 'endpoints[0].hostname', 'hostname must be a string, got 12'],
  ])('errors when %s', (_, manifest, path, message) => expectOne(manifest, 'EPS008', path, message));
});

describe('EPS009 endpoint-node-name', () => {
  it.each<[string, JsonObject]>([
    // good-slice-node-name
    ['a node name', withEndpoint({ addresses: ips(1), nodeName: 'valid-node-name' })],
    ['a dotted node name', withEndpoint({ addresses: ips(1), nodeName: 'ip-10-0-0-1.ec2.internal' })],
  ])('accepts %s', (_, manifest) => {
    expect(byCode(manifest, 'EPS009')).toEqual([]);
  });

  it.each<Invalid>([
    // bad-node-name
    ['it has capitals', withEndpoint({ addresses: ips(1), nodeName: 'INvalid-node-name' }), 'endpoints[0].nodeName',
      /^nodeName "INvalid-node-name" must be a lowercase RFC 1123 subdomain/],
    // invalid node name set
    ['it has a space', withEndpoint({ addresses: ips(1), nodeName: 'INVALID foo' }), 'endpoints[0].nodeName', /^nodeName "INVALID foo" must be a lowercase RFC 1123 subdomain/],
    ['it is empty', withEndpoint({ addresses: ips(1), nodeName: '' }), 'endpoints[0].nodeName', /^nodeName "" must be a lowercase RFC 1123 subdomain/],
    ['it is not a string', withEndpoint({ addresses: ips(1), nodeName: ['node-1'] }), 'endpoints[0].nodeName', 'nodeName must be a string, got ["node-1"]'],
  ])('errors when %s', (_, manifest, path, message) => expectOne(manifest, 'EPS009', path, message));
});

describe('EPS010 endpoint-field-types', () => {
  it.each<[string, JsonObject]>([
    ['all conditions', withEndpoint({ addresses: ips(1), conditions: { ready: true, serving: true, terminating: false } })],
    ['empty conditions', withEndpoint({ addresses: ips(1), conditions: {} })],
    ['a null condition', withEndpoint({ addresses: ips(1), conditions: { ready: null } })],
    ['a zone, a targetRef and deprecatedTopology',
      withEndpoint({ addresses: ips(1), zone: 'us-east-1a', targetRef: { kind: 'Pod', name: 'web-0' }, deprecatedTopology: {} })],
  ])('accepts %s', (_, manifest) => {
    expect(byCode(manifest, 'EPS010')).toEqual([]);
  });

  it.each<Invalid>([
    ['ready is a string', withEndpoint({ addresses: ips(1), conditions: { ready: 'true' } }), 'endpoints[0].conditions.ready',
      'conditions.ready must be true or false, got "true"'],
    ['terminating is a number', withEndpoint({ addresses: ips(1), conditions: { terminating: 0 } }), 'endpoints[0].conditions.terminating',
      'conditions.terminating must be true or false, got 0'],
    ['conditions is a list', withEndpoint({ addresses: ips(1), conditions: ['ready'] }), 'endpoints[0].conditions',
      'conditions must be an object with ready, serving and terminating, got ["ready"]'],
    ['zone is a number', withEndpoint({ addresses: ips(1), zone: 1 }), 'endpoints[0].zone', 'zone must be a string, got 1'],
    ['targetRef is a string', withEndpoint({ addresses: ips(1), targetRef: 'pod/web-0' }), 'endpoints[0].targetRef', 'targetRef must be an object, got "pod/web-0"'],
  ])('errors when %s', (_, manifest, path, message) => expectOne(manifest, 'EPS010', path, message));
});

describe('EPS011 endpoint-zone', () => {
  it.each<[string, JsonObject]>([
    ['a zone name', withEndpoint({ addresses: ips(1), zone: 'us-east-1a' })],
    ['no zone', withEndpoint({ addresses: ips(1) })],
  ])('accepts %s', (_, manifest) => {
    expect(byCode(manifest, 'EPS011')).toEqual([]);
  });

  it('warns when the zone is not a label value', () => {
    const manifest = withEndpoint({ addresses: ips(1), zone: 'us east 1' });
    expectOne(manifest, 'EPS011', 'endpoints[0].zone', /^zone "us east 1" can never match a node's topology.kubernetes.io\/zone label: a label value must be empty or consist of/);
    expect(byCode(manifest, 'EPS011')[0].severity).toBe(Severity.WARNING);
  });
});

describe('EPS012 endpoint-hints', () => {
  it.each<[string, JsonObject]>([
    // valid-hints
    ['a zone hint', withEndpoint({ addresses: ips(1), hints: { forZones: [{ name: 'zone-a' }] } })],
    ['8 zone hints', withEndpoint({ addresses: ips(1), hints: { forZones: 'abcdefgh'.split('').map(z => ({ name: `zone-${z}` })) } })],
    ['node hints', withEndpoint({ addresses: ips(1), hints: { forNodes: [{ name: 'node-1' }, { name: 'node-2.example' }] } })],
    ['empty hints', withEndpoint({ addresses: ips(1), hints: {} })],
  ])('accepts %s', (_, manifest) => {
    expect(byCode(manifest, 'EPS012')).toEqual([]);
  });

  it.each<Invalid>([
    // invalid-hints
    ['a zone hint is not a label value', withEndpoint({ addresses: ips(1), hints: { forZones: [{ name: 'inv@lid' }] } }),
      'endpoints[0].hints.forZones[0].name', /^zone hint "inv@lid" must be a valid label value: /],
    // overlapping-hints
    ['a zone hint repeats', withEndpoint({ addresses: ips(1), hints: { forZones: [{ name: 'zone-a' }, { name: 'zone-b' }, { name: 'zone-a' }] } }),
      'endpoints[0].hints.forZones[2].name', 'zone hint "zone-a" is listed more than once'],
    // too-many-hints
    ['there are 9 zone hints', withEndpoint({ addresses: ips(1), hints: { forZones: 'abcdefghi'.split('').map(z => ({ name: `zone-${z}` })) } }),
      'endpoints[0].hints.forZones', 'forZones has 9 items, must have at most 8'],
    ['a node hint is not a node name', withEndpoint({ addresses: ips(1), hints: { forNodes: [{ name: 'Node_1' }] } }),
      'endpoints[0].hints.forNodes[0].name', /^node hint "Node_1" must be a valid Node name: must be a lowercase RFC 1123 subdomain/],
    ['a node hint has no name', withEndpoint({ addresses: ips(1), hints: { forNodes: [{}] } }),
      'endpoints[0].hints.forNodes[0].name', /^node hint "" must be a valid Node name/],
    ['a node hint repeats', withEndpoint({ addresses: ips(1), hints: { forNodes: [{ name: 'node-1' }, { name: 'node-1' }] } }),
      'endpoints[0].hints.forNodes[1].name', 'node hint "node-1" is listed more than once'],
    ['there are 9 node hints', withEndpoint({ addresses: ips(1), hints: { forNodes: 'abcdefghi'.split('').map(n => ({ name: `node-${n}` })) } }),
      'endpoints[0].hints.forNodes', 'forNodes has 9 items, must have at most 8'],
    ['hints is a list', withEndpoint({ addresses: ips(1), hints: [{ name: 'zone-a' }] }),
      'endpoints[0].hints', 'hints must be an object with forZones and forNodes, got [{"name":"zone-a"}]'],
    ['forZones is a string', withEndpoint({ addresses: ips(1), hints: { forZones: 'zone-a' } }),
      'endpoints[0].hints.forZones', 'forZones must be a list of {name} objects, got "zone-a"'],
    ['a zone hint is a string', withEndpoint({ addresses: ips(1), hints: { forZones: ['zone-a'] } }),
      'endpoints[0].hints.forZones[0]', 'zone hint must be an object with a name, got "zone-a"'],
  ])('errors when %s', (_, manifest, path, message) => expectOne(manifest, 'EPS012', path, message));
});

describe('EPS013 endpoint-deprecated-topology', () => {
  it('does not warn without deprecatedTopology', () => {
    expect(byCode(slice(), 'EPS013')).toEqual([]);
  });

  // bad-topology-key, too-many-topology-keys and zone-key-topology are errors only on v1beta1
  it.each<[string, JsonObject]>([
    ['bad-topology-key', { '--INVALID': 'example' }],
    ['zone-key-topology', { 'topology.kubernetes.io/zone': 'zone1' }],
  ])('warns that %s is dropped on v1', (_, deprecatedTopology) => {
    const manifest = withEndpoint({ addresses: ips(1), deprecatedTopology });
    expectOne(manifest, 'EPS013', 'endpoints[0].deprecatedTopology',
      'deprecatedTopology is dropped by the API server on discovery.k8s.io/v1: use nodeName and zone instead');
    expect(epsErrors(manifest)).toEqual([]);
  });
});

describe('EPS014 ports-list', () => {
  it.each<[string, JsonObject]>([
    ['no ports', slice({ ports: undefined })],
    ['an empty list (empty-ports-and-endpoints)', slice({ ports: [] })],
    ['20000 ports (max-ports)', slice({ ports: ports(20000) })],
  ])('accepts %s', (_, manifest) => {
    expect(byCode(manifest, 'EPS014')).toEqual([]);
  });

  it.each<Invalid>([
    // too-many-ports
    ['there are 20001 ports', slice({ ports: ports(20001) }), 'ports', 'ports has 20001 items, must have at most 20000'],
    ['ports is an object', slice({ ports: { name: 'http' } }), 'ports', 'ports must be a list, got {"name":"http"}'],
    ['a port is a number', slice({ ports: [80] }), 'ports[0]', 'port must be an object, got 80'],
  ])('errors when %s', (_, manifest, path, message) => expectOne(manifest, 'EPS014', path, message));
});

describe('EPS015 port-name', () => {
  it.each<[string, JsonObject]>([
    ['a DNS label', withPorts({ name: 'http', port: 80 })],
    // empty-port-name
    ['an empty name', withPorts({ name: '', port: 80 })],
    ['no name', withPorts({ port: 80 })],
    // long-port-name
    ['a 63-character name', withPorts({ name: 'a'.repeat(63), port: 80 })],
    ['a name longer than an IANA service name (allowed here, unlike on Services)', withPorts({ name: 'metrics-and-health', port: 80 })],
  ])('accepts %s', (_, manifest) => {
    expect(byCode(manifest, 'EPS015')).toEqual([]);
  });

  it.each<Invalid>([
    // bad-port-name-caps
    ['it has capitals', withPorts({ name: 'aCapital' }), 'ports[0].name', /^port name "aCapital" must be a lowercase RFC 1123 label: /],
    // bad-port-name-chars
    ['it has underscores', withPorts({ name: 'almost_valid' }), 'ports[0].name', /^port name "almost_valid" must be a lowercase RFC 1123 label: /],
    // bad-port-name-length
    ['it is 64 characters long', withPorts({ name: 'a'.repeat(64) }), 'ports[0].name', /^port name "a{64}" must be no more than 63 characters$/],
    ['it is not a string', withPorts({ name: 80 }), 'ports[0].name', 'port name must be a string, got 80'],
  ])('errors when %s', (_, manifest, path, message) => expectOne(manifest, 'EPS015', path, message));
});

describe('EPS016 port-name-unique', () => {
  it.each<[string, JsonObject]>([
    ['distinct names (all-protocols)', withPorts({ name: 'tcp', protocol: 'TCP' }, { name: 'udp', protocol: 'UDP' }, { name: 'sctp', protocol: 'SCTP' })],
    ['one unnamed and one named port (empty-port-name)', withPorts({ name: '' }, { name: 'http' })],
  ])('accepts %s', (_, manifest) => {
    expect(byCode(manifest, 'EPS016')).toEqual([]);
  });

  it.each<Invalid>([
    // duplicate-port-name
    ['two ports are unnamed', withPorts({ name: '', protocol: 'TCP' }, { name: '', protocol: 'TCP' }), 'ports[1].name',
      'the unnamed port ("") is already used by ports[0]: port names must be unique'],
    ['an absent and an empty name', withPorts({ port: 80 }, { name: '', port: 81 }), 'ports[1].name',
      'the unnamed port ("") is already used by ports[0]: port names must be unique'],
    ['a name repeats, even with another protocol', withPorts({ name: 'dns', protocol: 'UDP' }, { name: 'dns', protocol: 'TCP' }), 'ports[1].name',
      'port name "dns" is already used by ports[0]: port names must be unique'],
  ])('errors when %s', (_, manifest, path, message) => expectOne(manifest, 'EPS016', path, message));
});

describe('EPS017 port-protocol', () => {
  it.each<[string, JsonObject]>([
    ['TCP, UDP and SCTP (all-protocols)', withPorts({ name: 'tcp', protocol: 'TCP' }, { name: 'udp', protocol: 'UDP' }, { name: 'sctp', protocol: 'SCTP' })],
    ['no protocol (defaulted to TCP)', withPorts({ name: 'http' })],
    ['a null protocol (defaulted to TCP)', withPorts({ name: 'http', protocol: null })],
  ])('accepts %s', (_, manifest) => {
    expect(byCode(manifest, 'EPS017')).toEqual([]);
  });

  it.each<Invalid>([
    // invalid-port-protocol
    ['it is unknown', withPorts({ name: 'http', protocol: 'foo' }), 'ports[0].protocol', 'protocol "foo" is not supported: must be one of "SCTP", "TCP", "UDP"'],
    ['it is lower case', withPorts({ name: 'http', protocol: 'tcp' }), 'ports[0].protocol', 'protocol "tcp" is not supported: must be one of "SCTP", "TCP", "UDP"'],
    ['it is empty', withPorts({ name: 'http', protocol: '' }), 'ports[0].protocol', 'protocol "" is not supported: must be one of "SCTP", "TCP", "UDP"'],
  ])('errors when %s', (_, manifest, path, message) => expectOne(manifest, 'EPS017', path, message));
});

describe('EPS018 port-app-protocol', () => {
  it.each<[string, JsonObject]>([
    // app-protocols
    ['IANA names and prefixed names', withPorts(
      { name: 'one', appProtocol: 'HTTP' }, { name: 'two', appProtocol: 'https' },
      { name: 'three', appProtocol: 'my-protocol' }, { name: 'four', appProtocol: 'example.com/custom-protocol' },
    )],
    ['kubernetes.io/h2c', withPorts({ name: 'h2c', appProtocol: 'kubernetes.io/h2c' })],
  ])('accepts %s', (_, manifest) => {
    expect(byCode(manifest, 'EPS018')).toEqual([]);
  });

  it.each<Invalid>([
    // bad-app-protocol
    ['it is only dashes', withPorts({ name: 'http', appProtocol: '--' }), 'ports[0].appProtocol', /^appProtocol "--" must be a qualified name: name part must consist of/],
    ['its prefix is empty', withPorts({ name: 'http', appProtocol: '/http' }), 'ports[0].appProtocol', 'appProtocol "/http" must be a qualified name: prefix part must be non-empty'],
    ['it is not a string', withPorts({ name: 'http', appProtocol: true }), 'ports[0].appProtocol', 'appProtocol must be a string, got true'],
  ])('errors when %s', (_, manifest, path, message) => expectOne(manifest, 'EPS018', path, message));
});

describe('EPS019 port-number', () => {
  it.each<[string, JsonObject]>([
    ['1', withPorts({ name: 'a', port: 1 })],
    ['65535', withPorts({ name: 'a', port: 65535 })],
    ['no port (all ports, for slices of no Service)', slice({ ports: [{ name: 'a' }] }, { 'kubernetes.io/service-name': undefined })],
  ])('accepts %s', (_, manifest) => {
    expect(byCode(manifest, 'EPS019')).toEqual([]);
  });

  it.each<Invalid>([
    ['it is 0', withPorts({ name: 'http', port: 0 }), 'ports[0].port', 'port 0 must be between 1 and 65535, inclusive'],
    ['it is 70000', withPorts({ name: 'http', port: 70000 }), 'ports[0].port', 'port 70000 must be between 1 and 65535, inclusive'],
    ['it is a fraction', withPorts({ name: 'http', port: 80.5 }), 'ports[0].port', 'port 80.5 must be between 1 and 65535, inclusive'],
    ['it is a string', withPorts({ name: 'http', port: '80' }), 'ports[0].port', 'port "80" must be a number between 1 and 65535'],
  ])('errors when %s', (_, manifest, path, message) => expectOne(manifest, 'EPS019', path, message));
});

describe('EPS020 port-number-missing', () => {
  it.each<[string, JsonObject]>([
    ['ports with numbers', slice()],
    ['a slice of no Service', slice({ ports: [{ name: 'a' }] }, { 'kubernetes.io/service-name': undefined })],
  ])('accepts %s', (_, manifest) => {
    expect(byCode(manifest, 'EPS020')).toEqual([]);
  });

  it('warns when a port of a Service slice has no number', () => {
    const manifest = withPorts({ name: 'http' }, { port: 81, name: 'b' }, { name: '' });
    const found = byCode(manifest, 'EPS020');
    expect(found.map(d => [d.path, d.message, d.severity])).toEqual([
      ['ports[0].port', 'port name "http" has no port number: kube-proxy ignores it, so Service "hello" traffic for it reaches no endpoint', Severity.WARNING],
      ['ports[2].port', 'the unnamed port ("") has no port number: kube-proxy ignores it, so Service "hello" traffic for it reaches no endpoint', Severity.WARNING],
    ]);
  });
});

describe('EPS021 service-name-label', () => {
  it('accepts a slice with the label', () => {
    expect(byCode(slice(), 'EPS021')).toEqual([]);
  });

  it.each<[string, JsonObject]>([
    ['the label is missing', slice({}, { 'kubernetes.io/service-name': undefined })],
    ['the label is empty', slice({}, { 'kubernetes.io/service-name': '' })],
    ['there are no labels', slice({ metadata: { name: 'hello', namespace: 'world' } })],
  ])('warns when %s', (_, manifest) => {
    expectOne(manifest, 'EPS021', 'metadata.labels["kubernetes.io/service-name"]',
      'the EndpointSlice has no kubernetes.io/service-name label, so it belongs to no Service and receives no Service traffic: set it to the name of the Service it backs');
    expect(byCode(manifest, 'EPS021')[0].severity).toBe(Severity.WARNING);
  });
});

describe('EPS022 managed-by-controller', () => {
  it.each<[string, JsonObject]>([
    ['no managed-by label', slice()],
    ['a tool name', slice({}, { 'endpointslice.kubernetes.io/managed-by': 'cdk8s-traffic' })],
  ])('accepts %s', (_, manifest) => {
    expect(byCode(manifest, 'EPS022')).toEqual([]);
  });

  it.each(['endpointslice-controller.k8s.io', 'endpointslicemirroring-controller.k8s.io'])('warns when the slice claims %s', controller => {
    const manifest = slice({}, { 'endpointslice.kubernetes.io/managed-by': controller });
    expectOne(manifest, 'EPS022', 'metadata.labels["endpointslice.kubernetes.io/managed-by"]',
      `endpointslice.kubernetes.io/managed-by "${controller}" is reserved for Kubernetes' own controllers, which may delete or overwrite this EndpointSlice: use your tool's name, such as "cdk8s-traffic"`);
  });
});

describe('EndpointSlice rules on malformed input', () => {
  it.each<[string, JsonObject]>([
    ['null everywhere', slice({ addressType: null, endpoints: [null, { addresses: null, conditions: null, hints: null }], ports: [null, { name: null, protocol: null, port: null }] })],
    ['wrong types everywhere', slice({
      addressType: ['IPv4'],
      endpoints: [{ addresses: [{}, [], 1], hostname: {}, nodeName: 1, zone: [], conditions: 'ready', hints: { forZones: [null, { name: 1 }], forNodes: {} } }],
      ports: [{ name: {}, protocol: 6, port: {}, appProtocol: [] }],
      metadata: { labels: 'x' },
    })],
    ['top-level lists', slice({ endpoints: 'x', ports: 7, metadata: [] })],
  ])('never throws on %s', (_, manifest) => {
    const diagnostics = run(manifest);
    expect(diagnostics.filter(d => d.code === 'TRF000')).toEqual([]);
    expect(diagnostics.some(d => d.code.startsWith('EPS'))).toBe(true);
  });
});
