import { Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { ClusterIpService, Destination, Fault, Host, Percent, Retry, ServiceSelector, VirtualService, VirtualServiceApiVersion } from '../../src';

/**
 * The reference text's VirtualService examples, in the v1alpha3 API they are written in,
 * with the Service `foo` they route to. Both route host foo for the mesh, so applying them
 * together makes sidecars use only one of them: validation warns about that (XR004).
 */
export class SeedVirtualServices extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    // The Service the routes send traffic to (host foo): the pods labelled app: foo.
    new ClusterIpService(this, 'foo', {
      metadata: { name: 'foo' },
      selector: ServiceSelector.fromLabels({ app: 'foo' }),
      ports: [{ name: 'http', port: 80 }],
    });

    // Retries failed requests to foo 3 times, with a 2s timeout for each try.
    new VirtualService(this, 'foo-retry-virtualservice', {
      metadata: { name: 'foo-retry-virtualservice' },
      apiVersion: VirtualServiceApiVersion.V1ALPHA3,
      hosts: [Host.of('foo')],
      http: [{
        route: [{ destination: Destination.host('foo') }],
        retries: Retry.onFailure({ attempts: 3, perTryTimeout: Duration.seconds(2) }),
      }],
    });

    // Delays 0.1% of the requests to foo by 5s.
    new VirtualService(this, 'foo-delay-virtualservice', {
      metadata: { name: 'foo-delay-virtualservice' },
      apiVersion: VirtualServiceApiVersion.V1ALPHA3,
      hosts: [Host.of('foo')],
      http: [{
        fault: Fault.delay({ fixedDelay: Duration.seconds(5), percentage: Percent.of(0.1) }),
        route: [{ destination: Destination.host('foo') }],
      }],
    });
  }
}
