import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { ClusterIpService, EndpointSlice, TargetPort } from '../../src';

/**
 * A Service without a selector, backed by an EndpointSlice the app writes: in-cluster
 * clients use `legacy-db.data.svc.cluster.local` and reach two hosts outside the cluster.
 */
export class ExternalEndpoints extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'data' });

    const db = new ClusterIpService(this, 'legacy-db', {
      metadata: { name: 'legacy-db' },
      ports: [{ name: 'postgres', port: 5432, targetPort: TargetPort.number(15432) }],
    });

    new EndpointSlice(this, 'legacy-db-endpoints', {
      metadata: { name: 'legacy-db-1' },
      service: db,
      endpoints: [
        { addresses: ['192.0.2.41'], ready: true, zone: 'eu-west-1a' },
        { addresses: ['192.0.2.42'], ready: true, zone: 'eu-west-1b' },
      ],
    });
  }
}
