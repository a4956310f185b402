/**
 * Writes src/validation/schema/kubernetes-validators.generated.js: the validate functions of
 * kubernetes-models for Service, EndpointSlice and ObjectMeta, with every schema module they
 * require, in one module that needs nothing at run time but kubernetes-formats.ts.
 *
 *   npx ts-node --transpile-only scripts/generate-kubernetes-validators.ts
 *
 * kubernetes-models ships its schemas only as ajv standalone code (one CommonJS module per
 * schema, referencing each other by `require`), not as JSON. Copying that code unchanged
 * keeps every error object, schema path included, exactly what the package reports; only
 * the `require` calls are rewired: between schema modules to the bundle's own loader, and
 * `@kubernetes-models/validate` (used for its format table alone) to kubernetes-formats.ts.
 * The generator refuses any other dependency and any format that module does not define.
 *
 * test/validation/schema/kubernetes-validators.test.ts fails when the file is out of date.
 */
import * as fs from 'fs';
import * as path from 'path';
import { formats } from '../src/validation/schema/kubernetes-formats';
import { licenceHeader, PackageInfo, packageOfFile } from './package-licence';

export const KUBERNETES_VALIDATORS_FILE = path.join(__dirname, '..', 'src', 'validation', 'schema', 'kubernetes-validators.generated.js');

/** The module the generated file requires in place of `@kubernetes-models/validate`. */
const FORMATS_MODULE = './kubernetes-formats';
const VALIDATE_PACKAGE = '@kubernetes-models/validate';
/** The bundle's loader of schema modules; must not occur in the copied code. */
const LOADER = 'schemaModule';

/** The exported validators: export name and the request that loads it from kubernetes-models' `_schemas`. */
const ROOTS: ReadonlyArray<{ readonly name: string; readonly request: string }> = [
  { name: 'IoK8sApiCoreV1Service', request: './IoK8sApiCoreV1Service.js' },
  { name: 'IoK8sApiDiscoveryV1EndpointSlice', request: './IoK8sApiDiscoveryV1EndpointSlice.js' },
  { name: 'IoK8sApimachineryPkgApisMetaV1ObjectMeta', request: '@kubernetes-models/apimachinery/_schemas/IoK8sApimachineryPkgApisMetaV1ObjectMeta' },
];

const REPOSITORY = path.join(__dirname, '..');

/** One schema module of the bundle. */
interface SchemaModule {
  /** Package name and path inside the package: the same on every machine. */
  readonly id: string;
  /** The code, with its `require` calls rewired. */
  readonly code: string;
}

function moduleId(file: string): string {
  const { root, name } = packageOfFile(file);
  return `${name}/${path.relative(root, file).split(path.sep).join('/')}`;
}

/** kubernetes-models' `_schemas` folder (not in its `exports` map, so found next to a model). */
function schemasDir(): string {
  const model = require.resolve('kubernetes-models/v1/Service', { paths: [REPOSITORY] });
  return path.join(path.dirname(model), '..', '_schemas');
}

/** Resolves a request as code in `dir` would. */
function resolveIn(dir: string, request: string): string {
  return require.resolve(request, { paths: [dir] });
}

/** Checks that a schema module reads nothing of `@kubernetes-models/validate` but formats we define. */
function checkFormatUse(id: string, source: string): void {
  const binding = new RegExp(`\\b([A-Za-z_$][\\w$]*)=require\\("${VALIDATE_PACKAGE}"\\)`).exec(source)?.[1];
  if (!binding) throw new Error(`${id}: ${VALIDATE_PACKAGE} is required in an unexpected way`);
  const uses = source.match(new RegExp(`\\b${binding.replace(/\$/g, '\\$')}\\b[^,;)]*`, 'g')) ?? [];
  for (const use of uses) {
    if (use.startsWith(`${binding}=require(`)) continue;
    const format = /^[\w$]+\.formats(?:\.([\w$]+)|\["([^"]+)"\])$/.exec(use);
    const name = format?.[1] ?? format?.[2];
    if (name === undefined) throw new Error(`${id}: uses ${VALIDATE_PACKAGE} beyond its formats: ${use}`);
    if (!Object.prototype.hasOwnProperty.call(formats, name)) {
      throw new Error(`${id}: format "${name}" is not defined in src/validation/schema/kubernetes-formats.ts`);
    }
  }
}

/** What the bundle holds. */
interface Bundle {
  /** The schema modules the roots need, each with its `require` calls rewired, sorted by id. */
  readonly modules: SchemaModule[];
  /** Export name to module id. */
  readonly roots: Map<string, string>;
  /** The packages the modules come from, in the order first met. */
  readonly packages: PackageInfo[];
}

export function collectSchemaModules(): Bundle {
  const files = ROOTS.map(root => resolveIn(schemasDir(), root.request));
  const roots = new Map(ROOTS.map((root, i) => [root.name, moduleId(files[i])]));
  const pending = [...files];
  const modules = new Map<string, SchemaModule>();
  const packages = new Map<string, PackageInfo>();
  while (pending.length > 0) {
    const file = pending.shift()!;
    const id = moduleId(file);
    if (modules.has(id)) continue;
    const pkg = packageOfFile(file);
    if (!packages.has(pkg.name)) packages.set(pkg.name, pkg);
    const source = fs.readFileSync(file, 'utf-8').replace(/\n?\/\/# sourceMappingURL=.*$/, '').trim();
    const freeName = new RegExp(`\\b(${LOADER}|module|__filename|__dirname)\\b`).exec(source)?.[1];
    if (freeName) throw new Error(`${id} uses ${freeName}, which the bundle does not provide`);
    const requires = source.match(/\brequire\b/g)?.length ?? 0;
    let rewired = 0;
    let readsFormats = false;
    const code = source.replace(/\brequire\("([^"]+)"\)/g, (_call, request: string) => {
      rewired += 1;
      if (request === VALIDATE_PACKAGE) {
        readsFormats = true;
        return `require(${JSON.stringify(FORMATS_MODULE)})`;
      }
      if (!request.startsWith('./') && !request.startsWith('@kubernetes-models/apimachinery/_schemas/')) {
        throw new Error(`${id} requires ${request}: only schema modules and ${VALIDATE_PACKAGE} can be bundled`);
      }
      const dependency = resolveIn(path.dirname(file), request);
      pending.push(dependency);
      return `${LOADER}(${JSON.stringify(moduleId(dependency))})`;
    });
    if (rewired !== requires) throw new Error(`${id}: a require call is not a plain require("...")`);
    if (readsFormats) checkFormatUse(id, source);
    modules.set(id, { id, code });
  }
  const sorted = [...modules.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { modules: sorted, roots, packages: [...packages.values()] };
}

/** The text of kubernetes-validators.generated.js. */
export function renderKubernetesValidators(): string {
  const { modules, roots, packages } = collectSchemaModules();
  const lines = [
    '// Generated by scripts/generate-kubernetes-validators.ts; do not edit: run',
    '// `npx ts-node --transpile-only scripts/generate-kubernetes-validators.ts`.',
    `// The ajv standalone validators of ${packages.map(pkg => `${pkg.name} ${pkg.version}`).join(' and ')}`,
    `// for ${ROOTS.map(root => root.name).join(', ')}`,
    '// and the schema modules they require, copied as they are but for their require calls;',
    `// formats come from ${FORMATS_MODULE}.`,
    ...licenceHeader(packages),
    '"use strict";',
    'const definitions = {',
    ...modules.map(module => `${JSON.stringify(module.id)}: function (exports) {\n${module.code}\n},`),
    '};',
    'const loaded = {};',
    `function ${LOADER}(id) {`,
    '  let moduleExports = loaded[id];',
    '  if (moduleExports === undefined) {',
    '    moduleExports = loaded[id] = {};',
    '    definitions[id](moduleExports);',
    '  }',
    '  return moduleExports;',
    '}',
    ...ROOTS.map(root => `exports.${root.name} = ${LOADER}(${JSON.stringify(roots.get(root.name))}).validate;`),
  ];
  return `${lines.join('\n')}\n`;
}

if (require.main === module) {
  fs.writeFileSync(KUBERNETES_VALIDATORS_FILE, renderKubernetesValidators());
  process.stdout.write(`wrote ${path.relative(process.cwd(), KUBERNETES_VALIDATORS_FILE)}\n`);
}
