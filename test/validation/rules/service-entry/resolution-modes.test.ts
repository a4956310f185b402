import { expectClean, expectFindings, withSpec } from './helpers';

// Upstream cases: TestValidateServiceEntries and Test_validateExportTo (pkg/config/validation/validation_test.go).

const HTTP = [{ number: 80, protocol: 'http', name: 'http-valid1' }];

describe('SE027 dns-hosts-fqdn', () => {
  // TestValidateServiceEntries "discovery type DNS, no endpoints", "discovery type DNS" (endpoints given)
  it('accepts FQDNs, or wildcards with endpoints', () => {
    expectClean('SE027', withSpec({ hosts: ['google.com'], ports: HTTP }));
    expectClean('SE027', withSpec({ hosts: ['*.google.com'], ports: HTTP, endpoints: [{ address: 'lon.google.com' }] }));
  });
  // TestValidateServiceEntries "discovery type DNS, non-FQDN host"
  it('errors on the first wildcard host without endpoints', () => expectFindings('SE027', withSpec({ hosts: ['a.com', '*.google.com', '*.b.com'], ports: HTTP }),
    [{ path: 'spec.hosts[1]', message: 'hosts must be FQDN or contain only prefix wildcards if no endpoints are provided for resolution mode DNS, domain name "*.google.com" invalid' }]));
});

describe('SE028 dns-multiple-hosts-tcp', () => {
  const https = { number: 443, protocol: 'https', name: 'https' };
  // TestValidateServiceEntries "discovery type DNS, one host set with IP address and https port"
  it('accepts one host', () => expectClean('SE028', withSpec({ hosts: ['httpbin.org'], addresses: ['10.10.10.10'], ports: [...HTTP, https] })));
  // TestValidateServiceEntries "discovery type DNS, multi hosts set with IP address and https port"
  it('warns for two hosts', () => expectFindings('SE028', withSpec({ hosts: ['httpbin.org', 'wikipedia.org'], addresses: ['10.10.10.10'], ports: [...HTTP, https] }),
    [{ path: 'spec.hosts', message: 'service entry can not have more than one host specified simultaneously with address and tcp port (2 hosts, port "https" of protocol "https")' }]));
});

describe('SE029-SE032 DYNAMIC_DNS', () => {
  const dynamic = { hosts: ['*.google.com'], ports: HTTP, resolution: 'DYNAMIC_DNS' };
  // TestValidateServiceEntries "discovery type DYNAMIC_DNS", "... GRPC protocol", "... multiple wildcarded hosts", "... internal mesh location"
  it('accepts wildcard hosts with HTTP and GRPC ports', () => {
    const manifest = withSpec({ ...dynamic, hosts: ['*.google.com', '*.amazon.com'], ports: [...HTTP, { number: 9090, protocol: 'GRPC', name: 'grpc' }], location: 'MESH_INTERNAL' });
    for (const code of ['SE029', 'SE030', 'SE031', 'SE032']) expectClean(code, manifest);
  });
  // TestValidateServiceEntries "discovery type DYNAMIC_DNS, FQDN host"
  it('SE029 errors on a host without wildcard', () => expectFindings('SE029', withSpec({ ...dynamic, hosts: ['google.com'] }),
    [{ path: 'spec.hosts[0]', message: 'host must be wildcarded for resolution mode DYNAMIC_DNS (got "google.com")' }]));
  // TestValidateServiceEntries "discovery type DYNAMIC_DNS, IP address set", "... endpoints set"
  it('SE030 errors on addresses and endpoints', () => expectFindings('SE030', withSpec({ ...dynamic, addresses: ['10.10.10.10'], endpoints: [{ address: 'in.google.com' }] }), [
    { path: 'spec.addresses', message: 'addresses cannot be set for resolution type DYNAMIC_DNS' },
    { path: 'spec.endpoints', message: 'endpoints cannot be set for resolution type DYNAMIC_DNS' },
  ]));
  // TestValidateServiceEntries "discovery type DYNAMIC_DNS, unsupported TCP protocol"
  it('SE031 errors on a TCP port and a port without protocol', () => expectFindings('SE031', withSpec({ ...dynamic, ports: [...HTTP, { number: 81, protocol: 'TCP', name: 'tcp' }, { number: 82, name: 'x' }] }), [
    { path: 'spec.ports[1].protocol', message: 'only HTTP, TLS, GRPC, and HTTP2 protocols are supported for resolution type DYNAMIC_DNS (got "TCP")' },
    { path: 'spec.ports[2].protocol', message: '(got no protocol)' },
  ]));
  // TestValidateServiceEntries "discovery type DYNAMIC_DNS, MESH_INTERNAL with waypoint (invalid)"
  it('SE032 errors on MESH_INTERNAL behind a waypoint', () => {
    expectFindings('SE032', withSpec({ ...dynamic, location: 'MESH_INTERNAL' }, { labels: { 'istio.io/use-waypoint': 'my-waypoint' } }),
      [{ path: 'spec.location', message: 'location MESH_INTERNAL with resolution type DYNAMIC_DNS is not supported when using waypoints' }]);
    expectClean('SE032', withSpec({ ...dynamic, location: 'MESH_INTERNAL' }, { labels: { 'istio.io/use-waypoint': 'None' } }));
  });
});

describe('SE033 multiple-hosts-non-http-ports', () => {
  it('accepts several hosts on HTTP and TLS ports, and any ports with resolution NONE', () => {
    expectClean('SE033', withSpec({ hosts: ['a.com', 'b.com'], ports: [...HTTP, { number: 443, name: 'tls', protocol: 'TLS' }] }));
    expectClean('SE033', withSpec({ hosts: ['a.com', 'b.com'], resolution: 'NONE', ports: [{ number: 5432, name: 'db', protocol: 'TCP' }] }));
  });
  it('errors on a TCP port', () => expectFindings('SE033', withSpec({ hosts: ['a.com', 'b.com'], ports: [...HTTP, { number: 5432, name: 'db', protocol: 'TCP' }, { number: 5433, name: 'db2' }] }),
    [{ path: 'spec.ports[1]', message: 'multiple hosts provided with non-HTTP, non-TLS ports: port "db" has protocol "TCP" and the ServiceEntry has 2 hosts' }]));
});

describe('SE034 export-to', () => {
  // Test_validateExportTo: "~" alone is allowed for a ServiceEntry
  it('accepts ~, . and namespaces', () => {
    expectClean('SE034', withSpec({ exportTo: ['~'] }));
    expectClean('SE034', withSpec({ exportTo: ['.', 'prod'] }));
  });
  it('errors on ~ with others, duplicates and bad names', () => expectFindings('SE034', withSpec({ exportTo: ['~', 'shop', '.', 'Bad_ns'] }), [
    { path: 'spec.exportTo[2]', message: 'duplicate entries in exportTo: "." and current namespace "shop"' },
    { path: 'spec.exportTo[3]', message: 'exportTo entry "Bad_ns" is invalid' },
    { path: 'spec.exportTo', message: 'cannot export service entry to no one (~) and someone' },
  ]));
});
