import { Testing, Yaml } from 'cdk8s';
import { buildExamples } from '../../examples/main';
import { writeDocument, writeYaml } from '../../src/synth/yaml-writer';

/** Strings YAML writers get wrong: type look-alikes, indicators, quotes, spaces, unicode, lines. */
const STRINGS = [
  'yes', 'Yes', 'on', 'OFF', 'No', 'y', 'N', 'null', 'Null', '~', 'true', 'TRUE', '0755', '0o14', '0x1F', '1e3', '-1.5', '.inf', '-.inf', '.nan',
  '12:30', '190:20:30', '2001-12-14', '2001-12-14t21:59:43.10-05:00', '1_000', '+1', '-0', '=', '<<', '', ' ', '  lead', 'trail ', 'a  b',
  '-', '- x', '--- x', '...', '---', 'a: b', 'a:b', 'key:', ':x', 'a #b', 'a#b', '#x', '*x', '&x', '!x', '%x', '@x', '`x', '"x', "'x", "it's",
  'a"b', 'a\\b', '{x', '[x', 'x]', 'a,b', '?x', '? x', '|x', '>x', 'multi\nline', 'trailing newline\n', '\nleading', 'tab\there', '\t',
  'héllo', 'café au lait', '日本語', '😀', '\u0001', '\u2028', 'x'.repeat(1100), 'a'.repeat(90) + ' ' + 'b'.repeat(90),
  'app', 'app-1', 'cdk8s.io/metadata.addr', 'app.kubernetes.io/name', 'http://a/b', '/api/v1', '10.0.0.1', '10.0.0.0/8', 'v1', '_x', 'x_',
];
const NUMBERS = [0, 1, -5, 80, 30007, 65535, 0.1, 0.30000000000000004, 1e21, -0, 2 ** 53 + 2, 1.5e-7, 123456.789];

/** A small seeded generator, so a failure reproduces. */
function random(seed: number): (n: number) => number {
  let state = seed;
  return n => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
}

function value(rnd: (n: number) => number, depth: number): unknown {
  const r = rnd(10);
  if (depth > 4 || r < 4) {
    switch (rnd(5)) {
      case 0: return NUMBERS[rnd(NUMBERS.length)];
      case 1: return rnd(2) === 0;
      case 2: return null;
      default: return STRINGS[rnd(STRINGS.length)];
    }
  }
  if (r < 7) {
    const object: Record<string, unknown> = {};
    for (let i = rnd(5); i > 0; i--) object[rnd(3) === 0 ? STRINGS[rnd(STRINGS.length)] : `k${rnd(30)}`] = value(rnd, depth + 1);
    return object;
  }
  return Array.from({ length: rnd(5) }, () => value(rnd, depth + 1));
}

describe('the YAML writer used at synth', () => {
  test("writes the examples exactly as cdk8s's Yaml.stringify does", () => {
    const app = buildExamples(Testing.app());
    const docs = app.charts.flatMap(chart => Testing.synth(chart));
    expect(writeYaml(docs)).toBe(Yaml.stringify(...docs));
    expect(docs.every(doc => writeDocument(doc) !== undefined)).toBe(true);
  });

  test('writes 5,000 generated documents exactly as Yaml.stringify does', () => {
    const rnd = random(20261126);
    const mismatches: string[] = [];
    let written = 0;
    for (let i = 0; i < 5000; i++) {
      const docs = [value(rnd, 0), value(rnd, 0)];
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
