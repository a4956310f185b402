import { Severity } from '../../../../src/validation/diagnostic';
import { validateManifests } from '../../../../src/validation/engine';
import { SERVICE } from '../../../../src/validation/kinds';
import { JsonObject } from '../../../../src/validation/manifest';
import { SERVICE_RULES } from '../../../../src/validation/rules/service';
import { service } from './helpers';

/** Every SVC diagnostic (the metadata rules belong to someone else) of a set of manifests. */
function svcDiagnostics(manifests: unknown[]) {
  return validateManifests(manifests).filter(d => d.code.startsWith('SVC'));
}

describe('SERVICE_RULES', () => {
  it('has unique codes and names, all for v1/Service', () => {
    const codes = SERVICE_RULES.map(r => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(SERVICE_RULES.map(r => r.name)).size).toBe(codes.length);
    for (const rule of SERVICE_RULES) {
      expect(rule.appliesTo).toEqual([SERVICE]);
      expect(rule.code).toMatch(/^SVC0[0-4][0-9]$/);
      expect(rule.name).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(rule.description).toMatch(/\(.+\)$/);
    }
  });

  it('covers SVC001-SVC035 as errors and SVC040-SVC048 as warnings', () => {
    const expected = [
      ...Array.from({ length: 35 }, (_, i) => [`SVC${String(i + 1).padStart(3, '0')}`, Severity.ERROR]),
      ...Array.from({ length: 9 }, (_, i) => [`SVC${String(i + 40).padStart(3, '0')}`, Severity.WARNING]),
    ];
    const actual = SERVICE_RULES.map(r => [r.code, r.severity]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(actual).toEqual(expected);
  });
});

describe('valid Services of every type', () => {
  const valid: Array<[string, JsonObject]> = [
    ['the seed\'s foo-service', {
      apiVersion: 'v1', kind: 'Service', metadata: { name: 'foo-service' },
      spec: { type: 'NodePort', selector: { app: 'foo' }, ports: [{ port: 80, targetPort: 80, nodePort: 30007 }] },
    }],
    ['kubectl expose deployment nginx --port=80 --type=NodePort', {
      apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx', labels: { app: 'nginx' } },
      spec: { type: 'NodePort', selector: { app: 'nginx' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] },
    }],
    ['a minimal ClusterIP service', service()],
    ['a ClusterIP service with every field written out', service({
      type: 'ClusterIP', clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack',
      sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
      internalTrafficPolicy: 'Local', trafficDistribution: 'PreferSameZone', publishNotReadyAddresses: false,
      ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP', appProtocol: 'kubernetes.io/h2c' }],
    })],
    ['a dual-stack ClusterIP service', service({
      clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10', 'fd00::10'], ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'RequireDualStack',
    })],
    ['a multi-port DNS service', service({
      ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }, { name: 'metrics', port: 9153 }],
    })],
    ['a headless service without ports', service({ clusterIP: 'None', ports: undefined })],
    ['a selector-less headless service for a StatefulSet', service({
      clusterIP: 'None', selector: undefined, publishNotReadyAddresses: true, ports: [{ name: 'peer', port: 2380 }],
    })],
    ['a NodePort service without fixed node ports', service({ type: 'NodePort', externalTrafficPolicy: 'Local' })],
    ['a NodePort DNS service sharing one node port across protocols', service({
      type: 'NodePort', ports: [{ name: 'dns', port: 53, protocol: 'UDP', nodePort: 30053 }, { name: 'dns-tcp', port: 53, protocol: 'TCP', nodePort: 30053 }],
    })],
    ['a LoadBalancer service with its options', service({
      type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 30100, allocateLoadBalancerNodePorts: false,
      loadBalancerClass: 'example.com/internal-vip', loadBalancerSourceRanges: ['10.0.0.0/8', '2001:db8::/32'],
      ports: [{ name: 'https', port: 443, targetPort: 8443, nodePort: 30443 }],
    }, { 'service.kubernetes.io/topology-mode': 'Auto' })],
    ['a LoadBalancer service with the legacy source-range annotation', service({ type: 'LoadBalancer' }, {
      'service.beta.kubernetes.io/load-balancer-source-ranges': '10.0.0.0/8, 192.168.0.0/16',
    })],
    ['an ExternalName service with only externalName', {
      apiVersion: 'v1', kind: 'Service', metadata: { name: 'db' },
      spec: { type: 'ExternalName', externalName: 'my.database.example.com' },
    }],
    ['an ExternalName service with a trailing dot and ports', {
      apiVersion: 'v1', kind: 'Service', metadata: { name: 'db', namespace: 'prod' },
      spec: { type: 'ExternalName', externalName: 'my.database.example.com.', ports: [{ port: 5432 }] },
    }],
  ];

  it.each(valid)('accepts %s', (_name, manifest) => {
    expect(svcDiagnostics([manifest])).toEqual([]);
  });

  it('accepts them all together (no node port conflicts)', () => {
    expect(svcDiagnostics(valid.map(([, manifest]) => manifest))).toEqual([]);
  });
});

describe('robustness', () => {
  const strange: unknown[] = [
    null, 42, 'text', [],
    { apiVersion: 'v1', kind: 'Service' },
    { apiVersion: 'v1', kind: 'Service', metadata: null, spec: null },
    { apiVersion: 'v1', kind: 'Service', metadata: [], spec: [] },
    { apiVersion: 'v1', kind: 'Service', metadata: 'x', spec: 'x' },
    { apiVersion: 'v1', kind: 'Service', metadata: { annotations: [] }, spec: { ports: [null, 1, 'x', [], { port: {}, name: [], protocol: {}, targetPort: [], nodePort: {}, appProtocol: null }] } },
    { apiVersion: 'v1', kind: 'Service', metadata: { annotations: { 'service.beta.kubernetes.io/load-balancer-source-ranges': 5, 'service.kubernetes.io/topology-aware-hints': {} } },
      spec: {
        type: [], selector: 'app', clusterIP: {}, clusterIPs: {}, ipFamilies: 'IPv4', ipFamilyPolicy: [], externalIPs: {}, externalName: [],
        sessionAffinity: {}, sessionAffinityConfig: [], loadBalancerSourceRanges: {}, loadBalancerIP: 7, loadBalancerClass: {},
        allocateLoadBalancerNodePorts: 'yes', externalTrafficPolicy: 1, healthCheckNodePort: 'x', internalTrafficPolicy: {}, trafficDistribution: [],
      } },
    { apiVersion: 'v1', kind: 'Service', spec: { type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: {}, clusterIPs: [null, {}, 3], ipFamilies: [null, 1], externalIPs: [null, {}], loadBalancerSourceRanges: [null, {}] } },
    { apiVersion: 'v1', kind: 'Service', spec: { type: 'ExternalName', externalName: null, clusterIPs: 'x', ipFamilies: {}, selector: [] } },
  ];

  it('never fails with an internal error, whatever the manifest holds', () => {
    const diagnostics = validateManifests(strange);
    expect(diagnostics.filter(d => d.code === 'TRF000')).toEqual([]);
    expect(diagnostics.filter(d => d.code.startsWith('SVC')).length).toBeGreaterThan(20);
  });
});
