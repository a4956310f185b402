/**
 * `npm run bench`: synth and validation speed of cdk8s-traffic against cdk8s-plus-28 and
 * the schema-only pipeline, every measurement in a fresh process, medians of several runs.
 * Not part of `npm test`. Options: --runs N (default 3), --sizes 100,1000,5000.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { runHostile } from './hostile';

const ROOT = path.resolve(__dirname, '..');
const TS_NODE = ['-r', 'ts-node/register/transpile-only'];

interface SynthResult { buildMs: number; synthMs: number; maxRssMb: number }

/** One target of the issue: the measured ratio, its limit and the aim beyond it. */
interface Target { name: string; value: number; limit: number; aim?: number }

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const RUNS = Number(option('runs', '3'));
const SIZES = option('sizes', '100,1000,5000').split(',').map(Number);

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function runProcess(args: string[]): { ms: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf-8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CDK8S_CHECK_UPGRADE: 'false' } });
  const ms = performance.now() - started;
  if (result.error) throw result.error;
  return { ms, stdout: result.stdout, ...(result.status !== 0 && result.status !== 1 ? failed(args, result.stderr) : {}) };
}

function failed(args: string[], stderr: string): never {
  throw new Error(`node ${args.join(' ')} failed:\n${stderr}`);
}

function synth(variant: string, n: number, outdir: string): SynthResult {
  fs.rmSync(outdir, { recursive: true, force: true });
  const { stdout } = runProcess([...TS_NODE, path.join('bench', 'synth-app.ts'), variant, String(n), outdir]);
  return JSON.parse(stdout.trim().split('\n').pop() as string) as SynthResult;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function main(): void {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-traffic-bench-'));
  const lines: string[] = [];
  const say = (line = '') => { lines.push(line); console.log(line); };

  say(`Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; ${RUNS} runs each, medians.`);
  say();
  say('1. Synth: app.synth() to an output folder (5N + 1 objects: per app two Deployments, a Service, a DestinationRule and a VirtualService; one Gateway), wall time and peak memory');
  say();
  say('| N | (a) cdk8s-traffic | (a0) same, validation off | (b) cdk8s-plus-28 + raw Istio objects | (c) raw ApiObjects | a/b | validation adds (a/a0) | peak RSS a / b / c |');
  say('|---|---|---|---|---|---|---|---|');
  const synthMedian: Record<string, Record<number, number>> = { a: {}, a0: {}, b: {}, c: {} };
  for (const n of SIZES) {
    const results: Record<string, SynthResult[]> = { a: [], a0: [], b: [], c: [] };
    for (let run = 0; run < RUNS; run++) {
      for (const variant of ['a', 'a0', 'b', 'c']) {
        results[variant].push(synth(variant, n, path.join(work, `${variant}-${n}`)));
      }
    }
    const med = (v: string) => median(results[v].map(r => r.synthMs));
    const rss = (v: string) => median(results[v].map(r => r.maxRssMb)).toFixed(0);
    for (const v of ['a', 'a0', 'b', 'c']) synthMedian[v][n] = med(v);
    const adds = Math.round((med('a') / med('a0') - 1) * 100);
    say(`| ${n} | ${seconds(med('a'))} | ${seconds(med('a0'))} | ${seconds(med('b'))} | ${seconds(med('c'))} | ${(med('a') / med('b')).toFixed(2)} | ${adds}% | ${rss('a')} / ${rss('b')} / ${rss('c')} MB |`);
  }

  const largest = Math.max(...SIZES);
  const dir = path.join(work, `a-${largest}`);
  const documents = fs.readdirSync(dir).filter(f => f.endsWith('.yaml')).map(f => fs.readFileSync(path.join(dir, f), 'utf-8'));
  const bytes = documents.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  say();
  say(`2. Validation of the N = ${largest} output (${5 * largest + 1} documents, ${(bytes / 2 ** 20).toFixed(1)} MB), each a whole process`);
  say();
  const validate = (target: string) => runProcess([path.join('lib', 'cli', 'main.js'), 'validate', '--quiet', target]).ms;
  const baseline = (target: string) => runProcess([path.join('bench', 'schema-baseline.js'), target]).ms;
  const times = (fn: (d: string) => number, target: string) => median(Array.from({ length: RUNS }, () => fn(target)));
  const d = times(validate, dir);
  const e = times(baseline, dir);
  say('| (d) cdk8s-traffic validate | (e) yaml + kubernetes-models | d/e |');
  say('|---|---|---|');
  say(`| ${seconds(d)} | ${seconds(e)} | ${(d / e).toFixed(2)} |`);

  const targets: Target[] = [
    { name: `(a)/(b) at N = ${largest}`, value: synthMedian.a[largest] / synthMedian.b[largest], limit: 1.0, aim: 0.8 },
    { name: '(d)/(e)', value: d / e, limit: 0.3, aim: 0.2 },
  ];
  if (SIZES.includes(1000) && largest === 5000) {
    const d1000 = times(validate, path.join(work, 'a-1000'));
    const scaleA = synthMedian.a[5000] / synthMedian.a[1000];
    const scaleD = d / d1000;
    say();
    say('3. Scaling, time at N = 5000 over time at N = 1000');
    say();
    say('| (a) synth | (d) validate |');
    say('|---|---|');
    say(`| ${scaleA.toFixed(2)} | ${scaleD.toFixed(2)} |`);
    targets.push({ name: '(a) scaling 5000/1000', value: scaleA, limit: 5.5 }, { name: '(d) scaling 5000/1000', value: scaleD, limit: 5.5 });
  }
  say();
  say('4. Targets (at most the limit; the aim where there is one). (a0) is shown for information: the target that validation add at most 10% was withdrawn.');
  say();
  say('| measure | value | limit | aim | |');
  say('|---|---|---|---|---|');
  for (const t of targets) {
    const verdict = t.value <= t.limit ? (t.aim === undefined || t.value <= t.aim ? 'met' : 'met, aim not') : 'NOT met';
    say(`| ${t.name} | ${t.value.toFixed(2)} | ${t.limit.toFixed(2)} | ${t.aim === undefined ? '' : t.aim.toFixed(2)} | ${verdict} |`);
  }
  say();
  say('5. Hostile shapes: `cdk8s-traffic validate` at two sizes each (the larger twice the smaller); a growth near 2 is linear, 4 would be quadratic');
  say();
  runHostile(say, work);
  fs.rmSync(work, { recursive: true, force: true });
  fs.writeFileSync(path.join(ROOT, 'bench', 'last-results.md'), `${lines.join('\n')}\n`);
}

main();
