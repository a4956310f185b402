import { Severity } from '../../../../src/validation/diagnostic';
import { JsonObject } from '../../../../src/validation/manifest';
import { WARNING_RULES } from '../../../../src/validation/rules/service/warnings';
import { findings, ruleTable, service } from './helpers';

const ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';
const HINTS = 'service.kubernetes.io/topology-aware-hints';
const headless = (fields: JsonObject = {}): JsonObject => ({ clusterIP: 'None', ...fields });
const externalName = (fields: JsonObject = {}): JsonObject => ({
  type: 'ExternalName', externalName: 'example.com', selector: undefined, ports: undefined, ...fields,
});
const lb = (fields: JsonObject = {}): JsonObject => ({ type: 'LoadBalancer', ...fields });

it('reports every rule of warnings.ts as a warning', () => {
  expect(WARNING_RULES.map(r => r.severity)).toEqual(WARNING_RULES.map(() => Severity.WARNING));
  const manifest = service({ externalIPs: ['1.2.3.4'] });
  expect(findings('SVC040', manifest).map(d => d.severity)).toEqual([Severity.WARNING]);
});

describe('SVC040 external-ips-deprecated', () => {
  ruleTable('SVC040', [
    { name: 'a service without externalIPs', spec: {} },
    { name: 'an empty list', spec: { externalIPs: [] } },
    { name: 'a headless service (SVC041 says they are ignored)', spec: headless({ externalIPs: ['1.2.3.4'] }) },
    { name: 'an ExternalName service (SVC045 says they are ignored)', spec: externalName({ externalIPs: ['1.2.3.4'] }) },
  ], [
    {
      name: 'a ClusterIP service sets externalIPs',
      spec: { externalIPs: ['1.2.3.4'] },
      expected: [{ path: 'spec.externalIPs', message: 'externalIPs is deprecated and may no longer be implemented in some clusters' }],
    },
    { name: 'a NodePort service sets externalIPs', spec: { type: 'NodePort', externalIPs: ['1.2.3.4'] }, expected: [{ path: 'spec.externalIPs', message: 'is deprecated' }] },
  ]);
});

describe('SVC041 headless-ignored', () => {
  const why = 'is ignored for headless services (clusterIP: None)';
  ruleTable('SVC041', [
    { name: 'a plain headless service', spec: headless() },
    { name: 'a headless service with affinity None', spec: headless({ sessionAffinity: 'None' }) },
    { name: 'ClientIP on a service with a cluster IP', spec: { sessionAffinity: 'ClientIP' } },
  ], [
    { name: 'a headless service sets loadBalancerIP', spec: headless({ loadBalancerIP: '1.2.3.4' }), expected: [{ path: 'spec.loadBalancerIP', message: `loadBalancerIP ${why}` }] },
    { name: 'a headless service sets externalIPs', spec: headless({ externalIPs: ['1.2.3.4'] }), expected: [{ path: 'spec.externalIPs', message: `externalIPs ${why}` }] },
    { name: 'a headless service sets affinity ClientIP', spec: headless({ sessionAffinity: 'ClientIP' }), expected: [{ path: 'spec.sessionAffinity', message: `sessionAffinity ClientIP ${why}` }] },
  ]);
});

describe('SVC042 external-name-ignored', () => {
  ruleTable('SVC042', [
    { name: 'an ExternalName service', spec: externalName() },
    { name: 'an empty externalName on a ClusterIP service', spec: { externalName: '' } },
  ], [
    {
      name: 'a ClusterIP service sets externalName',
      spec: { externalName: 'example.com' },
      expected: [{ path: 'spec.externalName', message: 'externalName "example.com" is ignored when type is not \'ExternalName\' (this service is ClusterIP): set type: ExternalName or remove externalName' }],
    },
  ]);
});

describe('SVC043 non-canonical-ip', () => {
  ruleTable('SVC043', [
    { name: 'canonical addresses everywhere', spec: lb({ clusterIP: '10.0.0.10', clusterIPs: ['10.0.0.10', '2001:db8::10'], ipFamilyPolicy: 'PreferDualStack', externalIPs: ['1.2.3.4'], loadBalancerIP: '5.6.7.8', loadBalancerSourceRanges: ['10.0.0.0/8', '2001:db8::/32'] }) },
    { name: 'clusterIP None', spec: headless() },
    { name: 'an invalid address (an error elsewhere)', spec: { clusterIP: 'garbage' } },
    { name: 'a space-padded source range', spec: lb({ loadBalancerSourceRanges: [' 10.0.0.0/8 '] }) },
  ], [
    {
      name: 'clusterIP has leading zeros',
      spec: { clusterIP: '010.000.000.010' },
      expected: [{ path: 'spec.clusterIP', message: 'clusterIP "010.000.000.010" has leading zeros, which some tools read as octal and Kubernetes will refuse in a future release: write "10.0.0.10"' }],
    },
    {
      name: 'clusterIP and clusterIPs[0] repeat a non-canonical address',
      spec: { clusterIP: '2001:DB8::10', clusterIPs: ['2001:DB8::10'] },
      expected: [{ path: 'spec.clusterIP', message: 'clusterIP "2001:DB8::10" is not in RFC 5952 canonical form: write "2001:db8::10"' }],
    },
    {
      name: 'the second cluster IP is uncompressed',
      spec: { clusterIP: '10.0.0.10', clusterIPs: ['10.0.0.10', '2001:db8:0:0:0:0:0:10'], ipFamilyPolicy: 'PreferDualStack' },
      expected: [{ path: 'spec.clusterIPs[1]', message: 'write "2001:db8::10"' }],
    },
    {
      name: 'an external IP is IPv4-mapped IPv6',
      spec: { externalIPs: ['1.2.3.4', '::ffff:1.2.3.5'] },
      expected: [{ path: 'spec.externalIPs[1]', message: 'externalIPs[1] "::ffff:1.2.3.5" is an IPv4-mapped IPv6 address, which Kubernetes treats as IPv4: write "1.2.3.5"' }],
    },
    { name: 'loadBalancerIP has leading zeros', spec: lb({ loadBalancerIP: '1.2.3.04' }), expected: [{ path: 'spec.loadBalancerIP', message: 'write "1.2.3.4"' }] },
    {
      name: 'a source range has leading zeros',
      spec: lb({ loadBalancerSourceRanges: ['010.0.0.0/8'] }),
      expected: [{ path: 'spec.loadBalancerSourceRanges[0]', message: 'loadBalancerSourceRanges[0] "010.0.0.0/8" has leading zeros' }],
    },
    {
      name: 'a source range prefix has a leading zero',
      spec: lb({ loadBalancerSourceRanges: ['10.0.0.0/08'] }),
      expected: [{ path: 'spec.loadBalancerSourceRanges[0]', message: 'has a prefix length that is not written canonically: write "10.0.0.0/8"' }],
    },
  ]);
});

describe('SVC044 cidr-host-bits', () => {
  ruleTable('SVC044', [
    { name: 'network addresses', spec: lb({ loadBalancerSourceRanges: ['10.0.0.0/8', '2001:db8::/32', '1.2.3.4/32'] }) },
    { name: 'a clean annotation', spec: lb(), annotations: { [ANNOTATION]: '10.0.0.0/8, 192.168.0.0/16' } },
  ], [
    {
      name: 'an IPv4 range has host bits set',
      spec: lb({ loadBalancerSourceRanges: ['10.0.0.1/8'] }),
      expected: [{ path: 'spec.loadBalancerSourceRanges[0]', message: 'loadBalancerSourceRanges[0] "10.0.0.1/8" has address bits set beyond the prefix length /8: it means the whole network "10.0.0.0/8", write that' }],
    },
    {
      name: 'an IPv6 range has host bits set',
      spec: lb({ loadBalancerSourceRanges: ['10.0.0.0/8', '2001:db8::1/32'] }),
      expected: [{ path: 'spec.loadBalancerSourceRanges[1]', message: 'the whole network "2001:db8::/32"' }],
    },
    {
      // the upstream annotation rows use 1.2.3.4/8, which this warns about
      name: 'an annotation entry has host bits set',
      spec: lb(),
      annotations: { [ANNOTATION]: '1.2.3.4/8,  5.6.0.0/16' },
      expected: [{ path: `metadata.annotations["${ANNOTATION}"]`, message: `source range in annotation ${ANNOTATION} "1.2.3.4/8" has address bits set beyond the prefix length /8: it means the whole network "1.0.0.0/8"` }],
    },
  ]);
});

describe('SVC045 external-name-ignored-fields', () => {
  ruleTable('SVC045', [
    { name: 'an ExternalName service with only externalName', spec: externalName() },
    { name: 'an empty selector', spec: externalName({ selector: {} }) },
    { name: 'a selector on a ClusterIP service', spec: {} },
  ], [
    {
      name: 'an ExternalName service has a selector',
      spec: externalName({ selector: { app: 'foo' } }),
      expected: [{ path: 'spec.selector', message: "selector is ignored when type is 'ExternalName': DNS answers with a CNAME to externalName and no pods are selected" }],
    },
    { name: 'an ExternalName service has externalIPs', spec: externalName({ externalIPs: ['1.2.3.4'] }), expected: [{ path: 'spec.externalIPs', message: "externalIPs is ignored when type is 'ExternalName'" }] },
  ]);
});

describe('SVC046 load-balancer-ip-deprecated', () => {
  ruleTable('SVC046', [
    { name: 'a LoadBalancer service without loadBalancerIP', spec: lb() },
    { name: 'an empty loadBalancerIP', spec: lb({ loadBalancerIP: '' }) },
    { name: 'a headless service (SVC041 says it is ignored)', spec: headless({ loadBalancerIP: '1.2.3.4' }) },
  ], [
    {
      name: 'a LoadBalancer service sets loadBalancerIP',
      spec: lb({ loadBalancerIP: '1.2.3.4' }),
      expected: [{ path: 'spec.loadBalancerIP', message: "loadBalancerIP is deprecated since Kubernetes 1.24 and not every cloud implements it: use your cloud provider's annotation for a fixed address" }],
    },
    {
      name: 'a NodePort service sets loadBalancerIP',
      spec: { type: 'NodePort', loadBalancerIP: '1.2.3.4' },
      expected: [{ path: 'spec.loadBalancerIP', message: 'loadBalancerIP "1.2.3.4" is ignored because type is not \'LoadBalancer\' (this service is NodePort); the field is also deprecated since Kubernetes 1.24' }],
    },
  ]);
});

describe('SVC047 prefer-close-deprecated', () => {
  ruleTable('SVC047', [
    { name: 'PreferSameZone', spec: { trafficDistribution: 'PreferSameZone' } },
    { name: 'no trafficDistribution', spec: {} },
  ], [
    {
      name: 'trafficDistribution is PreferClose',
      spec: { trafficDistribution: 'PreferClose' },
      expected: [{ path: 'spec.trafficDistribution', message: 'trafficDistribution "PreferClose" is deprecated in favour of "PreferSameZone", which means the same' }],
    },
  ]);
});

describe('SVC048 topology-aware-hints-deprecated', () => {
  ruleTable('SVC048', [
    { name: 'topology-mode', spec: {}, annotations: { 'service.kubernetes.io/topology-mode': 'Auto' } },
  ], [
    {
      name: 'the deprecated annotation is set',
      spec: {},
      annotations: { [HINTS]: 'Auto' },
      expected: [{ path: `metadata.annotations["${HINTS}"]`, message: `annotation ${HINTS} is deprecated: use service.kubernetes.io/topology-mode instead` }],
    },
  ]);
});
