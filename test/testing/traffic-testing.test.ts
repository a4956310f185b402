// A complete example of testing a chart in an application repository: snapshot the YAML,
// and check the fields that matter.
import { Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { NodePortService, ServiceSelector, TargetPort, TrafficTesting, YAML_SNAPSHOT_SERIALIZER } from '../../src';

expect.addSnapshotSerializer(YAML_SNAPSHOT_SERIALIZER);

class ShopChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new NodePortService(this, 'foo', {
      metadata: { name: 'foo-service' },
      selector: ServiceSelector.fromLabels({ app: 'foo' }),
      ports: [{ port: 80, targetPort: TargetPort.number(80), nodePort: 30007 }],
    });
  }
}

describe('TrafficTesting', () => {
  test('snapshots a chart as readable YAML', () => {
    const chart = new ShopChart(Testing.app(), 'shop');
    expect(TrafficTesting.synthYaml(chart)).toMatchSnapshot();
  });

  test('pulls one manifest by kind and name', () => {
    const chart = new ShopChart(Testing.app(), 'shop');
    const service = TrafficTesting.manifest(chart, 'Service', 'foo-service');
    expect(service.spec).toEqual({ type: 'NodePort', selector: { app: 'foo' }, ports: [{ port: 80, targetPort: 80, nodePort: 30007 }] });
    expect(TrafficTesting.manifests(chart, 'Service')).toHaveLength(1);
  });

  test('errors when the manifest is not there, listing what there is', () => {
    const chart = new ShopChart(Testing.app(), 'shop');
    expect(() => TrafficTesting.manifest(chart, 'Service', 'bar')).toThrow('expected one Service named "bar" in chart shop, found 0; the chart has: Service/foo-service');
  });

  test('fails like cdk8s synth when the chart is invalid', () => {
    const chart = new Chart(Testing.app(), 'broken');
    new NodePortService(chart, 'foo', { selector: ServiceSelector.fromLabels({ app: 'foo' }), ports: [{ port: 80, nodePort: 99999 }] });
    expect(() => TrafficTesting.synthYaml(chart)).toThrow(/\[broken\/foo\] SVC014/);
  });
});
