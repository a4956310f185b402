import { Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { Destination, Fault, Host, Percent, VirtualService } from '../../../src';
import { bookinfo } from './bookinfo';

/**
 * Istio's "Request Timeouts" task: calls to reviews (v2, which calls ratings) time out after
 * half a second, and ratings is slowed down by 2 seconds, so the timeout fires.
 * https://istio.io/latest/docs/tasks/traffic-management/request-timeouts/
 */
export class RequestTimeouts extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'request-timeouts' });
    const app = bookinfo(this);

    new VirtualService(this, 'reviews-routes', {
      metadata: { name: 'reviews' },
      hosts: [Host.service(app.reviews)],
      http: [{
        route: [{ destination: Destination.service(app.reviews, { subset: app.subsets.reviews.v2 }) }],
        timeout: Duration.millis(500),
      }],
    });

    new VirtualService(this, 'ratings-routes', {
      metadata: { name: 'ratings' },
      hosts: [Host.service(app.ratings)],
      http: [{
        fault: Fault.delay({ fixedDelay: Duration.seconds(2), percentage: Percent.all() }),
        route: [{ destination: Destination.service(app.ratings, { subset: app.subsets.ratings.v1 }) }],
      }],
    });
  }
}
