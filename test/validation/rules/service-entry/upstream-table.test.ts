import { validateManifests } from '../../../../src/validation/engine';
import { JsonObject } from '../../../../src/validation/manifest';
import { serviceEntry } from './helpers';

// The rows of TestValidateServiceEntries (pkg/config/validation/validation_test.go), written as
// manifests: whether the ServiceEntry rules find an error, and whether they find a warning,
// must match the webhook's verdict. Where the CRD refuses what the webhook accepts, the row
// says so.

interface Row {
  readonly name: string;
  readonly spec: JsonObject;
  readonly labels?: Record<string, string>;
  readonly valid: boolean;
  readonly warning?: boolean;
}

const HTTP2 = [{ number: 80, protocol: 'http', name: 'http-valid1' }, { number: 8080, protocol: 'http', name: 'http-valid2' }];
const HTTP1 = [{ number: 80, protocol: 'http', name: 'http-valid1' }];

const rows: Row[] = [
  { name: 'discovery type DNS', valid: true, spec: { hosts: ['*.google.com'], ports: HTTP2, resolution: 'DNS',
    endpoints: [{ address: 'lon.google.com', ports: { 'http-valid1': 8080 } }, { address: 'in.google.com', ports: { 'http-valid2': 9080 } }] } },
  { name: 'discovery type DNS Round Robin', valid: true, spec: { hosts: ['*.istio.io'], ports: HTTP2, resolution: 'DNS_ROUND_ROBIN',
    endpoints: [{ address: 'api-v1.istio.io', ports: { 'http-valid1': 8080 } }] } },
  { name: 'discovery type DNS, label tlsMode: istio', valid: true, spec: { hosts: ['*.google.com'], ports: HTTP2, resolution: 'DNS',
    endpoints: [{ address: 'lon.google.com', ports: { 'http-valid1': 8080 }, labels: { 'security.istio.io/tlsMode': 'istio' } }] } },
  { name: 'discovery type DNS, one host set with IP address and https port', valid: true, warning: false,
    spec: { hosts: ['httpbin.org'], addresses: ['10.10.10.10'], ports: [...HTTP2, { number: 443, protocol: 'https', name: 'https' }], resolution: 'DNS' } },
  { name: 'discovery type DNS, multi hosts set with IP address and https port', valid: true, warning: true,
    spec: { hosts: ['httpbin.org', 'wikipedia.org'], addresses: ['10.10.10.10'], ports: [...HTTP2, { number: 443, protocol: 'https', name: 'https' }], resolution: 'DNS' } },
  { name: 'discovery type DNS, IP address set', valid: true, spec: { hosts: ['*.google.com'], addresses: ['10.10.10.10'], ports: HTTP2, resolution: 'DNS',
    endpoints: [{ address: 'lon.google.com', ports: { 'http-valid1': 8080 } }] } },
  { name: 'discovery type DNS, IP in endpoints', valid: true, spec: { hosts: ['*.google.com'], ports: HTTP2, resolution: 'DNS',
    endpoints: [{ address: '1.1.1.1', ports: { 'http-valid1': 8080 } }, { address: 'in.google.com', ports: { 'http-valid2': 9080 } }] } },
  { name: 'discovery type DYNAMIC_DNS', valid: true, spec: { hosts: ['*.google.com'], ports: HTTP2, resolution: 'DYNAMIC_DNS' } },
  { name: 'empty hosts', valid: false, spec: { ports: HTTP1, resolution: 'DNS', endpoints: [{ address: 'in.google.com', ports: { 'http-valid2': 9080 } }] } },
  { name: 'bad hosts', valid: false, spec: { hosts: ['-'], ports: HTTP1, resolution: 'DNS', endpoints: [{ address: 'in.google.com', ports: { 'http-valid1': 9080 } }] } },
  { name: 'full wildcard host', valid: false, spec: { hosts: ['foo.com', '*'], ports: HTTP1, resolution: 'DNS', endpoints: [{ address: 'in.google.com', ports: { 'http-valid1': 9080 } }] } },
  { name: 'short name host', valid: true, spec: { hosts: ['foo', 'bar.com'], ports: HTTP1, resolution: 'DNS', endpoints: [{ address: 'in.google.com', ports: { 'http-valid1': 9080 } }] } },
  { name: 'undefined endpoint port', valid: false, spec: { hosts: ['google.com'], ports: HTTP1, resolution: 'DNS',
    endpoints: [{ address: 'lon.google.com', ports: { 'http-valid1': 8080 } }, { address: 'in.google.com', ports: { 'http-dne': 9080 } }] } },
  { name: 'discovery type DNS, non-FQDN endpoint', valid: false, spec: { hosts: ['*.google.com'], ports: HTTP2, resolution: 'DNS',
    endpoints: [{ address: '*.lon.google.com', ports: { 'http-valid1': 8080 } }] } },
  { name: 'discovery type DNS, non-FQDN host', valid: false, spec: { hosts: ['*.google.com'], ports: HTTP2, resolution: 'DNS' } },
  { name: 'discovery type DNS, no endpoints', valid: true, spec: { hosts: ['google.com'], ports: HTTP2, resolution: 'DNS' } },
  { name: 'discovery type DNS, unix endpoint', valid: false, spec: { hosts: ['*.google.com'], ports: HTTP1, resolution: 'DNS', endpoints: [{ address: 'unix:///lon/google/com' }] } },
  { name: 'discovery type none', valid: true, spec: { hosts: ['google.com'], ports: HTTP2, resolution: 'NONE' } },
  { name: 'discovery type none, endpoints provided', valid: false, spec: { hosts: ['google.com'], ports: HTTP2, resolution: 'NONE',
    endpoints: [{ address: 'lon.google.com', ports: { 'http-valid1': 8080 } }] } },
  { name: 'discovery type none, cidr addresses', valid: true, spec: { hosts: ['google.com'], addresses: ['172.1.2.16/16'], ports: HTTP2, resolution: 'NONE' } },
  { name: 'discovery type static, cidr addresses with endpoints', valid: true, spec: { hosts: ['google.com'], addresses: ['172.1.2.16/16'], ports: HTTP2, resolution: 'STATIC',
    endpoints: [{ address: '1.1.1.1', ports: { 'http-valid1': 8080 } }, { address: '2.2.2.2', ports: { 'http-valid2': 9080 } }] } },
  { name: 'discovery type static, FQDN in endpoints', valid: false, spec: { hosts: ['google.com'], addresses: ['172.1.2.16'], ports: HTTP2, resolution: 'STATIC',
    endpoints: [{ address: 'google.com', ports: { 'http-valid1': 8080 } }] } },
  { name: 'discovery type static, missing endpoints', valid: true, spec: { hosts: ['google.com'], addresses: ['172.1.2.16'], ports: HTTP2, resolution: 'STATIC' } },
  { name: 'discovery type static, bad endpoint port name', valid: false, spec: { hosts: ['google.com'], addresses: ['172.1.2.16'], ports: HTTP2, resolution: 'STATIC',
    endpoints: [{ address: '2.2.2.2', ports: { 'http-dne': 9080 } }] } },
  { name: 'discovery type none, conflicting port names', valid: false, spec: { hosts: ['google.com'], resolution: 'NONE',
    ports: [{ number: 80, protocol: 'http', name: 'http-conflict' }, { number: 8080, protocol: 'http', name: 'http-conflict' }] } },
  { name: 'discovery type none, conflicting port numbers', valid: false, spec: { hosts: ['google.com'], resolution: 'NONE',
    ports: [{ number: 80, protocol: 'http', name: 'http-conflict1' }, { number: 80, protocol: 'http', name: 'http-conflict2' }] } },
  { name: 'unix socket', valid: true, spec: { hosts: ['uds.cluster.local'], ports: [{ number: 6553, protocol: 'grpc', name: 'grpc-service1' }], resolution: 'STATIC',
    endpoints: [{ address: 'unix:///path/to/socket' }] } },
  { name: 'unix socket, relative path', valid: false, spec: { hosts: ['uds.cluster.local'], ports: [{ number: 6553, protocol: 'grpc', name: 'grpc-service1' }], resolution: 'STATIC',
    endpoints: [{ address: 'unix://./relative/path.sock' }] } },
  { name: 'unix socket, endpoint ports', valid: false, spec: { hosts: ['uds.cluster.local'], ports: [{ number: 6553, protocol: 'grpc', name: 'grpc-service1' }], resolution: 'STATIC',
    endpoints: [{ address: 'unix:///path/to/socket', ports: { 'grpc-service1': 6553 } }] } },
  { name: 'unix socket, multiple service ports', valid: false, spec: { hosts: ['uds.cluster.local'], resolution: 'STATIC',
    ports: [{ number: 6553, protocol: 'grpc', name: 'grpc-service1' }, { number: 80, protocol: 'http', name: 'http-service2' }], endpoints: [{ address: 'unix:///path/to/socket' }] } },
  { name: 'empty protocol', valid: true, spec: { hosts: ['google.com'], addresses: ['172.1.2.16/16'], ports: [HTTP1[0], { number: 8080, name: 'http-valid2' }], resolution: 'NONE' } },
  { name: 'selector', valid: true, warning: true, spec: { hosts: ['google.com'], workloadSelector: { labels: { foo: 'bar' } }, ports: HTTP1 } },
  { name: 'workload selector without labels', valid: true, warning: true, spec: { hosts: ['google.com'], ports: HTTP2, workloadSelector: {} } },
  { name: 'selector and endpoints', valid: false, warning: true, spec: { hosts: ['google.com'], workloadSelector: { labels: { foo: 'bar' } }, ports: HTTP1, endpoints: [{ address: '1.1.1.1' }] } },
  { name: 'selector and resolution NONE', valid: true, warning: true, spec: { hosts: ['google.com'], workloadSelector: { labels: { foo: 'bar' } }, ports: HTTP1, resolution: 'NONE' } },
  { name: 'selector and resolution DNS', valid: true, warning: false, spec: { hosts: ['google.com'], workloadSelector: { labels: { foo: 'bar' } }, ports: HTTP1, resolution: 'DNS' } },
  // Istio returns at the selector error; this library also warns that a selector has no effect with resolution NONE
  { name: 'bad selector key', valid: false, warning: true, spec: { hosts: ['google.com'], workloadSelector: { labels: { '': 'bar' } }, ports: HTTP1 } },
  { name: 'repeat target port', valid: true, spec: { hosts: ['google.com'], resolution: 'DNS',
    ports: [{ number: 80, protocol: 'http', name: 'http-valid1', targetPort: 80 }, { number: 81, protocol: 'http', name: 'http-valid2', targetPort: 80 }] } },
  { name: 'valid target port', valid: true, spec: { hosts: ['google.com'], resolution: 'DNS', ports: [{ number: 80, protocol: 'http', name: 'http-valid1', targetPort: 81 }] } },
  { name: 'invalid target port', valid: false, spec: { hosts: ['google.com'], resolution: 'DNS', ports: [{ number: 80, protocol: 'http', name: 'http-valid1', targetPort: 65536 }] } },
  { name: 'warn target port', valid: true, warning: true, spec: { hosts: ['google.com'], workloadSelector: { labels: { key: 'bar' } }, ports: [{ number: 80, protocol: 'http', name: 'http-valid1', targetPort: 1234 }] } },
  { name: 'valid endpoint port', valid: true, spec: { hosts: ['google.com'], ports: [{ number: 80, protocol: 'http', name: 'http-valid1', targetPort: 81 }], resolution: 'STATIC',
    endpoints: [{ address: '1.1.1.1', ports: { 'http-valid1': 8081 } }] } },
  { name: 'invalid endpoint port', valid: false, spec: { hosts: ['google.com'], ports: [{ number: 80, protocol: 'http', name: 'http-valid1', targetPort: 81 }], resolution: 'STATIC',
    endpoints: [{ address: '1.1.1.1', ports: { 'http-valid1': 65536 } }] } },
  { name: 'protocol unset for addresses empty', valid: true, warning: true, spec: { hosts: ['google.com'], addresses: [], ports: [HTTP1[0], { number: 8080, name: 'http-valid2' }], resolution: 'NONE' } },
  { name: 'protocol is TCP for addresses empty', valid: true, warning: true, spec: { hosts: ['google.com'], addresses: [], ports: [HTTP1[0], { number: 81, protocol: 'TCP', name: 'tcp-valid1' }], resolution: 'NONE' } },
  { name: 'dns round robin with more than one endpoint', valid: false, spec: { hosts: ['google.com'], addresses: [], ports: [{ number: 8081, protocol: 'http', name: 'http-valid1' }], resolution: 'DNS_ROUND_ROBIN',
    endpoints: [{ address: 'api-v1.istio.io', ports: { 'http-valid1': 8081 } }, { address: '1.1.1.2', ports: { 'http-valid1': 8081 } }] } },
  { name: 'dns round robin with 0 endpoints', valid: true, spec: { hosts: ['google.com'], addresses: [], ports: [{ number: 8081, protocol: 'http', name: 'http-valid1' }], endpoints: [], resolution: 'DNS_ROUND_ROBIN' } },
  // upstream also sets endpoints: [], which the CRD refuses with resolution NONE ("NONE mode cannot set endpoints")
  { name: 'partial wildcard hosts', valid: true, warning: true, spec: { hosts: ['*.nytimes.com', '*washingtonpost.com'], addresses: [], ports: [{ number: 443, protocol: 'HTTPS', name: 'https-nytimes' }], resolution: 'NONE' } },
  { name: 'network set with no address on endpoint', valid: true, warning: true, spec: { hosts: ['www.example.com'], addresses: [], ports: [{ number: 443, protocol: 'HTTPS', name: 'https-example' }], resolution: 'STATIC',
    endpoints: [{ network: 'cluster-1' }] } },
  { name: 'discovery type DYNAMIC_DNS, unsupported TCP protocol', valid: false, spec: { hosts: ['*.google.com'], addresses: [], ports: [HTTP1[0], { number: 81, protocol: 'TCP', name: 'tcp-valid1' }], resolution: 'DYNAMIC_DNS' } },
  { name: 'discovery type DYNAMIC_DNS, GRPC protocol', valid: true, spec: { hosts: ['*.svc.cluster.local'], addresses: [], ports: [{ number: 9090, protocol: 'GRPC', name: 'grpc' }], resolution: 'DYNAMIC_DNS' } },
  { name: 'discovery type DYNAMIC_DNS, FQDN host', valid: false, spec: { hosts: ['google.com'], addresses: [], ports: [{ number: 80, protocol: 'http', name: 'http-valid' }], resolution: 'DYNAMIC_DNS' } },
  { name: 'discovery type DYNAMIC_DNS, endpoints set', valid: false, spec: { hosts: ['*.google.com'], addresses: [], ports: HTTP1, resolution: 'DYNAMIC_DNS',
    endpoints: [{ address: 'in.google.com', ports: { 'http-valid1': 9080 } }] } },
  { name: 'discovery type DYNAMIC_DNS, IP address set', valid: false, spec: { hosts: ['*.google.com'], addresses: ['10.10.10.10'], ports: HTTP2, resolution: 'DYNAMIC_DNS' } },
  { name: 'discovery type DYNAMIC_DNS, empty hosts', valid: false, spec: { hosts: [], addresses: [], ports: HTTP1, resolution: 'DYNAMIC_DNS' } },
  { name: 'discovery type DYNAMIC_DNS, multiple wildcarded hosts', valid: true, spec: { hosts: ['*.google.com', '*.amazon.com'], addresses: [], ports: HTTP1, resolution: 'DYNAMIC_DNS' } },
  { name: 'discovery type DYNAMIC_DNS, internal mesh location', valid: true, spec: { hosts: ['*.google.com'], addresses: [], ports: HTTP1, resolution: 'DYNAMIC_DNS', location: 'MESH_INTERNAL' } },
  { name: 'discovery type DYNAMIC_DNS, MESH_INTERNAL with waypoint (invalid)', valid: false, labels: { 'istio.io/use-waypoint': 'my-waypoint' },
    spec: { hosts: ['*.google.com'], addresses: [], ports: HTTP1, resolution: 'DYNAMIC_DNS', location: 'MESH_INTERNAL' } },
  { name: 'discovery type DYNAMIC_DNS, nil port', valid: false, spec: { hosts: ['*.google.com'], ports: [null], resolution: 'DYNAMIC_DNS' } },
  { name: 'nil port in ports array', valid: false, spec: { hosts: ['google.com'], ports: [null], resolution: 'NONE' } },
  { name: 'discovery type DNS with addresses, nil port', valid: false, spec: { hosts: ['google.com'], addresses: ['1.2.3.4'], ports: [null], resolution: 'DNS' } },
];

describe('TestValidateServiceEntries verdicts', () => {
  it.each(rows)('$name', ({ spec, labels, valid, warning }) => {
    const found = validateManifests([serviceEntry(spec, labels ? { labels } : {})]).filter(d => d.code.startsWith('SE'));
    expect({ errors: found.filter(d => d.severity === 'error').map(d => `${d.code} ${d.path}: ${d.message}`).length > 0 })
      .toEqual({ errors: !valid });
    expect(found.some(d => d.severity === 'warning')).toBe(warning ?? false);
  });
});
