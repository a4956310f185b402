import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { NodePortService, ServiceSelector, TargetPort } from '../../src';

/**
 * The reference text's Service examples: `foo-service`, and
 * `kubectl expose deployment nginx --port=80 --type=NodePort`.
 */
export class SeedServices extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    // The pods foo-service exposes.
    new kplus.Deployment(this, 'foo', {
      metadata: { name: 'foo' },
      podMetadata: { labels: { app: 'foo' } },
      containers: [{ image: 'nginx:1.27', portNumber: 80, securityContext: { ensureNonRoot: false, readOnlyRootFilesystem: false } }],
    });

    // Exposes the pods labelled app: foo; requests to any node on port 30007 reach the pods on port 80.
    new NodePortService(this, 'foo-service', {
      metadata: { name: 'foo-service' },
      selector: ServiceSelector.fromLabels({ app: 'foo' }),
      ports: [{ port: 80, targetPort: TargetPort.number(80), nodePort: 30007 }],
    });

    // kubectl create deployment nginx --image=nginx; kubectl expose deployment nginx --port=80 --type=NodePort
    const nginx = new kplus.Deployment(this, 'nginx', {
      metadata: { name: 'nginx' },
      podMetadata: { labels: { app: 'nginx' } },
      containers: [{ image: 'nginx:1.27', portNumber: 80, securityContext: { ensureNonRoot: false, readOnlyRootFilesystem: false } }],
    });
    NodePortService.expose(nginx, { port: 80 });
  }
}
