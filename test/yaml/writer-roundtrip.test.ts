/**
 * Property tests: every string the writer writes reads back as the same string, with the `yaml`
 * package (YAML 1.2), with this project's reader (Kubernetes' YAML 1.1 typing), and, where
 * kubectl is on PATH, with kubectl itself (`kubectl label --local -f FILE k=v -o json` decodes a
 * file offline exactly as kubectl does).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { parseDocuments } from '../../src/yaml/documents';
import { writeWithYaml, writeYaml } from '../../src/yaml/writer';

const RUNS = 300;

const digits = (chars: string) => fc.string({ unit: fc.constantFrom(...chars.split('')), minLength: 1, maxLength: 6 });
const sign = fc.constantFrom('', '-', '+');

/** Strings that look like something else to some YAML reader, and strings with awkward characters. */
const lookalike: fc.Arbitrary<string> = fc.oneof(
  // ints in every base and spelling, with underscores
  fc.tuple(sign, fc.constantFrom('0o', '0O', '0x', '0X', '0b', '0B', '0', ''), digits('0123456789abcdefABCDEF_')).map(([s, p, d]) => s + p + d),
  // floats, exponents, special floats
  fc.tuple(sign, digits('0123456789_'), fc.constantFrom('.', ''), fc.constantFrom('', 'e3', 'E-2', 'e+10'), digits('0123456789')).map(([s, a, dot, e, b]) => s + a + dot + b + e),
  fc.constantFrom('.inf', '.Inf', '.INF', '-.inf', '+.inf', '.nan', '.NaN', '.NAN', '.5', '1.', 'e3', '1e3'),
  // sexagesimal
  fc.tuple(sign, digits('0123456789'), fc.array(digits('012345'), { minLength: 1, maxLength: 3 }), fc.constantFrom('', '.5')).map(([s, a, parts, f]) => `${s}${a}:${parts.join(':')}${f}`),
  // booleans and nulls of YAML 1.1 and 1.2, in every casing
  fc.constantFrom('y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'on', 'On', 'ON', 'off', 'Off', 'OFF', 'tRUE'),
  fc.constantFrom('', '~', 'null', 'Null', 'NULL', 'nULL', '<<', '=', '-', '---', '...', '? x', '- x', 'a: b', '#x', '&a', '*a', '!x', '|', '>'),
  // dates and timestamps
  fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.constantFrom('', 'T10:20:30Z', 't21:59:43.10-05:00', ' 10:20:30 +2'))
    .map(([y, m, d, t]) => `${y}-${String(m).padStart(2, '0')}-${d}${t}`),
  // line breaks and control characters, alone or inside text
  fc.tuple(fc.string({ maxLength: 4 }), fc.constantFrom('\u0085', '\u2028', '\u2029', '\r', '\r\n', '\n', '\t', '\u0000', '\u0001', '\u001b', '\u007f', '\u0080', '\u009f', '\ufeff', '\u00a0', ' '), fc.string({ maxLength: 4 }))
    .map(([a, c, b]) => a + c + b),
  fc.string({ unit: 'binary-ascii', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);

/** A ConfigMap-like object holding the string as a value, as a key, and in a list. */
function objectWith(text: string): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'generated' }, data: { value: text, [`key ${text}`]: 'k', [text]: 'bare key' }, list: [text] };
}

/** What the YAML text reads back as with this project's reader. */
function readBack(text: string): unknown[] {
  return parseDocuments({ name: 'generated.yaml', text }).map(doc => doc.manifest);
}

describe('the writer, read back', () => {
  test('strings read back as themselves with the yaml package (YAML 1.2) and with our reader', () => {
    fc.assert(fc.property(lookalike, text => {
      const object = objectWith(text);
      for (const written of [writeYaml([object]), writeWithYaml(object)]) {
        expect(parse(written)).toEqual(object);
        expect(parse(written, { version: '1.1' })).toEqual(object);
        expect(readBack(written)).toEqual([object]);
      }
    }), { numRuns: RUNS, seed: 20261205 });
  });

  test('multi-line strings (written by yaml as block scalars) read back as themselves', () => {
    fc.assert(fc.property(fc.array(fc.oneof(lookalike, fc.constant('\n')), { minLength: 1, maxLength: 5 }), parts => {
      const object = objectWith(parts.join(''));
      expect(parse(writeYaml([object]))).toEqual(object);
      expect(readBack(writeYaml([object]))).toEqual([object]);
    }), { numRuns: RUNS, seed: 1 });
  });
});

const kubectl = spawnSync('kubectl', ['version', '--client', '-o', 'json'], { encoding: 'utf-8' });
const hasKubectl = kubectl.status === 0;
const kubectlTest = hasKubectl ? test : test.skip;

describe('the writer, read back by kubectl', () => {
  kubectlTest(hasKubectl
    ? 'kubectl decodes every generated string as itself'
    : 'kubectl decodes every generated string as itself (skipped: kubectl is not on PATH)', () => {
    const texts = fc.sample(lookalike, { numRuns: RUNS, seed: 42 });
    const data: Record<string, string> = {};
    const labels: Record<string, string> = {};
    texts.forEach((text, i) => {
      data[`v${i}`] = text;
      data[`key ${i} ${text}`] = String(i);
      if (i < 50) labels[`l${i}`] = text; // label values are read into a map of strings: a number would not decode
    });
    const object = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'generated', labels }, data };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yaml-writer-'));
    try {
      const file = path.join(dir, 'generated.yaml');
      fs.writeFileSync(file, writeYaml([object]));
      const result = spawnSync('kubectl', ['label', '--local', '-f', file, 'checked=yes', '-o', 'json'], { encoding: 'utf-8' });
      expect(result.stderr).toBe('');
      const decoded = JSON.parse(result.stdout) as { data: unknown; metadata: { labels: unknown } };
      expect(decoded.data).toEqual(data);
      expect(decoded.metadata.labels).toEqual({ ...labels, checked: 'yes' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
