import { App } from 'cdk8s';
import { ExternalEndpoints } from './charts/external-endpoints';
import { SeedServices } from './charts/seed-services';
import { SeedVirtualServices } from './charts/seed-virtual-services';
import { ServiceTypes } from './charts/service-types';
import { TrafficManagement } from './charts/traffic-management';
import { CircuitBreaking } from './charts/istio-tasks/circuit-breaking';
import { EgressTlsOrigination } from './charts/istio-tasks/egress-tls-origination';
import { FaultInjection } from './charts/istio-tasks/fault-injection';
import { IngressGateway } from './charts/istio-tasks/ingress-gateway';
import { RequestRouting } from './charts/istio-tasks/request-routing';
import { RequestTimeouts } from './charts/istio-tasks/request-timeouts';
import { TrafficShifting } from './charts/istio-tasks/traffic-shifting';

/** Builds the example app; `cdk8s synth` writes one YAML file per chart to dist/. */
export function buildExamples(app: App): App {
  new SeedServices(app, 'seed-services');
  new ServiceTypes(app, 'service-types');
  new ExternalEndpoints(app, 'external-endpoints');
  new SeedVirtualServices(app, 'seed-virtual-services');
  new TrafficManagement(app, 'traffic-management');
  // Istio's traffic-management tasks, one chart (and namespace) each
  new RequestRouting(app, 'istio-request-routing');
  new TrafficShifting(app, 'istio-traffic-shifting');
  new FaultInjection(app, 'istio-fault-injection');
  new RequestTimeouts(app, 'istio-request-timeouts');
  new CircuitBreaking(app, 'istio-circuit-breaking');
  new IngressGateway(app, 'istio-ingress-gateway');
  new EgressTlsOrigination(app, 'istio-egress-tls-origination');
  return app;
}

if (require.main === module) {
  buildExamples(new App()).synth();
}
