import { Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { Destination, Fault, Host, Percent, StringMatch, VirtualService } from '../../../src';
import { bookinfo } from './bookinfo';

/**
 * Istio's "Fault Injection" task on the ratings service: requests of the user `jason` are
 * delayed by 7 seconds (longer than the reviews service waits, which exposes its hard-coded
 * timeout), and requests of the user `tester` are aborted with HTTP 500.
 * https://istio.io/latest/docs/tasks/traffic-management/fault-injection/
 */
export class FaultInjection extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'fault-injection' });
    const app = bookinfo(this);
    const ratingsV1 = Destination.service(app.ratings, { subset: app.subsets.ratings.v1 });

    new VirtualService(this, 'ratings-routes', {
      metadata: { name: 'ratings' },
      hosts: [Host.service(app.ratings)],
      http: [
        {
          name: 'delay-jason',
          match: [{ headers: { 'end-user': StringMatch.exact('jason') } }],
          fault: Fault.delay({ fixedDelay: Duration.seconds(7), percentage: Percent.all() }),
          route: [{ destination: ratingsV1 }],
        },
        {
          name: 'abort-tester',
          match: [{ headers: { 'end-user': StringMatch.exact('tester') } }],
          fault: Fault.abort({ httpStatus: 500, percentage: Percent.all() }),
          route: [{ destination: ratingsV1 }],
        },
        { name: 'default', route: [{ destination: ratingsV1 }] },
      ],
    });
  }
}
