import { App } from 'cdk8s';
import { ExternalEndpoints } from './charts/external-endpoints';
import { SeedServices } from './charts/seed-services';
import { SeedVirtualServices } from './charts/seed-virtual-services';
import { ServiceTypes } from './charts/service-types';
import { TrafficManagement } from './charts/traffic-management';

/** Builds the example app; `cdk8s synth` writes one YAML file per chart to dist/. */
export function buildExamples(app: App): App {
  new SeedServices(app, 'seed-services');
  new ServiceTypes(app, 'service-types');
  new ExternalEndpoints(app, 'external-endpoints');
  new SeedVirtualServices(app, 'seed-virtual-services');
  new TrafficManagement(app, 'traffic-management');
  return app;
}

if (require.main === module) {
  buildExamples(new App()).synth();
}
