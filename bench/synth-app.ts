/**
 * One synth measurement, run in its own process by bench/run.ts:
 *   synth-app.ts <variant a|b|c> <N> <outdir>
 * Builds N "apps" (two Deployments, v1 and v2; a Service; a DestinationRule with a subset
 * per version and a traffic policy; a VirtualService with a fault, a 90/10 split, retries and
 * a timeout; Service types rotate ClusterIP, NodePort, LoadBalancer) and one Gateway for all,
 * in one chart, runs
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

function container(i: number, version: string) {
  return { image: `registry.example.com/app-${i}:${version}`, ports: [{ number: 8080, name: 'http' }], securityContext: { ensureNonRoot: false } };
}

const VERSIONS = ['v1', 'v2'] as const;

/** The DestinationRule spec every variant writes (rendered by hand for b and c). */
function rawDestinationRuleSpec(host: string) {
  return {
    host,
    trafficPolicy: {
      loadBalancer: { simple: 'LEAST_REQUEST' },
      connectionPool: { tcp: { maxConnections: 100 }, http: { http1MaxPendingRequests: 10, maxRequestsPerConnection: 10 } },
      outlierDetection: { consecutive5xxErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 50 },
    },
    subsets: VERSIONS.map(version => ({ name: version, labels: { version } })),
  };
}

/** The one Gateway of every variant. */
const RAW_GATEWAY_SPEC = {
  selector: { istio: 'ingressgateway' },
  servers: [
    { port: { number: 80, name: 'http-80', protocol: 'HTTP' }, hosts: ['*.example.com'], tls: { httpsRedirect: true } },
    { port: { number: 443, name: 'https-443', protocol: 'HTTPS' }, hosts: ['*.example.com'], tls: { mode: 'SIMPLE', credentialName: 'example-com' } },
  ],
};

/** The VirtualService spec every variant writes (rendered by hand for b and c). */
function rawVirtualServiceSpec(host: string) {
  const to = (subset: string) => ({ host, subset, port: { number: 80 } });
  return {
    hosts: [host],
    http: [
      {
        match: [{ headers: { 'x-chaos': { exact: 'on' } } }],
        fault: { delay: { fixedDelay: '2s', percentage: { value: 5 } }, abort: { httpStatus: 503, percentage: { value: 1 } } },
        route: [{ destination: to('v1') }],
      },
      {
        route: [{ destination: to('v1'), weight: 90 }, { destination: to('v2'), weight: 10 }],
        timeout: '10s',
        retries: { attempts: 3, perTryTimeout: '2s', retryOn: 'gateway-error,connect-failure,refused-stream' },
      },
    ],
  };
}

function appA(scope: Construct, i: number): void {
  const name = `app-${i}`;
  const [v1, v2] = VERSIONS.map(version => new kplus.Deployment(scope, `deployment-${version}`, {
    metadata: { name: `${name}-${version}` }, podMetadata: { labels: { app: name, version } }, containers: [container(i, version)],
  }));
  const common = {
    metadata: { name },
    selector: traffic.ServiceSelector.fromLabels({ app: name }),
    ports: [{ name: 'http', port: 80, targetPort: traffic.TargetPort.named('http') }],
  };
  const type = TYPES[i % 3];
  const service = type === 'ClusterIP' ? new traffic.ClusterIpService(scope, 'service', common)
    : type === 'NodePort' ? new traffic.NodePortService(scope, 'service', common)
      : new traffic.LoadBalancerService(scope, 'service', { ...common, loadBalancerSourceRanges: SOURCE_RANGES });
  const rule = new traffic.DestinationRule(scope, 'rule', {
    metadata: { name },
    host: traffic.Host.service(service),
    trafficPolicy: {
      loadBalancer: traffic.LoadBalancer.leastRequest(),
      connectionPool: traffic.ConnectionPool.tcpAndHttp({ maxConnections: 100 }, { http1MaxPendingRequests: 10, maxRequestsPerConnection: 10 }),
      outlierDetection: traffic.OutlierDetection.consecutiveErrors({
        consecutive5xxErrors: 5, interval: Duration.seconds(10), baseEjectionTime: Duration.seconds(30), maxEjectionPercent: 50,
      }),
    },
  });
  // subsets from the workloads: the label that tells them apart, version
  const [stable, canary] = [rule.addSubset('v1', { workload: v1 }), rule.addSubset('v2', { workload: v2 })];
  const to = (subset: TrafficTypes.Subset) => traffic.Destination.service(service, { port: 80, subset });
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
        route: [{ destination: to(stable) }],
      },
      {
        route: [{ destination: to(stable), weight: 90 }, { destination: to(canary), weight: 10 }],
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
  for (const version of VERSIONS) {
    new kplus.Deployment(scope, `deployment-${version}`, {
      metadata: { name: `${name}-${version}` }, podMetadata: { labels: { app: name, version } }, containers: [container(i, version)],
    });
  }
  const type = [kplus.ServiceType.CLUSTER_IP, kplus.ServiceType.NODE_PORT, kplus.ServiceType.LOAD_BALANCER][i % 3];
  new kplus.Service(scope, 'service', {
    metadata: { name },
    type,
    selector: kplus.Pods.select(scope, 'pods', { labels: { app: name } }),
    ports: [{ name: 'http', port: 80, targetPort: 8080 }],
    ...(type === kplus.ServiceType.LOAD_BALANCER ? { loadBalancerSourceRanges: SOURCE_RANGES } : {}),
  });
  rawIstioObjects(scope, name);
}

/** The DestinationRule and VirtualService of one app as raw ApiObjects (variants b and c). */
function rawIstioObjects(scope: Construct, name: string): void {
  const host = `${name}.default.svc.cluster.local`;
  new ApiObject(scope, 'rule', {
    apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name },
    spec: rawDestinationRuleSpec(host),
  });
  new ApiObject(scope, 'routes', {
    apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name },
    spec: rawVirtualServiceSpec(host),
  });
}

function appC(scope: Construct, i: number): void {
  const name = `app-${i}`;
  const labels = { app: name };
  for (const version of VERSIONS) {
    const podLabels = { ...labels, version };
    new ApiObject(scope, `deployment-${version}`, {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: `${name}-${version}` },
      spec: {
        replicas: 2,
        selector: { matchLabels: podLabels },
        template: { metadata: { labels: podLabels }, spec: { containers: [{ name: 'main', image: `registry.example.com/app-${i}:${version}`, ports: [{ containerPort: 8080, name: 'http' }] }] } },
      },
    });
  }
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
  rawIstioObjects(scope, name);
}

/** The one Gateway of the app: a construct in variants a, a raw ApiObject in b and c. */
function gateway(chart: Chart, variant: Variant): void {
  if (variant === 'a' || variant === 'a0') {
    const hosts = [traffic.ServerHost.of('*.example.com')];
    new traffic.Gateway(chart, 'gateway', {
      metadata: { name: 'public' },
      selector: traffic.GatewaySelector.ingressGateway(),
      servers: [
        traffic.Server.http({ hosts, httpsRedirect: true }),
        traffic.Server.https({ hosts, tls: traffic.ServerTls.simple({ credentialName: 'example-com' }) }),
      ],
    });
  } else {
    new ApiObject(chart, 'gateway', { apiVersion: 'networking.istio.io/v1', kind: 'Gateway', metadata: { name: 'public' }, spec: RAW_GATEWAY_SPEC });
  }
}

function main(): void {
  const [variant, count, outdir] = process.argv.slice(2) as [Variant, string, string];
  const n = Number(count);
  const build = { a: appA, a0: appA, b: appB, c: appC }[variant];
  const started = performance.now();
  const app = new App({ outdir });
  if (variant === 'a0') app.node.setContext(traffic.ContextKeys.VALIDATION, 'off');
  const chart = new Chart(app, 'apps');
  gateway(chart, variant);
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
