import { boundedValue, formatSize, parseCount, parseSize } from '../../src/cli/limits';
import { capDiagnostics, formatInputError, formatSummary, formatTextLine, formatTextReport, LocatedDiagnostic } from '../../src/cli/output';
import { InputError } from '../../src/cli/errors';
import { renderTable } from '../../src/describe/table';
import { quote } from '../../src/describe/mermaid';
import { Severity } from '../../src/validation/diagnostic';
import { formatDiagnostic } from '../../src/validation/format-diagnostic';
import { cut, escapeControl, safeMessage, shortenValues } from '../../src/text/escape';

/** Control characters that must never reach a human-readable output raw. */
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function diagnostic(overrides: Partial<LocatedDiagnostic> = {}): LocatedDiagnostic {
  return {
    file: 'a.yaml', line: 1, column: 1, severity: Severity.ERROR, code: 'SVC009', rule: 'port-range',
    path: 'spec.ports[0].port', resource: 'Service/default/web', message: 'port 70000 must be between 1 and 65535', upstream: [],
    ...overrides,
  };
}

describe('escapeControl', () => {
  it.each([
    ['an escape sequence', 'a\u001b[31mb', 'a\\u001b[31mb'],
    ['a line feed, carriage return and tab', 'a\nb\rc\td', 'a\\nb\\rc\\td'],
    ['NUL and DEL', '\u0000\u007f', '\\u0000\\u007f'],
    ['C1 controls (NEL, CSI)', '\u0085\u009b', '\\u0085\\u009b'],
    ['the Unicode line and paragraph separators', '\u2028\u2029', '\\u2028\\u2029'],
    ['bidirectional overrides', '\u202egnp.exe\u2066', '\\u202egnp.exe\\u2066'],
    ['an unpaired surrogate', 'a\ud800b', 'a\\ud800b'],
  ])('escapes %s', (_what, text, expected) => {
    expect(escapeControl(text)).toBe(expected);
  });

  it('leaves printable text, non-ASCII letters and emoji alone', () => {
    expect(escapeControl('café 日本 😀 "q" \\')).toBe('café 日本 😀 "q" \\');
  });
});

describe('cut and shortenValues', () => {
  it('cuts to the length with an ellipsis, never inside a surrogate pair', () => {
    expect(cut('abcdef', 4)).toBe('abc…');
    expect(cut('abc', 4)).toBe('abc');
    expect(cut('ab😀cd', 4)).toBe('ab…');
  });

  it('cuts every quoted value in a message to 80 characters and the message to 1000', () => {
    const long = 'x'.repeat(5000);
    expect(shortenValues(`value ${JSON.stringify(long)} is invalid`)).toBe(`value "${'x'.repeat(79)}…" is invalid`);
    expect(shortenValues('y'.repeat(5000))).toHaveLength(1000);
    expect(shortenValues('value "short" is fine')).toBe('value "short" is fine');
  });

  it('does not end a cut value inside an escape', () => {
    const text = JSON.stringify(`${'x'.repeat(77)}\u001b${'y'.repeat(20)}`);
    expect(shortenValues(`v ${text}`)).toBe(`v "${'x'.repeat(77)}…"`);
  });

  it('escapes after cutting', () => {
    expect(safeMessage('bad\nline')).toBe('bad\\nline');
  });
});

describe('text output', () => {
  it('escapes the file name, path and message of a diagnostic', () => {
    const line = formatTextLine(diagnostic({ file: 'a\u001b[2J.yaml', path: 'metadata.labels["a\nb"]', message: 'value "\u001b]0;x\u0007" is bad\n::error::forged' }));
    expect(line).not.toMatch(RAW_CONTROL);
    expect(line).toBe('a\\u001b[2J.yaml:1:1: error SVC009 metadata.labels["a\\nb"]: value "\\u001b]0;x\\u0007" is bad\\n::error::forged');
  });

  it('prefixes a file name that starts with :: so the line is no workflow command', () => {
    expect(formatTextLine(diagnostic({ file: '::error::x.yaml' }))).toMatch(/^\.\/::error::x\.yaml:1:1: /);
    expect(formatInputError(new InputError('::warning::y.yaml', 'no such file or folder'))).toBe('error: ./::warning::y.yaml: no such file or folder');
  });

  it('escapes and cuts the kinds in the summary, and names at most 20', () => {
    const skippedKinds: Record<string, number> = Object.fromEntries([['Evil\u001b[2J', 1], ['K'.repeat(200), 1], ...Array.from({ length: 30 }, (_, i) => [`Kind${i}`, 1])]);
    const text = formatSummary({ files: 1, documents: 32, checked: 0, skipped: 32, skippedKinds, errors: 0, warnings: 0 });
    expect(text).not.toMatch(RAW_CONTROL);
    expect(text).toContain('Evil\\u001b[2J x1, ');
    expect(text).toContain(`${'K'.repeat(79)}… x1`);
    expect(text).toContain('and 12 more kinds');
  });

  it('escapes an InputError described for the terminal', () => {
    expect(new InputError('f\n.yaml', 'bad "\u001b"', 3, 4).describe()).toBe('f\\n.yaml:3:4: bad "\\u001b"');
  });

  it('escapes the one-line form of a diagnostic used at synth', () => {
    const line = formatDiagnostic({ severity: Severity.ERROR, code: 'MET002', rule: 'name-format', path: 'metadata.name', resource: 'Service/default/x', message: `name "a\u001b[31m\n${'z'.repeat(200)}" is bad` } as never);
    expect(line).not.toMatch(RAW_CONTROL);
    expect(line).toBe(`MET002 metadata.name: name "a\\u001b[31m\\n${'z'.repeat(72)}…" is bad (name-format)`);
  });
});

describe('capDiagnostics', () => {
  const limits = { perFile: 2, total: 3 };
  const list = [
    diagnostic({ file: 'a.yaml', line: 1 }), diagnostic({ file: 'a.yaml', line: 2 }), diagnostic({ file: 'a.yaml', line: 3 }),
    diagnostic({ file: 'b.yaml', line: 1 }), diagnostic({ file: 'b.yaml', line: 2 }), diagnostic({ file: '', line: 0 }),
  ];

  it('keeps at most perFile per file and total in all, and says how many more', () => {
    const capped = capDiagnostics(list, limits);
    expect(capped.shown.map(d => `${d.file}:${d.line}`)).toEqual(['a.yaml:1', 'a.yaml:2', 'b.yaml:1']);
    expect(capped.omitted).toBe(3);
    expect(formatTextReport(capped, limits).split('\n').filter(l => l.includes('more'))).toEqual([
      'a.yaml: ... and 1 more diagnostic not shown (--max-diagnostics-per-file 2)',
      '... and 2 more diagnostics not shown (--max-diagnostics 3)',
    ]);
  });

  it('prints nothing for no diagnostics', () => {
    expect(formatTextReport(capDiagnostics([], limits), limits)).toBe('');
  });
});

describe('boundedValue', () => {
  it('cuts long strings, shows non-finite numbers by name and keeps at most 200 nodes', () => {
    expect(boundedValue('x'.repeat(5000))).toHaveLength(1024);
    expect(boundedValue([NaN, Infinity, -Infinity, 1.5])).toEqual(['NaN', 'Infinity', '-Infinity', 1.5]);
    expect(JSON.stringify(boundedValue(Array.from({ length: 10_000 }, (_, i) => i))).length).toBeLessThan(2000);
  });

  it('bounds a value whose parts are shared many times (what YAML aliases make)', () => {
    let node: unknown = ['lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol'];
    for (let i = 0; i < 9; i++) node = Array.from({ length: 9 }, () => node);
    expect(JSON.stringify(boundedValue(node)).length).toBeLessThan(5000);
  });

  it('keeps a __proto__ key as a plain key', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}}') as unknown;
    expect(JSON.stringify(boundedValue(value))).toBe('{"__proto__":{"polluted":true}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('size and count options', () => {
  it.each([['1048576', 1048576], ['32MiB', 32 * 1024 * 1024], ['512k', 512 * 1024], ['1.5M', 1.5 * 1024 * 1024], ['2 GiB', 2 * 1024 ** 3]])('reads %s', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });

  it('errors on a size it cannot read, or zero', () => {
    expect(() => parseSize('lots')).toThrow('expected a size such as 32MiB');
    expect(() => parseSize('0')).toThrow('at least 1 byte');
    expect(() => parseCount('-1')).toThrow('expected a whole number 0 or more');
  });

  it('writes sizes as people read them', () => {
    expect([formatSize(32 * 1024 * 1024), formatSize(512 * 1024), formatSize(100), formatSize(1)]).toEqual(['32 MiB', '512 KiB', '100 bytes', '1 byte']);
  });
});

describe('describe output', () => {
  it('escapes and cuts table cells', () => {
    const text = renderTable(['NAME', 'HOSTS'], [['a\u001b[31m\nb', 'h'.repeat(500)]]);
    expect(text.split('\n')).toHaveLength(3);
    expect(text.replace(/\n/g, '')).not.toMatch(RAW_CONTROL);
    expect(text.split('\n')[1]).toBe(`a\\u001b[31m\\nb   ${'h'.repeat(199)}…`);
  });

  it('keeps a mermaid label inside its quotes whatever the value', () => {
    const label = quote('a"]\n%%x\r\u001b[2J\u2028|b');
    expect(label).not.toMatch(RAW_CONTROL);
    expect(label).toBe('"a#quot;]<br/>%%x\\r\\u001b[2J\\u2028#124;b"');
    expect(label.slice(1, -1)).not.toContain('"');
  });
});
