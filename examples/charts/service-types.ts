import { Chart, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  ClusterIpService, ExternalNameService, ExternalTrafficPolicy, HeadlessService, LoadBalancerService,
  Protocol, ServiceSelector, SessionAffinity, TargetPort,
} from '../../src';

/**
 * One Service of each type, next to the cdk8s-plus workloads they select.
 */
export class ServiceTypes extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'shop' });

    const web = new kplus.Deployment(this, 'web', {
      metadata: { name: 'web' },
      podMetadata: { labels: { app: 'web', tier: 'frontend' } },
      containers: [{ image: 'nginx:1.27', ports: [{ number: 8080, name: 'http' }], securityContext: { ensureNonRoot: false } }],
    });

    // ClusterIP, the default: a virtual IP inside the cluster, targeting the container port by name.
    new ClusterIpService(this, 'web-service', {
      metadata: { name: 'web' },
      selector: ServiceSelector.fromWorkload(web),
      ports: [{ name: 'http', port: 80, targetPort: TargetPort.named('http'), appProtocol: 'http' }],
      sessionAffinity: SessionAffinity.clientIp(Duration.hours(1)),
    });

    new kplus.Deployment(this, 'coredns', {
      metadata: { name: 'internal-dns' },
      podMetadata: { labels: { app: 'coredns' } },
      containers: [{ image: 'coredns/coredns:1.11.3', ports: [{ number: 53, protocol: kplus.Protocol.UDP }, { number: 53, protocol: kplus.Protocol.TCP }], securityContext: { ensureNonRoot: false } }],
    });

    // ClusterIP with a fixed address from the service range.
    new ClusterIpService(this, 'dns-service', {
      metadata: { name: 'internal-dns' },
      selector: ServiceSelector.fromLabels({ app: 'coredns' }),
      clusterIp: '10.96.0.53',
      ports: [
        { name: 'dns', port: 53, protocol: Protocol.UDP },
        { name: 'dns-tcp', port: 53, protocol: Protocol.TCP },
      ],
    });

    // Headless: no virtual IP; DNS returns each pod's address, ready or not, for peer discovery.
    const cache = new kplus.Deployment(this, 'cache', {
      metadata: { name: 'cache' },
      replicas: 3,
      podMetadata: { labels: { app: 'cache' } },
      containers: [{ image: 'redis:7', portNumber: 6379, securityContext: { ensureNonRoot: false } }],
    });
    new HeadlessService(this, 'cache-peers', {
      metadata: { name: 'cache-peers' },
      selector: ServiceSelector.fromWorkload(cache),
      ports: [{ name: 'redis', port: 6379 }],
      publishNotReadyAddresses: true,
    });

    // LoadBalancer: an external load balancer, restricted to two networks, keeping client IPs.
    new LoadBalancerService(this, 'web-public', {
      metadata: {
        name: 'web-public',
        annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' },
      },
      selector: ServiceSelector.fromWorkload(web),
      ports: [{ name: 'https', port: 443, targetPort: TargetPort.number(8080) }],
      loadBalancerSourceRanges: ['203.0.113.0/24', '198.51.100.0/24'],
      externalTrafficPolicy: ExternalTrafficPolicy.LOCAL,
    });

    // ExternalName: a DNS alias for a managed database outside the cluster.
    new ExternalNameService(this, 'billing-db', {
      metadata: { name: 'billing-db' },
      externalName: 'billing.db.example.com',
      ports: [{ name: 'postgres', port: 5432 }],
    });
  }
}
