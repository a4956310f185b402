import { findings, routeTo, service, setTable, workload } from '../helpers';
import { inMesh, injectedNamespace } from '../istio-helpers';

type Port = Record<string, unknown>;

function selecting(name: string, app: string, ports: Port[], namespace = 'bookinfo'): Record<string, unknown> {
  return service(name, { namespace, spec: { selector: { app }, ports } });
}

const conflicting = workload('conflicting-ports', { app: 'conflicting-ports', version: 'v1' }, 'bookinfo');


describe('XR038 workload-target-port-conflict', () => {
  setTable('XR038', 'warns', inMesh([
    {
      name: 'different targetPorts',
      manifests: [conflicting, selecting('a', 'conflicting-ports', [{ port: 9080, targetPort: 9080 }]), selecting('b', 'conflicting-ports', [{ port: 9090, targetPort: 9090 }])],
    },
    {
      name: 'the same port and targetPort in two Services',
      manifests: [conflicting, selecting('a', 'conflicting-ports', [{ port: 80, targetPort: 8080 }]), selecting('b', 'conflicting-ports', [{ port: 80, targetPort: 8080 }])],
    },
    {
      name: 'a named targetPort and a number (compared as written, as upstream)',
      manifests: [conflicting, selecting('a', 'conflicting-ports', [{ port: 80, targetPort: 'http' }]), selecting('b', 'conflicting-ports', [{ port: 81, targetPort: 8080 }])],
    },
    // test-waypoint of deployment-multi-service.yaml
    {
      name: 'an Istio waypoint',
      manifests: [
        { ...workload('test-waypoint', { 'gateway.networking.k8s.io/gateway-name': 'productpage' }, 'bookinfo'), metadata: { name: 'test-waypoint', namespace: 'bookinfo', labels: { 'gateway.istio.io/managed': 'istio.io-mesh-controller' } } },
        service('w', { namespace: 'bookinfo', spec: { selector: { 'gateway.networking.k8s.io/gateway-name': 'productpage' }, ports: [{ port: 15008, targetPort: 15008 }, { port: 15009, targetPort: 15008 }] } }),
      ],
    },
    {
      name: 'an ExternalName Service (it selects nothing)',
      manifests: [conflicting, selecting('a', 'conflicting-ports', [{ port: 9080 }]), service('b', { namespace: 'bookinfo', spec: { type: 'ExternalName', externalName: 'x.example.com', selector: { app: 'conflicting-ports' }, ports: [{ port: 9090, targetPort: 9080 }] } })],
    },
  ]), inMesh([
    // analyzers_test.go "serviceMultipleDeployments": conflicting-ports (9080 -> 9080 and 9090 -> 9080)
    {
      name: 'two Services send ports 9080 and 9090 to targetPort 9080',
      manifests: [conflicting, selecting('conflicting-ports-1', 'conflicting-ports', [{ port: 9080, name: 'tcp', targetPort: 9080 }]), selecting('conflicting-ports-2', 'conflicting-ports', [{ port: 9090, name: 'http', targetPort: 9080 }])],
      expected: [{
        index: 0,
        path: 'spec.template.metadata.labels',
        message: 'the pods of Deployment/bookinfo/conflicting-ports are reached on targetPort "9080" through different Service ports (port 9080 of Service/bookinfo/conflicting-ports-1, port 9090 of Service/bookinfo/conflicting-ports-2)',
      }],
    },
    {
      name: 'an unset targetPort equals the port',
      manifests: [conflicting, selecting('a', 'conflicting-ports', [{ port: 8080 }]), selecting('b', 'conflicting-ports', [{ port: 80, targetPort: 8080 }])],
      expected: [{ index: 0, path: 'spec.template.metadata.labels', message: 'targetPort "8080" through different Service ports (port 80 of Service/bookinfo/b, port 8080 of Service/bookinfo/a)' }],
    },
    {
      name: 'two ports of one Service share a named targetPort (as upstream)',
      manifests: [conflicting, selecting('web', 'conflicting-ports', [{ name: 'http', port: 80, targetPort: 'web' }, { name: 'http-alt', port: 8080, targetPort: 'web' }])],
      expected: [{ index: 0, path: 'spec.template.metadata.labels', message: 'targetPort "web" through different Service ports (port 80 of Service/bookinfo/web, port 8080 of Service/bookinfo/web)' }],
    },
    {
      name: 'a CronJob',
      manifests: [
        { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'job', namespace: 'bookinfo' }, spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { metadata: { labels: { app: 'job' } }, spec: {} } } } } },
        selecting('a', 'job', [{ port: 80, targetPort: 8080 }, { port: 81, targetPort: 8080 }]),
      ],
      expected: [{ index: 0, path: 'spec.jobTemplate.spec.template.metadata.labels', message: 'CronJob/bookinfo/job' }],
    },
  ]));

  it('checks the workloads the set puts in the mesh', () => {
    const set = [conflicting, selecting('a', 'conflicting-ports', [{ port: 9080, targetPort: 9080 }]), selecting('b', 'conflicting-ports', [{ port: 9090, targetPort: 9080 }])];
    expect(findings('XR038', set)).toEqual([]);
    expect(findings('XR038', [...set, injectedNamespace('other')])).toEqual([]);
    // in an injected namespace, or selected by a Service a VirtualService routes to
    expect(findings('XR038', [...set, injectedNamespace('bookinfo')])).toHaveLength(1);
    expect(findings('XR038', [...set, routeTo('a', { host: 'a.bookinfo.svc.cluster.local' }, 'front')])).toHaveLength(1);
  });
});
