import { describeManifests } from '../../src/describe/describe';
import { ServiceSummary, summarizeService } from '../../src/describe/service-summary';

/** A full valid Service; `spec` replaces the default spec, `extra` adds top-level fields (status). */
function service(spec: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec, ...extra };
}

const columns = (s: ServiceSummary) => [s.type, s.clusterIP, s.externalIP, s.ports, s.selector];

describe('summarizeService', () => {
  it.each<[string, unknown, Record<string, unknown>, string[]]>([
    // name, spec, extra, [TYPE, CLUSTER-IP, EXTERNAL-IP, PORT(S), SELECTOR]
    ['defaults type and protocol', { selector: { app: 'web' }, ports: [{ port: 80 }] }, {}, ['ClusterIP', '<assigned>', '<none>', '80/TCP', 'app=web']],
    ['shows a fixed cluster IP', { clusterIP: '10.96.0.53', ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] }, {}, ['ClusterIP', '10.96.0.53', '<none>', '53/UDP,53/TCP', '<none>']],
    ['takes clusterIPs[0] when clusterIP is unset', { clusterIPs: ['10.0.0.9', 'fd00::9'], ports: [{ port: 80 }] }, {}, ['ClusterIP', '10.0.0.9', '<none>', '80/TCP', '<none>']],
    ['shows None for a headless Service', { clusterIP: 'None', selector: { app: 'cache' }, ports: [{ port: 6379 }] }, {}, ['ClusterIP', 'None', '<none>', '6379/TCP', 'app=cache']],
    ['shows the node port of a NodePort Service', { type: 'NodePort', selector: { app: 'foo' }, ports: [{ port: 80, targetPort: 80, nodePort: 30007 }] }, {}, ['NodePort', '<assigned>', '<none>', '80:30007/TCP', 'app=foo']],
    ['shows <assigned> for a node port the API server allocates', { type: 'NodePort', ports: [{ port: 80 }] }, {}, ['NodePort', '<assigned>', '<none>', '80:<assigned>/TCP', '<none>']],
    ['lists external IPs of a ClusterIP Service', { externalIPs: ['198.51.100.7', '198.51.100.8'], ports: [{ port: 80 }] }, {}, ['ClusterIP', '<assigned>', '198.51.100.7,198.51.100.8', '80/TCP', '<none>']],
    ['shows <pending> for a LoadBalancer without an address', { type: 'LoadBalancer', ports: [{ port: 443 }] }, {}, ['LoadBalancer', '<assigned>', '<pending>', '443:<assigned>/TCP', '<none>']],
    ['leaves node ports out when a LoadBalancer allocates none', { type: 'LoadBalancer', allocateLoadBalancerNodePorts: false, ports: [{ port: 443 }] }, {}, ['LoadBalancer', '<assigned>', '<pending>', '443/TCP', '<none>']],
    ['shows load balancer addresses, then external IPs', { type: 'LoadBalancer', externalIPs: ['198.51.100.7'], ports: [{ port: 443, nodePort: 31443 }] },
      { status: { loadBalancer: { ingress: [{ ip: '203.0.113.10' }, { hostname: 'lb.example.com' }] } } }, ['LoadBalancer', '<assigned>', '203.0.113.10,lb.example.com,198.51.100.7', '443:31443/TCP', '<none>']],
    ['shows the external name of an ExternalName Service', { type: 'ExternalName', externalName: 'db.example.com', ports: [{ port: 5432 }] }, {}, ['ExternalName', '<none>', 'db.example.com', '5432/TCP', '<none>']],
    ['shows <none> for a Service without ports', { selector: { app: 'web' } }, {}, ['ClusterIP', '<assigned>', '<none>', '<none>', 'app=web']],
    ['sorts the selector by key', { selector: { tier: 'frontend', app: 'web' }, ports: [{ port: 80 }] }, {}, ['ClusterIP', '<assigned>', '<none>', '80/TCP', 'app=web,tier=frontend']],
    ['shows an unknown type as written', { type: 'Gateway', ports: [{ port: 80 }] }, {}, ['Gateway', '<assigned>', '<unknown>', '80/TCP', '<none>']],
  ])('%s', (_name, spec, extra, expected) => {
    expect(columns(summarizeService(service(spec, extra)))).toEqual(expected);
  });

  it('fills in what kubectl describe shows after defaulting', () => {
    const summary = summarizeService(service({ type: 'NodePort', ports: [{ name: 'http', port: 80, appProtocol: 'http' }, { port: 81, targetPort: 'metrics' }] }));
    expect(summary.portList).toEqual([
      { name: 'http', port: 80, protocol: 'TCP', targetPort: 80, nodePort: '<assigned>', appProtocol: 'http' },
      { port: 81, protocol: 'TCP', targetPort: 'metrics', nodePort: '<assigned>' },
    ]);
    expect(summary).toMatchObject({ sessionAffinity: 'None', externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster' });
  });

  it('puts a Service without a namespace in default', () => {
    const summary = summarizeService({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'foo' }, spec: { ports: [{ port: 80 }] } });
    expect([summary.namespace, summary.name]).toEqual(['default', 'foo']);
  });

  it.each<[string, unknown]>([
    ['spec is a string', 'oops'],
    ['spec is a list', [1, 2]],
    ['ports is a map', { ports: { port: 80 } }],
    ['a port is null', { ports: [null, { port: 'http', protocol: 7, nodePort: '30007' }] }],
    ['selector is a list', { selector: ['app=web'] }],
    ['selector values are not strings', { selector: { app: null, version: 2 } }],
    ['type is a number', { type: 3, clusterIP: 5, externalIPs: 'x' }],
  ])('never throws when %s', (_name, spec) => {
    expect(() => summarizeService(service(spec))).not.toThrow();
    expect(() => summarizeService(null)).not.toThrow();
  });

  it('orders Services by namespace, then name', () => {
    const names = describeManifests([
      service({}, { metadata: { name: 'b', namespace: 'z' } }),
      service({}, { metadata: { name: 'b', namespace: 'a' } }),
      service({}, { metadata: { name: 'a', namespace: 'z' } }),
    ]).services.map(s => `${s.namespace}/${s.name}`);
    expect(names).toEqual(['a/b', 'z/a', 'z/b']);
  });
});
