import * as kplus from 'cdk8s-plus-28';
import { ClusterIpService, NodePortService, ServiceSelector } from '../../src';
import { manifestsOf, newChart, synthErrors } from '../util';

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
    svc.select(ServiceSelector.fromLabels({ track: 'stable' }));
    expect(manifestsOf(chart, 'Service')[0].spec.selector).toEqual({ app: 'foo', track: 'stable' });
  });

  test('errors when two selectors require different values for one key', () => {
    const { app, chart } = newChart();
    const svc = new ClusterIpService(chart, 's', { selector: ServiceSelector.fromLabels({ app: 'foo' }), ports: [{ port: 80 }] });
    svc.select(ServiceSelector.fromLabels({ app: 'bar' }));
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
});

describe('ServiceSelector.fromPods', () => {
  test('selects what a cdk8s-plus pod selector selects', () => {
    const { chart } = newChart();
    const pods = kplus.Pods.select(chart, 'pods', { labels: { app: 'batch' } });
    new ClusterIpService(chart, 's', { selector: ServiceSelector.fromPods(pods), ports: [{ port: 80 }] });
    expect(manifestsOf(chart, 'Service')[0].spec.selector).toEqual({ app: 'batch' });
  });

  test('errors when the pod selector uses Exists', () => {
    const { app, chart } = newChart();
    const pods = kplus.Pods.select(chart, 'pods', { expressions: [kplus.LabelExpression.exists('app')] });
    new ClusterIpService(chart, 's', { selector: ServiceSelector.fromPods(pods), ports: [{ port: 80 }] });
    expect(synthErrors(app)).toContain('SEL001 spec.selector: the selector of test/pods has the expression "app Exists"');
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
