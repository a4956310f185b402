import { Testing } from 'cdk8s';
import { buildExamples } from '../../examples/main';
import { captureWarnings } from '../util';

describe('examples', () => {
  const app = buildExamples(Testing.app());

  test('pass validation without errors or warnings', () => {
    const warnings = captureWarnings(() => app.synthYaml());
    expect(warnings).toEqual([]);
  });

  for (const chart of app.charts) {
    test(`${chart.node.id} matches its snapshot`, () => {
      expect(Testing.synth(chart)).toMatchSnapshot();
    });
  }
});
