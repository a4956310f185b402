import { JsonObject } from '../../../../src/validation/manifest';
import { ruleTable } from './helpers';

const lbLocal = (fields: JsonObject = {}): JsonObject => ({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', ...fields });

describe('SVC031 external-traffic-policy', () => {
  // cases after TestValidateServiceExternalTrafficPolicy and ExternallyAccessible
  ruleTable('SVC031', [
    { name: 'Local on a NodePort service', spec: { type: 'NodePort', externalTrafficPolicy: 'Local' } },
    { name: 'Cluster on a LoadBalancer service', spec: { type: 'LoadBalancer', externalTrafficPolicy: 'Cluster' } },
    { name: 'Local on a ClusterIP service with externalIPs', spec: { externalIPs: ['1.2.3.4'], externalTrafficPolicy: 'Local' } },
    { name: 'no policy on a NodePort service (defaulted to Cluster)', spec: { type: 'NodePort' } },
    { name: 'an empty policy on a ClusterIP service', spec: { externalTrafficPolicy: '' } },
  ], [
    {
      name: 'a ClusterIP service sets a policy',
      spec: { externalTrafficPolicy: 'Local' },
      expected: [{
        path: 'spec.externalTrafficPolicy',
        message: 'externalTrafficPolicy "Local" may only be set for externally-accessible services: type NodePort or LoadBalancer, or ClusterIP with externalIPs (this service is ClusterIP without externalIPs)',
      }],
    },
    {
      name: 'a headless service without externalIPs sets a policy',
      spec: { clusterIP: 'None', externalTrafficPolicy: 'Cluster' },
      expected: [{ path: 'spec.externalTrafficPolicy', message: 'may only be set for externally-accessible services' }],
    },
    {
      name: 'an ExternalName service sets a policy',
      spec: { type: 'ExternalName', externalName: 'example.com', externalTrafficPolicy: 'Cluster' },
      expected: [{ path: 'spec.externalTrafficPolicy', message: '(this service is ExternalName)' }],
    },
    {
      name: 'the policy is a legacy value',
      spec: { type: 'NodePort', externalTrafficPolicy: 'Global' },
      expected: [{ path: 'spec.externalTrafficPolicy', message: 'externalTrafficPolicy "Global" is not supported: must be Cluster or Local' }],
    },
    { name: 'the policy is lower case', spec: { type: 'LoadBalancer', externalTrafficPolicy: 'local' }, expected: [{ path: 'spec.externalTrafficPolicy', message: 'did you mean "Local"?' }] },
  ]);
});

describe('SVC032 health-check-node-port', () => {
  ruleTable('SVC032', [
    { name: 'a health check port on a LoadBalancer service with policy Local', spec: lbLocal({ healthCheckNodePort: 30100 }) },
    { name: 'no health check port (allocated)', spec: lbLocal() },
    { name: 'health check port 0 on a ClusterIP service', spec: { healthCheckNodePort: 0 } },
    { name: 'a health check port outside the node port range (SVC014 reports it)', spec: lbLocal({ healthCheckNodePort: 40000 }) },
  ], [
    {
      name: 'a NodePort service with policy Local sets one',
      spec: { type: 'NodePort', externalTrafficPolicy: 'Local', healthCheckNodePort: 30100 },
      expected: [{ path: 'spec.healthCheckNodePort', message: "healthCheckNodePort 30100 may only be set when type is 'LoadBalancer' and externalTrafficPolicy is 'Local' (this service is NodePort)" }],
    },
    {
      name: 'a LoadBalancer service with policy Cluster sets one',
      spec: { type: 'LoadBalancer', externalTrafficPolicy: 'Cluster', healthCheckNodePort: 30100 },
      expected: [{ path: 'spec.healthCheckNodePort', message: '(externalTrafficPolicy is "Cluster")' }],
    },
    {
      name: 'a LoadBalancer service without policy sets one',
      spec: { type: 'LoadBalancer', healthCheckNodePort: 30100 },
      expected: [{ path: 'spec.healthCheckNodePort', message: '(externalTrafficPolicy is not set (Cluster))' }],
    },
    { name: 'the port is too large', spec: lbLocal({ healthCheckNodePort: 70000 }), expected: [{ path: 'spec.healthCheckNodePort', message: 'healthCheckNodePort 70000 must be between 1 and 65535, inclusive' }] },
    { name: 'the port is negative', spec: lbLocal({ healthCheckNodePort: -1 }), expected: [{ path: 'spec.healthCheckNodePort', message: 'healthCheckNodePort -1 must be between 1 and 65535' }] },
    { name: 'the port is quoted', spec: lbLocal({ healthCheckNodePort: '30100' }), expected: [{ path: 'spec.healthCheckNodePort', message: 'healthCheckNodePort must be a whole number between 1 and 65535, got a string "30100"' }] },
  ]);
});

describe('SVC033 internal-traffic-policy', () => {
  ruleTable('SVC033', [
    // TestValidateServiceCreate "internalTrafficPolicy is cluster" / "is local"; nil is post-defaulting
    { name: 'Cluster', spec: { internalTrafficPolicy: 'Cluster' } },
    { name: 'Local', spec: { internalTrafficPolicy: 'Local' } },
    { name: 'no policy', spec: {} },
    // "internalTrafficPolicy is nil when type is ExternalName"; a value is tolerated there too
    { name: 'Local on an ExternalName service', spec: { type: 'ExternalName', externalName: 'example.com', internalTrafficPolicy: 'Local' } },
  ], [
    // TestValidateServiceCreate "invalid internalTraffic field"
    { name: 'the policy is unknown', spec: { internalTrafficPolicy: 'invalid' }, expected: [{ path: 'spec.internalTrafficPolicy', message: 'internalTrafficPolicy "invalid" is not supported: must be Cluster or Local' }] },
    { name: 'the policy is empty', spec: { internalTrafficPolicy: '' }, expected: [{ path: 'spec.internalTrafficPolicy', message: 'internalTrafficPolicy "" is not supported' }] },
    { name: 'the policy is lower case', spec: { internalTrafficPolicy: 'local' }, expected: [{ path: 'spec.internalTrafficPolicy', message: 'did you mean "Local"?' }] },
  ]);
});

describe('SVC034 traffic-distribution', () => {
  ruleTable('SVC034', [
    { name: 'PreferClose', spec: { trafficDistribution: 'PreferClose' } },
    { name: 'PreferSameZone', spec: { trafficDistribution: 'PreferSameZone' } },
    { name: 'PreferSameNode', spec: { trafficDistribution: 'PreferSameNode' } },
    { name: 'no value', spec: {} },
  ], [
    {
      name: 'the value is unknown',
      spec: { trafficDistribution: 'Random' },
      expected: [{ path: 'spec.trafficDistribution', message: 'trafficDistribution "Random" is not supported: must be PreferClose, PreferSameZone or PreferSameNode' }],
    },
    { name: 'the value is empty', spec: { trafficDistribution: '' }, expected: [{ path: 'spec.trafficDistribution', message: 'trafficDistribution "" is not supported' }] },
    { name: 'the value is lower case', spec: { trafficDistribution: 'preferclose' }, expected: [{ path: 'spec.trafficDistribution', message: 'did you mean "PreferClose"?' }] },
  ]);
});
