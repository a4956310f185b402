/**
 * The VirtualService schema of @kubernetes-models/istio 2.3.0 (Istio 1.18 CRDs), for the
 * generator of istio-spec-validator.generated.js and for tests; the library itself only
 * loads the generated file.
 *
 * The package exposes validation only as `new VirtualService(obj).validate()`, which copies the
 * object and throws, and it keeps its JSON schema private: the model registers it with
 * `@kubernetes-models/validate`'s `register(id, schema)` the first time it validates. We call
 * that registration step once with `register` wrapped to keep a reference to the schema
 * (and still register it), take its `spec` part, add what Istio gained after 1.18
 * (istio-supplement.ts) and compile it with the ajv the package itself uses.
 */
import * as path from 'path';
import { AjvValidateFunction } from '../src/validation/schema/ajv-types';
import { rewriteAtMostOneOf } from './at-most-one-of';
import * as ISTIO_FORMATS from '../src/validation/schema/istio-formats';
import { patchSpecSchema, SchemaNode } from '../src/validation/schema/istio-supplement';
import type { IstioModelVersion } from '../src/validation/schema/istio-validator';

export const MODEL_MODULES: { readonly [version in IstioModelVersion]: string } = {
  v1beta1: '@kubernetes-models/istio/networking.istio.io/v1beta1/VirtualService',
  v1alpha3: '@kubernetes-models/istio/networking.istio.io/v1alpha3/VirtualService',
};

type Register = (id: string, schema: unknown) => void;

export interface AjvInstance {
  compile(schema: object): AjvValidateFunction;
}
type AjvConstructor = new (options: object) => AjvInstance;

/** `require.resolve` for the modules next to a resolved file (the model's own dependencies). */
function resolveFrom(file: string, request: string): string {
  return require.resolve(request, { paths: [path.dirname(file)] });
}

/** Reads the JSON schema a VirtualService model registers, by wrapping `register` while it runs. */
export function capturedModelSchema(version: IstioModelVersion): { id: string; schema: SchemaNode } {
  const modelFile = require.resolve(MODEL_MODULES[version]);
  const model = (require(modelFile) as { VirtualService?: { prototype: object } }).VirtualService;
  if (!model) throw new Error(`${MODEL_MODULES[version]} exports no VirtualService`);
  const validateModule = require(resolveFrom(modelFile, '@kubernetes-models/validate')) as { register: Register };
  const prototype = model.prototype as { [key: symbol]: unknown };
  const addSchema = Object.getOwnPropertySymbols(prototype)
    .filter(symbol => symbol.description === 'ADD_SCHEMA')
    .map(symbol => prototype[symbol])
    .find((value): value is () => void => typeof value === 'function');
  if (!addSchema) throw new Error(`${MODEL_MODULES[version]}: no schema registration found (@kubernetes-models/base changed?)`);

  const original = validateModule.register;
  let captured: { id: string; schema: SchemaNode } | undefined;
  validateModule.register = (id, schema) => {
    if (id.endsWith('.VirtualService')) captured = { id, schema: schema as SchemaNode };
    original(id, schema);
  };
  try {
    addSchema.call(prototype);
  } finally {
    validateModule.register = original;
  }
  if (!captured) throw new Error(`${MODEL_MODULES[version]} registered no VirtualService schema`);
  return captured;
}

/** The patched `spec` schema of a model version (a copy; the package's schema is left as is). */
export function virtualServiceSpecSchema(version: IstioModelVersion): SchemaNode {
  const spec = capturedModelSchema(version).schema.properties?.spec;
  if (!spec) throw new Error(`${MODEL_MODULES[version]}: the schema has no spec`);
  const copy = structuredClone(spec);
  patchSpecSchema(copy);
  return copy;
}

/** The spec schema the validator checks: patched, and "at most one of" rewritten (at-most-one-of.ts). */
export function validatedSpecSchema(version: IstioModelVersion): SchemaNode {
  const schema = virtualServiceSpecSchema(version);
  rewriteAtMostOneOf(schema);
  return schema;
}

/** Loads a module next to the ajv @kubernetes-models/validate uses (ajv itself, its codegen...). */
export function ajvModule<T>(request: string): T {
  const validateEntry = resolveFrom(require.resolve(MODEL_MODULES.v1beta1), '@kubernetes-models/validate');
  return require(resolveFrom(validateEntry, request)) as T;
}

/** The options the spec schema is compiled with, by the generator and in tests. */
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: false };

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

const compiled = new Map<IstioModelVersion, AjvValidateFunction>();

/** The spec validator compiled now from the model's schema, what the generated file must match. */
export function compiledSpecValidator(version: IstioModelVersion): AjvValidateFunction {
  let validate = compiled.get(version);
  if (!validate) {
    validate = compileSpecSchema(validatedSpecSchema(version));
    compiled.set(version, validate);
  }
  return validate;
}
