import { Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { ConnectionPool, DestinationRule, Host, OutlierDetection } from '../../../src';
import { httpbin } from './httpbin';

/**
 * Istio's "Circuit Breaking" task: at most one connection and one pending request to
 * httpbin, and a host that answers one 5xx is ejected for 3 minutes.
 * https://istio.io/latest/docs/tasks/traffic-management/circuit-breaking/
 */
export class CircuitBreaking extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'circuit-breaking' });
    const service = httpbin(this);

    new DestinationRule(this, 'httpbin-circuit-breaker', {
      metadata: { name: 'httpbin' },
      host: Host.service(service),
      trafficPolicy: {
        connectionPool: ConnectionPool.tcpAndHttp(
          { maxConnections: 1 },
          { http1MaxPendingRequests: 1, maxRequestsPerConnection: 1 },
        ),
        outlierDetection: OutlierDetection.consecutiveErrors({
          consecutive5xxErrors: 1,
          interval: Duration.seconds(1),
          baseEjectionTime: Duration.minutes(3),
          maxEjectionPercent: 100,
        }),
      },
    });
  }
}
