import * as fs from 'fs';
import * as path from 'path';
import { Testing, Yaml } from 'cdk8s';
import { pitfallValue, seeded } from '../support/yaml-corpus';
import { load } from 'js-yaml';
import { buildExamples } from '../../examples/main';
import { readSimpleYaml } from '../../src/yaml/fast-reader';
import { KUBERNETES_YAML_SCHEMA } from '../../src/yaml/js-yaml-schema';
import { splitDocuments } from '../../src/yaml/split';

/** What js-yaml reads, the reference the fast reader must equal. */
function jsYaml(text: string): unknown {
  return load(text, { schema: KUBERNETES_YAML_SCHEMA });
}

/** Every document of a YAML text, through the fast reader where it takes it. */
function compare(text: string): { read: number; mismatches: string[] } {
  let read = 0;
  const mismatches: string[] = [];
  for (const raw of splitDocuments(text)) {
    const fast = readSimpleYaml(raw.text);
    if (!fast) continue;
    read++;
    let expected: unknown;
    try {
      expected = jsYaml(raw.text);
    } catch {
      mismatches.push(`js-yaml refuses what the fast reader read: ${raw.text}`);
      continue;
    }
    if (!Object.is(JSON.stringify(fast.value), JSON.stringify(expected)) || !sameValue(fast.value, expected)) {
      mismatches.push(raw.text);
    }
  }
  return { read, mismatches };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return Object.is(a, b);
}

describe('the fast YAML reader', () => {
  test("reads the examples' output as js-yaml does, all of it", () => {
    const app = buildExamples(Testing.app());
    const text = Yaml.stringify(...app.charts.flatMap(chart => Testing.synth(chart)));
    const { read, mismatches } = compare(text);
    expect(mismatches).toEqual([]);
    expect(read).toBe(splitDocuments(text).filter(raw => raw.content).length);
  });

  test('reads 5,000 generated documents as js-yaml does, or leaves them to it', () => {
    const rnd = seeded(42);
    const texts = Array.from({ length: 5000 }, () => Yaml.stringify(pitfallValue(rnd)));
    const { read, mismatches } = compare(texts.join('---\n'));
    expect(mismatches.slice(0, 3)).toEqual([]);
    expect(read).toBeGreaterThan(1000);
  });

  test("reads the CLI fixtures as js-yaml does (or leaves them to it)", () => {
    const dir = path.join(__dirname, '..', 'cli', 'fixtures');
    const files: string[] = [];
    const walk = (d: string) => fs.readdirSync(d, { withFileTypes: true }).forEach(e => (e.isDirectory() ? walk(path.join(d, e.name)) : /\.ya?ml$/.test(e.name) && files.push(path.join(d, e.name))));
    walk(dir);
    for (const file of files) {
      expect({ file, mismatches: compare(fs.readFileSync(file, 'utf-8')).mismatches }).toEqual({ file, mismatches: [] });
    }
  });

  test.each([
    ['kubectl style: a sequence at its key\'s indentation, comments, CRLF', 'kind: Service # the kind\r\nspec:\r\n  ports:\r\n  - port: 80 # http\r\n    name: http\r\n  # a comment line\r\n  - port: 443\r\n'],
    ['quoted keys and values', '"a b": \'it\'\'s\'\n\'c\': "d\\n"\nlist:\n- "x"\n- \'y\'\n'],
    ['nested sequences', 'a:\n  - - 1\n    - 2\n  - - 3\n'],
    ['empty values and collections', 'a:\nb: []\nc: {}\nd:\n  -\n  - x\n'],
  ])('reads %s', (_name, text) => {
    const fast = readSimpleYaml(text);
    expect(fast).toBeDefined();
    expect(fast?.value).toEqual(jsYaml(text));
  });

  test.each([
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['flow collections', 'a: [1, 2]\n'],
    ['block scalars', 'a: |\n  text\n'],
    ['multi-line plain scalars', 'a: one\n  two\n'],
    ['tags', 'a: !!str 1\n'],
    ['merge keys', 'base: {}\n<<: {}\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['tabs in indentation', 'a:\n\tb: 1\n'],
  ])('leaves %s to js-yaml', (_name, text) => {
    expect(readSimpleYaml(text)).toBeUndefined();
  });
});

test.each([
  ['spaces before the colon of a plain key', 'key  : value\n'],
  ['several spaces after the colon', 'key:    value\n'],
  ['four-space indentation', 'a:\n    b:\n        - 1\n        - 2\n'],
  ['comments after quoted values', "a: 'x # y' # comment\nb: \"p: q\" # c\n"],
  ['URLs and colons inside plain scalars', 'url: http://example.com:8080/x\nt: a:b\n'],
])('reads %s as js-yaml does', (_name, text) => {
  const fast = readSimpleYaml(text);
  expect(fast).toBeDefined();
  expect(fast?.value).toEqual(jsYaml(text));
});
