import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { Canary } from '../../../src';
import { bookinfo } from './bookinfo';

/**
 * Istio's "Traffic Shifting" task: half of the reviews traffic moves from v1 to v3. A
 * `Canary` writes the DestinationRule with both subsets and the weighted VirtualService;
 * moving the rest of the traffic is changing `canaryWeight` to 100.
 * https://istio.io/latest/docs/tasks/traffic-management/traffic-shifting/
 */
export class TrafficShifting extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'traffic-shifting' });
    // reviews' DestinationRule comes from the Canary: bookinfo leaves the subsets out
    const app = bookinfo(this, { withSubsets: false });
    new Canary(this, 'reviews-v3-canary', {
      service: app.reviews,
      stable: app.workloads['reviews-v1'],
      canary: app.workloads['reviews-v3'],
      stableSubsetName: 'v1',
      canarySubsetName: 'v3',
      canaryWeight: 50,
    });
  }
}
