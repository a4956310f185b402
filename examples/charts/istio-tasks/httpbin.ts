import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ClusterIpService, ServiceSelector, TargetPort } from '../../../src';

/** Istio's `httpbin` sample: one Deployment, and a Service on port 8000 to the pods' 8080. */
export function httpbin(scope: Construct): ClusterIpService {
  const workload = new kplus.Deployment(scope, 'httpbin-v1', {
    metadata: { name: 'httpbin' },
    podMetadata: { labels: { app: 'httpbin', version: 'v1' } },
    containers: [{
      image: 'docker.io/mccutchen/go-httpbin:v2.15.0',
      ports: [{ number: 8080, name: 'http' }],
      securityContext: { ensureNonRoot: false },
    }],
  });
  return new ClusterIpService(scope, 'httpbin', {
    metadata: { name: 'httpbin', labels: { app: 'httpbin', service: 'httpbin' } },
    selector: ServiceSelector.fromWorkload(workload),
    ports: [{ name: 'http', port: 8000, targetPort: TargetPort.number(8080) }],
  });
}
