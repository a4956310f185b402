/**
 * The CLI given hostile input, as a process: a FIFO, symbolic links out of the folder, a 50 MB
 * value, escape sequences and forged CI workflow commands, unreadable files. Each must end in a
 * clear message and the documented exit code, never a hang, a leak or a forged line.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, run, tempDir } from '../e2e/run';

jest.setTimeout(120_000);

const CLI = path.join(ROOT, 'lib', 'cli', 'main.js');

function cli(args: string[], options: { input?: string; cwd?: string } = {}): ReturnType<typeof run> {
  return run(process.execPath, [CLI, ...args], options);
}

const GOOD_SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n';
const BAD_SERVICE = GOOD_SERVICE.replace('port: 80', 'port: 70000');

/** Control characters that must never reach the output raw (tab aside, which no output here prints). */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

function write(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const dirs: string[] = [];
function scratch(): string {
  const dir = tempDir('cdk8s-traffic-hostile-');
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('inputs are decoded from their bytes, as kubectl decodes them', () => {
  const utf16 = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

  it('reads a UTF-16 file with a byte order mark, and finds what is wrong in it', () => {
    const dir = scratch();
    const file = path.join(dir, 'utf16.yaml');
    fs.writeFileSync(file, utf16(BAD_SERVICE));
    const result = cli(['validate', file]);
    expect(result.stdout).toContain(`${file}:9:5: error SVC009 spec.ports[0].port:`);
    expect(result.status).toBe(1);
  });

  it('reads UTF-16 with a byte order mark from standard input', () => {
    const result = spawnSync(process.execPath, [CLI, 'validate', '-'], { input: utf16(GOOD_SERVICE), encoding: 'utf-8' });
    expect(result.stderr).toBe('checked 1 document in 1 file: 0 errors, 0 warnings\n');
    expect(result.status).toBe(0);
  });

  it('refuses invalid UTF-8 with the line, as go-yaml does, and checks the other files', () => {
    const dir = scratch();
    const file = path.join(dir, 'latin1.yaml');
    fs.writeFileSync(file, Buffer.from(GOOD_SERVICE.replace('name: web', 'name: caf\u00e9'), 'latin1'));
    const good = write(dir, 'good.yaml', BAD_SERVICE);
    const result = cli(['validate', file, good]);
    expect(result.stderr).toMatch(new RegExp(`^error: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:\\d+: invalid UTF-8`, 'm'));
    expect(result.stdout).toContain(`${good}:9:5: error SVC009`);
    expect(result.status).toBe(2);
  });
});

describe('only regular files and standard input are read', () => {
  it('errors on a FIFO argument at once (never waits for a writer), and checks the other files', () => {
    const dir = scratch();
    const fifo = path.join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    const good = write(dir, 'good.yaml', BAD_SERVICE);
    const result = cli(['validate', fifo, good]);
    expect(result.stderr).toContain(`error: ${fifo}: a FIFO (named pipe), not a regular file: only files, folders and - (standard input) are read\n`);
    expect(result.stdout).toContain(`${good}:9:5: error SVC009 spec.ports[0].port:`);
    expect(result.status).toBe(2);
  });

  it('passes over a FIFO named *.yaml inside a folder with a note', () => {
    const dir = scratch();
    execFileSync('mkfifo', [path.join(dir, 'a-pipe.yaml')]);
    write(dir, 'good.yaml', GOOD_SERVICE);
    const result = cli(['validate', dir]);
    expect(result.stderr).toBe(`note: ${path.join(dir, 'a-pipe.yaml')}: skipped: a FIFO (named pipe), not a regular file\nchecked 1 document in 1 file: 0 errors, 0 warnings\n`);
    expect(result.status).toBe(0);
  });

  it('errors on a character device such as /dev/zero without reading it', () => {
    const result = cli(['validate', '/dev/zero']);
    expect(result.stderr).toContain('error: /dev/zero: a character device, not a regular file');
    expect(result.status).toBe(2);
  });
});

describe('symbolic links in a folder stay in the folder', () => {
  it('does not follow a link to / or to a file outside the folder, and never quotes the target', () => {
    const outside = scratch();
    const secret = write(outside, 'secret.yaml', 'TOKEN=hunter2-very-secret\n');
    const dir = scratch();
    write(dir, 'good.yaml', GOOD_SERVICE);
    fs.symlinkSync('/', path.join(dir, 'root'));
    fs.symlinkSync(secret, path.join(dir, 'leak.yaml'));
    fs.mkdirSync(path.join(dir, 'inner'));
    fs.symlinkSync(path.join(dir, 'good.yaml'), path.join(dir, 'inner', 'same.yaml')); // inside: followed, read once
    const result = cli(['validate', dir]);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toContain('hunter2');
    expect(result.stderr).toBe([
      `note: ${path.join(dir, 'leak.yaml')}: skipped: a symbolic link that leads out of the folder being read is not followed`,
      `note: ${path.join(dir, 'root')}: skipped: a symbolic link that leads out of the folder being read is not followed`,
      'checked 1 document in 1 file: 0 errors, 0 warnings',
      '',
    ].join('\n'));
    expect(result.status).toBe(0);
  });

  it('follows a link given explicitly as an argument when it leads to a regular file', () => {
    const dir = scratch();
    const target = write(scratch(), 'svc.yaml', BAD_SERVICE);
    const link = path.join(dir, 'link.yaml');
    fs.symlinkSync(target, link);
    const result = cli(['validate', link]);
    expect(result.stdout).toContain(`${link}:9:5: error SVC009`);
    expect(result.status).toBe(1);
  });
});

describe('input size limits', () => {
  const dir = scratch();
  const big = path.join(dir, 'big.yaml');
  beforeAll(() => {
    // a 50 MB single-line label value
    const fd = fs.openSync(big, 'w');
    fs.writeSync(fd, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels:\n    huge: "');
    const chunk = 'x'.repeat(1024 * 1024);
    for (let i = 0; i < 50; i++) fs.writeSync(fd, chunk);
    fs.writeSync(fd, '"\nspec:\n  ports:\n  - port: 80\n');
    fs.closeSync(fd);
  });

  it('refuses a file over 32 MiB without reading it, and checks the other files', () => {
    const good = write(dir, 'good.yaml', GOOD_SERVICE);
    const result = cli(['validate', big, good]);
    expect(result.stderr).toBe(`error: ${big}: the input is larger than 32 MiB, the limit per file (--max-input-size): it is not read\n`
      + 'checked 1 document in 1 file: 0 errors, 0 warnings; 1 input could not be read\n');
    expect(result.status).toBe(2);
  });

  it('reads it with a larger --max-input-size, and answers in short lines without a stack trace', () => {
    const result = cli(['validate', '--max-input-size', '64MiB', big]);
    for (const line of `${result.stdout}${result.stderr}`.split('\n')) expect(line.length).toBeLessThan(1200);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect([1, 2]).toContain(result.status);
  });

  it('echoes a long value cut to 80 characters in text, and to 1024 in JSON', () => {
    const file = write(dir, 'long.yaml', `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels:\n    huge: "${'x'.repeat(2 * 1024 * 1024)}"\nspec:\n  ports:\n  - port: 80\n`);
    const text = cli(['validate', file]);
    const lines = text.stdout.trim().split('\n');
    expect(lines).toEqual([expect.stringContaining(`${file}:6:5: error MET006 metadata.labels["huge"]: label "huge" value "${'x'.repeat(79)}…"`)]);
    expect(lines[0].length).toBeLessThan(1200);
    expect(text.status).toBe(1);

    const json = cli(['validate', '--format', 'json', file]);
    expect(json.stdout.length).toBeLessThan(10_000);
    const report = JSON.parse(json.stdout) as { diagnostics: Array<{ value?: unknown; message: string }> };
    const value = report.diagnostics[0].value as string;
    expect(value).toHaveLength(1024);
    expect(value.endsWith('…')).toBe(true);
  });

  it('applies the limit to standard input', () => {
    const result = cli(['validate', '--max-input-size', '100', '-'], { input: GOOD_SERVICE.repeat(2).replace(/^/, '# padding\n') });
    expect(result.stderr).toContain('error: <stdin>: the input is larger than 100 bytes, the limit per file (--max-input-size): it is not read');
    expect(result.status).toBe(2);
  });

  it('applies a limit in total', () => {
    const a = write(dir, 'a.yaml', GOOD_SERVICE);
    const b = write(dir, 'b.yaml', GOOD_SERVICE.replace('web', 'api'));
    const result = cli(['validate', '--max-total-input-size', String(GOOD_SERVICE.length + 10), a, b]);
    expect(result.stderr).toContain(`error: ${b}: the inputs together are larger than ${GOOD_SERVICE.length + 10} bytes, the limit in total (--max-total-input-size): this one is not read`);
    expect(result.status).toBe(2);
  });

  it('errors on a size it cannot read', () => {
    const result = cli(['validate', '--max-input-size', 'lots', 'x.yaml']);
    expect(result.stderr).toContain('expected a size such as 32MiB, 512KiB or 1048576 (bytes), got "lots"');
    expect(result.status).toBe(2);
  });
});

describe('output that cannot be forged', () => {
  const hostile = [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: "web\\e[31m\\n::error file=a.yaml::forged"',
    '  labels:',
    '    a: "\\e]0;title\\a\\u2028\\x85\\r::warning::x"',
    'spec:',
    '  ports:',
    '  - port: 70000',
    '---',
    'apiVersion: v1',
    'kind: "Evil\\e[2J\\n::error::kind"',
    'metadata:',
    '  name: x',
    '',
  ].join('\n');

  it('escapes every control character in text diagnostics and the summary, so no line is forged', () => {
    const dir = scratch();
    const file = write(dir, 'hostile.yaml', hostile);
    const result = cli(['validate', file]);
    expect(result.stdout).not.toMatch(RAW_CONTROL);
    expect(result.stderr).not.toMatch(RAW_CONTROL);
    for (const line of `${result.stdout}${result.stderr}`.split('\n')) expect(line).not.toMatch(/^::/);
    expect(result.stdout).toContain('name "web\\u001b[31m\\n::error file=a.yaml::forged" must be a DNS-1035 label');
    expect(result.stdout).toContain('value "\\u001b]0;title\\u0007\\u2028\\u0085\\r::warning::x" is invalid');
    expect(result.stderr).toContain('unknown kind Evil\\u001b[2J\\n::error::kind x1');
    expect(result.status).toBe(1);
  });

  it('escapes a file name that holds an escape sequence, and one that starts with ::', () => {
    const dir = scratch();
    write(dir, '::error file=x::forged.yaml', BAD_SERVICE);
    write(dir, 'a\u001b[31m\nb.yaml', BAD_SERVICE);
    const result = cli(['validate', '.'], { cwd: dir });
    expect(result.stdout).not.toMatch(RAW_CONTROL);
    expect(result.stdout.split('\n').filter(l => l.startsWith('::'))).toEqual([]);
    expect(result.stdout).toContain('./::error file=x::forged.yaml:9:5: error SVC009');
    expect(result.stdout).toContain('a\\u001b[31m\\nb.yaml:9:5: error SVC009');
    expect(result.status).toBe(1);
  });

  it('escapes the describe tables and keeps mermaid labels inside their quotes', () => {
    const dir = scratch();
    const file = write(dir, 'vs.yaml', [
      'apiVersion: networking.istio.io/v1',
      'kind: VirtualService',
      'metadata:',
      '  name: "r\\e[31m\\nx"',
      'spec:',
      '  hosts: ["a\\e[2J\\"]\\nend\\u2028b"]',
      '  http:',
      '  - name: "route\\r::error::x"',
      '    route:',
      '    - destination:',
      '        host: "d\\"|\\n%%x"',
      '',
    ].join('\n'));
    const text = cli(['describe', file]);
    expect(text.stdout).not.toMatch(RAW_CONTROL);
    expect(text.stdout).toContain('route\\r::error::x');
    expect(text.status).toBe(0);
    const graph = cli(['describe', '--graph', 'mermaid', file]);
    expect(graph.stdout).not.toMatch(RAW_CONTROL);
    // every line is the header, a node or an edge: nothing a value could have started
    for (const line of graph.stdout.trimEnd().split('\n').slice(1)) expect(line).toMatch(/^ {2}[a-z]+_[A-Za-z0-9_]*(?:\S*"[^"]*"\S*| \S+(?:\|"[^"]*"\|)? [a-z]+_[A-Za-z0-9_]*)$/);
    expect(graph.status).toBe(0);
  });
});

describe('--format json prints exactly one JSON document', () => {
  it('reports an unreadable file (a FIFO, a missing file) in the report and checks the others', () => {
    const dir = scratch();
    const fifo = path.join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    const good = write(dir, 'good.yaml', BAD_SERVICE);
    const result = cli(['validate', '--format', 'json', fifo, path.join(dir, 'missing.yaml'), good]);
    const report = JSON.parse(result.stdout) as { error: unknown; errors: Array<{ file: string; message: string }>; diagnostics: Array<{ file: string; code: string }> };
    expect(report.errors).toEqual([
      { file: fifo, message: 'a FIFO (named pipe), not a regular file: only files, folders and - (standard input) are read' },
      { file: path.join(dir, 'missing.yaml'), message: 'no such file or folder' },
    ]);
    expect(report.error).toEqual(report.errors[0]);
    expect(report.diagnostics.map(d => [d.file, d.code])).toEqual([[good, 'SVC009']]);
    expect(result.status).toBe(2);
  });

  it('reports a file it has no permission to read', () => {
    if (process.getuid?.() === 0) return; // root reads everything
    const dir = scratch();
    const secret = write(dir, 'secret.yaml', GOOD_SERVICE);
    fs.chmodSync(secret, 0o000);
    const result = cli(['validate', '--format', 'json', secret]);
    expect(JSON.parse(result.stdout)).toEqual(expect.objectContaining({ errors: [{ file: secret, message: 'permission denied' }] }));
    expect(result.status).toBe(2);
  });

  it('reports a usage error as a JSON error object', () => {
    const result = cli(['validate', '--format', 'json', '--no-such-flag', 'x.yaml']);
    expect(JSON.parse(result.stdout)).toEqual({ error: { message: "unknown option '--no-such-flag'" } });
    expect(result.status).toBe(2);
  });

  it('reports an input error of describe in its JSON report too', () => {
    const dir = scratch();
    const result = cli(['describe', '--format', 'json', path.join(dir, 'missing.yaml'), write(dir, 'good.yaml', GOOD_SERVICE)]);
    const report = JSON.parse(result.stdout) as { errors: unknown[]; services: unknown[] };
    expect(report.errors).toEqual([{ file: path.join(dir, 'missing.yaml'), message: 'no such file or folder' }]);
    expect(report.services).toHaveLength(1);
    expect(result.status).toBe(2);
  });

  it('shows non-finite numbers as NaN and Infinity, not null', () => {
    const result = cli(['validate', '--format', 'json', '-'], { input: GOOD_SERVICE.replace('port: 80', 'port: .nan') });
    expect(() => JSON.parse(result.stdout) as unknown).not.toThrow();
    expect(result.stdout).toContain('NaN');
    expect(result.stdout).not.toMatch(/"value": null/);
    expect(result.status).not.toBe(0);
  });
});

describe('several files', () => {
  it('reports an empty file and still checks the good file after it', () => {
    const dir = scratch();
    const empty = write(dir, 'empty.yaml', '');
    const good = write(dir, 'good.yaml', BAD_SERVICE);
    const result = cli(['validate', empty, good]);
    expect(result.stdout).toBe(`${good}:9:5: error SVC009 spec.ports[0].port: port 70000 must be between 1 and 65535, inclusive\n`);
    expect(result.stderr).toBe(`error: ${empty}: the input is empty: expected YAML documents with Kubernetes objects\n`
      + 'checked 1 document in 1 file: 1 error, 0 warnings; 1 input could not be read\n');
    expect(result.status).toBe(2);
  });
});

describe('diagnostic limits', () => {
  const ports = Array.from({ length: 30 }, (_, i) => `  - name: p${i}\n    port: ${70000 + i}`).join('\n');
  const many = `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n${ports}\n`;

  it('prints at most --max-diagnostics-per-file per file and says how many more', () => {
    const dir = scratch();
    const a = write(dir, 'a.yaml', many);
    const b = write(dir, 'b.yaml', many);
    const result = cli(['validate', '--max-diagnostics-per-file', '3', a, b]);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(8);
    expect(lines[3]).toBe(`${a}: ... and 27 more diagnostics not shown (--max-diagnostics-per-file 3)`);
    expect(lines[7]).toBe(`${b}: ... and 27 more diagnostics not shown (--max-diagnostics-per-file 3)`);
    expect(result.stderr).toBe('checked 2 documents in 2 files: 60 errors, 0 warnings\n');
    expect(result.status).toBe(1);
  });

  it('prints at most --max-diagnostics in all, and counts the rest in the JSON report', () => {
    const dir = scratch();
    const a = write(dir, 'a.yaml', many);
    const text = cli(['validate', '--max-diagnostics', '5', a]);
    const lines = text.stdout.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[5]).toBe('... and 25 more diagnostics not shown (--max-diagnostics 5)');
    const json = cli(['validate', '--max-diagnostics', '5', '--format', 'json', a]);
    const report = JSON.parse(json.stdout) as { diagnostics: unknown[]; omitted: number; summary: { errors: number } };
    expect(report.diagnostics).toHaveLength(5);
    expect(report.omitted).toBe(25);
    expect(report.summary.errors).toBe(30);
  });
});

describe('exit codes and --debug', () => {
  it('documents the exit codes in --help', () => {
    const result = cli(['--help']);
    expect(result.stdout).toContain('Exit status: 0 clean (warnings allowed), 1 findings, 2 a usage error, an input that could not be read (the other inputs are still checked) or an internal error (--debug prints its stack trace).');
    expect(result.stdout).toContain('--debug');
    expect(result.status).toBe(0);
  });
});
