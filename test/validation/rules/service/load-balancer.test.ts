import { JsonObject } from '../../../../src/validation/manifest';
import { ruleTable } from './helpers';

const ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';
const annotationPath = `metadata.annotations["${ANNOTATION}"]`;
const lb = (fields: JsonObject = {}): JsonObject => ({ type: 'LoadBalancer', ...fields });

describe('SVC027 load-balancer-source-ranges', () => {
  ruleTable('SVC027', [
    // TestValidateServiceCreate "valid LoadBalancer source range"
    { name: 'CIDRs on a LoadBalancer service', spec: lb({ loadBalancerSourceRanges: ['1.2.3.4/8', '5.6.7.8/16'] }) },
    // "valid LoadBalancer source range with whitespace"
    { name: 'a space-padded CIDR', spec: lb({ loadBalancerSourceRanges: ['  10.0.0.0/8  '] }) },
    { name: 'an IPv6 CIDR', spec: lb({ loadBalancerSourceRanges: ['2001:db8::/32'] }) },
    { name: 'an empty list on a ClusterIP service', spec: { loadBalancerSourceRanges: [] } },
  ], [
    {
      // TestValidateServiceCreate "invalid source range for non LoadBalancer type service"
      name: 'a ClusterIP service sets source ranges',
      spec: { loadBalancerSourceRanges: ['1.2.3.4/8', '5.6.7.8/16'] },
      expected: [{ path: 'spec.loadBalancerSourceRanges', message: "loadBalancerSourceRanges may only be used when type is 'LoadBalancer' (this service is ClusterIP)" }],
    },
    {
      name: 'a NodePort service sets source ranges',
      spec: { type: 'NodePort', loadBalancerSourceRanges: ['10.0.0.0/8'] },
      expected: [{ path: 'spec.loadBalancerSourceRanges', message: '(this service is NodePort)' }],
    },
    {
      // TestValidateServiceCreate "empty LoadBalancer source range"
      name: 'an entry is blank',
      spec: lb({ loadBalancerSourceRanges: ['   '] }),
      expected: [{ path: 'spec.loadBalancerSourceRanges[0]', message: 'loadBalancerSourceRanges[0] "   " is empty: each entry must be a CIDR such as 10.0.0.0/8' }],
    },
    {
      // TestValidateServiceCreate "invalid LoadBalancer source range"
      name: 'an entry is a host name',
      spec: lb({ loadBalancerSourceRanges: ['foo.bar'] }),
      expected: [{ path: 'spec.loadBalancerSourceRanges[0]', message: 'loadBalancerSourceRanges[0] "foo.bar" is not a valid CIDR: use address/prefix, such as 10.0.0.0/8 or 2001:db8::/32' }],
    },
    { name: 'an entry has no prefix', spec: lb({ loadBalancerSourceRanges: ['10.0.0.1'] }), expected: [{ path: 'spec.loadBalancerSourceRanges[0]', message: 'is not a valid CIDR' }] },
    { name: 'a prefix is too long', spec: lb({ loadBalancerSourceRanges: ['10.0.0.0/8', '1.2.3.4/33'] }), expected: [{ path: 'spec.loadBalancerSourceRanges[1]', message: '"1.2.3.4/33" is not a valid CIDR' }] },
    { name: 'an entry is a number', spec: lb({ loadBalancerSourceRanges: [10] }), expected: [{ path: 'spec.loadBalancerSourceRanges[0]', message: 'must be a string CIDR, got a number 10' }] },
    { name: 'the field is a string', spec: lb({ loadBalancerSourceRanges: '10.0.0.0/8' }), expected: [{ path: 'spec.loadBalancerSourceRanges', message: 'loadBalancerSourceRanges must be a list of CIDRs, got a string' }] },
  ]);
});

describe('SVC028 source-ranges-annotation', () => {
  ruleTable('SVC028', [
    // TestValidateServiceCreate "valid LoadBalancer source range annotation"
    { name: 'comma-separated CIDRs on a LoadBalancer service', spec: lb(), annotations: { [ANNOTATION]: '1.2.3.4/8,  5.6.7.8/16' } },
    // "empty LoadBalancer source range annotation"
    { name: 'an empty annotation on a LoadBalancer service', spec: lb(), annotations: { [ANNOTATION]: '' } },
    { name: 'an annotation the field overrides', spec: lb({ loadBalancerSourceRanges: ['10.0.0.0/8'] }), annotations: { [ANNOTATION]: 'garbage' } },
  ], [
    {
      // TestValidateServiceCreate "invalid LoadBalancer source range annotation (hostname)": 2 errors
      name: 'a ClusterIP service has a host name in the annotation',
      spec: {},
      annotations: { [ANNOTATION]: 'foo.bar' },
      expected: [
        { path: annotationPath, message: `annotation ${ANNOTATION} may only be used when type is 'LoadBalancer' (this service is ClusterIP)` },
        { path: annotationPath, message: `source range "foo.bar" in annotation ${ANNOTATION} is not a valid CIDR` },
      ],
    },
    {
      // "invalid LoadBalancer source range annotation (invalid CIDR)"
      name: 'the annotation holds a bad prefix',
      spec: lb(),
      annotations: { [ANNOTATION]: '1.2.3.4/33' },
      expected: [{ path: annotationPath, message: 'source range "1.2.3.4/33" in annotation' }],
    },
    {
      name: 'a ClusterIP service has an empty annotation',
      spec: {},
      annotations: { [ANNOTATION]: '' },
      expected: [{ path: annotationPath, message: "may only be used when type is 'LoadBalancer'" }],
    },
    {
      name: 'the annotation ends with a comma',
      spec: lb(),
      annotations: { [ANNOTATION]: '10.0.0.0/8, ' },
      expected: [{ path: annotationPath, message: 'source range "" in annotation service.beta.kubernetes.io/load-balancer-source-ranges is empty: each entry must be a CIDR such as 10.0.0.0/8 (entries are separated by commas)' }],
    },
  ]);
});

describe('SVC029 allocate-load-balancer-node-ports', () => {
  ruleTable('SVC029', [
    { name: 'true on a LoadBalancer service', spec: lb({ allocateLoadBalancerNodePorts: true }) },
    // TestValidateServiceCreate "valid type - loadbalancer with allocateLoadBalancerNodePorts=false"
    { name: 'false on a LoadBalancer service', spec: lb({ allocateLoadBalancerNodePorts: false }) },
    // the "missing AllocateLoadBalancerNodePorts" error upstream is post-defaulting
    { name: 'absent on a LoadBalancer service (defaulted to true)', spec: lb() },
  ], [
    {
      name: 'a ClusterIP service sets it',
      spec: { allocateLoadBalancerNodePorts: true },
      expected: [{ path: 'spec.allocateLoadBalancerNodePorts', message: "allocateLoadBalancerNodePorts may only be used when type is 'LoadBalancer' (this service is ClusterIP)" }],
    },
    { name: 'a NodePort service sets it to false', spec: { type: 'NodePort', allocateLoadBalancerNodePorts: false }, expected: [{ path: 'spec.allocateLoadBalancerNodePorts', message: '(this service is NodePort)' }] },
    {
      name: 'the value is a quoted boolean',
      spec: lb({ allocateLoadBalancerNodePorts: 'false' }),
      expected: [{ path: 'spec.allocateLoadBalancerNodePorts', message: 'allocateLoadBalancerNodePorts must be true or false, got a string "false": write false without quotes' }],
    },
  ]);
});

describe('SVC030 load-balancer-class', () => {
  ruleTable('SVC030', [
    { name: 'a prefixed class on a LoadBalancer service', spec: lb({ loadBalancerClass: 'example.com/internal-vip' }) },
    { name: 'an unprefixed class', spec: lb({ loadBalancerClass: 'internal' }) },
  ], [
    {
      name: 'a ClusterIP service sets a class',
      spec: { loadBalancerClass: 'example.com/internal-vip' },
      expected: [{ path: 'spec.loadBalancerClass', message: "loadBalancerClass may only be used when type is 'LoadBalancer' (this service is ClusterIP)" }],
    },
    {
      name: 'the class is not a qualified name',
      spec: lb({ loadBalancerClass: 'Bad Class' }),
      expected: [{ path: 'spec.loadBalancerClass', message: 'loadBalancerClass "Bad Class" is not a valid qualified name (such as "example.com/internal-vip")' }],
    },
    { name: 'the class is empty', spec: lb({ loadBalancerClass: '' }), expected: [{ path: 'spec.loadBalancerClass', message: 'name part must be non-empty' }] },
    { name: 'the class is a number', spec: lb({ loadBalancerClass: 1 }), expected: [{ path: 'spec.loadBalancerClass', message: 'loadBalancerClass must be a string, got a number 1' }] },
  ]);
});
