import { Severity } from '../../../../../src/validation/diagnostic';
import { ruleCatalogue } from '../../../../../src/validation/engine';
import { findings, routeTo, service, setTable, workload } from '../helpers';
import { destinationRule, inMesh, injectedNamespace } from '../istio-helpers';

type Port = Record<string, unknown>;

function withPorts(name: string, ports: Port[], extra: Record<string, unknown> = {}, namespace = 'shop', labels?: Record<string, string>): Record<string, unknown> {
  const manifest = service(name, { namespace, spec: { ports, ...extra } });
  if (labels) (manifest.metadata as Record<string, unknown>).labels = labels;
  return manifest;
}

function externalName(name: string, ports: Port[]): Record<string, unknown> {
  return withPorts(name, ports, { type: 'ExternalName', externalName: 'nginx.example.com', selector: undefined }, `${name}-ns`);
}


describe('XR036 service-port-protocol', () => {
  it('is a warning with the istioctl and Kiali codes', () => {
    expect(ruleCatalogue().find(r => r.code === 'XR036')).toMatchObject({ severity: Severity.WARNING, upstream: ['IST0118', 'IST0150', 'KIA0601', 'KIA0602'] });
  });

  setTable('XR036', 'warns', inMesh([
    // analyzers_test.go "namedPort" (service-port-name.yaml)
    { name: 'a name with a protocol prefix (tcp-foo)', manifests: [withPorts('my-service', [{ name: 'tcp-foo', protocol: 'TCP', port: 8080, targetPort: 8080 }])] },
    {
      name: 'Services managed by Istio\'s gateway controllers (service-port-name.yaml)',
      manifests: [
        withPorts('reviews-istio-waypoint', [{ appProtocol: 'hbone', name: 'mesh', port: 15008 }], {}, 'ambient', { 'gateway.istio.io/managed': 'istio.io-mesh-controller' }),
        withPorts('gateway-istio', [{ appProtocol: 'tcp', name: 'status-port', port: 15021 }, { name: 'default', port: 81 }], {}, 'istio-ingress', { 'gateway.istio.io/managed': 'istio.io-gateway-controller' }),
      ],
    },
    // "unnamedPortInSystemNamespace": istioctl drops kube-system objects
    { name: 'an unnamed port in kube-system', manifests: [withPorts('kube-dns', [{ port: 8080 }], {}, 'kube-system')] },
    { name: 'Istio\'s own Services (label istio)', manifests: [withPorts('istiod', [{ name: 'status', port: 15014 }], {}, 'istio-system', { istio: 'pilot' })] },
    // "ExternalNameServiceTypeValidPortName"
    { name: 'an ExternalName port named https', manifests: [externalName('nginx-svc4', [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 443 }])] },
    { name: 'the protocol in another letter case (HTTP-web, as istiod reads it)', manifests: [withPorts('web', [{ name: 'HTTP-web', port: 80 }])] },
    { name: 'every known protocol', manifests: [withPorts('all', ['http', 'http2', 'https', 'grpc', 'grpc-web', 'tcp', 'tls', 'udp', 'mongo', 'mysql', 'redis', 'http_proxy'].map((name, i) => ({ name: `${name}-x`, port: 1000 + i })))] },
    { name: 'a name starting with grpc-web', manifests: [withPorts('g', [{ name: 'grpc-webapp', port: 80 }])] },
    { name: 'a UDP port of any name', manifests: [withPorts('dns', [{ name: 'dns', port: 5353, protocol: 'UDP' }])] },
    { name: 'well-known ports with any name (SMTP, DNS, MySQL, MongoDB)', manifests: [withPorts('w', [{ name: 'smtp', port: 25 }, { name: 'dns', port: 53 }, { name: 'db', port: 3306 }, { name: 'mongodb', port: 27017 }])] },
    { name: 'an appProtocol that names a protocol', manifests: [withPorts('a', [{ name: 'web', port: 80, appProtocol: 'http' }])] },
    { name: 'Kubernetes appProtocols (kubernetes.io/h2c, ws, wss)', manifests: [withPorts('k', [{ name: 'a', port: 80, appProtocol: 'kubernetes.io/h2c' }, { name: 'b', port: 81, appProtocol: 'kubernetes.io/ws' }, { name: 'c', port: 82, appProtocol: 'kubernetes.io/wss' }])] },
    // Kiali TestServicePortAppProtocol flags "mysql-wrong"; istiod reads it as mysql (the part before "-")
    { name: 'appProtocol mysql-wrong (istiod reads mysql)', manifests: [withPorts('database', [{ name: 'database', port: 9080, appProtocol: 'mysql-wrong' }])] },
    {
      name: 'a Service whose pods all opt out of the mesh (as Kiali checks in-mesh Services only)',
      manifests: [
        withPorts('legacy', [{ port: 8080 }]),
        { ...workload('legacy', { app: 'legacy' }), spec: { template: { metadata: { labels: { app: 'legacy', 'sidecar.istio.io/inject': 'false' } }, spec: {} } } },
      ],
    },
    { name: 'ports of a wrong type', manifests: [withPorts('bad', 'x' as unknown as Port[]), withPorts('bad2', [null as unknown as Port, { name: 5, port: 80 }])] },
  ]), inMesh([
    // analyzers_test.go "portNameNotFollowConvention" (service-no-port-name.yaml)
    {
      name: 'ports without names, and a port named foo',
      manifests: [
        withPorts('my-service1', [{ protocol: 'TCP', port: 8080, targetPort: 8080 }, { protocol: 'TCP', port: 8081, targetPort: 8081 }], {}, 'my-namespace1'),
        withPorts('my-service2', [{ name: 'foo', protocol: 'TCP', port: 8080, targetPort: 8080 }], {}, 'my-namespace2'),
      ],
      expected: [
        { index: 0, path: 'spec.ports[0]', message: 'port 8080 has neither a name nor an appProtocol: Istio sniffs the traffic\'s protocol' },
        { index: 0, path: 'spec.ports[1]', message: 'port 8081 has neither a name' },
        { index: 1, path: 'spec.ports[0].name', message: 'port 8080 name "foo" does not start with a protocol Istio knows' },
      ],
    },
    // Kiali TestServicePortNaming
    {
      name: 'a protocol without the dash (http2foo)',
      manifests: [withPorts('service1', [{ name: 'http2foo', port: 9080 }])],
      expected: [{ index: 0, path: 'spec.ports[0].name', message: 'name "http2foo" does not start with a protocol Istio knows (http, http2, https, grpc, grpc-web, tcp, tls, udp, mongo, mysql, redis, then "-" and any suffix)' }],
    },
    // Kiali TestServicePortAppProtocol, with an appProtocol istiod does not read as a protocol
    {
      name: 'an appProtocol that is no protocol',
      manifests: [withPorts('database', [{ name: 'mysql', port: 9080, appProtocol: 'postgresql' }])],
      expected: [{ index: 0, path: 'spec.ports[0].appProtocol', message: 'port 9080 appProtocol "postgresql" is not a protocol Istio knows' }],
    },
    // analyzers_test.go "ExternalNameServiceTypeInvalidPortName"
    {
      name: 'ExternalName Services with an unknown, a missing and a "tcp" port name',
      manifests: [
        externalName('nginx', [{ name: 'nginx', port: 443, protocol: 'TCP', targetPort: 443 }]),
        externalName('nginx-svc2', [{ port: 443, protocol: 'TCP', targetPort: 443 }]),
        externalName('nginx-svc3', [{ name: 'tcp', port: 443, protocol: 'TCP', targetPort: 443 }]),
      ],
      expected: [
        { index: 0, path: 'spec.ports[0].name', message: 'port 443 of this ExternalName Service is named "nginx": sidecars may not forward TCP traffic' },
        { index: 1, path: 'spec.ports[0].name', message: 'port 443 of this ExternalName Service has no name' },
        { index: 2, path: 'spec.ports[0].name', message: 'is named "tcp"' },
      ],
    },
    {
      name: 'a well-known port number that is not one of the four',
      manifests: [withPorts('pg', [{ name: 'postgres', port: 5432 }])],
      expected: [{ index: 0, path: 'spec.ports[0].name', message: 'rename it, for example "http-postgres", or set appProtocol' }],
    },
  ]));

  describe('checks the Services the set puts in the mesh', () => {
    const plain = withPorts('web', [{ port: 8080 }], {}, 'shop');
    const pods = (labels: Record<string, string>, annotations: Record<string, string> = {}): Record<string, unknown> =>
      ({ ...workload('web', { app: 'web' }), spec: { template: { metadata: { labels: { app: 'web', ...labels }, annotations }, spec: {} } } });

    it.each([
      ['nothing says the Service is in the mesh', [plain, pods({})]],
      ['a VirtualService routes to another Service', [plain, routeTo('other', { host: 'other' })]],
      ['another namespace is labelled for injection', [plain, injectedNamespace('other')]],
      ['its pods opt out, even in an injected namespace', [plain, pods({}, { 'sidecar.istio.io/inject': 'false' }), injectedNamespace('shop')]],
    ])('is silent when %s', (_, set) => {
      expect(findings('XR036', set as unknown[])).toEqual([]);
    });

    it.each([
      ['a VirtualService of the set routes to it', [plain, routeTo('web', { host: 'web.shop.svc.cluster.local', port: { number: 8080 } }, 'front')]],
      ['a DestinationRule of the set names it', [plain, destinationRule('web', { host: 'web' })]],
      ['its namespace is labelled istio-injection: enabled', [plain, injectedNamespace('shop')]],
      ['its namespace is labelled istio.io/rev', [plain, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { 'istio.io/rev': 'canary' } } }]],
      ['its pods ask for a sidecar', [plain, pods({ 'sidecar.istio.io/inject': 'true' })]],
      ['its pods are in an ambient mesh', [plain, pods({ 'istio.io/dataplane-mode': 'ambient' })]],
    ])('warns when %s', (_, set) => {
      expect(findings('XR036', set as unknown[])).toEqual([{ index: 0, path: 'spec.ports[0]', message: expect.stringContaining('port 8080 has neither a name nor an appProtocol') }]);
    });
  });
});
