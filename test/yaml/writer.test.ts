import { Testing, Yaml } from 'cdk8s';
import { pitfallValue, seeded, PITFALL_STRINGS } from '../support/yaml-corpus';
import { buildExamples } from '../../examples/main';
import { mustQuote, quotedString, writeDocument, writeWithYaml, writeYaml } from '../../src/yaml/writer';

/** Every string in a JSON value, keys included. */
function stringsIn(value: unknown, out: string[] = []): string[] {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === 'string') out.push(item);
    else if (Array.isArray(item)) stack.push(...item);
    else if (item && typeof item === 'object') for (const [key, child] of Object.entries(item)) stack.push(key, child);
  }
  return out;
}

/** Strings cdk8s's writer leaves in a form Kubernetes (or a YAML 1.2 reader) reads differently. */
function cdk8sMisreads(text: string): boolean {
  if (!mustQuote(text)) return false;
  const written = Yaml.stringify({ k: text });
  return !written.startsWith('k: "') || written !== `k: ${quotedString(text)}\n`;
}

describe('the YAML writer used at synth', () => {
  test("writes the examples exactly as cdk8s's Yaml.stringify does", () => {
    const app = buildExamples(Testing.app());
    const docs = app.charts.flatMap(chart => Testing.synth(chart));
    expect(writeYaml(docs)).toBe(Yaml.stringify(...docs));
    expect(docs.every(doc => writeDocument(doc) !== undefined)).toBe(true);
  });

  test('writes 5,000 generated documents as cdk8s does, but for the strings cdk8s writes so that Kubernetes misreads them', () => {
    const rnd = seeded(20261126);
    const unexplained: string[] = [];
    const pathsDiffer: string[] = [];
    let written = 0;
    let differ = 0;
    for (let i = 0; i < 5000; i++) {
      const docs = [pitfallValue(rnd), pitfallValue(rnd)];
      const ours = writeYaml(docs);
      // the fast path and `yaml`'s public stringify with the string tag agree byte for byte
      const viaYaml = docs.map(doc => writeWithYaml(doc)).join('---\n');
      if (ours !== viaYaml) pathsDiffer.push(JSON.stringify(docs));
      if (ours !== Yaml.stringify(...docs)) {
        differ++;
        if (!stringsIn(docs).some(cdk8sMisreads)) unexplained.push(JSON.stringify(docs));
      }
      written += docs.filter(doc => writeDocument(doc) !== undefined).length;
    }
    expect(pathsDiffer.slice(0, 3)).toEqual([]);
    expect(unexplained.slice(0, 3)).toEqual([]);
    expect(differ).toBeGreaterThan(0); // the corpus holds 0o14 and U+2028
    // most documents are written by the writer itself, not handed to yaml
    expect(written).toBeGreaterThan(5000);
  });

  test('hands documents it is not sure about to yaml, with the same quoting', () => {
    const docs = [{ data: { script: 'line one\nline two\n' } }, { when: new Date(0) }, undefined, { a: undefined, b: 1 }];
    expect(writeYaml(docs)).toBe(Yaml.stringify(...docs));
    expect(writeYaml([{ script: 'multi\nline', mode: '0o12', sep: 'a\u2028b' }])).toBe('script: |-\n  multi\n  line\nmode: "0o12"\nsep: "a\\Lb"\n');
  });

  test.each([
    // go-yaml v2 reads these as ints (ParseInt with base 0) although YAML 1.1 does not
    ['0o12'], ['0O12'], ['0o7'], ['0B101'], ['0X1F'], ['0x_1F'], ['-0o12'],
    // YAML 1.1 ints, floats, sexagesimal, booleans, nulls; YAML 1.2 and special floats; dates; merge and value keys
    ['1_000'], ['012'], ['08'], ['1:30'], ['190:20:30.15'], ['y'], ['N'], ['on'], ['Off'], ['~'], ['null'], [''], ['1e3'], ['.5'], ['1.'],
    ['.nan'], ['-.Inf'], ['2024-01-01'], ['2001-12-14t21:59:43.10-05:00'], ['<<'], ['='],
  ])('quotes %j, which a reader would type as something else', text => {
    expect(writeYaml([{ k: text }])).toBe(`k: "${text}"\n`);
    expect(writeWithYaml({ k: [text] })).toBe(`k:\n  - "${text}"\n`);
  });

  test.each([
    ['a\u0085b', '"a\\Nb"'], ['a\u2028b', '"a\\Lb"'], ['a\u2029b', '"a\\Pb"'], ['a\rb', '"a\\rb"'], ['a\u0080\u009fb', '"a\\x80\\x9fb"'],
    ['\u0000\u0007\u000b\u001b\u0001\u007f', '"\\0\\a\\v\\e\\x01\\x7f"'], ['\ufeffa', '"\\uFEFFa"'], ['two\nlines\u2028', '"two\\nlines\\L"'],
    ['\ud800', '"\\uFFFD"'],
  ])('escapes line breaks and control characters in %j', (text, expected) => {
    expect(writeYaml([{ k: text }])).toBe(`k: ${expected}\n`);
    expect(writeYaml([{ [text]: 1 }])).toBe(`${expected}: 1\n`);
  });

  test.each(['app', 'web-1', 'x_', 'e3x', 'yes please', 'http://a/b', '0o8', '0b2', '1.2.3', '10.0.0.0/8'])('writes %j plain', text => {
    expect(writeYaml([{ k: text }])).toBe(`k: ${text}\n`);
  });

  test('quotes every pitfall string cdk8s would leave misread', () => {
    expect(PITFALL_STRINGS.filter(cdk8sMisreads).map(s => writeYaml([{ k: s }]))).toEqual(['k: "0o14"\n', 'k: "="\n', 'k: "<<"\n', 'k: "\\L"\n']);
  });
});
