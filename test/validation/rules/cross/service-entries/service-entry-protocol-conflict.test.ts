import { findings, setTable } from '../helpers';
import { entry } from '../istio-helpers';

function declaring(name: string, hosts: string[], ports: Array<[number, string | undefined]>, namespace = 'default', exportTo?: string[]): Record<string, unknown> {
  return entry(name, {
    hosts,
    ports: ports.map(([number, protocol]) => ({ number, name: `p-${number}`, ...(protocol === undefined ? {} : { protocol }) })),
    resolution: 'DNS',
    location: 'MESH_EXTERNAL',
    ...(exportTo ? { exportTo } : {}),
  }, namespace);
}

describe('XR035 service-entry-protocol-conflict', () => {
  setTable('XR035', 'warns', [
    // analyzers_test.go "ServiceEntry no conflict same protocol"; Kiali TestSameHostPortSameProtocolMultiMatch
    { name: 'the same protocol twice', manifests: [declaring('se-https-only', ['example.com'], [[443, 'HTTPS']]), declaring('se-https-only-2', ['example.com'], [[443, 'HTTPS']])] },
    // Kiali TestDifferentPortNumbersNoConflict
    { name: 'different port numbers', manifests: [declaring('se1', ['example.com'], [[80, 'HTTP']]), declaring('se2', ['example.com'], [[443, 'HTTPS']])] },
    // Kiali TestDifferentHostsNoConflict
    { name: 'different hosts', manifests: [declaring('se1', ['example.com'], [[13835, 'HTTPS']]), declaring('se2', ['other.com'], [[13835, 'HTTP']])] },
    // analyzers_test.go "ServiceEntry no conflict non-overlapping exportTo scopes" (istioctl's scoping chosen over Kiali's)
    {
      name: 'entries exported to their own namespaces only',
      manifests: [declaring('se-ns1', ['example.com'], [[8080, 'HTTP']], 'ns1', ['.']), declaring('se-ns2', ['example.com'], [[8080, 'HTTPS']], 'ns2', ['.'])],
    },
    // Kiali TestProtocolCaseInsensitiveMultiMatch
    { name: 'protocols that differ in case only', manifests: [declaring('se1', ['example.com'], [[80, 'http']]), declaring('se2', ['example.com'], [[80, 'HTTP']])] },
    { name: 'one ServiceEntry alone', manifests: [declaring('se1', ['example.com'], [[80, 'HTTP'], [443, 'HTTPS']])] },
    { name: 'ports of a wrong type', manifests: [entry('se1', { hosts: ['example.com'], ports: 'x' }), entry('se2', { hosts: 'example.com', ports: [{ number: 80, protocol: 'TCP' }] })] },
  ], [
    // analyzers_test.go "ServiceEntry conflicting protocols on same host and port"; Kiali TestConflictingProtocols
    {
      name: 'two entries declare a host and port with HTTPS and HTTP',
      manifests: [
        declaring('se-https', ['example.com'], [[13835, 'HTTPS']]),
        declaring('se-http', ['example.com'], [[13835, 'HTTP']]),
        declaring('se-no-conflict', ['other.com'], [[443, 'HTTPS']]),
      ],
      expected: [
        { index: 0, path: 'spec.ports[0].protocol', message: 'host "example.com" port 13835 is declared here with HTTPS and with another protocol by ServiceEntry/default/se-http (HTTP): sidecars build one listener' },
        { index: 1, path: 'spec.ports[0].protocol', message: 'declared here with HTTP and with another protocol by ServiceEntry/default/se-https (HTTPS)' },
      ],
    },
    // Kiali TestMultiplePortsConflictOnOne: the path names the conflicting port
    {
      name: 'the conflict is on the second port of one entry',
      manifests: [declaring('se1', ['example.com'], [[80, 'HTTP'], [443, 'HTTPS']], 'test'), declaring('se2', ['example.com'], [[443, 'TLS']], 'test')],
      expected: [
        { index: 0, path: 'spec.ports[1].protocol', message: 'port 443 is declared here with HTTPS' },
        { index: 1, path: 'spec.ports[0].protocol', message: 'with TLS and with another protocol by ServiceEntry/test/se1 (HTTPS)' },
      ],
    },
    // Kiali TestMultipleHostsConflictOnOne
    {
      name: 'one of several hosts conflicts',
      manifests: [declaring('se1', ['other.com', 'example.com'], [[443, 'HTTPS']], 'test'), declaring('se2', ['example.com'], [[443, 'HTTP']], 'test')],
      expected: [
        { index: 0, path: 'spec.ports[0].protocol', message: 'host "example.com" port 443' },
        { index: 1, path: 'spec.ports[0].protocol', message: 'host "example.com" port 443' },
      ],
    },
    // Kiali TestCrossNamespaceConflict: entries exported everywhere meet across namespaces
    {
      name: 'entries of two namespaces exported everywhere',
      manifests: [declaring('se1', ['example.com'], [[13835, 'HTTPS']], 'ns1'), declaring('se2', ['example.com'], [[13835, 'HTTP']], 'ns2')],
      expected: [
        { index: 0, path: 'spec.ports[0].protocol', message: 'ServiceEntry/ns2/se2 (HTTP)' },
        { index: 1, path: 'spec.ports[0].protocol', message: 'ServiceEntry/ns1/se1 (HTTPS)' },
      ],
    },
    {
      name: 'an entry exported everywhere meets one exported to its namespace',
      manifests: [declaring('local', ['example.com'], [[8080, 'HTTP']], 'ns1', ['.']), declaring('global', ['example.com'], [[8080, 'TCP']], 'ns2', ['*'])],
      expected: [
        { index: 0, path: 'spec.ports[0].protocol', message: 'ServiceEntry/ns2/global (TCP)' },
        { index: 1, path: 'spec.ports[0].protocol', message: 'ServiceEntry/ns1/local (HTTP)' },
      ],
    },
    {
      name: 'hosts that differ in case only (DNS names)',
      manifests: [declaring('se1', ['Example.com'], [[80, 'HTTP']]), declaring('se2', ['example.COM'], [[80, 'TCP']])],
      expected: [
        { index: 0, path: 'spec.ports[0].protocol', message: 'host "example.com" port 80' },
        { index: 1, path: 'spec.ports[0].protocol', message: 'host "example.com" port 80' },
      ],
    },
    {
      name: 'one entry sets no protocol',
      manifests: [declaring('se1', ['example.com'], [[80, undefined]]), declaring('se2', ['example.com'], [[80, 'HTTP']])],
      expected: [
        { index: 0, path: 'spec.ports[0].protocol', message: 'declared here with no protocol' },
        { index: 1, path: 'spec.ports[0].protocol', message: 'ServiceEntry/default/se1 (no protocol)' },
      ],
    },
  ]);

  it('names a few of many conflicting entries only', () => {
    const many = Array.from({ length: 8 }, (_, i) => declaring(`se${i}`, ['example.com'], [[80, i === 0 ? 'TCP' : 'HTTP']]));
    const found = findings('XR035', many);
    expect(found).toHaveLength(8);
    expect(found[1].message).toContain('ServiceEntry/default/se0 (TCP)');
    expect(found[0].message).toContain('ServiceEntry/default/se1 (HTTP), ServiceEntry/default/se2 (HTTP), ServiceEntry/default/se3 (HTTP) and others');
  });
});
