import { Chart, Testing } from 'cdk8s';
import { ContextKeys, NodePortService, ServiceSelector, Validation } from '../../src';

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

describe('rule selection for the whole app at synth (context)', () => {
  function app(context: Record<string, unknown>) {
    const root = Testing.app();
    for (const [key, value] of Object.entries(context)) root.node.setContext(key, value);
    const chart = new Chart(root, 'shop');
    new NodePortService(chart, 'first', { selector: ServiceSelector.fromLabels({ app: 'first' }), ports: [{ port: 80, nodePort: 30080 }] });
    new NodePortService(chart, 'second', { selector: ServiceSelector.fromLabels({ app: 'second' }), ports: [{ port: 80, nodePort: 30080 }] });
    return root;
  }

  test('cdk8s-traffic:disable as a list turns a rule off', () => {
    expect(() => app({ [ContextKeys.DISABLE]: ['SVC050'] }).synthYaml()).not.toThrow();
  });

  test('as a comma-separated string, as an environment variable holds it', () => {
    expect(() => app({ [ContextKeys.DISABLE]: 'XR004, SVC050' }).synthYaml()).not.toThrow();
    expect(() => app({ [ContextKeys.DISABLE]: 'XR004' }).synthYaml()).toThrow(/SVC050/);
  });

  test('cdk8s-traffic:enable runs only the rules it names', () => {
    expect(() => app({ [ContextKeys.ENABLE]: ['SVC014'] }).synthYaml()).not.toThrow();
    expect(() => app({ [ContextKeys.ENABLE]: 'SVC050' }).synthYaml()).toThrow(/SVC050/);
  });

  test('an unknown code fails synth, naming the context key', () => {
    expect(() => app({ [ContextKeys.DISABLE]: 'SVC999' }).synthYaml()).toThrow(/TRF004 context cdk8s-traffic:disable\[0\] "SVC999" is not a rule code/);
  });
});

describe('Validation.suppress', () => {
  test('annotates every object of a construct, keeping codes already there', () => {
    const chart = twoServicesOnOnePort({ 'cdk8s-traffic.io/suppress': 'SVC014' });
    Validation.suppress(chart.node.findChild('second'), ['SVC050', 'XR004']);
    const manifests = Testing.synth(chart);
    const second = manifests.find((m: { metadata: { name: string } }) => m.metadata.name.includes('second'));
    expect(second.metadata.annotations['cdk8s-traffic.io/suppress']).toBe('SVC014,SVC050,XR004');
  });

  test('refuses a code no rule has', () => {
    const chart = twoServicesOnOnePort();
    expect(() => Validation.suppress(chart, ['SVC999'])).toThrow(/TRF004 .*"SVC999" is not a rule code/);
    expect(() => Validation.suppress(chart, (undefined as unknown) as string[])).toThrow('TRF004 Validation.suppress() codes expects a list of rule codes such as ["XR004"], got undefined');
    expect(() => Validation.suppress(chart, ['TRF003'])).toThrow(/TRF004 Validation.suppress\(\) codes\[0\] TRF003 cannot be turned off/);
  });
});
