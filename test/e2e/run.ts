import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';

export const ROOT = path.resolve(__dirname, '..', '..');

export interface ProcessResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command in the repository root with upgrade checks off. */
export function run(command: string, args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): ProcessResult {
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: 'utf-8',
    env: { ...process.env, CDK8S_CHECK_UPGRADE: 'false', ...options.env },
    timeout: 240_000,
  });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Every YAML document in every file of a folder, in file order. */
export function readManifests(dir: string): Array<{ file: string; manifest: any }> {
  const out: Array<{ file: string; manifest: any }> = [];
  for (const file of fs.readdirSync(dir).filter(f => f.endsWith('.yaml')).sort()) {
    for (const doc of parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf-8'))) {
      out.push({ file, manifest: doc.toJS() });
    }
  }
  return out;
}
