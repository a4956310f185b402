import { findings, routeTo, service, setTable, workload } from '../helpers';
import { inMesh, injectedNamespace } from '../istio-helpers';

type Port = Record<string, unknown>;

function selecting(name: string, app: string, ports: Port[], namespace = 'bookinfo'): Record<string, unknown> {
  return service(name, { namespace, spec: { selector: { app }, ports } });
}

const details = workload('multiple-svc-multiple-prot', { app: 'details', version: 'v1' }, 'bookinfo');


describe('XR037 workload-port-protocol-conflict', () => {
  setTable('XR037', 'warns', inMesh([
    // analyzers_test.go "serviceMultipleDeployments" (deployment-multi-service.yaml): reviews-v2 with two HTTP ports
    {
      name: 'two Services with different port numbers',
      manifests: [
        workload('reviews-v2', { app: 'reviews', version: 'v2' }, 'bookinfo'),
        selecting('reviews-http-9080', 'reviews', [{ port: 9080, name: 'http' }]),
        selecting('reviews-http-9090', 'reviews', [{ port: 9090, name: 'http' }]),
      ],
    },
    // "deploymentMultiServicesInDifferentNamespace"
    {
      name: 'Services of another namespace',
      manifests: [details, selecting('a', 'details', [{ port: 9080, protocol: 'TCP' }], 'other'), selecting('b', 'details', [{ port: 9080, protocol: 'UDP' }])],
    },
    // "serviceWithNoSelector"
    {
      name: 'a Service without selector',
      manifests: [details, service('a', { namespace: 'bookinfo', spec: { selector: undefined, ports: [{ port: 9080, protocol: 'UDP' }] } }), selecting('b', 'details', [{ port: 9080 }])],
    },
    { name: 'the same port and protocol in two Services', manifests: [details, selecting('a', 'details', [{ port: 9080, name: 'http' }]), selecting('b', 'details', [{ port: 9080, name: 'tcp', protocol: 'TCP' }])] },
    { name: 'one Service serving a port over TCP and UDP (a DNS Service)', manifests: [workload('dns', { app: 'dns' }, 'bookinfo'), selecting('dns', 'dns', [{ name: 'dns-tcp', port: 53, protocol: 'TCP' }, { name: 'dns', port: 53, protocol: 'UDP' }])] },
    // deployment-out-mesh: sidecar.istio.io/inject "false" on the pod template
    {
      name: 'pods that opt out of the mesh',
      manifests: [
        { ...details, spec: { ...(details.spec as object), template: { metadata: { labels: { app: 'details' }, annotations: { 'sidecar.istio.io/inject': 'false' } }, spec: {} } } },
        selecting('a', 'details', [{ port: 9080 }]), selecting('b', 'details', [{ port: 9080, protocol: 'UDP' }]),
      ],
    },
    { name: 'Services that select no workload', manifests: [details, selecting('a', 'ratings', [{ port: 9080 }]), selecting('b', 'ratings', [{ port: 9080, protocol: 'UDP' }])] },
    { name: 'ports of a wrong type', manifests: [details, selecting('a', 'details', [null as unknown as Port, { port: '9080' }]), selecting('b', 'details', [{ port: '9080', protocol: 'UDP' }])] },
  ]), inMesh([
    // "serviceMultipleDeployments": details-tcp-v1 and details-http-v1 on 9080. Upstream uses protocol HTTP, which the
    // API server refuses on a Service port; UDP is the valid form of the same conflict.
    {
      name: 'two Services use one port with TCP and UDP',
      manifests: [details, selecting('details-tcp-v1', 'details', [{ port: 9080, name: 'tcp', protocol: 'TCP' }]), selecting('details-udp-v1', 'details', [{ port: 9080, name: 'udp', protocol: 'UDP' }])],
      expected: [{
        index: 0,
        path: 'spec.template.metadata.labels',
        message: 'the pods of Deployment/bookinfo/multiple-svc-multiple-prot are selected by Services that use port 9080 with different protocols (TCP in Service/bookinfo/details-tcp-v1; UDP in Service/bookinfo/details-udp-v1): Istio supports one protocol per port number',
      }],
    },
    // "serviceMultipleDeployments": multiple-without-port, the protocol left to its default
    {
      name: 'the default protocol (TCP) against SCTP',
      manifests: [workload('multiple-without-port', { app: 'productpage', version: 'v1' }, 'bookinfo'), selecting('productpage-tcp-v1', 'productpage', [{ port: 9080, name: 'tcp' }]), selecting('productpage-sctp-v1', 'productpage', [{ port: 9080, name: 'sctp', protocol: 'SCTP' }])],
      expected: [{ index: 0, path: 'spec.template.metadata.labels', message: 'TCP in Service/bookinfo/productpage-tcp-v1; SCTP in Service/bookinfo/productpage-sctp-v1' }],
    },
    {
      name: 'a Pod (its labels are on the Pod)',
      manifests: [
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'bookinfo', labels: { app: 'details' } }, spec: { containers: [] } },
        selecting('a', 'details', [{ port: 9080 }]), selecting('b', 'details', [{ port: 9080, protocol: 'UDP' }]),
      ],
      expected: [{ index: 0, path: 'metadata.labels', message: 'the pods of Pod/bookinfo/p' }],
    },
  ]));

  it('checks the workloads the set puts in the mesh', () => {
    const set = [details, selecting('a', 'details', [{ port: 9080 }]), selecting('b', 'details', [{ port: 9080, protocol: 'UDP' }])];
    expect(findings('XR037', set)).toEqual([]);
    expect(findings('XR037', [...set, injectedNamespace('other')])).toEqual([]);
    // in an injected namespace, or selected by a Service a VirtualService routes to
    expect(findings('XR037', [...set, injectedNamespace('bookinfo')])).toHaveLength(1);
    expect(findings('XR037', [...set, routeTo('a', { host: 'a.bookinfo.svc.cluster.local' }, 'front')])).toHaveLength(1);
  });
});
