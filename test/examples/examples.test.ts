import { Testing } from 'cdk8s';
import { buildExamples } from '../../examples/main';
import { captureWarnings } from '../util';

describe('examples', () => {
  const app = buildExamples(Testing.app());

  test('pass validation without errors, warning only that the two seed VirtualServices share host foo', () => {
    // cdk8s validates once for the app and once per chart: keep each warning once
    const warnings = [...new Set(captureWarnings(() => app.synthYaml()))].sort();
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('Warning: [seed-virtual-services/foo-delay-virtualservice] XR004 spec.hosts[0]: host "foo" is also routed by VirtualService/default/foo-retry-virtualservice');
    expect(warnings[1]).toContain('Warning: [seed-virtual-services/foo-retry-virtualservice] XR004 spec.hosts[0]: host "foo" is also routed by VirtualService/default/foo-delay-virtualservice');
  });

  for (const chart of app.charts) {
    test(`${chart.node.id} matches its snapshot`, () => {
      expect(Testing.synth(chart)).toMatchSnapshot();
    });
  }
});
