/**
 * The compiled library (lib/, built by test/global-setup.js) needs at run time only what it
 * declares as dependencies: the schema packages (kubernetes-models, @kubernetes-models/*) and
 * ajv are build-time tools whose output is generated into src/validation/schema/.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import { builtinModules } from 'module';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const LIB = path.join(ROOT, 'lib');

/** The packages lib/ may require besides node builtins and its own files. */
const ALLOWED_PACKAGES = new Set([
  'cdk8s',
  'constructs',
  'commander',
  'js-yaml',
  'yaml',
  're2js',
]);

/** Where a loaded module must not come from. */
const FORBIDDEN_PATHS = ['node_modules/kubernetes-models', 'node_modules/@kubernetes-models', 'node_modules/ajv'];

const BUILTINS = new Set(builtinModules);

function jsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return jsFiles(file);
    return entry.isFile() && entry.name.endsWith('.js') ? [file] : [];
  });
}

/** The string literals a file loads: `require('x')`, `import ... from 'x'`, `import 'x'`, `export ... from 'x'`, `import('x')`. */
function moduleRequests(source: string): string[] {
  const patterns = [
    /\brequire\(\s*(["'`])([^"'`]+)\1\s*\)/g,
    /\bimport\(\s*(["'`])([^"'`]+)\1\s*\)/g,
    /^\s*(?:import|export)\b[^;'"`]*?\bfrom\s*(["'])([^"']+)\1/gm,
    /^\s*import\s*(["'])([^"']+)\1/gm,
  ];
  return patterns.flatMap(pattern => [...source.matchAll(pattern)].map(match => match[2]));
}

/** The package a request names (`@scope/name`, `name`), or undefined for builtins and relative paths. */
function packageOf(request: string): string | undefined {
  if (request.startsWith('.') || request.startsWith('/')) return undefined;
  if (request.startsWith('node:') || BUILTINS.has(request.split('/')[0])) return undefined;
  const parts = request.split('/');
  return request.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

describe('the scanner', () => {
  it('finds requires and static imports', () => {
    const source = [
      'const a = require("a/b");', "const fs = require('fs');", "import x from '@s/p/deep';",
      "export { y } from './y';", "import 'side-effect';", 'const m = import("dyn");', 'require(name);',
    ].join('\n');
    expect(moduleRequests(source).map(packageOf)).toEqual(['a', undefined, 'dyn', '@s/p', undefined, 'side-effect']);
    expect(packageOf('node:path')).toBeUndefined();
    expect(packageOf('fs/promises')).toBeUndefined();
  });
});

describe('lib/', () => {
  it('requires only node builtins, its own files and its declared runtime packages', () => {
    const files = jsFiles(LIB);
    expect(files.length).toBeGreaterThan(50);
    const outside: string[] = [];
    const used = new Set<string>();
    for (const file of files) {
      for (const request of moduleRequests(fs.readFileSync(file, 'utf-8'))) {
        const name = packageOf(request);
        if (name === undefined) continue;
        used.add(name);
        if (!ALLOWED_PACKAGES.has(name)) outside.push(`${path.relative(ROOT, file)}: ${request}`);
      }
    }
    expect(outside).toEqual([]);
    // the scan does see package requires
    expect(used.has('cdk8s') && used.has('constructs')).toBe(true);
  });

  it("loads other packages only through their public entry, never a file inside them", () => {
    const deep: string[] = [];
    for (const file of jsFiles(LIB)) {
      const source = fs.readFileSync(file, 'utf-8');
      for (const request of moduleRequests(source)) {
        const name = packageOf(request);
        if (name !== undefined && request !== name) deep.push(`${path.relative(ROOT, file)}: ${request}`);
      }
      // a computed path into a package's folder (its dist/, lib/ or a file of it)
      if (/['"`/]dist['"`/]|path\.join\([^)]*['"`]\.\.['"`][^)]*package\.json/.test(source.replace(/^\s*(?:\/\/|\*).*$/gm, ''))) deep.push(path.relative(ROOT, file));
    }
    expect(deep).toEqual([]);
  });

  it('loads no schema package and no ajv when validating a Service, an EndpointSlice and a VirtualService', () => {
    const script = `
      const lib = require(${JSON.stringify(path.join(LIB, 'index.js'))});
      const diagnostics = lib.validateManifests([
        { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', creationTimestamp: 'yesterday' }, spec: { type: 'ClusterIP', selector: { app: 'web' }, ports: [{ port: 'eighty' }] } },
        { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'web-1', creationTimestamp: 'yesterday', labels: { 'kubernetes.io/service-name': 'web' } }, addressType: 'IPv4', endpoints: [{ addresses: ['10.0.0.1'], conditions: { ready: 'yes' } }], ports: [{ port: 2 ** 31 }] },
        { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'web', generation: 1.5 }, spec: { hosts: ['web'], http: [{ route: [{ destination: { host: 'web', port: { number: 'x' } } }], retries: { attempts: 2 ** 40 } }] } },
      ]);
      const loaded = Object.keys(require.cache).map(file => file.split(require('path').sep).join('/'));
      process.stdout.write(JSON.stringify({ schemaFindings: diagnostics.filter(d => d.code.startsWith('SCH')).map(d => d.resource), loaded }));
    `;
    const child = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf-8' });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const { schemaFindings, loaded } = JSON.parse(child.stdout) as { schemaFindings: string[]; loaded: string[] };
    // each resource went through its schema validator
    expect(new Set(schemaFindings)).toEqual(new Set(['Service/default/web', 'EndpointSlice/default/web-1', 'VirtualService/default/web']));
    expect(loaded.filter(file => FORBIDDEN_PATHS.some(forbidden => file.includes(forbidden)))).toEqual([]);
    // and the check is looking at the right modules
    expect(loaded.some(file => file.endsWith('/lib/validation/schema/kubernetes-validators.generated.js'))).toBe(true);
    expect(loaded.some(file => file.endsWith('/lib/validation/schema/istio-spec-validator.generated.js'))).toBe(true);
  });
});
