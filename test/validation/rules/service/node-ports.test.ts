import { JsonObject } from '../../../../src/validation/manifest';
import { NodePortRange } from '../../../../src/validation/node-port-range';
import { expectFindings, ruleTable, service } from './helpers';

/** A spec of the given type whose ports are `ports`. */
const typed = (type: string | undefined, ...ports: unknown[]): JsonObject => ({ type, ports });
const nodePort = (type: string | undefined, value: unknown): JsonObject => typed(type, { port: 80, targetPort: 80, nodePort: value });

describe('SVC013 node-port-forbidden', () => {
  ruleTable('SVC013', [
    // the seed's foo-service
    { name: 'a NodePort service with a nodePort', spec: nodePort('NodePort', 30007) },
    { name: 'a LoadBalancer service with a nodePort ("valid type loadbalancer with NodePort")', spec: nodePort('LoadBalancer', 30008) },
    { name: 'nodePort 0 on a ClusterIP service (0 means unset)', spec: nodePort('ClusterIP', 0) },
    { name: 'a null nodePort on a ClusterIP service', spec: nodePort(undefined, null) },
    // TestValidateServiceCreate "valid cluster service without NodePort"
    { name: 'a ClusterIP service without nodePort', spec: typed('ClusterIP', { name: 'q', port: 12345, targetPort: 12345 }) },
  ], [
    {
      // TestValidateServiceCreate "invalid cluster service with NodePort"
      name: 'a ClusterIP service has a nodePort',
      spec: typed('ClusterIP', { name: 'p', port: 80 }, { name: 'q', port: 12345, nodePort: 30045 }),
      expected: [{
        path: 'spec.ports[1].nodePort',
        message: "nodePort 30045 may not be used when type is 'ClusterIP': use type NodePort or LoadBalancer to open a port on every node, or remove nodePort",
      }],
    },
    {
      name: 'a service without type has a nodePort',
      spec: nodePort(undefined, 30007),
      expected: [{ path: 'spec.ports[0].nodePort', message: "may not be used when type is 'ClusterIP' (the default when type is not set)" }],
    },
    {
      name: 'a headless service has a nodePort',
      spec: { clusterIP: 'None', ports: [{ port: 80, nodePort: 30007 }] },
      expected: [{ path: 'spec.ports[0].nodePort', message: "may not be used when type is 'ClusterIP'" }],
    },
    {
      name: 'an ExternalName service has a nodePort (stricter than Kubernetes)',
      spec: { ...nodePort('ExternalName', 30007), externalName: 'example.com' },
      expected: [{ path: 'spec.ports[0].nodePort', message: "nodePort 30007 may not be used when type is 'ExternalName': an ExternalName service is a DNS CNAME and its ports are not proxied" }],
    },
    {
      name: 'a ClusterIP service has a quoted nodePort',
      spec: nodePort('ClusterIP', '30007'),
      expected: [{ path: 'spec.ports[0].nodePort', message: 'nodePort "30007" may not be used' }],
    },
  ]);
});

describe('SVC014 node-port-range', () => {
  const local = (healthCheckNodePort: unknown): JsonObject => ({
    type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort, ports: [{ port: 80 }],
  });
  ruleTable('SVC014', [
    { name: 'the seed\'s nodePort 30007', spec: nodePort('NodePort', 30007) },
    { name: 'the lowest port of the default range', spec: nodePort('NodePort', 30000) },
    { name: 'the highest port of the default range', spec: nodePort('LoadBalancer', 32767) },
    { name: 'nodePort 0 (allocate one)', spec: nodePort('NodePort', 0) },
    { name: 'no nodePort', spec: typed('NodePort', { port: 80 }) },
    { name: 'a health check port in range', spec: local(30100) },
    { name: 'health check port 0 (allocate one)', spec: local(0) },
    { name: 'a health check port that is not needed (SVC032 reports it)', spec: { type: 'NodePort', healthCheckNodePort: 99, ports: [{ port: 80 }] } },
    { name: 'a health check port that is no port number (SVC032 reports it)', spec: local(70000) },
    { name: 'a nodePort on a ClusterIP service (SVC013 reports it)', spec: nodePort('ClusterIP', 99999) },
  ], [
    // TestValidateServiceCreate "valid type=NodePort service with NodePort" uses 12345, which
    // validation accepts and the allocator refuses with the default range
    { name: 'the nodePort is below the range', spec: nodePort('NodePort', 12345), expected: [{ path: 'spec.ports[0].nodePort', message: 'nodePort 12345 is outside the node port range 30000-32767' }] },
    { name: 'the nodePort is not a port number', spec: nodePort('NodePort', 99999), expected: [{ path: 'spec.ports[0].nodePort', message: 'nodePort 99999 is outside the node port range 30000-32767' }] },
    { name: 'the nodePort is just above the range', spec: nodePort('LoadBalancer', 32768), expected: [{ path: 'spec.ports[0].nodePort', message: 'nodePort 32768 is outside the node port range 30000-32767' }] },
    { name: 'the nodePort is negative', spec: nodePort('NodePort', -1), expected: [{ path: 'spec.ports[0].nodePort', message: 'nodePort -1 is outside the node port range 30000-32767' }] },
    {
      name: 'the nodePort is quoted',
      spec: nodePort('NodePort', '30007'),
      expected: [{ path: 'spec.ports[0].nodePort', message: 'nodePort must be a whole number in the node port range 30000-32767, got a string "30007": numbers must be written as numbers, without quotes' }],
    },
    { name: 'the nodePort has a fraction', spec: nodePort('NodePort', 30007.5), expected: [{ path: 'spec.ports[0].nodePort', message: 'got a number 30007.5' }] },
    { name: 'the health check port is outside the range', spec: local(40000), expected: [{ path: 'spec.healthCheckNodePort', message: 'healthCheckNodePort 40000 is outside the node port range 30000-32767' }] },
  ]);

  it('uses the configured node port range', () => {
    const options = { nodePortRange: NodePortRange.of(20000, 22000) };
    expectFindings('SVC014', service(nodePort('NodePort', 21000)), [], options);
    expectFindings('SVC014', service(nodePort('NodePort', 30007)), [
      { path: 'spec.ports[0].nodePort', message: 'nodePort 30007 is outside the node port range 20000-22000' },
    ], options);
  });
});

describe('SVC015 node-port-unique', () => {
  ruleTable('SVC015', [
    // TestValidateServiceCreate "duplicate nodeports (different protocols)"
    {
      name: 'one nodePort for two protocols',
      spec: typed('NodePort', { name: 'q', port: 1, protocol: 'TCP', nodePort: 30001 }, { name: 'r', port: 2, protocol: 'UDP', nodePort: 30001 }),
    },
    { name: 'distinct nodePorts', spec: typed('NodePort', { name: 'a', port: 80, nodePort: 30080 }, { name: 'b', port: 443, nodePort: 30443 }) },
    { name: 'several ports with nodePort 0', spec: typed('NodePort', { name: 'a', port: 80, nodePort: 0 }, { name: 'b', port: 443, nodePort: 0 }) },
  ], [
    {
      // TestValidateServiceCreate "duplicate nodeports" and "invalid public service with duplicate NodePort"
      name: 'two ports of one protocol share a nodePort',
      spec: typed('NodePort', { name: 'p1', port: 1, protocol: 'TCP', nodePort: 30001 }, { name: 'p2', port: 2, protocol: 'TCP', nodePort: 30001 }),
      expected: [{ path: 'spec.ports[1].nodePort', message: 'nodePort 30001 with protocol TCP is already used by spec.ports[0]: node ports must be unique per protocol' }],
    },
    {
      name: 'an explicit and a defaulted TCP port share a nodePort',
      spec: typed('LoadBalancer', { name: 'a', port: 80, nodePort: 30080 }, { name: 'b', port: 81, protocol: 'TCP', nodePort: 30080 }),
      expected: [{ path: 'spec.ports[1].nodePort', message: 'nodePort 30080 with protocol TCP is already used by spec.ports[0]' }],
    },
  ]);
});
