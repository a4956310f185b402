import { Testing } from 'cdk8s';
import { NodePortService, ServiceSelector } from '../../src';

function twoServicesOnOnePort(annotations?: Record<string, string>) {
  const chart = Testing.chart();
  new NodePortService(chart, 'first', { selector: ServiceSelector.fromLabels({ app: 'first' }), ports: [{ port: 80, nodePort: 30080 }] });
  new NodePortService(chart, 'second', {
    metadata: annotations ? { annotations } : undefined,
    selector: ServiceSelector.fromLabels({ app: 'second' }),
    ports: [{ port: 80, nodePort: 30080 }],
  });
  return chart;
}

describe('suppression at synth', () => {
  test('errors when two Services claim one node port', () => {
    expect(() => Testing.synth(twoServicesOnOnePort())).toThrow(/SVC050/);
  });

  test('the cdk8s-traffic.io/suppress annotation on the construct lets synth pass', () => {
    const manifests = Testing.synth(twoServicesOnOnePort({ 'cdk8s-traffic.io/suppress': 'SVC050' }));
    expect(manifests.filter((m: { kind: string }) => m.kind === 'Service')).toHaveLength(2);
  });

  test('another code in the annotation does not', () => {
    expect(() => Testing.synth(twoServicesOnOnePort({ 'cdk8s-traffic.io/suppress': 'SVC014' }))).toThrow(/SVC050/);
  });
});
