import { service, setTable, workload } from '../helpers';
import { defaultIngressGateway, gateway, pod, server } from '../istio-helpers';

const PRIVATE = { myapp: 'private-ingressgateway' };

/** The Service of istioctl's custom ingress gateway cases, in namespace `default`. */
function privateService(ports: Record<string, unknown>[], name = 'my-ingressgateway', selector: Record<string, string> = PRIVATE): Record<string, unknown> {
  return service(name, { namespace: 'default', spec: { selector, ports } });
}

describe('XR033 gateway-port-not-on-service', () => {
  setTable('XR033', 'warns', [
    // analyzers_test.go "gatewayCorrectPort"
    { name: 'a port of the default ingress gateway Service', manifests: [...defaultIngressGateway(), gateway('httpbin-gateway', { istio: 'ingressgateway' }, [server(80, ['*']), server(443, ['*'], { tls: { mode: 'SIMPLE', credentialName: 'c' } }, 'HTTPS')], 'default')] },
    // "gatewayCustomIngressGatewayTranslation": the Service port 80 (targetPort 8003) is matched
    {
      name: 'a Service port whose targetPort differs',
      manifests: [gateway('httpbin-gateway', PRIVATE, [server(80, ['*'])], 'default'), pod('my-ingressgateway-1234', PRIVATE, 'default'), privateService([{ name: 'http2', nodePort: 31380, port: 80, protocol: 'TCP', targetPort: 8003 }])],
    },
    {
      name: 'a targetPort of the Service',
      manifests: [gateway('g', PRIVATE, [server(8080, ['*'])], 'default'), pod('p', PRIVATE, 'default'), privateService([{ name: 'http', port: 80, targetPort: 8080 }])],
    },
    // "gatewayNoWorkload" is IST0101 upstream; a set without the gateway's pods says nothing
    { name: 'no workload the selector picks', manifests: [gateway('httpbin-gateway', { istio: 'ingresstypo' }, [server(8004, ['*'])], 'default'), ...defaultIngressGateway()] },
    { name: 'workloads but no Service that selects them', manifests: [gateway('g', PRIVATE, [server(8004, ['*'])], 'default'), pod('p', PRIVATE, 'default')] },
    { name: 'a Gateway without selector', manifests: [gateway('g', undefined, [server(8004, ['*'])], 'default'), ...defaultIngressGateway()] },
    { name: 'a server without port number', manifests: [...defaultIngressGateway(), gateway('g', { istio: 'ingressgateway' }, [{ hosts: ['*'] }])] },
    {
      name: 'a Service in another namespace than the pods (Services select their own namespace)',
      manifests: [gateway('g', PRIVATE, [server(80, ['*'])], 'default'), pod('p', PRIVATE, 'gw'), privateService([{ name: 'http', port: 80 }]), service('gw', { namespace: 'gw', spec: { selector: PRIVATE, ports: [{ name: 'http', port: 80 }] } })],
    },
  ], [
    // analyzers_test.go "gatewayBadPort" (gateway-no-port.yaml with the default resources)
    {
      name: 'port 8004 on the default ingress gateway',
      manifests: [gateway('httpbin-gateway', { istio: 'ingressgateway' }, [server(80, ['*']), server(8004, ['*'])], 'default'), ...defaultIngressGateway()],
      expected: [{
        index: 0,
        path: 'spec.servers[1].port.number',
        message: 'server port 8004 is neither a port nor a targetPort of the Services that select the pods of this Gateway (selector istio="ingressgateway"): Service/istio-system/istio-ingressgateway (80->80, 443->443, 31400->31400, 15443->15443)',
      }],
    },
    // "gatewayCustomIngressGatewayBadPortWithoutTarget"
    {
      name: 'a custom gateway whose Service has port 80 only',
      manifests: [gateway('httpbin-gateway', PRIVATE, [server(8004, ['*'])], 'default'), pod('my-ingressgateway-1234', PRIVATE, 'default'), privateService([{ name: 'http2', nodePort: 31380, port: 80, protocol: 'TCP' }])],
      expected: [{ index: 0, path: 'spec.servers[0].port.number', message: 'Service/default/my-ingressgateway (80); traffic cannot reach this server' }],
    },
    // "gatewayServiceMatchPod": only the Service of the selected pods counts
    {
      name: 'the port belongs to the Service of other pods',
      manifests: [
        gateway('httpbin8001-gateway', { myapp: 'ingressgateway-8001' }, [server(8001, ['*'])], 'default'),
        gateway('httpbin8002-gateway', { myapp: 'ingressgateway-8001' }, [server(8002, ['*'])], 'default'),
        pod('my-ingressgateway-8001', { myapp: 'ingressgateway-8001' }, 'default'),
        pod('my-ingressgateway-8002', { myapp: 'ingressgateway-8002' }, 'default'),
        privateService([{ name: 'http2', nodePort: 31380, port: 8002, protocol: 'TCP', targetPort: 80 }], 'my-8002', { myapp: 'ingressgateway-8002' }),
        privateService([{ name: 'http2', port: 8001, protocol: 'TCP' }], 'my-8001', { myapp: 'ingressgateway-8001' }),
      ],
      expected: [{ index: 1, path: 'spec.servers[0].port.number', message: 'server port 8002 is neither' }],
    },
    {
      name: 'the port is a UDP port of the Service',
      manifests: [gateway('g', PRIVATE, [server(53, ['*'], {}, 'TCP')], 'default'), workload('gw', PRIVATE, 'default'), privateService([{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'http', port: 80 }])],
      expected: [{ index: 0, path: 'spec.servers[0].port.number', message: 'Service/default/my-ingressgateway (80)' }],
    },
  ]);
});
