/**
 * Writes src/validation/schema/known-fields.generated.ts: the field names the Kubernetes and
 * Istio models know, as nested trees, read with the TypeScript compiler API from the `.d.ts`
 * files of kubernetes-models (Service, EndpointSlice) and @kubernetes-models/istio
 * (VirtualService, DestinationRule, Gateway and ServiceEntry, each in v1beta1 and v1alpha3).
 *
 *   npx ts-node --transpile-only scripts/generate-known-fields.ts
 *
 * test/validation/schema/known-fields.test.ts fails when the file is out of date.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

export const KNOWN_FIELDS_FILE = path.join(__dirname, '..', 'src', 'validation', 'schema', 'known-fields.generated.ts');

/** A tree as the generator builds it; rendered as the `FieldTree` type of field-tree.ts. */
type Tree = 0 | { [field: string]: Tree };

interface Source {
  /** The exported constant. */
  readonly name: string;
  /** Module specifier of the `.d.ts`, resolved from this repository. */
  readonly module: string;
  /** The interface describing the whole object. */
  readonly interfaceName: string;
  readonly doc: string;
}

/** The v1beta1 and v1alpha3 models of an Istio kind (the package has no networking.istio.io/v1). */
function istioSources(kind: string, constant: string): Source[] {
  return ['v1beta1', 'v1alpha3'].map(version => ({
    name: `${constant}_${version.toUpperCase()}_FIELDS`,
    module: `@kubernetes-models/istio/networking.istio.io/${version}/${kind}`,
    interfaceName: `I${kind}`,
    doc: `\`networking.istio.io/${version}/${kind}\` (@kubernetes-models/istio, Istio 1.18 CRDs)`,
  }));
}

const SOURCES: readonly Source[] = [
  { name: 'SERVICE_FIELDS', module: 'kubernetes-models/v1/Service', interfaceName: 'IService', doc: '`v1/Service` (kubernetes-models)' },
  { name: 'ENDPOINT_SLICE_FIELDS', module: 'kubernetes-models/discovery.k8s.io/v1/EndpointSlice', interfaceName: 'IEndpointSlice', doc: '`discovery.k8s.io/v1/EndpointSlice` (kubernetes-models)' },
  ...istioSources('VirtualService', 'VIRTUAL_SERVICE'),
  ...istioSources('DestinationRule', 'DESTINATION_RULE'),
  ...istioSources('Gateway', 'GATEWAY'),
  ...istioSources('ServiceEntry', 'SERVICE_ENTRY'),
];

/** Top-level fields the trees leave out: `status` is output only and never checked. */
const SKIPPED_TOP_LEVEL = new Set(['status']);

function packageVersion(name: string): string {
  const file = require.resolve(`${name}/package.json`, { paths: [path.join(__dirname, '..')] });
  return (JSON.parse(fs.readFileSync(file, 'utf-8')) as { version: string }).version;
}

function declarationFile(specifier: string): string {
  const js = require.resolve(specifier, { paths: [path.join(__dirname, '..')] });
  return js.replace(/\.c?js$/, '.d.ts');
}

/**
 * What `build` returns: a tree, or `UNRESOLVED` for a type `any` or `unknown`. The models type
 * the branch of a nested oneOf as `any` (DestinationRule's `consistentHash` inside the
 * `loadBalancer` alternatives), next to an alternative that describes the field: such a
 * branch adds nothing, and only a field that nothing describes is an error (checkResolved).
 */
const UNRESOLVED = 'unresolved';
type Built = 0 | typeof UNRESOLVED | { [field: string]: Built };

class TreeBuilder {
  constructor(private readonly checker: ts.TypeChecker) {}

  /** The tree of one type; `0` for scalars, lists of scalars, open maps and free-form objects. */
  build(type: ts.Type, where: string, depth = 0): Built {
    if (depth > 64) throw new Error(`type nesting too deep at ${where}`);
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return UNRESOLVED;
    if (type.isUnion()) {
      return this.merge(type.types
        .filter(member => !(member.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Never)))
        .map(member => this.build(member, where, depth + 1)), where);
    }
    // `A & (B | C)` (a oneOf beside common fields), `Array<X> & Array<X>`: the fields of every part
    if (type.isIntersection()) {
      return this.merge(type.types.map(member => this.build(member, where, depth + 1)), where);
    }
    if (this.checker.isArrayType(type)) {
      const [element] = this.checker.getTypeArguments(type as ts.TypeReference);
      return this.build(element, `${where}[]`, depth + 1);
    }
    if (!(type.flags & ts.TypeFlags.Object)) return 0;
    const properties = this.checker.getPropertiesOfType(type);
    const index = this.checker.getIndexInfosOfType(type).find(info => info.keyType.flags & ts.TypeFlags.String);
    if (index) {
      if (properties.length > 0) throw new Error(`${where} has both fields and an index signature`);
      const values = this.build(index.type, `${where}[*]`, depth + 1);
      return values === 0 ? 0 : { '*': values };
    }
    if (properties.length === 0) return 0;
    const tree: { [field: string]: Built } = {};
    for (const property of properties) {
      if (depth === 0 && SKIPPED_TOP_LEVEL.has(property.name)) continue;
      tree[property.name] = this.build(this.checker.getTypeOfSymbol(property), `${where}.${property.name}`, depth + 1);
    }
    return tree;
  }

  /** The union of the fields of several alternatives (oneOf shapes are unions in the models). */
  private merge(trees: Built[], where: string): Built {
    const resolved = trees.filter(tree => tree !== UNRESOLVED);
    if (resolved.length === 0) return UNRESOLVED;
    const objects = resolved.filter((tree): tree is { [field: string]: Built } => tree !== 0);
    if (objects.length === 0) return 0;
    if (objects.length < resolved.length) throw new Error(`${where} mixes objects and scalars`);
    const merged: { [field: string]: Built } = {};
    for (const tree of objects) {
      for (const [field, child] of Object.entries(tree)) {
        merged[field] = Object.prototype.hasOwnProperty.call(merged, field) ? this.merge([merged[field], child], `${where}.${field}`) : child;
      }
    }
    return merged;
  }
}

/** The tree, once no field is left that only an `any` describes. */
function checkResolved(tree: Built, where: string): Tree {
  if (tree === UNRESOLVED) throw new Error(`${where} has type any or unknown: a declaration did not resolve`);
  if (tree === 0) return 0;
  const checked: { [field: string]: Tree } = {};
  for (const [field, child] of Object.entries(tree)) checked[field] = checkResolved(child, `${where}.${field}`);
  return checked;
}

/** Builds the trees, keyed by constant name. */
export function buildKnownFields(): Record<string, Tree> {
  const files = SOURCES.map(source => declarationFile(source.module));
  const program = ts.createProgram(files, {
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const builder = new TreeBuilder(checker);
  const trees: Record<string, Tree> = {};
  SOURCES.forEach((source, i) => {
    const file = program.getSourceFile(files[i]);
    if (!file) throw new Error(`cannot read ${files[i]}`);
    const declaration = file.statements.find((statement): statement is ts.InterfaceDeclaration =>
      ts.isInterfaceDeclaration(statement) && statement.name.text === source.interfaceName);
    if (!declaration) throw new Error(`${files[i]} declares no interface ${source.interfaceName}`);
    trees[source.name] = checkResolved(builder.build(checker.getTypeAtLocation(declaration), source.interfaceName), source.interfaceName);
  });
  return trees;
}

function sortedTree(tree: Tree): Tree {
  if (tree === 0) return 0;
  const sorted: { [field: string]: Tree } = {};
  for (const field of Object.keys(tree).sort()) sorted[field] = sortedTree(tree[field]);
  return sorted;
}

function renderTree(tree: Tree, indent: string): string {
  if (tree === 0) return '0';
  const fields = Object.keys(tree).sort();
  const inner = `${indent}  `;
  const lines = fields.map(field => {
    const key = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(field) ? field : `'${field}'`;
    return `${inner}${key}: ${renderTree(tree[field], inner)},`;
  });
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/** The text of known-fields.generated.ts. */
export function renderKnownFields(): string {
  const trees = buildKnownFields();
  const lines = [
    '// Generated by scripts/generate-known-fields.ts from the .d.ts files of',
    `// kubernetes-models ${packageVersion('kubernetes-models')} and @kubernetes-models/istio ${packageVersion('@kubernetes-models/istio')}. Do not edit:`,
    '// run `npx ts-node --transpile-only scripts/generate-known-fields.ts`.',
    "import { FieldTree } from './field-tree';",
  ];
  const rendered = new Map<string, string>();
  for (const source of SOURCES) {
    const tree = sortedTree(trees[source.name]);
    const text = renderTree(tree, '');
    const same = [...rendered.entries()].find(([, other]) => other === text);
    lines.push('', `/** Known fields of ${source.doc}. */`);
    if (same) {
      lines.push(`export const ${source.name}: FieldTree = ${same[0]};`);
    } else {
      lines.push(`export const ${source.name}: FieldTree = ${text};`);
      rendered.set(source.name, text);
    }
  }
  return `${lines.join('\n')}\n`;
}

if (require.main === module) {
  fs.writeFileSync(KNOWN_FIELDS_FILE, renderKnownFields());
  process.stdout.write(`wrote ${path.relative(process.cwd(), KNOWN_FIELDS_FILE)}\n`);
}
