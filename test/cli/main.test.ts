/**
 * `main()` in process: what it prints on an internal error, with and without `--debug`, and
 * that usage errors quoting hostile arguments are escaped.
 */
import * as path from 'path';
import { main } from '../../src/cli/main';
import * as engine from '../../src/validation/engine';

const FIXTURE = path.join(__dirname, 'fixtures', 'warnings-only.yaml');

async function runMain(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
  }
}

describe('main', () => {
  afterEach(() => jest.restoreAllMocks());

  it('reports an internal error in one line without a stack trace, exit 2', async () => {
    jest.spyOn(engine, 'validateManifests').mockImplementation(() => {
      throw new TypeError('boom\u001b[31m');
    });
    const result = await runMain(['validate', FIXTURE]);
    expect(result.stderr).toBe('error: internal error: boom\\u001b[31m (run with --debug for the stack trace)\n');
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
  });

  it('prints the stack trace with --debug', async () => {
    jest.spyOn(engine, 'validateManifests').mockImplementation(() => {
      throw new TypeError('boom');
    });
    const result = await runMain(['validate', '--debug', FIXTURE]);
    expect(result.stderr).toMatch(/^error: internal error: boom\nTypeError: boom\n\s+at /);
    expect(result.code).toBe(2);
  });

  it('prints exactly one JSON document with an error object on an internal error with --format json', async () => {
    jest.spyOn(engine, 'validateManifests').mockImplementation(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    const result = await runMain(['validate', '--format', 'json', FIXTURE]);
    expect(JSON.parse(result.stdout)).toEqual({ error: { message: 'internal error: Maximum call stack size exceeded' } });
    expect(result.code).toBe(2);
  });

  it('escapes a hostile argument quoted by a usage error', async () => {
    const result = await runMain(['validate', '--format', 'x\u001b[2J\n::error::forged', FIXTURE]);
    expect(result.stderr).toContain("argument 'x\\u001b[2J\\n::error::forged' is invalid");
    expect(result.stderr).not.toMatch(/\u001b/);
    expect(result.code).toBe(2);
  });
});
