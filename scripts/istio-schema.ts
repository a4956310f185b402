/**
 * The `spec` schemas of the Istio kinds (VirtualService, DestinationRule, Gateway,
 * ServiceEntry) from @kubernetes-models/istio 2.3.0 (Istio 1.18 CRDs), for the generator of
 * istio-spec-validator.generated.js and for tests; the library itself only loads the
 * generated file.
 *
 * The package exposes validation only as `new DestinationRule(obj).validate()`, which copies
 * the object and throws, and it keeps its JSON schemas private: a model registers its schema
 * with `@kubernetes-models/validate`'s `register(id, schema)` the first time it validates. We
 * call that registration step once with `register` wrapped to keep a reference to the schema
 * (and still register it), take its `spec` part, add what Istio gained after 1.18
 * (src/validation/schema/istio-supplement/) and compile it with the ajv the package itself uses.
 */
import * as path from 'path';
import { AjvValidateFunction } from '../src/validation/schema/ajv-types';
import * as ISTIO_FORMATS from '../src/validation/schema/istio-formats';
import { ISTIO_SCHEMA_PATCHES, IstioKind, patchSpecSchema, SchemaNode } from '../src/validation/schema/istio-supplement';
import { rewriteAtMostOneOf } from './at-most-one-of';

/** The API versions the model package has; networking.istio.io/v1 serves v1beta1's schema. */
export type IstioModelVersion = 'v1beta1' | 'v1alpha3';
export const MODEL_VERSIONS: readonly IstioModelVersion[] = ['v1beta1', 'v1alpha3'];

/** The model module of a kind and version. */
export function modelModule(kind: IstioKind, version: IstioModelVersion): string {
  return `@kubernetes-models/istio/networking.istio.io/${version}/${kind}`;
}

type Register = (id: string, schema: unknown) => void;

export interface AjvInstance {
  compile(schema: object): AjvValidateFunction;
  addSchema(schema: object, key?: string): unknown;
}
type AjvConstructor = new (options: object) => AjvInstance;

/** `require.resolve` for the modules next to a resolved file (the model's own dependencies). */
function resolveFrom(file: string, request: string): string {
  return require.resolve(request, { paths: [path.dirname(file)] });
}

/** Reads the JSON schema a model registers, by wrapping `register` while it runs. */
export function capturedModelSchema(kind: IstioKind, version: IstioModelVersion): { id: string; schema: SchemaNode } {
  const module = modelModule(kind, version);
  const modelFile = require.resolve(module);
  const model = (require(modelFile) as { [name: string]: { prototype: object } | undefined })[kind];
  if (!model) throw new Error(`${module} exports no ${kind}`);
  const validateModule = require(resolveFrom(modelFile, '@kubernetes-models/validate')) as { register: Register };
  const prototype = model.prototype as { [key: symbol]: unknown };
  const addSchema = Object.getOwnPropertySymbols(prototype)
    .filter(symbol => symbol.description === 'ADD_SCHEMA')
    .map(symbol => prototype[symbol])
    .find((value): value is () => void => typeof value === 'function');
  if (!addSchema) throw new Error(`${module}: no schema registration found (@kubernetes-models/base changed?)`);

  const original = validateModule.register;
  let captured: { id: string; schema: SchemaNode } | undefined;
  validateModule.register = (id, schema) => {
    if (id.endsWith(`.${kind}`)) captured = { id, schema: schema as SchemaNode };
    original(id, schema);
  };
  try {
    addSchema.call(prototype);
  } finally {
    validateModule.register = original;
  }
  if (!captured) throw new Error(`${module} registered no ${kind} schema`);
  return captured;
}

/** The patched `spec` schema of a kind and model version (a copy; the package's schema is left as is). */
export function supplementedSpecSchema(kind: IstioKind, version: IstioModelVersion): SchemaNode {
  const spec = capturedModelSchema(kind, version).schema.properties?.spec;
  if (!spec) throw new Error(`${modelModule(kind, version)}: the schema has no spec`);
  const copy = structuredClone(spec);
  patchSpecSchema(copy, ISTIO_SCHEMA_PATCHES[kind]);
  return copy;
}

/** Object schemas shorter than this (as JSON) are left where they are by shareRepeatedSchemas. */
const SHARED_MIN_LENGTH = 500;

type Visit = (node: { [keyword: string]: unknown }, field: string, replace: (ref: { $ref: string }) => void) => boolean;

/** Calls `visit` on each object schema with `properties`, in document order; descends where it returns true. */
function walkSchemas(node: unknown, field: string, replace: (ref: { $ref: string }) => void, visit: Visit): void {
  if (typeof node !== 'object' || node === null) return;
  if (Array.isArray(node)) {
    node.forEach((item, i) => walkSchemas(item, field, ref => { node[i] = ref; }, visit));
    return;
  }
  const schema = node as { [keyword: string]: unknown };
  if (schema.properties !== undefined && !visit(schema, field, replace)) return;
  for (const key of Object.keys(schema)) {
    const value = schema[key];
    if (key === 'properties' && typeof value === 'object' && value !== null) {
      const properties = value as { [name: string]: unknown };
      for (const name of Object.keys(properties)) walkSchemas(properties[name], name, ref => { properties[name] = ref; }, visit);
    } else {
      walkSchemas(value, field, ref => { schema[key] = ref; }, visit);
    }
  }
}

/**
 * Moves each object schema that occurs more than once into `definitions`, every occurrence
 * becoming a `$ref` to it. A DestinationRule's traffic policy sits at `trafficPolicy` and at
 * `subsets[].trafficPolicy`, and its load balancer, connection pool, outlier detection and
 * TLS blocks again in each `portLevelSettings[]`: ajv, which inlines every copy, would write
 * the same code four times; with refs (and `inlineRefs: false`) each is one function. Error
 * instance paths are unchanged; schema paths name the definition. Runs until nothing repeats,
 * so that parts repeated inside a shared part are shared in turn.
 */
export function shareRepeatedSchemas(root: SchemaNode): void {
  const definitions: { [name: string]: { [keyword: string]: unknown } } = {};
  const fixed = () => { throw new Error('a definition is never replaced'); };
  const roots = (): Array<{ [keyword: string]: unknown }> => [root as { [keyword: string]: unknown }, ...Object.values(definitions)];
  for (;;) {
    const counts = new Map<string, number>();
    for (const node of roots()) {
      walkSchemas(node, '', fixed, schema => {
        const text = JSON.stringify(schema);
        if (text.length >= SHARED_MIN_LENGTH) counts.set(text, (counts.get(text) ?? 0) + 1);
        return true;
      });
    }
    const shared = new Map<string, string>();
    for (const node of roots()) {
      walkSchemas(node, '', fixed, (schema, field, replace) => {
        if (schema === node) return true;
        const text = JSON.stringify(schema);
        if ((counts.get(text) ?? 0) < 2) return true;
        let name = shared.get(text);
        if (name === undefined) {
          name = field;
          for (let i = 2; Object.prototype.hasOwnProperty.call(definitions, name); i++) name = `${field}${i}`;
          definitions[name] = schema;
          shared.set(text, name);
        }
        replace({ $ref: `#/definitions/${name}` });
        return false;
      });
    }
    if (shared.size === 0) break;
  }
  if (Object.keys(definitions).length > 0) (root as { definitions?: unknown }).definitions = definitions;
}

/**
 * The spec schema the validator checks: patched, "at most one of" rewritten
 * (at-most-one-of.ts) and repeated parts shared (shareRepeatedSchemas).
 */
export function validatedSpecSchema(kind: IstioKind, version: IstioModelVersion): SchemaNode {
  const schema = supplementedSpecSchema(kind, version);
  rewriteAtMostOneOf(schema);
  shareRepeatedSchemas(schema);
  return schema;
}

/** Loads a module next to the ajv @kubernetes-models/validate uses (ajv itself, its codegen...). */
export function ajvModule<T>(request: string): T {
  const validateEntry = resolveFrom(require.resolve(modelModule('VirtualService', 'v1beta1')), '@kubernetes-models/validate');
  return require(resolveFrom(validateEntry, request)) as T;
}

/** The options the spec schemas are compiled with, by the generator and in tests (a `$ref` is one function). */
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: false, inlineRefs: false };

/** An instance of the ajv of @kubernetes-models/validate. */
export function istioAjv(options: object): AjvInstance {
  const loaded = ajvModule<AjvConstructor & { default?: AjvConstructor }>('ajv');
  return new (loaded.default ?? loaded)(options);
}

let ajv: AjvInstance | undefined;

/** Compiles a `spec` schema with the ajv of @kubernetes-models/validate (all errors, verbose). */
export function compileSpecSchema(schema: SchemaNode): AjvValidateFunction {
  ajv ??= istioAjv({ ...AJV_OPTIONS, formats: ISTIO_FORMATS });
  return ajv.compile(schema);
}

const compiled = new Map<string, AjvValidateFunction>();

/** The spec validator compiled now from the model's schema, what the generated file must match. */
export function compiledSpecValidator(kind: IstioKind, version: IstioModelVersion): AjvValidateFunction {
  const key = `${kind} ${version}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = compileSpecSchema(validatedSpecSchema(kind, version));
    compiled.set(key, validate);
  }
  return validate;
}
