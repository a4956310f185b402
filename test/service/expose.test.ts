import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ClusterIpService, LoadBalancerService, NodePortService, TargetPort } from '../../src';
import { KubeConfigMap, KubeCronJob, kubeDeployment, KubePod, POD_SPEC } from '../selector/generated-k8s';
import { manifestsOf, newChart, synthErrors } from '../util';

const container = { image: 'nginx:1.27', portNumber: 80 };

describe('expose() of a cdk8s-plus-28 workload', () => {
  test.each([
    ['Deployment', (scope: Construct) => new kplus.Deployment(scope, 'web', { metadata: { name: 'web' }, podMetadata: { labels: { app: 'web' } }, containers: [container] })],
    ['StatefulSet', (scope: Construct) => new kplus.StatefulSet(scope, 'web', { metadata: { name: 'web' }, podMetadata: { labels: { app: 'web' } }, containers: [container] })],
    ['Pod', (scope: Construct) => new kplus.Pod(scope, 'web', { metadata: { name: 'web', labels: { app: 'web' } }, containers: [container] })],
  ])('exposes a %s under its name, selecting its pods', (_kind, make) => {
    const { app, chart } = newChart();
    const svc = ClusterIpService.expose(make(chart), { port: 80, targetPort: TargetPort.number(80) });
    expect(svc.node.path).toBe('test/web-service');
    expect(svc.name).toBe('web');
    const rendered = manifestsOf(chart, 'Service').find(s => s.metadata.name === 'web');
    expect(rendered.spec).toEqual({ selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] });
    expect(synthErrors(app)).toBeUndefined();
  });

  test("places the Service in the workload's namespace", () => {
    const { chart } = newChart();
    const web = new kplus.Deployment(chart, 'web', { metadata: { name: 'web', namespace: 'shop' }, podMetadata: { labels: { app: 'web' } }, containers: [container] });
    const svc = LoadBalancerService.expose(web, { port: 443, targetPort: TargetPort.number(80) });
    expect(svc).toBeInstanceOf(LoadBalancerService);
    expect(svc.dnsName).toBe('web.shop.svc.cluster.local');
    expect(manifestsOf(chart, 'Service')[0].metadata).toEqual({ name: 'web', namespace: 'shop' });
  });

  test('sees labels added to the workload after it was exposed', () => {
    const { chart } = newChart();
    const web = new kplus.Deployment(chart, 'web', { metadata: { name: 'web' }, containers: [container] });
    NodePortService.expose(web, { port: 80 });
    web.podMetadata.addLabel('app', 'late');
    expect(manifestsOf(chart, 'Service')[0].spec.selector).toEqual({ app: 'late' });
  });
});

describe('expose() of the types cdk8s import k8s generates', () => {
  test('exposes a KubeDeployment', () => {
    const { app, chart } = newChart();
    const nginx = kubeDeployment(chart, 'nginx', { labels: { app: 'nginx' } });
    const svc = NodePortService.expose(nginx, { port: 80, nodePort: 30080 });
    expect(svc.node.path).toBe('test/nginx-service');
    expect(manifestsOf(chart, 'Service')).toEqual([{
      apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx' },
      spec: { type: 'NodePort', selector: { app: 'nginx' }, ports: [{ port: 80, nodePort: 30080 }] },
    }]);
    expect(synthErrors(app)).toBeUndefined();
  });

  test('exposes a KubeCronJob and a KubePod', () => {
    const { app, chart } = newChart();
    const report = new KubeCronJob(chart, 'report', {
      metadata: { name: 'report' },
      spec: { schedule: '0 * * * *', jobTemplate: { spec: { template: { metadata: { labels: { app: 'report' } }, spec: { ...POD_SPEC, restartPolicy: 'Never' } } } } },
    });
    const pod = new KubePod(chart, 'pod', { metadata: { name: 'solo', labels: { app: 'solo' } }, spec: POD_SPEC });
    ClusterIpService.expose(report, { port: 9090 });
    ClusterIpService.expose(pod, { port: 80 });
    const services = manifestsOf(chart, 'Service');
    expect(services.map(s => [s.metadata.name, s.spec.selector])).toEqual([['report', { app: 'report' }], ['solo', { app: 'solo' }]]);
    expect(synthErrors(app)).toBeUndefined();
  });

  test("places the Service in the workload's namespace, so it selects the workload's pods", () => {
    const { app, chart } = newChart();
    const nginx = kubeDeployment(chart, 'nginx', { namespace: 'web', labels: { app: 'nginx' } });
    const svc = ClusterIpService.expose(nginx, { port: 80 });
    expect(svc.namespace).toBe('web');
    expect(manifestsOf(chart, 'Service')[0].metadata).toEqual({ name: 'nginx', namespace: 'web' });
    expect(synthErrors(app)).toBeUndefined();
  });
});

describe('expose() several times', () => {
  test('exposes one workload as NodePort and as ClusterIP under another name', () => {
    const { app, chart } = newChart();
    const nginx = new kplus.Deployment(chart, 'nginx', { metadata: { name: 'nginx' }, podMetadata: { labels: { app: 'nginx' } }, containers: [container] });
    const external = NodePortService.expose(nginx, { port: 80 });
    const internal = ClusterIpService.expose(nginx, { name: 'nginx-internal', port: 80 });
    const balanced = LoadBalancerService.expose(nginx, { name: 'nginx-public', port: 443, targetPort: TargetPort.number(80) });
    expect([external, internal, balanced].map(s => s.node.path)).toEqual(['test/nginx-service', 'test/nginx-nginx-internal-service', 'test/nginx-nginx-public-service']);
    expect(manifestsOf(chart, 'Service').map(s => [s.metadata.name, s.spec.type ?? 'ClusterIP', s.spec.selector])).toEqual([
      ['nginx', 'NodePort', { app: 'nginx' }],
      ['nginx-internal', 'ClusterIP', { app: 'nginx' }],
      ['nginx-public', 'LoadBalancer', { app: 'nginx' }],
    ]);
    expect(synthErrors(app)).toBeUndefined();
  });

  test("keeps the default id when the given name is the workload's", () => {
    const { chart } = newChart();
    const nginx = kubeDeployment(chart, 'nginx', { labels: { app: 'nginx' } });
    expect(ClusterIpService.expose(nginx, { name: 'nginx', port: 80 }).node.path).toBe('test/nginx-service');
  });

  test('errors when the same workload is exposed twice under its own name', () => {
    const { chart } = newChart();
    const nginx = kubeDeployment(chart, 'nginx', { labels: { app: 'nginx' } });
    NodePortService.expose(nginx, { port: 80 });
    expect(() => ClusterIpService.expose(nginx, { port: 8080 })).toThrow(
      'TRF011 cannot expose test/nginx as Service "nginx" in namespace "default": test/nginx-service already has that name; give this one another name (the name option)');
  });

  test('errors when a name is exposed twice', () => {
    const { chart } = newChart();
    const nginx = kubeDeployment(chart, 'nginx', { labels: { app: 'nginx' } });
    ClusterIpService.expose(nginx, { name: 'nginx-internal', port: 80 });
    expect(() => LoadBalancerService.expose(nginx, { name: 'nginx-internal', port: 80 })).toThrow(
      'TRF011 cannot expose test/nginx as Service "nginx-internal" in namespace "default": test/nginx-nginx-internal-service already has that name; give this one another name (the name option)');
  });

  test('errors when the name is taken by another Service of the scope', () => {
    const { chart } = newChart();
    const nginx = kubeDeployment(chart, 'nginx', { labels: { app: 'nginx' } });
    new ClusterIpService(chart, 'proxy', { metadata: { name: 'nginx' }, ports: [{ port: 80 }] });
    expect(() => NodePortService.expose(nginx, { port: 80 })).toThrow(
      'TRF011 cannot expose test/nginx as Service "nginx" in namespace "default": test/proxy already has that name; give this one another name (the name option)');
  });

  test("errors when the Service's construct id is taken by another construct", () => {
    const { chart } = newChart();
    const nginx = kubeDeployment(chart, 'nginx', { labels: { app: 'nginx' } });
    new Construct(chart, 'nginx-service');
    expect(() => NodePortService.expose(nginx, { port: 80 })).toThrow(
      'TRF011 cannot expose test/nginx as Service "nginx": its construct id "nginx-service" is already used by test/nginx-service; give the Service another name (the name option)');
  });
});

describe('expose() of something that is not a workload', () => {
  test('errors when the construct renders no Kubernetes object', () => {
    const { chart } = newChart();
    const empty = new Construct(chart, 'empty');
    expect(() => ClusterIpService.expose(empty, { port: 80 })).toThrow(
      'SEL005 construct test/empty renders no Kubernetes object to select pods from; expected a workload (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob), a Pod, or an ApiObject with spec.template');
  });

  test('errors at synth when the object renders no pod template', () => {
    const { app, chart } = newChart();
    const config = new KubeConfigMap(chart, 'config', { metadata: { name: 'config' } });
    NodePortService.expose(config, { port: 80 });
    expect(synthErrors(app)).toContain(
      '[test/config-service] SEL005 spec.selector: construct test/config renders a ConfigMap (v1), which has no pod template; expected a workload with spec.template (spec.jobTemplate.spec.template for a CronJob) or a Pod');
  });
});
