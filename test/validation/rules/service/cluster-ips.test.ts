import { ruleTable } from './helpers';

const dual = { clusterIP: '10.0.0.10', clusterIPs: ['10.0.0.10', '2001:db8::10'], ipFamilyPolicy: 'PreferDualStack' };
const externalName = { type: 'ExternalName', externalName: 'example.com', selector: undefined, ports: undefined };

describe('SVC018 cluster-ip-consistency', () => {
  ruleTable('SVC018', [
    { name: 'only clusterIP', spec: { clusterIP: '10.0.0.10' } },
    { name: 'neither clusterIP nor clusterIPs', spec: {} },
    { name: 'clusterIP and matching clusterIPs', spec: { clusterIP: '10.0.0.10', clusterIPs: ['10.0.0.10'] } },
    { name: 'a dual-stack pair', spec: dual },
    { name: 'a headless service with both fields', spec: { clusterIP: 'None', clusterIPs: ['None'] } },
    { name: 'an empty clusterIPs list', spec: { clusterIPs: [] } },
    { name: 'an ExternalName service (SVC023 reports its cluster IPs)', spec: { ...externalName, clusterIPs: ['10.0.0.10'] } },
  ], [
    {
      name: 'clusterIPs is set without clusterIP',
      spec: { clusterIPs: ['10.0.0.10'] },
      expected: [{ path: 'spec.clusterIPs', message: 'clusterIPs ["10.0.0.10"] may only be set together with clusterIP: set clusterIP to "10.0.0.10" as well, or remove clusterIPs' }],
    },
    {
      name: 'clusterIPs is set with an empty clusterIP',
      spec: { clusterIP: '', clusterIPs: ['None'] },
      expected: [{ path: 'spec.clusterIPs', message: 'may only be set together with clusterIP' }],
    },
    {
      name: 'clusterIPs[0] differs from clusterIP',
      spec: { clusterIP: '10.0.0.10', clusterIPs: ['10.0.0.11'] },
      expected: [{ path: 'spec.clusterIPs[0]', message: 'clusterIPs[0] "10.0.0.11" must match clusterIP "10.0.0.10"' }],
    },
    {
      name: 'the dual-stack pair is listed in the other order',
      spec: { clusterIP: '10.0.0.10', clusterIPs: ['2001:db8::10', '10.0.0.10'], ipFamilyPolicy: 'RequireDualStack' },
      expected: [{ path: 'spec.clusterIPs[0]', message: 'must match clusterIP "10.0.0.10"' }],
    },
  ]);
});

describe('SVC019 cluster-ips', () => {
  ruleTable('SVC019', [
    { name: 'an IPv4 clusterIP', spec: { clusterIP: '10.0.0.10' } },
    { name: 'an IPv6 clusterIP', spec: { clusterIP: '2001:db8::10' } },
    // TestValidateServiceCreate "valid cluster ip - none " and "valid cluster ip - empty"
    { name: 'clusterIP None', spec: { clusterIP: 'None' } },
    { name: 'an empty clusterIP', spec: { clusterIP: '' } },
    { name: 'a dual-stack pair', spec: dual },
    { name: 'clusterIPs None alone', spec: { clusterIP: 'None', clusterIPs: ['None'] } },
    { name: 'an ExternalName service (SVC023 reports its cluster IPs)', spec: { ...externalName, clusterIP: 'garbage' } },
  ], [
    // TestValidateServiceCreate "invalid cluster ip"
    { name: 'clusterIP is not an IP', spec: { clusterIP: 'invalid' }, expected: [{ path: 'spec.clusterIP', message: 'clusterIP "invalid" must be empty, "None" or a valid IP address' }] },
    { name: 'clusterIP is a number', spec: { clusterIP: 10 }, expected: [{ path: 'spec.clusterIP', message: 'clusterIP must be a string, "None" or an IP address, got a number 10' }] },
    {
      // TestValidateServiceCreate "invalid, EMPTY STRING + IP"
      name: 'the second cluster IP is empty',
      spec: { clusterIP: '10.0.0.10', clusterIPs: ['10.0.0.10', ''], ipFamilyPolicy: 'RequireDualStack' },
      expected: [{ path: 'spec.clusterIPs[1]', message: 'clusterIPs[1] "" is not a valid IP address' }],
    },
    {
      // TestValidateServiceCreate "invalid, garbage ips": reported once at clusterIP, once at the second entry
      name: 'the cluster IPs are garbage',
      spec: { clusterIP: 'garbage', clusterIPs: ['garbage', 'garbage2'], ipFamilyPolicy: 'RequireDualStack' },
      expected: [
        { path: 'spec.clusterIP', message: 'clusterIP "garbage" must be empty, "None" or a valid IP address' },
        { path: 'spec.clusterIPs[1]', message: 'clusterIPs[1] "garbage2" is not a valid IP address' },
      ],
    },
    {
      name: 'None is followed by an IP',
      spec: { clusterIP: 'None', clusterIPs: ['None', '10.0.0.10'] },
      expected: [{ path: 'spec.clusterIPs[0]', message: 'clusterIPs[0] "None" is not allowed here: "None" (headless) must be the first and only value' }],
    },
    {
      name: 'None is the second value',
      spec: { clusterIP: '10.0.0.10', clusterIPs: ['10.0.0.10', 'None'] },
      expected: [{ path: 'spec.clusterIPs[1]', message: '"None" (headless) must be the first and only value' }],
    },
    {
      name: 'clusterIPs holds three values',
      spec: { clusterIP: '10.0.0.10', clusterIPs: ['10.0.0.10', '2001:db8::10', '10.0.0.11'], ipFamilyPolicy: 'RequireDualStack' },
      expected: [{ path: 'spec.clusterIPs', message: 'clusterIPs holds 3 values: at most 2 are allowed, one IPv4 and one IPv6 address' }],
    },
    {
      // TestValidateServiceCreate "invalid, same ip family (v4|v6)"
      name: 'both cluster IPs are IPv4',
      spec: { clusterIP: '10.0.0.10', clusterIPs: ['10.0.0.10', '10.0.0.11'], ipFamilyPolicy: 'RequireDualStack' },
      expected: [{ path: 'spec.clusterIPs', message: 'holds two IPv4 addresses: at most one IP per family is allowed, so a dual-stack service needs one IPv4 and one IPv6 address' }],
    },
    {
      name: 'both cluster IPs are IPv6',
      spec: { clusterIP: '2001:db8::1', clusterIPs: ['2001:db8::1', '2001:db8::4'], ipFamilyPolicy: 'RequireDualStack' },
      expected: [{ path: 'spec.clusterIPs', message: 'holds two IPv6 addresses' }],
    },
    {
      name: 'a cluster IP is a number',
      spec: { clusterIP: '10.0.0.10', clusterIPs: ['10.0.0.10', 6], ipFamilyPolicy: 'RequireDualStack' },
      expected: [{ path: 'spec.clusterIPs[1]', message: 'clusterIPs[1] must be a string IP address, got a number 6' }],
    },
    { name: 'clusterIPs is a string', spec: { clusterIP: '10.0.0.10', clusterIPs: '10.0.0.10' }, expected: [{ path: 'spec.clusterIPs', message: 'clusterIPs must be a list of IP addresses, got a string' }] },
  ]);
});

describe('SVC020 ip-families', () => {
  ruleTable('SVC020', [
    { name: 'IPv4', spec: { ipFamilies: ['IPv4'] } },
    { name: 'IPv6 with an IPv6 clusterIP', spec: { clusterIP: '2001:db8::10', ipFamilies: ['IPv6'] } },
    { name: 'both families matching a dual-stack pair', spec: { ...dual, ipFamilies: ['IPv4', 'IPv6'] } },
    { name: 'fewer families than cluster IPs', spec: { ...dual, ipFamilies: ['IPv4'] } },
    { name: 'a headless service with any family', spec: { clusterIP: 'None', ipFamilies: ['IPv6'] } },
    { name: 'an IPv4-mapped IPv6 clusterIP in family IPv4', spec: { clusterIP: '::ffff:10.0.0.10', ipFamilies: ['IPv4'] } },
  ], [
    { name: 'a family is unknown', spec: { ipFamilies: ['IPv5'] }, expected: [{ path: 'spec.ipFamilies[0]', message: 'ipFamilies[0] "IPv5" is not supported: must be IPv4 or IPv6' }] },
    { name: 'a family has the wrong case', spec: { ipFamilies: ['ipv4'] }, expected: [{ path: 'spec.ipFamilies[0]', message: 'did you mean "IPv4"?' }] },
    {
      name: 'a family is listed twice',
      spec: { ipFamilies: ['IPv4', 'IPv4'], ipFamilyPolicy: 'RequireDualStack' },
      expected: [{ path: 'spec.ipFamilies[1]', message: 'ipFamilies[1] "IPv4" is listed twice: each family may appear once' }],
    },
    {
      name: 'three families are listed',
      spec: { ipFamilies: ['IPv4', 'IPv6', 'IPv4'], ipFamilyPolicy: 'RequireDualStack' },
      expected: [
        { path: 'spec.ipFamilies[2]', message: 'is listed twice' },
        { path: 'spec.ipFamilies', message: 'ipFamilies holds 3 values: at most 2 are allowed' },
      ],
    },
    { name: 'ipFamilies is a string', spec: { ipFamilies: 'IPv4' }, expected: [{ path: 'spec.ipFamilies', message: 'ipFamilies must be a list such as [IPv4, IPv6], got a string' }] },
    {
      name: 'the clusterIP is not of the listed family',
      spec: { clusterIP: '10.0.0.10', ipFamilies: ['IPv6'] },
      expected: [{ path: 'spec.clusterIP', message: 'clusterIP "10.0.0.10" is an IPv4 address, but ipFamilies[0] is IPv6: each cluster IP must belong to the IP family at the same position' }],
    },
    {
      name: 'the families are in the other order than the cluster IPs',
      spec: { ...dual, ipFamilies: ['IPv6', 'IPv4'] },
      expected: [
        { path: 'spec.clusterIPs[0]', message: 'clusterIPs[0] "10.0.0.10" is an IPv4 address, but ipFamilies[0] is IPv6' },
        { path: 'spec.clusterIPs[1]', message: 'clusterIPs[1] "2001:db8::10" is an IPv6 address, but ipFamilies[1] is IPv4' },
      ],
    },
  ]);
});

describe('SVC021 ip-family-policy', () => {
  ruleTable('SVC021', [
    { name: 'no policy', spec: {} },
    { name: 'SingleStack', spec: { ipFamilyPolicy: 'SingleStack', clusterIP: '10.0.0.10' } },
    { name: 'PreferDualStack with two cluster IPs', spec: dual },
    { name: 'RequireDualStack with two families', spec: { ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv4', 'IPv6'] } },
    { name: 'PreferDualStack alone', spec: { ipFamilyPolicy: 'PreferDualStack' } },
    // allocator: a headless service without selector defaults to RequireDualStack
    { name: 'a selector-less headless service with two families and no policy', spec: { clusterIP: 'None', selector: undefined, ipFamilies: ['IPv4', 'IPv6'] } },
  ], [
    { name: 'the policy is unknown', spec: { ipFamilyPolicy: 'DualStack' }, expected: [{ path: 'spec.ipFamilyPolicy', message: 'ipFamilyPolicy "DualStack" is not supported: must be SingleStack, PreferDualStack or RequireDualStack' }] },
    { name: 'the policy is empty', spec: { ipFamilyPolicy: '' }, expected: [{ path: 'spec.ipFamilyPolicy', message: 'ipFamilyPolicy "" is not supported' }] },
    {
      // TestValidateServiceCreate "IPFamilyPolicy(singleStack) is set for two families": valid in
      // validation, refused by the allocator
      name: 'SingleStack lists two families',
      spec: { ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4', 'IPv6'] },
      expected: [{ path: 'spec.ipFamilyPolicy', message: 'ipFamilyPolicy SingleStack allows one IP family, but ipFamilies lists 2: set ipFamilyPolicy to PreferDualStack or RequireDualStack' }],
    },
    {
      name: 'SingleStack holds two cluster IPs',
      spec: { ...dual, ipFamilyPolicy: 'SingleStack' },
      expected: [{ path: 'spec.ipFamilyPolicy', message: 'ipFamilyPolicy SingleStack allows one cluster IP, but clusterIPs holds 2' }],
    },
    {
      // TestValidateServiceCreate "multi ip, dualstack not set": refused by the allocator
      name: 'two cluster IPs come without a policy',
      spec: { ...dual, ipFamilyPolicy: undefined, ipFamilies: ['IPv4', 'IPv6'] },
      expected: [
        { path: 'spec.ipFamilyPolicy', message: 'ipFamilyPolicy is not set, so the API server uses SingleStack, which allows one cluster IP, but clusterIPs holds 2' },
        { path: 'spec.ipFamilyPolicy', message: 'which allows one IP family, but ipFamilies lists 2' },
      ],
    },
    {
      name: 'a headless service with a selector lists two families without a policy',
      spec: { clusterIP: 'None', ipFamilies: ['IPv4', 'IPv6'] },
      expected: [{ path: 'spec.ipFamilyPolicy', message: 'ipFamilyPolicy is not set, so the API server uses SingleStack' }],
    },
  ]);
});

describe('SVC022 headless-type', () => {
  ruleTable('SVC022', [
    { name: 'a headless ClusterIP service', spec: { clusterIP: 'None' } },
    { name: 'a NodePort service with a cluster IP', spec: { type: 'NodePort', clusterIP: '10.0.0.10' } },
  ], [
    {
      name: 'a NodePort service is headless',
      spec: { type: 'NodePort', clusterIP: 'None' },
      expected: [{ path: 'spec.clusterIP', message: 'clusterIP "None" (headless) may not be used with type NodePort: a headless service has no virtual IP for node ports or load balancers to forward to' }],
    },
    {
      // TestValidateServiceCreate "LoadBalancer type cannot have None ClusterIP"
      name: 'a LoadBalancer service is headless',
      spec: { type: 'LoadBalancer', clusterIP: 'None', clusterIPs: ['None'] },
      expected: [{ path: 'spec.clusterIP', message: 'may not be used with type LoadBalancer' }],
    },
    {
      name: 'a NodePort service is headless through clusterIPs only',
      spec: { type: 'NodePort', clusterIPs: ['None'] },
      expected: [{ path: 'spec.clusterIPs[0]', message: 'clusterIPs[0] "None" (headless) may not be used with type NodePort' }],
    },
  ]);
});
