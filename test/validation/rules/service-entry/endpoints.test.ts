import { Case, CleanCase, expectClean, expectFindings, withSpec } from './helpers';

// Upstream cases: TestValidateServiceEntries (pkg/config/validation/validation_test.go).

const PORTS = [{ number: 80, protocol: 'http', name: 'http-valid1' }, { number: 8080, protocol: 'http', name: 'http-valid2' }];
const GRPC = [{ number: 6553, protocol: 'grpc', name: 'grpc-service1' }];

function staticEntry(endpoints: unknown[], ports: unknown[] = PORTS) {
  return withSpec({ hosts: ['google.com'], addresses: ['172.1.2.16'], ports, resolution: 'STATIC', endpoints });
}

function dnsEntry(endpoints: unknown[], resolution = 'DNS') {
  return withSpec({ hosts: ['*.google.com'], ports: PORTS, resolution, endpoints });
}

describe('SE019 endpoints-resolution-none', () => {
  // TestValidateServiceEntries "discovery type none"
  it('accepts NONE without endpoints', () => expectClean('SE019', withSpec({ resolution: 'NONE' })));
  const invalid: Case[] = [
    // TestValidateServiceEntries "discovery type none, endpoints provided"
    { name: 'NONE has endpoints', manifest: withSpec({ resolution: 'NONE', endpoints: [{ address: 'lon.google.com' }] }),
      expected: [{ path: 'spec.endpoints', message: 'no endpoints should be provided for resolution type none:' }] },
    { name: 'an unset resolution has an empty endpoints list', manifest: withSpec({ resolution: undefined, endpoints: [] }),
      expected: [{ path: 'spec.endpoints', message: 'no endpoints should be provided for resolution type none (resolution is unset, which means NONE)' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('SE019', manifest, expected));
});

describe('SE020 endpoint-not-null', () => {
  it('errors when an endpoint is null', () => expectFindings('SE020', staticEntry([{ address: '1.1.1.1' }, null]), [{ path: 'spec.endpoints[1]', message: 'endpoint cannot be nil' }]));
});

describe('SE021 endpoint-address', () => {
  const clean: CleanCase[] = [
    // TestValidateServiceEntries "discovery type static", "unix socket", "discovery type DNS", "discovery type DNS, IP in endpoints"
    { name: 'STATIC IPs', manifest: staticEntry([{ address: '1.1.1.1' }, { address: '2001:db8::1' }]) },
    { name: 'a STATIC unix socket', manifest: staticEntry([{ address: 'unix:///path/to/socket' }], GRPC) },
    { name: 'a STATIC abstract socket', manifest: staticEntry([{ address: 'unix://@gateway' }], GRPC) },
    { name: 'DNS names and IPs', manifest: dnsEntry([{ address: 'lon.google.com' }, { address: '1.1.1.1' }]) },
    // TestValidateServiceEntries "network set with no address on endpoint" (a warning, SE022)
    { name: 'a STATIC endpoint with only a network', manifest: staticEntry([{ network: 'cluster-1' }]) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('SE021', manifest));

  const invalid: Case[] = [
    // TestValidateServiceEntries "discovery type static, FQDN in endpoints"
    { name: 'a STATIC address is a name', manifest: staticEntry([{ address: 'google.com' }]),
      expected: [{ path: 'spec.endpoints[0].address', message: 'endpoint address "google.com" is not a valid IP address' }] },
    // TestValidateServiceEntries "unix socket, relative path"
    { name: 'a unix path is relative', manifest: staticEntry([{ address: 'unix://./relative/path.sock' }], GRPC),
      expected: [{ path: 'spec.endpoints[0].address', message: '"./relative/path.sock" is not an absolute path to a file' }] },
    { name: 'a unix path is a directory (with DNS, the CRD\'s rule)', manifest: dnsEntry([{ address: 'unix:///var/run/' }]),
      expected: [{ path: 'spec.endpoints[0].address', message: 'UDS may not be a dir' }] },
    // TestValidateServiceEntries "discovery type DNS, unix endpoint", "discovery type DNS, non-FQDN endpoint"
    { name: 'a DNS address is a socket or a wildcard', manifest: dnsEntry([{ address: 'unix:///lon/google/com' }, { address: '*.lon.google.com' }]),
      expected: [
        { path: 'spec.endpoints[0].address', message: 'endpoint address "unix:///lon/google/com" is not a valid FQDN or an IP address' },
        { path: 'spec.endpoints[1].address', message: 'endpoint address "*.lon.google.com" is not a valid FQDN or an IP address' },
      ] },
    { name: 'an endpoint has neither address nor network', manifest: dnsEntry([{ labels: { app: 'x' } }], 'DNS_ROUND_ROBIN'),
      expected: [{ path: 'spec.endpoints[0].address', message: 'address is required' }] },
    { name: 'a STATIC address is empty', manifest: staticEntry([{ address: '' }]),
      expected: [{ path: 'spec.endpoints[0].address', message: 'address is required' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('SE021', manifest, expected));
});

describe('SE022 endpoint-address-network', () => {
  // TestValidateServiceEntries "network set with no address on endpoint"
  it('warns when a STATIC endpoint has only a network', () => expectFindings('SE022', staticEntry([{ network: 'cluster-1' }]),
    [{ path: 'spec.endpoints[0].address', message: 'address is unset with network "cluster-1"' }]));
  it('accepts an address with a network', () => expectClean('SE022', staticEntry([{ address: '1.1.1.1', network: 'cluster-1' }])));
});

describe('SE023 endpoint-ports', () => {
  const clean: CleanCase[] = [
    // TestValidateServiceEntries "valid endpoint port"
    { name: 'ports named after the ServiceEntry\'s', manifest: staticEntry([{ address: '1.1.1.1', ports: { 'http-valid1': 8081 } }]) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('SE023', manifest));

  const invalid: Case[] = [
    // TestValidateServiceEntries "discovery type static, bad endpoint port name", "undefined endpoint port"
    { name: 'a STATIC endpoint names an unknown port', manifest: staticEntry([{ address: '2.2.2.2', ports: { 'http-dne': 9080 } }]),
      expected: [{ path: 'spec.endpoints[0].ports["http-dne"]', message: 'endpoint port "http-dne" is not defined by the service entry: name one of its ports ("http-valid1", "http-valid2")' }] },
    { name: 'a DNS endpoint names an unknown port', manifest: dnsEntry([{ address: 'in.google.com', ports: { 'http-dne': 9080 } }]),
      expected: [{ path: 'spec.endpoints[0].ports["http-dne"]', message: 'is not defined by the service entry' }] },
    // TestValidateServiceEntries "invalid endpoint port"
    { name: 'a port number is out of range', manifest: staticEntry([{ address: '1.1.1.1', ports: { 'http-valid1': 65536 } }]),
      expected: [{ path: 'spec.endpoints[0].ports["http-valid1"]', message: 'port number 65536 must be in the range 1..65535' }] },
    // TestValidateServiceEntries "unix socket, endpoint ports"
    { name: 'a unix endpoint has ports', manifest: staticEntry([{ address: 'unix:///path/to/socket', ports: { 'grpc-service1': 6553 } }], GRPC),
      expected: [{ path: 'spec.endpoints[0].ports', message: 'unix endpoint "unix:///path/to/socket" must not include ports' }] },
    { name: 'a port name is invalid', manifest: staticEntry([{ address: '1.1.1.1', ports: { 'bad_name': 80 } }], [{ number: 80, name: 'bad_name' }]),
      expected: [
        { path: 'spec.endpoints[0].ports["bad_name"]', message: 'invalid port name: "bad_name"' },
      ] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('SE023', manifest, expected));

  it('errors on a "__proto__" port name without touching prototypes', () => {
    const endpoint = JSON.parse('{"address": "1.1.1.1", "ports": {"__proto__": 80}}');
    expectFindings('SE023', staticEntry([endpoint]), [
      { path: 'spec.endpoints[0].ports["__proto__"]', message: 'endpoint port "__proto__" is not defined by the service entry' },
      { path: 'spec.endpoints[0].ports["__proto__"]', message: 'invalid port name: "__proto__"' },
    ]);
  });
});

describe('SE024 unix-endpoint-single-port', () => {
  // TestValidateServiceEntries "unix socket"
  it('accepts one port', () => expectClean('SE024', staticEntry([{ address: 'unix:///path/to/socket' }], GRPC)));
  // TestValidateServiceEntries "unix socket, multiple service ports"
  it('errors when there are two ports', () => expectFindings('SE024', staticEntry([{ address: 'unix:///path/to/socket' }], [...GRPC, { number: 80, protocol: 'http', name: 'http-service2' }]),
    [{ path: 'spec.endpoints[0].address', message: 'exactly 1 service port required for unix endpoints: endpoint "unix:///path/to/socket" is a socket, and the ServiceEntry has 2 ports' }]));
});

describe('SE025 endpoint-labels', () => {
  // TestValidateServiceEntries "discovery type DNS, label tlsMode: istio"
  it('accepts valid labels', () => expectClean('SE025', dnsEntry([{ address: 'lon.google.com', labels: { 'security.istio.io/tlsMode': 'istio' } }])));
  it('errors when a key or value is invalid', () => expectFindings('SE025', staticEntry([{ address: '1.1.1.1', labels: { 'bad key': 'v', app: 'bad value' } }]), [
    { path: 'spec.endpoints[0].labels["bad key"]', message: 'invalid tag key: "bad key"' },
    { path: 'spec.endpoints[0].labels["app"]', message: 'invalid tag value: "bad value"' },
  ]));
});

describe('SE026 dns-round-robin-endpoints', () => {
  // TestValidateServiceEntries "discovery type DNS Round Robin", "dns round robin with 0 endpoints"
  it('accepts one endpoint or none', () => {
    expectClean('SE026', dnsEntry([{ address: 'api-v1.istio.io' }], 'DNS_ROUND_ROBIN'));
    expectClean('SE026', dnsEntry([], 'DNS_ROUND_ROBIN'));
  });
  // TestValidateServiceEntries "dns round robin with more than one endpoint"
  it('errors when there are two', () => expectFindings('SE026', dnsEntry([{ address: 'api-v1.istio.io' }, { address: '1.1.1.2' }], 'DNS_ROUND_ROBIN'),
    [{ path: 'spec.endpoints', message: 'there must only be 0 or 1 endpoint for resolution mode DNS_ROUND_ROBIN (got 2)' }]));
});
