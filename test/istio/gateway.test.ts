import { Chart } from 'cdk8s';
import {
  Destination, Gateway, GatewayReference, GatewaySelector, Host, IstioNetworkingApiVersion, IstioProtocol, MESH_GATEWAY, Server, ServerHost,
  ServerTls, ServerTlsMode, TlsProtocolVersion, VirtualService,
} from '../../src';
import { manifestsOf, newChart, synthErrors } from '../util';

const shop = [ServerHost.of('shop.example.com')];

function serversOf(chart: Chart): any[] {
  return manifestsOf(chart, 'Gateway')[0].spec.servers;
}

describe('Gateway', () => {
  test('selects the default ingress gateway and redirects HTTP to HTTPS', () => {
    const { app, chart } = newChart({ namespace: 'istio-ingress' });
    new Gateway(chart, 'gw', {
      metadata: { name: 'public' },
      servers: [
        Server.http({ hosts: shop, httpsRedirect: true }),
        Server.https({ hosts: shop, tls: ServerTls.simple({ credentialName: 'shop-cert' }) }),
      ],
    });
    expect(manifestsOf(chart, 'Gateway')).toEqual([{
      apiVersion: 'networking.istio.io/v1',
      kind: 'Gateway',
      metadata: { name: 'public', namespace: 'istio-ingress' },
      spec: {
        selector: { istio: 'ingressgateway' },
        servers: [
          { port: { number: 80, protocol: 'HTTP', name: 'http-80' }, hosts: ['shop.example.com'], tls: { httpsRedirect: true } },
          { port: { number: 443, protocol: 'HTTPS', name: 'https-443' }, hosts: ['shop.example.com'], tls: { mode: 'SIMPLE', credentialName: 'shop-cert' } },
        ],
      },
    }]);
    expect(synthErrors(app)).toBeUndefined();
  });

  test('takes other selectors and API versions', () => {
    const { chart } = newChart();
    new Gateway(chart, 'egress', { selector: GatewaySelector.egressGateway(), apiVersion: IstioNetworkingApiVersion.V1BETA1, servers: [Server.http({ hosts: shop })] });
    new Gateway(chart, 'own', { selector: GatewaySelector.fromLabels({ app: 'my-gateway' }), servers: [Server.http({ hosts: shop })] });
    const [egress, own] = manifestsOf(chart, 'Gateway');
    expect(egress.apiVersion).toBe('networking.istio.io/v1beta1');
    expect(egress.spec.selector).toEqual({ istio: 'egressgateway' });
    expect(own.spec.selector).toEqual({ app: 'my-gateway' });
  });

  test('renders hosts with namespace prefixes', () => {
    const { chart } = newChart();
    new Gateway(chart, 'gw', {
      servers: [Server.http({
        hosts: [
          ServerHost.of('a.example.com'),
          ServerHost.inNamespace('shop', 'b.example.com'),
          ServerHost.sameNamespace('c.example.com'),
          ServerHost.anyNamespace('*.example.com'),
          ServerHost.of('prod/d.example.com'),
        ],
      })],
    });
    expect(serversOf(chart)[0].hosts).toEqual(['a.example.com', 'shop/b.example.com', './c.example.com', '*/*.example.com', 'prod/d.example.com']);
  });

  test('renders every server kind and option', () => {
    const { chart } = newChart();
    const gateway = new Gateway(chart, 'gw', {
      servers: [
        Server.http({ hosts: shop, port: 8080, portName: 'web', bind: '10.0.0.1', name: 'plain' }),
        Server.https({
          hosts: shop,
          port: 8443,
          tls: ServerTls.simple({
            serverCertificate: '/etc/certs/cert.pem',
            privateKey: '/etc/certs/key.pem',
            minProtocolVersion: TlsProtocolVersion.TLSV1_2,
            maxProtocolVersion: TlsProtocolVersion.TLSV1_3,
            cipherSuites: ['ECDHE-ECDSA-AES256-GCM-SHA384'],
            subjectAltNames: ['client.example.com'],
          }),
        }),
        Server.https({ hosts: shop, port: 9443, tls: ServerTls.mutual({ serverCertificate: '/c.pem', privateKey: '/k.pem', caCertificates: '/ca.pem' }) }),
        Server.https({ hosts: shop, port: 9444, tls: ServerTls.optionalMutual({ credentialName: 'shop-mtls' }) }),
        Server.tls({ hosts: [ServerHost.of('db.example.com')], port: 5443, tls: ServerTls.passthrough() }),
        Server.tls({ hosts: [ServerHost.of('*.local')], port: 15443, tls: ServerTls.autoPassthrough(), portName: 'tls-cross-network' }),
        Server.tls({ hosts: [ServerHost.of('*')], port: 15012, tls: ServerTls.istioMutual({ subjectAltNames: ['spiffe://cluster.local/ns/a/sa/b'] }) }),
        Server.tcp({ hosts: [ServerHost.of('*')], port: 31400 }),
        Server.withProtocol(IstioProtocol.GRPC_WEB, { hosts: shop, port: 8081 }),
      ],
    });
    gateway.addServer(Server.withProtocol(IstioProtocol.MONGO, { hosts: [ServerHost.of('*')], port: 27017 }));
    expect(serversOf(chart)).toEqual([
      { port: { number: 8080, protocol: 'HTTP', name: 'web' }, bind: '10.0.0.1', hosts: ['shop.example.com'], name: 'plain' },
      {
        port: { number: 8443, protocol: 'HTTPS', name: 'https-8443' },
        hosts: ['shop.example.com'],
        tls: {
          mode: 'SIMPLE',
          serverCertificate: '/etc/certs/cert.pem',
          privateKey: '/etc/certs/key.pem',
          subjectAltNames: ['client.example.com'],
          minProtocolVersion: 'TLSV1_2',
          maxProtocolVersion: 'TLSV1_3',
          cipherSuites: ['ECDHE-ECDSA-AES256-GCM-SHA384'],
        },
      },
      { port: { number: 9443, protocol: 'HTTPS', name: 'https-9443' }, hosts: ['shop.example.com'], tls: { mode: 'MUTUAL', serverCertificate: '/c.pem', privateKey: '/k.pem', caCertificates: '/ca.pem' } },
      { port: { number: 9444, protocol: 'HTTPS', name: 'https-9444' }, hosts: ['shop.example.com'], tls: { mode: 'OPTIONAL_MUTUAL', credentialName: 'shop-mtls' } },
      { port: { number: 5443, protocol: 'TLS', name: 'tls-5443' }, hosts: ['db.example.com'], tls: { mode: 'PASSTHROUGH' } },
      { port: { number: 15443, protocol: 'TLS', name: 'tls-cross-network' }, hosts: ['*.local'], tls: { mode: 'AUTO_PASSTHROUGH' } },
      { port: { number: 15012, protocol: 'TLS', name: 'tls-15012' }, hosts: ['*'], tls: { mode: 'ISTIO_MUTUAL', subjectAltNames: ['spiffe://cluster.local/ns/a/sa/b'] } },
      { port: { number: 31400, protocol: 'TCP', name: 'tcp-31400' }, hosts: ['*'] },
      { port: { number: 8081, protocol: 'GRPC-WEB', name: 'grpc-web-8081' }, hosts: ['shop.example.com'] },
      { port: { number: 27017, protocol: 'MONGO', name: 'mongo-27017' }, hosts: ['*'] },
    ]);
    expect(gateway.servers.map(s => `${s.protocol}/${s.port}`)).toContain('MONGO/27017');
    expect(ServerTls.passthrough().mode).toBe(ServerTlsMode.PASSTHROUGH);
  });

  test('errors when a terminating TLS mode has no certificate, or two sources of it', () => {
    expect(() => ServerTls.simple({})).toThrow('GW017 SIMPLE TLS needs a server certificate: set credentialName, or serverCertificate and privateKey');
    expect(() => ServerTls.simple({ serverCertificate: '/c.pem' })).toThrow('GW017 SIMPLE TLS needs a server certificate: set credentialName, or privateKey');
    expect(() => ServerTls.mutual({ credentialName: 'cert', privateKey: '/k.pem' })).toThrow('GW015 MUTUAL TLS takes its certificate from credentialName "cert" or from files, not both: remove privateKey');
    expect(() => ServerTls.mutual({ serverCertificate: '/c.pem', privateKey: '/k.pem' })).toThrow('GW018 MUTUAL TLS needs a CA bundle to verify client certificates');
    expect(() => ServerTls.optionalMutual({ serverCertificate: '/c.pem', privateKey: '/k.pem' })).toThrow('GW018 OPTIONAL_MUTUAL TLS needs a CA bundle');
  });

  test('errors when a plain string is given as a server host', () => {
    const { chart } = newChart();
    expect(() => new Gateway(chart, 'gw', { servers: [Server.http({ hosts: ['shop.example.com' as any] })] }))
      .toThrow(/^TRF012 Server\.http\(\) options\.hosts\[0\] expects a ServerHost, got the string "shop\.example\.com": create it with ServerHost\./);
  });
});

describe('VirtualService gateways', () => {
  test('name Gateway constructs as <namespace>/<name>, beside the mesh', () => {
    // given a Gateway in another namespace
    const { app, chart } = newChart({ namespace: 'shop' });
    const gateway = new Gateway(chart, 'gw', { metadata: { name: 'public', namespace: 'istio-ingress' }, servers: [Server.http({ hosts: shop })] });

    // when a VirtualService binds to it, to a gateway by name and to the mesh
    new VirtualService(chart, 'vs', {
      hosts: [Host.of('shop.example.com')],
      gateways: [gateway, GatewayReference.of('internal', 'istio-system'), GatewayReference.named('edge'), VirtualService.MESH_GATEWAY],
      http: [{ route: [{ destination: Destination.host('web') }] }],
    });

    // then the references render as Istio writes them
    expect(gateway.gatewayName).toBe('istio-ingress/public');
    expect(manifestsOf(chart, 'VirtualService')[0].spec.gateways).toEqual(['istio-ingress/public', 'istio-system/internal', 'edge', 'mesh']);
    expect([MESH_GATEWAY.gatewayName, GatewayReference.MESH.gatewayName]).toEqual(['mesh', 'mesh']);
    expect(synthErrors(app)).toBeUndefined();
  });

  test('errors when a gateway is given as a string from JavaScript', () => {
    const { chart } = newChart();
    expect(() => new VirtualService(chart, 'vs', { hosts: [Host.of('a')], gateways: ['istio-ingress/public' as any], http: [{ route: [{ destination: Destination.host('a') }] }] }))
      .toThrow(/TRF012 \[test\/vs\] gateways\[0\] expects an IGatewayReference, got the string "istio-ingress\/public": pass a Gateway, GatewayReference\.named\(gatewayName\)/);
  });
});
