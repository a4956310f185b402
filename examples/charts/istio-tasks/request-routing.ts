import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { Destination, Host, StringMatch, VirtualService } from '../../../src';
import { bookinfo } from './bookinfo';

/**
 * Istio's "Request Routing" task: every Bookinfo service is pinned to v1, then the user
 * `jason` (the `end-user` header the productpage sets) is routed to reviews v2.
 * https://istio.io/latest/docs/tasks/traffic-management/request-routing/
 */
export class RequestRouting extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'request-routing' });
    const app = bookinfo(this);

    for (const name of ['productpage', 'details', 'ratings'] as const) {
      new VirtualService(this, `${name}-routes`, {
        metadata: { name },
        hosts: [Host.service(app[name])],
        http: [{ route: [{ destination: Destination.service(app[name], { subset: app.subsets[name].v1 }) }] }],
      });
    }

    new VirtualService(this, 'reviews-routes', {
      metadata: { name: 'reviews' },
      hosts: [Host.service(app.reviews)],
      http: [
        {
          match: [{ headers: { 'end-user': StringMatch.exact('jason') } }],
          route: [{ destination: Destination.service(app.reviews, { subset: app.subsets.reviews.v2 }) }],
        },
        { route: [{ destination: Destination.service(app.reviews, { subset: app.subsets.reviews.v1 }) }] },
      ],
    });
  }
}
