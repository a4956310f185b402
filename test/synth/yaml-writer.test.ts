import { Testing, Yaml } from 'cdk8s';
import { pitfallValue, seeded } from '../support/yaml-corpus';
import { buildExamples } from '../../examples/main';
import { writeDocument, writeYaml } from '../../src/synth/yaml-writer';

describe('the YAML writer used at synth', () => {
  test("writes the examples exactly as cdk8s's Yaml.stringify does", () => {
    const app = buildExamples(Testing.app());
    const docs = app.charts.flatMap(chart => Testing.synth(chart));
    expect(writeYaml(docs)).toBe(Yaml.stringify(...docs));
    expect(docs.every(doc => writeDocument(doc) !== undefined)).toBe(true);
  });

  test('writes 5,000 generated documents exactly as Yaml.stringify does', () => {
    const rnd = seeded(20261126);
    const mismatches: string[] = [];
    let written = 0;
    for (let i = 0; i < 5000; i++) {
      const docs = [pitfallValue(rnd), pitfallValue(rnd)];
      if (writeYaml(docs) !== Yaml.stringify(...docs)) mismatches.push(JSON.stringify(docs));
      written += docs.filter(doc => writeDocument(doc) !== undefined).length;
    }
    expect(mismatches.slice(0, 3)).toEqual([]);
    // most documents are written by the writer itself, not handed to yaml
    expect(written).toBeGreaterThan(5000);
  });

  test('hands documents it is not sure about to yaml itself', () => {
    const docs = [{ data: { script: 'line one\nline two\n' } }, { when: new Date(0) }, undefined, { a: undefined, b: 1 }];
    expect(writeYaml(docs)).toBe(Yaml.stringify(...docs));
  });
});
