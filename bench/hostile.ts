/**
 * Hostile shapes for `cdk8s-traffic validate`: YAML aliases, 100,000 hosts, deep nesting and
 * 1,000,000 documents, each at two sizes (the second twice the first), timed in a fresh process
 * with the per-file input limit at its maximum (the 1,000,000-document file is 51 MiB).
 * The growth ratio (time at the larger size over time at the smaller) is about 2 when time
 * grows linearly with the input; 4 would be quadratic.
 *
 * Run alone: `node -r ts-node/register/transpile-only bench/hostile.ts [--scale 0.01]` (after
 * `npm run build`); `npm run bench` runs it at full scale.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';

const ROOT = path.resolve(__dirname, '..');

/** One hostile shape: its name and a writer of the file for a size. */
interface Shape {
  readonly name: string;
  /** The two sizes, in the shape's own unit. */
  readonly sizes: readonly [number, number];
  readonly unit: string;
  write(size: number): string;
}

const VS_HEAD = 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: vs\n  namespace: shop\nspec:\n';
const ROUTE = '  http:\n  - route:\n    - destination:\n        host: reviews\n';

/** A label value defined once and referenced `size` times through a two-level alias tree (within the reader's budget). */
function aliases(size: number): string {
  const fan = Math.max(1, Math.round(Math.sqrt(size)));
  const lines = ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  ports:', '  - port: 80', '  selector: {app: web}',
    `  externalIPs: &a0 ["${'x'.repeat(20)}"]`, `x-level1: &a1 [${Array.from({ length: fan }, () => '*a0').join(', ')}]`,
    `x-level2: [${Array.from({ length: fan }, () => '*a1').join(', ')}]`];
  return `${lines.join('\n')}\n`;
}

function hosts(size: number): string {
  const list = Array.from({ length: size }, (_, i) => `  - h${i}.example.com`).join('\n');
  return `${VS_HEAD}  hosts:\n${list}\n${ROUTE}`;
}

function repeatedHost(size: number): string {
  return `${VS_HEAD}  gateways: [shop/gw]\n  hosts:\n${'  - a.example.com\n'.repeat(size)}${ROUTE}`;
}

function nesting(size: number): string {
  return `${VS_HEAD}  hosts: [a.example.com]\n  http: ${'['.repeat(size)}1${']'.repeat(size)}\n`;
}

function documents(size: number): string {
  const doc = (i: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`;
  const parts: string[] = [];
  for (let i = 0; i < size; i++) parts.push(doc(i));
  return parts.join('---\n');
}

export function hostileShapes(scale: number): Shape[] {
  const s = (n: number) => Math.max(2, Math.round(n * scale));
  return [
    { name: 'aliases (one value referenced N times)', unit: 'references', sizes: [s(50_000), s(100_000)], write: aliases },
    { name: 'distinct hosts in one VirtualService', unit: 'hosts', sizes: [s(50_000), s(100_000)], write: hosts },
    { name: 'one host repeated', unit: 'repeats', sizes: [s(1_500), s(3_000)], write: repeatedHost },
    { name: 'nesting depth', unit: 'levels', sizes: [s(1_500), s(3_000)], write: nesting },
    { name: 'small documents', unit: 'documents', sizes: [s(500_000), s(1_000_000)], write: documents },
  ];
}

function timeValidate(file: string): { ms: number; status: number | null } {
  const started = performance.now();
  // the per-file limit raised to its maximum, so that the reading and checking is timed, not the refusal
  const result = spawnSync(process.execPath, [path.join(ROOT, 'lib', 'cli', 'main.js'), 'validate', '--quiet', '--max-input-size', '256MiB', file],
    { cwd: ROOT, encoding: 'utf-8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (result.error) throw result.error;
  return { ms, status: result.status };
}

/** Times every shape at its two sizes; `say` prints a markdown table. */
export function runHostile(say: (line?: string) => void, work: string, scale = 1, runs = 1): void {
  say('| shape | small | large | time small | time large | growth (input x2) | exit codes |');
  say('|---|---|---|---|---|---|---|');
  for (const shape of hostileShapes(scale)) {
    const times: number[] = [];
    const statuses: Array<number | null> = [];
    for (const size of shape.sizes) {
      const file = path.join(work, `hostile-${shape.unit}-${size}.yaml`);
      fs.writeFileSync(file, shape.write(size));
      const measured = Array.from({ length: runs }, () => timeValidate(file));
      times.push(Math.min(...measured.map(m => m.ms)));
      statuses.push(measured[0].status);
      fs.rmSync(file, { force: true });
    }
    say(`| ${shape.name} | ${shape.sizes[0]} ${shape.unit} | ${shape.sizes[1]} | ${(times[0] / 1000).toFixed(2)} s | ${(times[1] / 1000).toFixed(2)} s | ${(times[1] / times[0]).toFixed(2)} | ${statuses.join(', ')} |`);
  }
}

if (require.main === module) {
  const i = process.argv.indexOf('--scale');
  const scale = i >= 0 ? Number(process.argv[i + 1]) : 1;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-traffic-hostile-'));
  try {
    runHostile(line => console.log(line ?? ''), work, scale);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
