import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import {
  ClientTls, DestinationRule, Host, IstioProtocol, ServiceEntry, ServiceEntryResolution,
} from '../../../src';

/**
 * Istio's "Egress TLS Origination" task: the mesh calls http://edition.cnn.com, and the
 * sidecar opens TLS to port 443 instead (the ServiceEntry's port 80 targets 443, and the
 * DestinationRule originates TLS on port 80). The server certificate is verified against the
 * system CA bundle, for that host name.
 * https://istio.io/latest/docs/tasks/traffic-management/egress/egress-tls-origination/
 */
export class EgressTlsOrigination extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'egress' });

    const cnn = new ServiceEntry(this, 'edition-cnn-com', {
      metadata: { name: 'edition-cnn-com' },
      hosts: ['edition.cnn.com'],
      ports: [
        { number: 80, name: 'http-port', protocol: IstioProtocol.HTTP, targetPort: 443 },
        { number: 443, name: 'https-port', protocol: IstioProtocol.HTTPS },
      ],
      resolution: ServiceEntryResolution.DNS,
    });

    new DestinationRule(this, 'edition-cnn-com-tls', {
      metadata: { name: 'edition-cnn-com' },
      host: Host.serviceEntry(cnn),
      trafficPolicy: {
        portLevelSettings: [{
          port: 80,
          tls: ClientTls.simple({ sni: 'edition.cnn.com', caCertificates: '/etc/ssl/certs/ca-certificates.crt' }),
        }],
      },
    });
  }
}
