import { Chart, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  ClusterIpService, Destination, DestinationRule, Fault, Gateway, GatewaySelector, GrpcStatus, Host, LoadBalancer, MESH_GATEWAY, Percent,
  Retry, RetryOn, Server, ServerHost, ServerTls, ServiceSelector, StringMatch, TargetPort, VirtualService,
} from '../../src';

/**
 * Routing to Service constructs: a canary split with retries and a timeout, a header
 * match, fault injection for a test user, and an HTTP-to-HTTPS redirect at the gateway.
 */
export class TrafficManagement extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'bookinfo' });

    // reviews runs three versions behind one Service (selected by app only); the
    // DestinationRule's subsets, taken from the version workloads, tell them apart.
    const [reviewsV1, reviewsV2, reviewsV3] = ['v1', 'v2', 'v3'].map(version => new kplus.Deployment(this, `reviews-${version}`, {
      metadata: { name: `reviews-${version}` },
      podMetadata: { labels: { app: 'reviews', version } },
      containers: [{ image: `docker.io/istio/examples-bookinfo-reviews-${version}:1.20.2`, ports: [{ number: 9080, name: 'http' }], securityContext: { ensureNonRoot: false } }],
    }));
    const reviews = new ClusterIpService(this, 'reviews', {
      metadata: { name: 'reviews' },
      selector: ServiceSelector.fromLabels({ app: 'reviews' }),
      ports: [{ name: 'http', port: 9080, targetPort: TargetPort.named('http') }],
    });
    const reviewsRule = new DestinationRule(this, 'reviews-destination-rule', {
      metadata: { name: 'reviews' },
      host: Host.service(reviews),
      trafficPolicy: { loadBalancer: LoadBalancer.leastRequest() },
    });
    const v1 = reviewsRule.addSubset('v1', { workload: reviewsV1 });
    const v2 = reviewsRule.addSubset('v2', { workload: reviewsV2 });
    const v3 = reviewsRule.addSubset('v3', { workload: reviewsV3 });
    const ratingsApp = new kplus.Deployment(this, 'ratings-app', {
      metadata: { name: 'ratings' },
      podMetadata: { labels: { app: 'ratings' } },
      containers: [{ image: 'docker.io/istio/examples-bookinfo-ratings-v1:1.20.2', ports: [{ number: 9090, name: 'grpc' }, { number: 9080, name: 'http' }], securityContext: { ensureNonRoot: false } }],
    });
    const ratings = new ClusterIpService(this, 'ratings', {
      metadata: { name: 'ratings' },
      selector: ServiceSelector.fromWorkload(ratingsApp),
      ports: [{ name: 'grpc', port: 9090, appProtocol: 'grpc' }, { name: 'http', port: 9080 }],
    });

    // Reviews: testers get v3, everyone else a 90/10 canary split, with retries on gateway errors.
    new VirtualService(this, 'reviews-routes', {
      metadata: { name: 'reviews' },
      hosts: [Host.service(reviews)],
      http: [
        {
          name: 'testers',
          match: [{ headers: { 'end-user': StringMatch.exact('tester') } }],
          route: [{ destination: Destination.service(reviews, { subset: v3 }) }],
        },
        {
          name: 'canary',
          route: [
            { destination: Destination.service(reviews, { subset: v1 }), weight: 90 },
            { destination: Destination.service(reviews, { subset: v2 }), weight: 10 },
          ],
          timeout: Duration.seconds(10),
          retries: Retry.onFailure({
            attempts: 3,
            perTryTimeout: Duration.seconds(2),
            retryOn: [RetryOn.GATEWAY_ERROR, RetryOn.CONNECT_FAILURE, RetryOn.statusCode(503)],
          }),
        },
      ],
    });

    // Ratings: a 1s delay on 10% and UNAVAILABLE on 5% of the gRPC calls from the test client.
    new VirtualService(this, 'ratings-routes', {
      metadata: { name: 'ratings' },
      hosts: [Host.service(ratings)],
      http: [
        {
          name: 'chaos',
          match: [{ sourceLabels: { app: 'chaos-client' } }],
          fault: Fault.delayAndAbort(
            { fixedDelay: Duration.seconds(1), percentage: Percent.of(10) },
            { grpcStatus: GrpcStatus.UNAVAILABLE, percentage: Percent.of(5) },
          ),
          route: [{ destination: Destination.service(ratings, { port: 9090 }) }],
        },
        {
          name: 'default',
          route: [{ destination: Destination.service(ratings, { port: 9090 }) }],
          retries: Retry.onGrpcUnavailable(),
        },
      ],
    });

    // Public entry through the ingress gateway: plain HTTP is redirected to HTTPS; /reviews is
    // forwarded (to v1, as the mesh routes it) for mesh clients too.
    const hosts = [ServerHost.of('bookinfo.example.com')];
    const publicGateway = new Gateway(this, 'public-gateway', {
      metadata: { name: 'public-gateway', namespace: 'istio-ingress' },
      selector: GatewaySelector.ingressGateway(),
      servers: [
        Server.http({ hosts }),
        Server.https({ hosts, tls: ServerTls.simple({ credentialName: 'bookinfo-credential' }) }),
      ],
    });
    new VirtualService(this, 'public-routes', {
      metadata: { name: 'public' },
      hosts: [Host.of('bookinfo.example.com')],
      gateways: [publicGateway, MESH_GATEWAY],
      http: [
        {
          name: 'https-redirect',
          match: [{ scheme: StringMatch.exact('http'), gateways: [publicGateway] }],
          redirect: { scheme: 'https', redirectCode: 308 },
        },
        {
          name: 'reviews',
          match: [{ uri: StringMatch.prefix('/reviews') }],
          route: [{ destination: Destination.service(reviews, { subset: v1 }) }],
          corsPolicy: { allowOrigins: [StringMatch.exact('https://www.example.com')], allowMethods: ['GET'], maxAge: Duration.hours(1) },
        },
        {
          name: 'not-found',
          directResponse: { status: 404, body: 'not found' },
        },
      ],
    });
  }
}
