/**
 * One synth measurement, run in its own process by bench/run.ts:
 *   synth-app.ts <variant a|b|c> <N> <outdir>
 * Builds N "apps" (a Deployment, a Service and a VirtualService with retries and a fault
 * each; Service types rotate ClusterIP, NodePort, LoadBalancer) in one chart, runs
 * `app.synth()` into outdir and prints {"buildMs", "synthMs", "maxRssMb"} as JSON.
 *   a: cdk8s-traffic constructs (every rule runs at synth)
 *   a0: the same with synth-time validation off (context cdk8s-traffic:validation = off)
 *   b: cdk8s-plus-28 Service and a raw ApiObject VirtualService (no validation)
 *   c: raw ApiObjects only
 */
import { performance } from 'perf_hooks';
import { ApiObject, App, Chart, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import type * as TrafficTypes from '../src';

// The compiled package, as users get it. `npm run bench` builds lib/ first; the types come
// from src/ so that typechecking a fresh clone does not depend on a build.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const traffic: typeof TrafficTypes = require('../lib');

type Variant = 'a' | 'a0' | 'b' | 'c';
const TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer'] as const;
const SOURCE_RANGES = ['203.0.113.0/24'];

function container(i: number) {
  return { image: `registry.example.com/app-${i}:1.0`, ports: [{ number: 8080, name: 'http' }], securityContext: { ensureNonRoot: false } };
}

/** The VirtualService spec every variant writes (rendered by hand for b and c). */
function rawVirtualServiceSpec(host: string) {
  return {
    hosts: [host],
    http: [
      {
        match: [{ headers: { 'x-chaos': { exact: 'on' } } }],
        fault: { delay: { fixedDelay: '2s', percentage: { value: 5 } }, abort: { httpStatus: 503, percentage: { value: 1 } } },
        route: [{ destination: { host, port: { number: 80 } } }],
      },
      {
        route: [{ destination: { host, port: { number: 80 } } }],
        timeout: '10s',
        retries: { attempts: 3, perTryTimeout: '2s', retryOn: 'gateway-error,connect-failure,refused-stream' },
      },
    ],
  };
}

function appA(scope: Construct, i: number): void {
  const name = `app-${i}`;
  const deployment = new kplus.Deployment(scope, 'deployment', { metadata: { name }, podMetadata: { labels: { app: name } }, containers: [container(i)] });
  const common = {
    metadata: { name },
    selector: traffic.ServiceSelector.fromWorkload(deployment),
    ports: [{ name: 'http', port: 80, targetPort: traffic.TargetPort.named('http') }],
  };
  const type = TYPES[i % 3];
  const service = type === 'ClusterIP' ? new traffic.ClusterIpService(scope, 'service', common)
    : type === 'NodePort' ? new traffic.NodePortService(scope, 'service', common)
      : new traffic.LoadBalancerService(scope, 'service', { ...common, loadBalancerSourceRanges: SOURCE_RANGES });
  const destination = traffic.Destination.service(service, { port: 80 });
  new traffic.VirtualService(scope, 'routes', {
    metadata: { name },
    hosts: [traffic.Host.service(service)],
    http: [
      {
        match: [{ headers: { 'x-chaos': traffic.StringMatch.exact('on') } }],
        fault: traffic.Fault.delayAndAbort(
          { fixedDelay: Duration.seconds(2), percentage: traffic.Percent.of(5) },
          { httpStatus: 503, percentage: traffic.Percent.of(1) },
        ),
        route: [{ destination }],
      },
      {
        route: [{ destination }],
        timeout: Duration.seconds(10),
        retries: traffic.Retry.onFailure({
          attempts: 3,
          perTryTimeout: Duration.seconds(2),
          retryOn: [traffic.RetryOn.GATEWAY_ERROR, traffic.RetryOn.CONNECT_FAILURE, traffic.RetryOn.REFUSED_STREAM],
        }),
      },
    ],
  });
}

function appB(scope: Construct, i: number): void {
  const name = `app-${i}`;
  const deployment = new kplus.Deployment(scope, 'deployment', { metadata: { name }, podMetadata: { labels: { app: name } }, containers: [container(i)] });
  const type = [kplus.ServiceType.CLUSTER_IP, kplus.ServiceType.NODE_PORT, kplus.ServiceType.LOAD_BALANCER][i % 3];
  new kplus.Service(scope, 'service', {
    metadata: { name },
    type,
    selector: deployment,
    ports: [{ name: 'http', port: 80, targetPort: 8080 }],
    ...(type === kplus.ServiceType.LOAD_BALANCER ? { loadBalancerSourceRanges: SOURCE_RANGES } : {}),
  });
  new ApiObject(scope, 'routes', {
    apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name },
    spec: rawVirtualServiceSpec(`${name}.default.svc.cluster.local`),
  });
}

function appC(scope: Construct, i: number): void {
  const name = `app-${i}`;
  const labels = { app: name };
  new ApiObject(scope, 'deployment', {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name },
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'main', image: `registry.example.com/app-${i}:1.0`, ports: [{ containerPort: 8080, name: 'http' }] }] } },
    },
  });
  const type = TYPES[i % 3];
  new ApiObject(scope, 'service', {
    apiVersion: 'v1', kind: 'Service', metadata: { name },
    spec: {
      ...(type === 'ClusterIP' ? {} : { type }),
      selector: labels,
      ports: [{ name: 'http', port: 80, targetPort: 'http' }],
      ...(type === 'LoadBalancer' ? { loadBalancerSourceRanges: SOURCE_RANGES } : {}),
    },
  });
  new ApiObject(scope, 'routes', {
    apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name },
    spec: rawVirtualServiceSpec(`${name}.default.svc.cluster.local`),
  });
}

function main(): void {
  const [variant, count, outdir] = process.argv.slice(2) as [Variant, string, string];
  const n = Number(count);
  const build = { a: appA, a0: appA, b: appB, c: appC }[variant];
  const started = performance.now();
  const app = new App({ outdir });
  if (variant === 'a0') app.node.setContext(traffic.VALIDATION_CONTEXT, 'off');
  const chart = new Chart(app, 'apps');
  for (let i = 0; i < n; i++) build(new Construct(chart, `app-${i}`), i);
  const built = performance.now();
  app.synth();
  const synthesised = performance.now();
  process.stdout.write(`${JSON.stringify({
    buildMs: built - started,
    synthMs: synthesised - built,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`);
}

main();
