import { ApiObject, JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ClusterIpService, HeadlessService, NodePortService, ServiceSelector } from '../../src';
import { manifestsOf, newChart, synthErrors } from '../util';
import { KubeConfigMap, KubeCronJob, KubeDeployment, kubeDeployment, KubePod, POD_SPEC } from './generated-k8s';

const container = { image: 'nginx:1.27', portNumber: 80 };

describe('ServiceSelector.fromLabels', () => {
  test('selects by equality labels', () => {
    const { chart } = newChart();
    new ClusterIpService(chart, 's', { selector: ServiceSelector.fromLabels({ app: 'foo', tier: 'web' }), ports: [{ port: 80 }] });
    expect(manifestsOf(chart, 'Service')[0].spec.selector).toEqual({ app: 'foo', tier: 'web' });
  });

  test.each([
    ['a key with a space', { 'my app': 'foo' }, /SVC017 selector key "my app" is not a valid label key/],
    ['an upper-case prefix', { 'Example.com/app': 'foo' }, /SVC017 selector key "Example.com\/app" is not a valid label key: prefix part/],
    ['a value with a space', { app: 'my app' }, /SVC017 selector value "my app" for key "app" is not a valid label value/],
    ['a value over 63 characters', { app: 'a'.repeat(64) }, /must be no more than 63 characters/],
  ])('errors when given %s', (_name, labels, message) => {
    expect(() => ServiceSelector.fromLabels(labels)).toThrow(message);
  });

  test('accepts an empty value and an upper-case name part', () => {
    expect(() => ServiceSelector.fromLabels({ 'example.com/Uppercase_Is_OK_123': '' })).not.toThrow();
  });

  test('combines several selectors, all of which must match', () => {
    const { chart } = newChart();
    const svc = new ClusterIpService(chart, 's', { selector: ServiceSelector.fromLabels({ app: 'foo' }), ports: [{ port: 80 }] });
    svc.addSelector(ServiceSelector.fromLabels({ track: 'stable' }));
    expect(manifestsOf(chart, 'Service')[0].spec.selector).toEqual({ app: 'foo', track: 'stable' });
  });

  test('errors when two selectors require different values for one key', () => {
    const { app, chart } = newChart();
    const svc = new ClusterIpService(chart, 's', { selector: ServiceSelector.fromLabels({ app: 'foo' }), ports: [{ port: 80 }] });
    svc.addSelector(ServiceSelector.fromLabels({ app: 'bar' }));
    expect(synthErrors(app)).toContain('[test/s] SEL004 spec.selector["app"]: selector key "app" is required to be both "foo" and "bar", so no pod can match');
  });
});

describe('ServiceSelector.fromWorkload', () => {
  test("selects by the pod template's own labels when it has some", () => {
    const { app, chart } = newChart();
    const deployment = new kplus.Deployment(chart, 'web', { podMetadata: { labels: { app: 'web' } }, containers: [container] });
    new ClusterIpService(chart, 's', { selector: ServiceSelector.fromWorkload(deployment), ports: [{ port: 80 }] });
    expect(manifestsOf(chart, 'Service')[0].spec.selector).toEqual({ app: 'web' });
    // the selector matches the workload's pods
    const template = manifestsOf(chart, 'Deployment')[0].spec.template.metadata.labels;
    expect(template).toMatchObject({ app: 'web' });
    expect(synthErrors(app)).toBeUndefined();
  });

  test('sees labels added to the workload after the Service was made', () => {
    const { chart } = newChart();
    const deployment = new kplus.Deployment(chart, 'web', { containers: [container] });
    new ClusterIpService(chart, 's', { selector: ServiceSelector.fromWorkload(deployment), ports: [{ port: 80 }] });
    deployment.podMetadata.addLabel('app', 'late');
    expect(manifestsOf(chart, 'Service')[0].spec.selector).toEqual({ app: 'late' });
  });

  test("falls back to cdk8s's address label when the pods have no labels of their own", () => {
    const { chart } = newChart();
    const deployment = new kplus.Deployment(chart, 'web', { containers: [container] });
    new ClusterIpService(chart, 's', { selector: ServiceSelector.fromWorkload(deployment), ports: [{ port: 80 }] });
    const selector = manifestsOf(chart, 'Service')[0].spec.selector;
    expect(selector).toEqual(manifestsOf(chart, 'Deployment')[0].spec.selector.matchLabels);
    expect(Object.keys(selector)).toEqual(['cdk8s.io/metadata.addr']);
  });

  test.each([kplus.StatefulSet, kplus.DaemonSet])('works with a %p', (Kind) => {
    const { chart } = newChart();
    const workload = new (Kind as typeof kplus.DaemonSet)(chart, 'w', { podMetadata: { labels: { app: 'agent' } }, containers: [container] });
    new ClusterIpService(chart, 's', { metadata: { name: 'agent' }, selector: ServiceSelector.fromWorkload(workload), ports: [{ port: 80 }] });
    expect(manifestsOf(chart, 'Service').find(s => s.metadata.name === 'agent').spec.selector).toEqual({ app: 'agent' });
  });

  test('translates an In expression with one value to equality', () => {
    const { app, chart } = newChart();
    const deployment = new kplus.Deployment(chart, 'web', { select: false, containers: [container] });
    deployment.select(kplus.LabelSelector.of({ expressions: [kplus.LabelExpression.in('tier', ['web'])] }));
    new ClusterIpService(chart, 's', { selector: ServiceSelector.fromWorkload(deployment), ports: [{ port: 80 }] });
    expect(manifestsOf(chart, 'Service')[0].spec.selector).toEqual({ tier: 'web' });
    expect(synthErrors(app)).toBeUndefined();
  });

  test('errors when the workload selects by an expression a Service cannot express', () => {
    const { app, chart } = newChart();
    const deployment = new kplus.Deployment(chart, 'web', { select: false, containers: [container] });
    deployment.select(kplus.LabelSelector.of({ expressions: [kplus.LabelExpression.notIn('tier', ['db'])] }));
    new ClusterIpService(chart, 's', { selector: ServiceSelector.fromWorkload(deployment), ports: [{ port: 80 }] });
    expect(synthErrors(app)).toContain('[test/s] SEL001 spec.selector: the selector of test/web has the expression "tier NotIn (db)", which a Service cannot express');
  });

  test('errors when the workload is in another namespace', () => {
    const { app, chart } = newChart();
    const deployment = new kplus.Deployment(chart, 'web', { metadata: { namespace: 'other' }, podMetadata: { labels: { app: 'web' } }, containers: [container] });
    new ClusterIpService(chart, 's', { selector: ServiceSelector.fromWorkload(deployment), ports: [{ port: 80 }] });
    expect(synthErrors(app)).toContain('SEL002 spec.selector: workload test/web is in namespace "other" but the Service is in "default"');
  });

  test('selects the pods of a cdk8s-plus Pod by its labels', () => {
    const { app, chart } = newChart();
    const pod = new kplus.Pod(chart, 'pod', { metadata: { labels: { app: 'solo' } }, containers: [container] });
    new ClusterIpService(chart, 's', { selector: ServiceSelector.fromWorkload(pod), ports: [{ port: 80 }] });
    expect(manifestsOf(chart, 'Service')[0].spec.selector).toEqual({ app: 'solo' });
    expect(synthErrors(app)).toBeUndefined();
  });

  test("selects a cdk8s-plus Pod without labels of its own by cdk8s's address label", () => {
    const { chart } = newChart();
    const pod = new kplus.Pod(chart, 'pod', { containers: [container] });
    new ClusterIpService(chart, 's', { selector: ServiceSelector.fromWorkload(pod), ports: [{ port: 80 }] });
    const selector = manifestsOf(chart, 'Service')[0].spec.selector;
    expect(Object.keys(selector)).toEqual(['cdk8s.io/metadata.addr']);
    expect(manifestsOf(chart, 'Pod')[0].metadata.labels).toMatchObject(selector);
  });

  test("selects a cdk8s-plus Job, which renders no selector, by its template's labels", () => {
    const { chart } = newChart();
    const job = new kplus.Job(chart, 'job', { containers: [container] });
    new HeadlessService(chart, 's', { selector: ServiceSelector.fromWorkload(job) });
    const selector = manifestsOf(chart, 'Service')[0].spec.selector;
    expect(Object.keys(selector)).toEqual(['cdk8s.io/metadata.addr']);
    expect(manifestsOf(chart, 'Job')[0].spec.template.metadata.labels).toEqual(selector);
  });

  test('errors when a Pod is in another namespace', () => {
    const { app, chart } = newChart();
    const pod = new kplus.Pod(chart, 'pod', { metadata: { namespace: 'jobs', labels: { app: 'solo' } }, containers: [container] });
    new ClusterIpService(chart, 's', { selector: ServiceSelector.fromWorkload(pod), ports: [{ port: 80 }] });
    expect(synthErrors(app)).toContain('[test/s] SEL002 spec.selector: workload test/pod is in namespace "jobs" but the Service is in "default"; a Service selects pods in its own namespace only');
  });
});

describe('ServiceSelector.fromWorkload with the types cdk8s import k8s generates', () => {
  test('selects a KubeDeployment by its pod template labels', () => {
    const { app, chart } = newChart();
    const nginx = kubeDeployment(chart, 'nginx', { labels: { app: 'nginx' } });
    new ClusterIpService(chart, 's', { selector: ServiceSelector.fromWorkload(nginx), ports: [{ port: 80 }] });
    expect(manifestsOf(chart, 'Service')[0].spec.selector).toEqual({ app: 'nginx' });
    expect(synthErrors(app)).toBeUndefined();
  });

  test('sees pod template labels patched in after the Service was made', () => {
    const { chart } = newChart();
    const nginx = kubeDeployment(chart, 'nginx', { labels: { app: 'nginx' } });
    new ClusterIpService(chart, 's', { selector: ServiceSelector.fromWorkload(nginx), ports: [{ port: 80 }] });
    nginx.addJsonPatch(JsonPatch.add('/spec/template/metadata/labels/track', 'stable'));
    expect(manifestsOf(chart, 'Service')[0].spec.selector).toEqual({ app: 'nginx', track: 'stable' });
  });

  test("falls back to the workload's selector when the template has no labels of the user's own", () => {
    const { app, chart } = newChart();
    const web = kubeDeployment(chart, 'web', {
      labels: { 'cdk8s.io/metadata.addr': 'web-addr', 'cdk8s.io/track': 'stable' },
      selector: { matchLabels: { 'cdk8s.io/metadata.addr': 'web-addr' }, matchExpressions: [{ key: 'cdk8s.io/track', operator: 'In', values: ['stable'] }] },
    });
    new ClusterIpService(chart, 's', { selector: ServiceSelector.fromWorkload(web), ports: [{ port: 80 }] });
    expect(manifestsOf(chart, 'Service')[0].spec.selector).toEqual({ 'cdk8s.io/metadata.addr': 'web-addr', 'cdk8s.io/track': 'stable' });
    expect(synthErrors(app)).toBeUndefined();
  });

  test('selects a KubeCronJob by the labels of spec.jobTemplate.spec.template', () => {
    const { app, chart } = newChart();
    const report = new KubeCronJob(chart, 'report', {
      metadata: { name: 'report' },
      spec: { schedule: '0 * * * *', jobTemplate: { spec: { template: { metadata: { labels: { app: 'report' } }, spec: { ...POD_SPEC, restartPolicy: 'Never' } } } } },
    });
    new HeadlessService(chart, 's', { selector: ServiceSelector.fromWorkload(report) });
    expect(manifestsOf(chart, 'Service')[0].spec.selector).toEqual({ app: 'report' });
    expect(synthErrors(app)).toBeUndefined();
  });

  test('selects a KubePod by its own labels', () => {
    const { app, chart } = newChart();
    const pod = new KubePod(chart, 'pod', { metadata: { name: 'solo', labels: { app: 'solo' } }, spec: POD_SPEC });
    new ClusterIpService(chart, 's', { selector: ServiceSelector.fromWorkload(pod), ports: [{ port: 80 }] });
    expect(manifestsOf(chart, 'Service')[0].spec.selector).toEqual({ app: 'solo' });
    expect(synthErrors(app)).toBeUndefined();
  });

  test('selects a plain ApiObject with spec.template (a custom workload)', () => {
    const { chart } = newChart();
    const rollout = new ApiObject(chart, 'rollout', {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      metadata: { name: 'rollout' },
      spec: { selector: { matchLabels: { app: 'canary' } }, template: { metadata: { labels: { app: 'canary' } }, spec: POD_SPEC } },
    });
    new ClusterIpService(chart, 's', { selector: ServiceSelector.fromWorkload(rollout), ports: [{ port: 80 }] });
    expect(manifestsOf(chart, 'Service')[0].spec.selector).toEqual({ app: 'canary' });
  });

  test('selects the only workload object of a construct that wraps it without a default child', () => {
    const { chart } = newChart();
    const wrapper = new Construct(chart, 'wrapper');
    kubeDeployment(wrapper, 'web', { name: 'web', labels: { app: 'wrapped' } });
    new KubeConfigMap(wrapper, 'config', { data: { a: 'b' } });
    new ClusterIpService(chart, 's', { selector: ServiceSelector.fromWorkload(wrapper), ports: [{ port: 80 }] });
    expect(manifestsOf(chart, 'Service')[0].spec.selector).toEqual({ app: 'wrapped' });
  });

  test('renders each selected workload once per synth, however many Services select it', () => {
    const { chart } = newChart();
    let renders = 0;
    class CountingDeployment extends KubeDeployment {
      public toJson(): any {
        renders++;
        return super.toJson();
      }
    }
    const web = new CountingDeployment(chart, 'web', { spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: POD_SPEC } } });
    for (const id of ['a', 'b', 'c']) new ClusterIpService(chart, id, { selector: ServiceSelector.fromWorkload(web), ports: [{ port: 80 }] });
    expect(Testing.synth(chart).filter((m: any) => m.kind === 'Service').map((m: any) => m.spec.selector)).toEqual([{ app: 'web' }, { app: 'web' }, { app: 'web' }]);
    expect(renders).toBe(1);
  });

  test('errors when the workload is in another namespace', () => {
    const { app, chart } = newChart();
    const nginx = kubeDeployment(chart, 'nginx', { namespace: 'web', labels: { app: 'nginx' } });
    new ClusterIpService(chart, 's', { metadata: { namespace: 'edge' }, selector: ServiceSelector.fromWorkload(nginx), ports: [{ port: 80 }] });
    expect(synthErrors(app)).toContain('[test/s] SEL002 spec.selector: workload test/nginx is in namespace "web" but the Service is in "edge"; a Service selects pods in its own namespace only');
  });

  test('errors when the workload selects by an expression a Service cannot express', () => {
    const { app, chart } = newChart();
    const web = kubeDeployment(chart, 'web', { selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] } });
    new ClusterIpService(chart, 's', { selector: ServiceSelector.fromWorkload(web), ports: [{ port: 80 }] });
    expect(synthErrors(app)).toContain('[test/s] SEL001 spec.selector: the selector of test/web has the expression "tier In (a, b)", which a Service cannot express: a Service selects by label equality only (use labels, or In with a single value)');
  });

  test('errors when the workload has neither pod labels nor a selector', () => {
    const { app, chart } = newChart();
    const bare = new KubeDeployment(chart, 'bare', { spec: { template: { spec: POD_SPEC } } });
    new ClusterIpService(chart, 's', { selector: ServiceSelector.fromWorkload(bare), ports: [{ port: 80 }] });
    expect(synthErrors(app)).toContain('[test/s] SEL003 spec.selector: workload test/bare has no pod labels to select its pods by; add pod template labels, or a selector with matchLabels');
  });
});

describe('ServiceSelector.fromWorkload of something that is not a workload', () => {
  test('errors when the object renders no pod template', () => {
    const { app, chart } = newChart();
    const config = new KubeConfigMap(chart, 'config', { data: { a: 'b' } });
    const svc = new ClusterIpService(chart, 's', { selector: ServiceSelector.fromWorkload(config), ports: [{ port: 80 }] });
    const errors = synthErrors(app);
    expect(errors).toContain('[test/s] SEL005 spec.selector: construct test/config renders a ConfigMap (v1), which has no pod template; expected a workload with spec.template (spec.jobTemplate.spec.template for a CronJob) or a Pod');
    expect(svc.apiObject.toJson().spec.selector).toBeUndefined();
  });

  test('errors when the construct renders no Kubernetes object', () => {
    const { app, chart } = newChart();
    const empty = new Construct(chart, 'empty');
    new ClusterIpService(chart, 's', { selector: ServiceSelector.fromWorkload(empty), ports: [{ port: 80 }] });
    expect(synthErrors(app)).toContain('[test/s] SEL005 spec.selector: construct test/empty renders no Kubernetes object to select pods from; expected a workload (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob), a Pod, or an ApiObject with spec.template');
  });

  test('errors when the construct wraps several workloads and has no default child', () => {
    const { app, chart } = newChart();
    const wrapper = new Construct(chart, 'wrapper');
    kubeDeployment(wrapper, 'a', { labels: { app: 'a' } });
    kubeDeployment(wrapper, 'b', { labels: { app: 'b' } });
    new ClusterIpService(chart, 's', { selector: ServiceSelector.fromWorkload(wrapper), ports: [{ port: 80 }] });
    expect(synthErrors(app)).toContain('[test/s] SEL005 spec.selector: construct test/wrapper renders 2 workloads and has no default child to choose by: test/wrapper/a (Deployment), test/wrapper/b (Deployment); pass the one whose pods to select');
  });

  test('errors when a Service is given its own construct, without recursing', () => {
    const { app, chart } = newChart();
    const svc = new ClusterIpService(chart, 's', { ports: [{ port: 80 }] });
    svc.addSelector(ServiceSelector.fromWorkload(svc));
    expect(synthErrors(app)).toContain('[test/s] SEL005 spec.selector: construct test/s renders a Service (v1), which has no pod template');
  });
});

describe('expose()', () => {
  test('is the one-line kubectl expose deployment nginx --port=80 --type=NodePort', () => {
    const { app, chart } = newChart();
    const nginx = new kplus.Deployment(chart, 'nginx', { metadata: { name: 'nginx' }, podMetadata: { labels: { app: 'nginx' } }, containers: [container] });
    const svc = NodePortService.expose(nginx, { port: 80 });
    expect(svc.node.path).toBe('test/nginx-service');
    expect(manifestsOf(chart, 'Service')).toEqual([{
      apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx' },
      spec: { type: 'NodePort', selector: { app: 'nginx' }, ports: [{ port: 80 }] },
    }]);
    expect(synthErrors(app)).toBeUndefined();
  });
});
