import { Chart } from 'cdk8s';
import {
  Destination, Gateway, GatewayReference, GatewaySelector, Host, IstioNetworkingApiVersion, IstioProtocol, MESH_GATEWAY, MutualServerCertificateOptions,
  Server, ServerHost, ServerTls, ServerTlsCertificate, ServerTlsMode, TlsProtocolVersion, VirtualService,
} from '../../src';
import { captureWarnings, manifestsOf, newChart, synthErrors } from '../util';

const shop = [ServerHost.of('shop.example.com')];
const rsa: ServerTlsCertificate = { serverCertificate: '/etc/rsa/cert.pem', privateKey: '/etc/rsa/key.pem' };
const ecdsa: ServerTlsCertificate = { serverCertificate: '/etc/ecdsa/cert.pem', privateKey: '/etc/ecdsa/key.pem', caCertificates: '/etc/ecdsa/ca.pem' };

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
    expect(() => ServerTls.simple({})).toThrow('GW017 SIMPLE TLS needs a server certificate: set credentialName, credentialNames, tlsCertificates, or serverCertificate and privateKey');
    expect(() => ServerTls.simple({ serverCertificate: '/c.pem' })).toThrow('GW017 SIMPLE TLS needs a private key: set privateKey beside serverCertificate');
    expect(() => ServerTls.simple({ privateKey: '/k.pem' })).toThrow('GW017 SIMPLE TLS needs a server certificate: set serverCertificate beside privateKey');
    expect(() => ServerTls.mutual({ credentialName: 'cert', privateKey: '/k.pem' })).toThrow('GW015 MUTUAL TLS takes its certificate from one source, but this sets credentialName "cert", privateKey: keep one of credentialName, credentialNames, tlsCertificates, or serverCertificate and privateKey');
    expect(() => ServerTls.mutual({ serverCertificate: '/c.pem', privateKey: '/k.pem' })).toThrow('GW018 MUTUAL TLS needs a CA bundle to verify client certificates');
    expect(() => ServerTls.optionalMutual({ serverCertificate: '/c.pem', privateKey: '/k.pem' })).toThrow('GW018 OPTIONAL_MUTUAL TLS needs a CA bundle');
  });

  test('renders credentialNames, tlsCertificates, caCrl and ecdhCurves in the modes that take them', () => {
    const { chart } = newChart();
    new Gateway(chart, 'gw', {
      servers: [
        Server.https({ hosts: shop, port: 8443, tls: ServerTls.simple({ credentialNames: ['shop-rsa', 'shop-ecdsa'], ecdhCurves: ['X25519', 'P-256'] }) }),
        Server.https({ hosts: shop, port: 8444, tls: ServerTls.simple({ tlsCertificates: [rsa, ecdsa] }) }),
        Server.https({ hosts: shop, port: 9443, tls: ServerTls.mutual({ credentialNames: ['shop-mtls'], ecdhCurves: ['P-384'] }) }),
        Server.https({ hosts: shop, port: 9444, tls: ServerTls.mutual({ tlsCertificates: [rsa], caCertificates: '/etc/ca.pem', caCrl: '/etc/crl.pem' }) }),
        Server.https({ hosts: shop, port: 9445, tls: ServerTls.optionalMutual({ serverCertificate: '/c.pem', privateKey: '/k.pem', caCertificates: '/ca.pem', caCrl: '/crl.pem', ecdhCurves: ['X25519'] }) }),
        Server.https({ hosts: shop, port: 9446, tls: ServerTls.optionalMutual({ tlsCertificates: [rsa, ecdsa], caCertificates: '/etc/ca.pem', caCrl: '/etc/crl.pem' }) }),
        Server.https({ hosts: shop, port: 9447, tls: ServerTls.optionalMutual({ credentialNames: ['a', 'b'] }) }),
        Server.tls({ hosts: [ServerHost.of('*')], port: 15012, tls: ServerTls.istioMutual({ ecdhCurves: ['X25519'] }) }),
      ],
    });
    expect(serversOf(chart).map(server => server.tls)).toEqual([
      { mode: 'SIMPLE', credentialNames: ['shop-rsa', 'shop-ecdsa'], ecdhCurves: ['X25519', 'P-256'] },
      {
        mode: 'SIMPLE',
        tlsCertificates: [
          { serverCertificate: '/etc/rsa/cert.pem', privateKey: '/etc/rsa/key.pem' },
          { serverCertificate: '/etc/ecdsa/cert.pem', privateKey: '/etc/ecdsa/key.pem', caCertificates: '/etc/ecdsa/ca.pem' },
        ],
      },
      { mode: 'MUTUAL', credentialNames: ['shop-mtls'], ecdhCurves: ['P-384'] },
      { mode: 'MUTUAL', caCertificates: '/etc/ca.pem', caCrl: '/etc/crl.pem', tlsCertificates: [{ serverCertificate: '/etc/rsa/cert.pem', privateKey: '/etc/rsa/key.pem' }] },
      { mode: 'OPTIONAL_MUTUAL', serverCertificate: '/c.pem', privateKey: '/k.pem', caCertificates: '/ca.pem', caCrl: '/crl.pem', ecdhCurves: ['X25519'] },
      {
        mode: 'OPTIONAL_MUTUAL',
        caCertificates: '/etc/ca.pem',
        caCrl: '/etc/crl.pem',
        tlsCertificates: [
          { serverCertificate: '/etc/rsa/cert.pem', privateKey: '/etc/rsa/key.pem' },
          { serverCertificate: '/etc/ecdsa/cert.pem', privateKey: '/etc/ecdsa/key.pem', caCertificates: '/etc/ecdsa/ca.pem' },
        ],
      },
      { mode: 'OPTIONAL_MUTUAL', credentialNames: ['a', 'b'] },
      { mode: 'ISTIO_MUTUAL', ecdhCurves: ['X25519'] },
    ]);
  });

  test('leaves out empty credentialNames, tlsCertificates and ecdhCurves lists', () => {
    const tls = ServerTls.simple({ credentialName: 'shop-cert', credentialNames: [], tlsCertificates: [], ecdhCurves: [] });
    expect(tls._render()).toEqual({ mode: 'SIMPLE', credentialName: 'shop-cert' });
  });

  test('a Gateway with credentialNames and tlsCertificates servers synthesises without validation errors', () => {
    const { app, chart } = newChart({ namespace: 'istio-ingress' });
    new Gateway(chart, 'gw', {
      servers: [
        Server.https({ hosts: shop, tls: ServerTls.simple({ credentialNames: ['shop-rsa', 'shop-ecdsa'], ecdhCurves: ['X25519'] }) }),
        Server.https({ hosts: shop, port: 8443, tls: ServerTls.simple({ tlsCertificates: [rsa, ecdsa] }) }),
        Server.https({ hosts: shop, port: 9443, tls: ServerTls.mutual({ credentialNames: ['shop-mtls'] }) }),
        Server.https({ hosts: shop, port: 9444, tls: ServerTls.optionalMutual({ tlsCertificates: [rsa, ecdsa], caCertificates: '/etc/ca.pem', caCrl: '/etc/crl.pem' }) }),
      ],
    });
    let errors: string | undefined;
    const warnings = captureWarnings(() => { errors = synthErrors(app); });
    expect(errors).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  test('errors when a server TLS names more than one certificate source', () => {
    const sources = 'keep one of credentialName, credentialNames, tlsCertificates, or serverCertificate and privateKey';
    expect(() => ServerTls.simple({ credentialNames: ['a'], tlsCertificates: [rsa] }))
      .toThrow(`GW015 SIMPLE TLS takes its certificate from one source, but this sets credentialNames, tlsCertificates: ${sources}`);
    expect(() => ServerTls.mutual({ credentialName: 'a', credentialNames: ['b'] }))
      .toThrow('GW015 MUTUAL TLS takes its certificate from one source, but this sets credentialName "a", credentialNames:');
    expect(() => ServerTls.optionalMutual({ credentialName: 'a', tlsCertificates: [rsa], caCertificates: '/ca.pem' }))
      .toThrow('GW015 OPTIONAL_MUTUAL TLS takes its certificate from one source, but this sets credentialName "a", tlsCertificates:');
    expect(() => ServerTls.simple({ tlsCertificates: [rsa], serverCertificate: '/c.pem', privateKey: '/k.pem' }))
      .toThrow('GW015 SIMPLE TLS takes its certificate from one source, but this sets tlsCertificates, serverCertificate and privateKey:');
    expect(() => ServerTls.simple({ credentialNames: ['a'], serverCertificate: '/c.pem' }))
      .toThrow('GW015 SIMPLE TLS takes its certificate from one source, but this sets credentialNames, serverCertificate:');
  });

  test('errors when credentialNames or tlsCertificates has more than two entries', () => {
    expect(() => ServerTls.simple({ credentialNames: ['a', 'b', 'c'] }))
      .toThrow('GW016 SIMPLE TLS takes one or two credentialNames (typically one RSA and one ECDSA certificate), got 3: keep two');
    expect(() => ServerTls.mutual({ tlsCertificates: [rsa, ecdsa, rsa], caCertificates: '/ca.pem' }))
      .toThrow('GW016 MUTUAL TLS takes one or two tlsCertificates (typically one RSA and one ECDSA certificate), got 3: keep two');
  });

  test('errors when a tlsCertificates entry has an empty certificate or key', () => {
    expect(() => ServerTls.simple({ tlsCertificates: [rsa, { serverCertificate: '/c.pem', privateKey: '' }] }))
      .toThrow('GW017 SIMPLE TLS needs a server certificate and a private key in each tlsCertificates entry: set privateKey of tlsCertificates[1]');
    expect(() => ServerTls.simple({ tlsCertificates: [{ serverCertificate: '', privateKey: '' }] }))
      .toThrow('set serverCertificate and privateKey of tlsCertificates[0]');
  });

  test('errors when a mutual mode with tlsCertificates has no top-level CA bundle', () => {
    expect(() => ServerTls.mutual({ tlsCertificates: [rsa] }))
      .toThrow('GW018 MUTUAL TLS needs a CA bundle to verify client certificates: set caCertificates (the caCertificates of tlsCertificates entries do not replace it');
    // Istio's webhook checks the top-level caCertificates only, whatever the entries hold
    expect(() => ServerTls.optionalMutual({ tlsCertificates: [ecdsa] })).toThrow('GW018 OPTIONAL_MUTUAL TLS needs a CA bundle');
    expect(ServerTls.mutual({ credentialNames: ['with-ca-crt'] }).mode).toBe(ServerTlsMode.MUTUAL);
  });

  test('errors when caCrl is given with a Secret or with SIMPLE TLS', () => {
    expect(() => ServerTls.mutual({ credentialName: 'shop-mtls', caCrl: '/crl.pem' }))
      .toThrow('GW019 MUTUAL TLS takes no caCrl with credentialName: the CRL has to be in the Secret (key ca.crl); remove caCrl');
    expect(() => ServerTls.optionalMutual({ credentialNames: ['a', 'b'], caCrl: '/crl.pem' }))
      .toThrow('GW019 OPTIONAL_MUTUAL TLS takes no caCrl with credentialNames');
    // @ts-expect-error SIMPLE takes no caCrl
    expect(() => ServerTls.simple({ credentialName: 'shop-cert', caCrl: '/crl.pem' })).toThrow('GW019 CRL is not supported with SIMPLE TLS');
    // a mutual-mode options value is a ServerCertificateOptions too: refused at run time
    const mutual: MutualServerCertificateOptions = { serverCertificate: '/c.pem', privateKey: '/k.pem', caCertificates: '/ca.pem', caCrl: '/crl.pem' };
    expect(() => ServerTls.simple(mutual)).toThrow('GW019 CRL is not supported with SIMPLE TLS: SIMPLE does not verify client certificates');
    expect(ServerTls.mutual(mutual).mode).toBe(ServerTlsMode.MUTUAL);
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
