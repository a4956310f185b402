import { setTable } from '../helpers';
import { entry } from '../istio-helpers';

/** The ServiceEntries of istioctl's serviceentry-missing-addresses-protocol.yaml: host istio.io, port 443 "https". */
function istioIo(name: string, protocol: string | undefined, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return entry(name, {
    hosts: ['istio.io'],
    exportTo: ['.'],
    ports: [{ number: 443, name: 'https', ...(protocol === undefined ? {} : { protocol }) }],
    location: 'MESH_EXTERNAL',
    resolution: 'DNS',
    ...extra,
  }, 'default');
}

describe('XR034 service-entry-addresses-required', () => {
  setTable('XR034', 'warns', [
    // analyzers_test.go "missing Addresses and Protocol in Service Entry": service-entry-test-01, -02, -05, -06
    { name: 'an HTTPS port without addresses (test-01)', manifests: [istioIo('service-entry-test-01', 'HTTPS')] },
    { name: 'an HTTPS port with addresses (test-02)', manifests: [istioIo('service-entry-test-02', 'HTTPS', { addresses: ['10.0.0.1'] })] },
    { name: 'a TCP port with addresses (test-06)', manifests: [istioIo('service-entry-test-06', 'TCP', { addresses: ['10.0.0.1'] })] },
    { name: 'addresses allocated into status', manifests: [{ ...istioIo('allocated', 'TCP'), status: { addresses: [{ value: '240.240.0.1', host: 'istio.io' }] } }] },
    { name: 'a UDP port (not TCP)', manifests: [istioIo('udp', 'UDP')] },
    { name: 'ports of a wrong type', manifests: [entry('bad', { hosts: ['istio.io'], ports: [null, 'tcp'] })] },
    { name: 'no ports', manifests: [entry('none', { hosts: ['istio.io'] })] },
  ], [
    {
      name: 'a port without protocol (test-03)',
      manifests: [istioIo('service-entry-test-03', undefined)],
      expected: [{ index: 0, path: 'spec.ports[0]', message: 'port 443 has no protocol (TCP is assumed) and the ServiceEntry sets no addresses: sidecars then serve it on 0.0.0.0:443' }],
    },
    {
      name: 'an empty protocol (test-04)',
      manifests: [istioIo('service-entry-test-04', '')],
      expected: [{ index: 0, path: 'spec.ports[0]', message: 'has no protocol' }],
    },
    {
      name: 'protocol TCP (test-07)',
      manifests: [istioIo('service-entry-test-07', 'TCP')],
      expected: [{ index: 0, path: 'spec.ports[0]', message: 'port 443 has protocol "TCP"' }],
    },
    // "ServiceEntry Addresses Required Lowercase Protocol"
    {
      name: 'protocol tcp in lower case',
      manifests: [entry('address-missing-lowercase', { hosts: ['dummy.testing.io'], ports: [{ name: 'tcp', number: 22, protocol: 'tcp' }] }, null)],
      expected: [{ index: 0, path: 'spec.ports[0]', message: 'port 22 has protocol "tcp"' }],
    },
    {
      name: 'an empty addresses list, with the DNS capture hint',
      manifests: [istioIo('empty', 'TCP', { addresses: [], ports: [{ number: 5432, name: 'pg', protocol: 'TCP' }, { number: 443, name: 'https', protocol: 'HTTPS' }] })],
      expected: [{ index: 0, path: 'spec.ports[0]', message: 'unless the mesh enables DNS capture with address auto-allocation' }],
    },
  ]);
});
