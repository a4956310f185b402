import { ApiObject, App, Chart, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Canary, ClusterIpService, Retry, ServiceSelector, StringMatch } from '../../src';

function deployment(chart: Chart, id: string, labels: Record<string, string>, namespace?: string): ApiObject {
  return new ApiObject(chart, id, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: id, ...(namespace ? { namespace } : {}) },
    spec: {
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'app', image: `example/${id}:1` }] } },
    },
  });
}

function setup(selector?: (stable: ApiObject) => ServiceSelector) {
  const app = Testing.app();
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  const stable = deployment(chart, 'reviews-v1', { app: 'reviews', version: 'v1' });
  const canary = deployment(chart, 'reviews-v2', { app: 'reviews', version: 'v2' });
  const service = new ClusterIpService(chart, 'reviews', {
    metadata: { name: 'reviews' },
    selector: selector ? selector(stable) : ServiceSelector.fromLabels({ app: 'reviews' }),
    ports: [{ port: 9080, name: 'http' }],
  });
  return { app, chart, stable, canary, service };
}

function objectsOf(chart: Chart, kind: string): any[] {
  return Testing.synth(chart).filter(o => o.kind === kind);
}

describe('Canary', () => {
  it('writes a DestinationRule with a subset per workload and the weighted split', () => {
    const { chart, stable, canary, service } = setup();
    new Canary(chart, 'reviews-canary', { service, stable, canary, canaryWeight: 10 });
    const [rule] = objectsOf(chart, 'DestinationRule');
    expect(rule).toEqual({
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: 'reviews', namespace: 'shop' },
      spec: {
        host: 'reviews.shop.svc.cluster.local',
        subsets: [{ name: 'stable', labels: { version: 'v1' } }, { name: 'canary', labels: { version: 'v2' } }],
      },
    });
    const [routes] = objectsOf(chart, 'VirtualService');
    expect(routes.metadata).toEqual({ name: 'reviews', namespace: 'shop' });
    expect(routes.spec).toEqual({
      hosts: ['reviews.shop.svc.cluster.local'],
      http: [{
        name: 'canary-split',
        route: [
          { destination: { host: 'reviews.shop.svc.cluster.local', subset: 'stable' }, weight: 90 },
          { destination: { host: 'reviews.shop.svc.cluster.local', subset: 'canary' }, weight: 10 },
        ],
      }],
    });
  });

  it('shifts traffic by changing the weight', () => {
    for (const weight of [0, 50, 100]) {
      const { chart, stable, canary, service } = setup();
      new Canary(chart, 'reviews-canary', { service, stable, canary, canaryWeight: weight });
      const [routes] = objectsOf(chart, 'VirtualService');
      expect(routes.spec.http[0].route.map((r: any) => r.weight)).toEqual([100 - weight, weight]);
    }
  });

  it('sends requests matching canaryMatch to the canary, with retries, timeout and port on both routes', () => {
    const { chart, stable, canary, service } = setup();
    new Canary(chart, 'reviews-canary', {
      service, stable, canary, canaryWeight: 5, port: 9080,
      canaryMatch: { headers: { 'x-canary': StringMatch.exact('always') } },
      retries: Retry.onGatewayErrors(3), timeout: Duration.seconds(10),
      stableSubsetName: 'v1', canarySubsetName: 'v2',
    });
    const [routes] = objectsOf(chart, 'VirtualService');
    const destination = (subset: string) => ({ host: 'reviews.shop.svc.cluster.local', subset, port: { number: 9080 } });
    expect(routes.spec.http).toEqual([
      {
        name: 'canary-match',
        match: [{ headers: { 'x-canary': { exact: 'always' } } }],
        route: [{ destination: destination('v2') }],
        retries: { attempts: 3, retryOn: 'gateway-error,connect-failure,refused-stream' },
        timeout: '10s',
      },
      {
        name: 'canary-split',
        route: [{ destination: destination('v1'), weight: 95 }, { destination: destination('v2'), weight: 5 }],
        retries: { attempts: 3, retryOn: 'gateway-error,connect-failure,refused-stream' },
        timeout: '10s',
      },
    ]);
    expect(objectsOf(chart, 'DestinationRule')[0].spec.subsets.map((s: any) => s.name)).toEqual(['v1', 'v2']);
  });

  it('works with cdk8s-plus workloads', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    const make = (version: string) => new kplus.Deployment(chart, `api-${version}`, {
      podMetadata: { labels: { app: 'api', version } },
      containers: [{ image: `example/api:${version}`, portNumber: 8080, securityContext: { ensureNonRoot: false } }],
    });
    const stable = make('v1');
    const canary = make('v2');
    const service = new ClusterIpService(chart, 'api', { metadata: { name: 'api' }, selector: ServiceSelector.fromLabels({ app: 'api' }), ports: [{ port: 80 }] });
    new Canary(chart, 'api-canary', { service, stable, canary, canaryWeight: 20 });
    const [rule] = objectsOf(chart, 'DestinationRule');
    expect(rule.spec.subsets).toEqual([{ name: 'stable', labels: { version: 'v1' } }, { name: 'canary', labels: { version: 'v2' } }]);
  });

  describe('at synth', () => {
    it('fails when the Service selector was copied from the stable workload (CAN001)', () => {
      const { app, chart, stable, canary, service } = setup(workload => ServiceSelector.fromWorkload(workload));
      new Canary(chart, 'reviews-canary', { service, stable, canary, canaryWeight: 10 });
      expect(() => app.synth()).toThrow(
        '[shop/reviews-canary] CAN001 spec.selector: Service reviews selects app=reviews, version=v1, but the pods of the canary workload shop/reviews-v2 are labelled app=reviews, version=v2 (version differ), so the Service never reaches them and the canary subset gets no traffic; select by the labels both workloads share (app=reviews), and let the DestinationRule\'s subsets tell them apart (canary-service-reaches-workloads)');
    });

    it('fails when no label tells the two workloads apart (DR091)', () => {
      const app = Testing.app();
      const chart = new Chart(app, 'shop', { namespace: 'shop' });
      const stable = deployment(chart, 'a', { app: 'reviews' });
      const canary = deployment(chart, 'b', { app: 'reviews' });
      const service = new ClusterIpService(chart, 'reviews', { metadata: { name: 'reviews' }, selector: ServiceSelector.fromLabels({ app: 'reviews' }), ports: [{ port: 80 }] });
      new Canary(chart, 'reviews-canary', { service, stable, canary, canaryWeight: 10 });
      expect(() => app.synth()).toThrow(/DR091 spec\.subsets\[0\]\.labels: subset "stable": the pod labels of workload shop\/a are all shared by the workloads of subsets "canary"/);
    });

    it('fails when a workload is in another namespace than the Service', () => {
      const app = Testing.app();
      const chart = new Chart(app, 'shop', { namespace: 'shop' });
      const stable = deployment(chart, 'v1', { app: 'reviews', version: 'v1' });
      const canary = deployment(chart, 'v2', { app: 'reviews', version: 'v2' }, 'staging');
      const service = new ClusterIpService(chart, 'reviews', { metadata: { name: 'reviews' }, selector: ServiceSelector.fromLabels({ app: 'reviews' }), ports: [{ port: 80 }] });
      new Canary(chart, 'reviews-canary', { service, stable, canary, canaryWeight: 10 });
      expect(() => app.synth()).toThrow('the canary workload shop/v2 is in namespace "staging" but Service reviews is in "shop"');
    });

    it('fails when the Service has no selector', () => {
      const app = new App();
      const chart = new Chart(app, 'shop', { namespace: 'shop' });
      const stable = deployment(chart, 'v1', { app: 'reviews', version: 'v1' });
      const canary = deployment(chart, 'v2', { app: 'reviews', version: 'v2' });
      const service = new ClusterIpService(chart, 'reviews', { metadata: { name: 'reviews' }, ports: [{ port: 80 }] });
      new Canary(chart, 'reviews-canary', { service, stable, canary, canaryWeight: 10 });
      expect(() => app.synth()).toThrow('CAN001 spec.selector: Service reviews has no selector');
    });
  });

  it.each([150, -1, 12.5])('refuses the weight %p', weight => {
    const { chart, stable, canary, service } = setup();
    expect(() => new Canary(chart, 'reviews-canary', { service, stable, canary, canaryWeight: weight }))
      .toThrow(/^VS038 \[shop\/reviews-canary\] canaryWeight .* must be a whole number from 0 to 100/);
  });
});
