import { Severity } from '../../../src/validation/diagnostic';
import { checkSet, validateManifests } from '../../../src/validation/engine';
import { JsonObject } from '../../../src/validation/manifest';
import { NodePortRange } from '../../../src/validation/node-port-range';
import { ValidationOptions, resolveOptions } from '../../../src/validation/options';
import { NODE_PORT_SET_RULES } from '../../../src/validation/rules/node-port-conflicts';

/** A Service `name` in `namespace` with the given spec (ports required). */
function svc(name: string, spec: JsonObject, namespace?: string): JsonObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, ...(namespace ? { namespace } : {}) },
    spec: { selector: { app: name }, ...spec },
  };
}

/** A NodePort Service with one port per `[port, nodePort, protocol?]`. */
function nodePorts(name: string, ports: Array<[number, number, string?]>, namespace?: string): JsonObject {
  return svc(name, {
    type: 'NodePort',
    ports: ports.map(([port, nodePort, protocol], i) => ({ name: `p${i}`, port, nodePort, ...(protocol ? { protocol } : {}) })),
  }, namespace);
}

/** A LoadBalancer Service with externalTrafficPolicy Local and a fixed health check port. */
function local(name: string, healthCheckNodePort: number, ports: Array<[number, number]> = [[80, 0]]): JsonObject {
  return svc(name, {
    type: 'LoadBalancer',
    externalTrafficPolicy: 'Local',
    healthCheckNodePort,
    ports: ports.map(([port, nodePort], i) => ({ name: `p${i}`, port, nodePort })),
  });
}

function conflicts(manifests: unknown[], options?: ValidationOptions) {
  return validateManifests(manifests, options)
    .filter(d => d.code === 'SVC050')
    .map(d => ({ index: d.index, resource: d.resource, path: d.path, message: d.message }));
}

describe('SVC050 node-port-conflict', () => {
  it('accepts the seed\'s foo-service next to a Service with another node port', () => {
    expect(conflicts([
      svc('foo-service', { type: 'NodePort', ports: [{ port: 80, targetPort: 80, nodePort: 30007 }] }),
      nodePorts('bar', [[80, 30008]]),
    ])).toEqual([]);
  });

  it('accepts node ports left to the allocator (0 or absent)', () => {
    expect(conflicts([nodePorts('a', [[80, 0]]), nodePorts('b', [[80, 0]]), svc('c', { type: 'NodePort', ports: [{ port: 80 }] })])).toEqual([]);
  });

  it('errors when two Services in different namespaces use one nodePort', () => {
    const found = conflicts([nodePorts('a', [[80, 30007]]), nodePorts('b', [[8080, 30007]], 'other')]);
    expect(found).toEqual([{
      index: 1,
      resource: 'Service/other/b',
      path: 'spec.ports[0].nodePort',
      message: 'nodePort 30007 is already used by Service/default/a at spec.ports[0].nodePort: node ports are allocated cluster-wide, whatever the namespace or protocol',
    }]);
    expect(validateManifests([nodePorts('a', [[80, 30007]]), nodePorts('b', [[80, 30007]])]).find(d => d.code === 'SVC050')?.severity).toBe(Severity.ERROR);
  });

  it('errors when two Services use one nodePort with different protocols (the allocator ignores the protocol)', () => {
    const found = conflicts([nodePorts('dns-tcp', [[53, 30053, 'TCP']]), nodePorts('dns-udp', [[53, 30053, 'UDP']])]);
    expect(found).toEqual([expect.objectContaining({ index: 1, path: 'spec.ports[0].nodePort', message: expect.stringContaining('already used by Service/default/dns-tcp') })]);
  });

  it('errors on every later holder, naming the first', () => {
    const found = conflicts([nodePorts('a', [[80, 30007]]), nodePorts('b', [[80, 30100]]), nodePorts('c', [[80, 30007]]), nodePorts('d', [[81, 30007]])]);
    expect(found.map(f => [f.index, f.message])).toEqual([
      [2, expect.stringContaining('nodePort 30007 is already used by Service/default/a at spec.ports[0].nodePort')],
      [3, expect.stringContaining('nodePort 30007 is already used by Service/default/a at spec.ports[0].nodePort')],
    ]);
  });

  it('accepts ports of one Service with the same port number sharing a nodePort (findRequestedNodePort)', () => {
    expect(conflicts([nodePorts('dns', [[53, 30053, 'TCP'], [53, 30053, 'UDP']])])).toEqual([]);
  });

  it('leaves a same-protocol duplicate within one Service to SVC015', () => {
    const manifests = [nodePorts('a', [[80, 30080], [81, 30080]])];
    expect(conflicts(manifests)).toEqual([]);
    expect(validateManifests(manifests).filter(d => d.code === 'SVC015')).toHaveLength(1);
  });

  it('errors when ports of one Service with different port numbers and protocols share a nodePort', () => {
    expect(conflicts([nodePorts('a', [[80, 30080, 'TCP'], [81, 30080, 'UDP']])])).toEqual([{
      index: 0,
      resource: 'Service/default/a',
      path: 'spec.ports[1].nodePort',
      message: 'nodePort 30080 is already used by this service at spec.ports[0].nodePort: within one service only ports with the same port number may share a node port',
    }]);
  });

  it('errors when a healthCheckNodePort equals another Service\'s nodePort', () => {
    expect(conflicts([nodePorts('a', [[80, 30100]]), local('b', 30100)])).toEqual([{
      index: 1,
      resource: 'Service/default/b',
      path: 'spec.healthCheckNodePort',
      message: 'healthCheckNodePort 30100 is already used by Service/default/a at spec.ports[0].nodePort: node ports are allocated cluster-wide, whatever the namespace or protocol',
    }]);
  });

  it('errors when a nodePort equals another Service\'s healthCheckNodePort', () => {
    expect(conflicts([local('a', 30100), nodePorts('b', [[80, 30100]])])).toEqual([
      expect.objectContaining({ index: 1, path: 'spec.ports[0].nodePort', message: expect.stringContaining('already used by Service/default/a at spec.healthCheckNodePort') }),
    ]);
  });

  it('errors when two Services share a healthCheckNodePort', () => {
    expect(conflicts([local('a', 30100), local('b', 30100)])).toEqual([
      expect.objectContaining({ index: 1, path: 'spec.healthCheckNodePort', message: expect.stringContaining('healthCheckNodePort 30100 is already used by Service/default/a at spec.healthCheckNodePort') }),
    ]);
  });

  it('errors when a healthCheckNodePort equals a nodePort of the same Service', () => {
    expect(conflicts([local('a', 30080, [[80, 30080]])])).toEqual([
      expect.objectContaining({ index: 0, path: 'spec.healthCheckNodePort', message: expect.stringContaining('already used by this service at spec.ports[0].nodePort') }),
    ]);
  });

  it('ignores node ports the allocator never takes', () => {
    expect(conflicts([
      nodePorts('a', [[80, 30007]]),
      // nodePort on a ClusterIP or ExternalName service: SVC013
      svc('b', { ports: [{ port: 80, nodePort: 30007 }] }),
      svc('c', { type: 'ExternalName', externalName: 'example.com', ports: [{ port: 80, nodePort: 30007 }] }),
      // health check port without LoadBalancer + Local: SVC032
      svc('d', { type: 'NodePort', healthCheckNodePort: 30007, ports: [{ port: 80 }] }),
      // outside the range or malformed: SVC014
      nodePorts('e', [[80, 99999]]),
      nodePorts('f', [[80, 99999]]),
      svc('g', { type: 'NodePort', ports: [{ port: 80, nodePort: '30007' }] }),
      // not a Service
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 30007 }] } },
    ])).toEqual([]);
  });

  it('uses the configured node port range', () => {
    const options = { nodePortRange: NodePortRange.of(20000, 22000) };
    expect(conflicts([nodePorts('a', [[80, 30007]]), nodePorts('b', [[80, 30007]])], options)).toEqual([]);
    expect(conflicts([nodePorts('a', [[80, 21000]]), nodePorts('b', [[80, 21000]])], options)).toHaveLength(1);
  });

  it('checks a set of 20,000 Services', () => {
    const options = resolveOptions({ nodePortRange: NodePortRange.of(1, 65535) });
    const manifests = Array.from({ length: 20000 }, (_, i) => nodePorts(`s${i}`, [[80, (i % 60000) + 1]]));
    manifests.push(nodePorts('late', [[80, 1]]));
    const entries = manifests.map((manifest, index) => ({ index, manifest }));
    expect(checkSet(entries, options, NODE_PORT_SET_RULES)).toHaveLength(1);
  });
});
