import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isMainThread } from 'worker_threads';
import { ProcessResult, readManifests, ROOT, run, tempDir } from './run';

/**
 * The oldest releases the package is proven to work with (test/e2e/oldest-peers.test.ts
 * installs exactly these). Below them: cdk8s 2.7.23 and older lack `ApiObject.isApiObject`,
 * which synth uses (a TypeError at the first `app.synth()`); constructs 10.0.0 is the first 10.x.
 */
export const OLDEST_CDK8S = '2.7.75';
export const OLDEST_CONSTRUCTS = '10.0.0';

const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const CDK8S_CLI = path.join(ROOT, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s');
const PACK_CACHE = path.join(os.tmpdir(), 'cdk8s-traffic-e2e-pack');
const PACK_WAIT_MS = 240_000;

/**
 * The process id of the jest run: suites run in forked workers (their parent), in worker
 * threads or in band (this process). Keys the shared pack, so every suite of one run gets the
 * same tarball even if lib/ is rebuilt meanwhile, and the next run packs afresh.
 */
function jestRunId(): number {
  if (!isMainThread) return process.pid;
  return process.env.JEST_WORKER_ID !== undefined && typeof process.send === 'function' ? process.ppid : process.pid;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Removes the packs of earlier runs (two hours old: a run takes minutes). */
function pruneOldPacks(): void {
  const cutoff = Date.now() - 2 * 3600_000;
  for (const entry of fs.readdirSync(PACK_CACHE)) {
    const entryPath = path.join(PACK_CACHE, entry);
    if (fs.statSync(entryPath).mtimeMs < cutoff) fs.rmSync(entryPath, { recursive: true, force: true });
  }
}

/**
 * The package as `npm pack` makes it, packed once and shared by every suite of the jest run
 * (suites run in separate workers, so the cache is a folder under the OS temp dir, keyed by
 * the jest run). The jest global setup has just built lib/, so the pack skips the `prepack`
 * build: rebuilding would delete lib/ while other suites run its CLI.
 */
export function packedTarball(): string {
  fs.mkdirSync(PACK_CACHE, { recursive: true });
  const dir = path.join(PACK_CACHE, `run-${jestRunId()}`);
  const result = path.join(dir, 'tarball.json');
  let owner = false;
  try {
    fs.mkdirSync(dir);
    owner = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (owner) {
    pruneOldPacks();
    let outcome: { tarball?: string; error?: string };
    if (!fs.existsSync(path.join(ROOT, 'lib', 'index.js'))) {
      outcome = { error: 'lib/ is not built: run the e2e tests through jest (its global setup builds lib/) or `npm run build` first' };
    } else {
      const packed = run('npm', ['pack', '--ignore-scripts', '--pack-destination', dir, '--json']);
      outcome = packed.status === 0
        ? { tarball: path.join(dir, JSON.parse(packed.stdout)[0].filename) }
        : { error: `npm pack failed (${packed.status}): ${packed.stderr}` };
    }
    fs.writeFileSync(`${result}.tmp`, JSON.stringify(outcome));
    fs.renameSync(`${result}.tmp`, result);
  }
  const deadline = Date.now() + PACK_WAIT_MS;
  while (!fs.existsSync(result)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for another suite to pack into ${dir}`);
    sleep(200);
  }
  const outcome: { tarball?: string; error?: string } = JSON.parse(fs.readFileSync(result, 'utf-8'));
  if (!outcome.tarball) throw new Error(outcome.error);
  return outcome.tarball;
}

/** Compiler options of every consumer app: strict, and the libraries' .d.ts checked too. */
export const CONSUMER_COMPILER_OPTIONS = {
  target: 'ES2022',
  module: 'CommonJS',
  moduleResolution: 'bundler',
  strict: true,
  types: [],
  skipLibCheck: false,
  rootDir: '.',
  outDir: 'out',
};

/**
 * A separate cdk8s app that installs the packed package like a user would, from its own folder
 * under the OS temp dir.
 */
export class ConsumerApp {
  public readonly dir: string;

  /**
   * @param name a short name, used for the folder and package name
   * @param dependencies the app's dependencies besides cdk8s-traffic, with exact versions
   * @param files source files by path relative to the app; `main.ts` is the entry point
   */
  constructor(private readonly name: string, private readonly dependencies: Record<string, string>, files: Record<string, string>) {
    this.dir = tempDir(`cdk8s-traffic-${name}-`);
    this.write('tsconfig.json', JSON.stringify({ compilerOptions: CONSUMER_COMPILER_OPTIONS, include: ['**/*.ts'], exclude: ['node_modules', 'out'] }, undefined, 2));
    for (const [file, text] of Object.entries(files)) this.write(file, text);
  }

  public write(file: string, text: string): void {
    fs.mkdirSync(path.dirname(path.join(this.dir, file)), { recursive: true });
    fs.writeFileSync(path.join(this.dir, file), text);
  }

  public path(...segments: string[]): string {
    return path.join(this.dir, ...segments);
  }

  /**
   * Depends on the packed package (packing it if no suite has yet) and runs `npm install`, from
   * the local cache where it can (the registry is asked only for what is missing).
   */
  public install(): ProcessResult {
    this.write('package.json', JSON.stringify({
      name: `consumer-${this.name}`,
      private: true,
      dependencies: { 'cdk8s-traffic': `file:${packedTarball()}`, ...this.dependencies },
    }, undefined, 2));
    return run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: this.dir });
  }

  /** The version of a package as installed at the top of the app's node_modules. */
  public installedVersion(name: string): string | undefined {
    const manifest = this.path('node_modules', name, 'package.json');
    return fs.existsSync(manifest) ? JSON.parse(fs.readFileSync(manifest, 'utf-8')).version : undefined;
  }

  /** Every installed copy of packages whose name matches, as paths relative to the app. */
  public installedCopies(name: RegExp): string[] {
    const found: string[] = [];
    const visit = (modules: string): void => {
      if (!fs.existsSync(modules)) return;
      for (const entry of fs.readdirSync(modules)) {
        const names = entry.startsWith('@') ? fs.readdirSync(path.join(modules, entry)).map(n => `${entry}/${n}`) : [entry];
        for (const pkg of names) {
          const pkgDir = path.join(modules, pkg);
          if (name.test(pkg)) found.push(path.relative(this.dir, pkgDir));
          visit(path.join(pkgDir, 'node_modules'));
        }
      }
    };
    visit(this.path('node_modules'));
    return found.sort();
  }

  /**
   * `tsc` with the repository's TypeScript: strict, library declarations included. Compiles
   * every .ts file of the app, or only the entry point given (and what it imports).
   */
  public compile(entry?: string): ProcessResult {
    let project = 'tsconfig.json';
    if (entry) {
      project = `tsconfig.${path.basename(entry, '.ts')}.json`;
      this.write(project, JSON.stringify({ extends: './tsconfig.json', include: [], files: [entry] }, undefined, 2));
    }
    return run('node', [TSC, '-p', project], { cwd: this.dir });
  }

  /** Runs a compiled entry point (`node out/main.js`), which synthesises the app. */
  public synth(entry = 'main.ts'): ProcessResult {
    return run('node', [path.join('out', entry.replace(/\.ts$/, '.js'))], { cwd: this.dir });
  }

  /** `cdk8s synth` with the cdk8s-cli of this repository, the app given in cdk8s.yaml. */
  public cdk8sSynth(outdir: string): ProcessResult {
    return run('node', [CDK8S_CLI, 'synth', '--no-check-upgrade', '--output', outdir], { cwd: this.dir });
  }

  /** The command the package installs (`node_modules/.bin/cdk8s-traffic`), run as a process. */
  public cli(...args: string[]): ProcessResult {
    return run(this.path('node_modules', '.bin', 'cdk8s-traffic'), args, { cwd: this.dir });
  }

  /** The manifests written into a folder of the app. */
  public manifests(outdir = 'dist'): any[] {
    return readManifests(this.path(outdir)).map(m => m.manifest);
  }
}

/** The one manifest of a kind and name; fails listing what there is otherwise. */
export function manifestNamed(manifests: any[], kind: string, name: string): any {
  const found = manifests.filter(m => m?.kind === kind && m?.metadata?.name === name);
  if (found.length !== 1) {
    throw new Error(`expected one ${kind}/${name}, found ${found.length} among ${manifests.map(m => `${m?.kind}/${m?.metadata?.name}`).join(', ')}`);
  }
  return found[0];
}

/**
 * Asserts that a process succeeded without printing anything on the given streams (both by
 * default); on failure the assertion shows the status and the output together.
 */
export function expectQuietSuccess(result: ProcessResult, streams: 'both' | 'stderr' = 'both'): void {
  const output = streams === 'both' ? result.stdout + result.stderr : result.stderr;
  expect({ status: result.status, output }).toEqual({ status: 0, output: '' });
}
