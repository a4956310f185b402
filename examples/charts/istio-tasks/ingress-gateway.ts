import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import {
  Destination, Gateway, GatewaySelector, Host, Server, ServerHost, ServerTls, StringMatch, VirtualService,
} from '../../../src';
import { httpbin } from './httpbin';

/**
 * Istio's "Ingress Gateways" and "Secure Gateways" tasks: httpbin.example.com is served by
 * the default ingress gateway, over HTTP (redirected to HTTPS) and over HTTPS with the
 * certificate of the `httpbin-credential` Secret; `/status` and `/delay` go to httpbin.
 * https://istio.io/latest/docs/tasks/traffic-management/ingress/ingress-control/
 * https://istio.io/latest/docs/tasks/traffic-management/ingress/secure-ingress/
 */
export class IngressGateway extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'ingress' });
    const service = httpbin(this);
    const hosts = [ServerHost.of('httpbin.example.com')];

    const gateway = new Gateway(this, 'httpbin-gateway', {
      metadata: { name: 'httpbin-gateway' },
      selector: GatewaySelector.ingressGateway(),
      servers: [
        Server.http({ hosts, httpsRedirect: true }),
        Server.https({ hosts, tls: ServerTls.simple({ credentialName: 'httpbin-credential' }) }),
      ],
    });

    new VirtualService(this, 'httpbin-routes', {
      metadata: { name: 'httpbin' },
      hosts: [Host.of('httpbin.example.com')],
      gateways: [gateway],
      http: [{
        match: [{ uri: StringMatch.prefix('/status') }, { uri: StringMatch.prefix('/delay') }],
        route: [{ destination: Destination.service(service, { port: 8000 }) }],
      }],
    });
  }
}
