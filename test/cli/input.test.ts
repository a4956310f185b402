import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { InputError } from '../../src/cli/errors';
import { execFileSync } from 'child_process';
import { collectInputs, readInputs } from '../../src/cli/input';

/** A temp folder with the given files (relative path -> content). */
function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-traffic-input-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

function inputError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.describe();
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('readInputs', () => {
  it('reads a file as given', () => {
    const root = tree({ 'svc.yaml': 'kind: Service\n' });
    const file = path.join(root, 'svc.yaml');
    expect(readInputs([file]).map(i => [i.name, i.text, Buffer.from(i.bytes ?? []).toString('utf-8')])).toEqual([[file, 'kind: Service\n', 'kind: Service\n']]);
  });

  it('reads a file whatever its extension when it is named explicitly', () => {
    const root = tree({ 'manifest.txt': 'kind: Service\n' });
    expect(readInputs([path.join(root, 'manifest.txt')]).map(i => i.text)).toEqual(['kind: Service\n']);
  });

  it('reads the .yaml and .yml files of a folder recursively, sorted, skipping hidden entries, node_modules and other files', () => {
    const root = tree({
      'b.yaml': 'b', 'a.yml': 'a', 'C.YAML': 'C', 'notes.md': 'no', 'z/inner.yaml': 'inner', 'm/deep/x.yaml': 'deep',
      '.hidden/h.yaml': 'no', '.hidden.yaml': 'no', 'node_modules/pkg/n.yaml': 'no', 'yaml.bak': 'no',
    });
    expect(readInputs([root]).map(i => path.relative(root, i.name))).toEqual(['C.YAML', 'a.yml', 'b.yaml', path.join('m', 'deep', 'x.yaml'), path.join('z', 'inner.yaml')]);
  });

  it('names folder entries from the folder as given', () => {
    const root = tree({ 'dist/app.k8s.yaml': 'x' });
    expect(readInputs(['dist'].map(d => path.join(root, d))).map(i => i.name)).toEqual([path.join(root, 'dist', 'app.k8s.yaml')]);
  });

  it('reads - from standard input, once', () => {
    const reads: number[] = [];
    const inputs = readInputs(['-', '-'], () => {
      reads.push(1);
      return 'kind: Service\n';
    });
    expect(inputs).toEqual([{ name: '<stdin>', text: 'kind: Service\n' }]);
    expect(reads).toHaveLength(1);
  });

  it('reads a file reached twice only once, in the order first given', () => {
    const root = tree({ 'a.yaml': 'a', 'b.yaml': 'b' });
    const names = readInputs([path.join(root, 'b.yaml'), root, path.join(root, 'a.yaml')]).map(i => path.basename(i.name));
    expect(names).toEqual(['b.yaml', 'a.yaml']);
  });

  it('follows symbolic links to files and folders inside the folder without looping, reading each file once', () => {
    const root = tree({ 'real/a.yaml': 'a' });
    fs.symlinkSync(path.join(root, 'real'), path.join(root, 'real', 'loop'));
    fs.symlinkSync(path.join(root, 'real', 'a.yaml'), path.join(root, 'link.yaml'));
    fs.symlinkSync(path.join(root, 'missing.yaml'), path.join(root, 'dangling.yaml'));
    // link.yaml sorts first and is real/a.yaml: the file is read once, under the first name met
    expect(readInputs([root]).map(i => path.relative(root, i.name))).toEqual(['link.yaml']);
    expect(readInputs([path.join(root, 'real')]).map(i => path.relative(root, i.name))).toEqual([path.join('real', 'a.yaml')]);
  });

  it('errors when a path does not exist', () => {
    expect(inputError(() => readInputs(['no/such/file.yaml']))).toBe('no/such/file.yaml: no such file or folder');
  });

  it('errors when a folder holds no YAML file', () => {
    const root = tree({ 'README.md': 'x', '.hidden/a.yaml': 'a', 'node_modules/b.yaml': 'b' });
    expect(inputError(() => readInputs([root]))).toBe(`${root}: no .yaml or .yml files in this folder (hidden folders and node_modules are skipped)`);
  });

  it('errors when a file cannot be read', () => {
    if (process.getuid?.() === 0) return; // root reads everything
    const root = tree({ 'secret.yaml': 'x' });
    fs.chmodSync(path.join(root, 'secret.yaml'), 0o000);
    expect(inputError(() => readInputs([path.join(root, 'secret.yaml')]))).toBe(`${path.join(root, 'secret.yaml')}: permission denied`);
  });

  it('does not follow a link out of the folder (to / or to a file elsewhere), and notes it without naming the target', () => {
    const outside = tree({ 'secret.yaml': 'TOKEN=abc' });
    const root = tree({ 'good.yaml': 'kind: Service\n' });
    fs.symlinkSync('/', path.join(root, 'slash'));
    fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(root, 'leak.yaml'));
    fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(root, 'leak.txt')); // not YAML: passed over silently
    const read = collectInputs([root]);
    expect(read.inputs.map(i => path.basename(i.name))).toEqual(['good.yaml']);
    expect(read.errors).toEqual([]);
    expect(read.notices.map(n => n.describe())).toEqual([
      `${path.join(root, 'leak.yaml')}: skipped: a symbolic link that leads out of the folder being read is not followed`,
      `${path.join(root, 'slash')}: skipped: a symbolic link that leads out of the folder being read is not followed`,
    ]);
    expect(read.notices.map(n => n.describe()).join('')).not.toContain(outside);
  });

  it('errors on a FIFO argument without waiting for a writer, and reads the other paths', () => {
    const root = tree({ 'good.yaml': 'kind: Service\n' });
    execFileSync('mkfifo', [path.join(root, 'pipe')]);
    const read = collectInputs([path.join(root, 'pipe'), path.join(root, 'good.yaml')]);
    expect(read.errors.map(e => e.describe())).toEqual([`${path.join(root, 'pipe')}: a FIFO (named pipe), not a regular file: only files, folders and - (standard input) are read`]);
    expect(read.inputs.map(i => path.basename(i.name))).toEqual(['good.yaml']);
  });

  it('errors on a file larger than the limit per file, and on inputs larger than the limit in total', () => {
    const root = tree({ 'a.yaml': 'a'.repeat(100), 'b.yaml': 'b'.repeat(100), 'c.yaml': 'c'.repeat(50) });
    const big = collectInputs([root], { limits: { maxFileBytes: 99, maxTotalBytes: 1000 } });
    expect(big.errors.map(e => e.describe())).toEqual([
      `${path.join(root, 'a.yaml')}: the input is larger than 99 bytes, the limit per file (--max-input-size): it is not read`,
      `${path.join(root, 'b.yaml')}: the input is larger than 99 bytes, the limit per file (--max-input-size): it is not read`,
    ]);
    expect(big.inputs.map(i => path.basename(i.name))).toEqual(['c.yaml']);
    const total = collectInputs([root], { limits: { maxFileBytes: 1000, maxTotalBytes: 160 } });
    expect(total.inputs.map(i => path.basename(i.name))).toEqual(['a.yaml', 'c.yaml']);
    expect(total.errors.map(e => e.message)).toEqual(['the inputs together are larger than 160 bytes, the limit in total (--max-total-input-size): this one is not read']);
  });

  it('holds standard input to the limit too', () => {
    const read = collectInputs(['-'], { readStdin: () => 'x'.repeat(200), limits: { maxFileBytes: 100, maxTotalBytes: 1000 } });
    expect(read.errors.map(e => e.describe())).toEqual(['<stdin>: the input is larger than 100 bytes, the limit per file (--max-input-size): it is not read']);
  });
});
