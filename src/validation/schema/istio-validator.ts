/**
 * The VirtualService schema of @kubernetes-models/istio 2.3.0 (Istio 1.18 CRDs), as a
 * validate function that does not throw.
 *
 * The package exposes validation only as `new VirtualService(obj).validate()`, which copies the
 * object and throws, and it keeps its JSON schema private: the model registers it with
 * `@kubernetes-models/validate`'s `register(id, schema)` the first time it validates. We call
 * that registration step once with `register` wrapped to keep a reference to the schema
 * (and still register it), take its `spec` part, add what Istio gained after 1.18
 * (istio-supplement.ts) and compile it with the ajv the package itself uses. The metadata
 * is checked with the Kubernetes ObjectMeta validator of kubernetes-models.
 */
import * as path from 'path';
import { AjvError, AjvValidateFunction, SchemaValidator, underPointer } from './ajv-types';
import { rewriteAtMostOneOf } from './at-most-one-of';
import { patchSpecSchema, SchemaNode } from './istio-supplement';
import { objectMetaValidate } from './kubernetes-validators';
import * as ISTIO_FORMATS from './istio-formats';

const MODEL_MODULES = {
  v1beta1: '@kubernetes-models/istio/networking.istio.io/v1beta1/VirtualService',
  v1alpha3: '@kubernetes-models/istio/networking.istio.io/v1alpha3/VirtualService',
} as const;

export type IstioModelVersion = keyof typeof MODEL_MODULES;

type Register = (id: string, schema: unknown) => void;

export interface AjvInstance {
  compile(schema: object): AjvValidateFunction;
}
type AjvConstructor = new (options: object) => AjvInstance;

/** `require` for the modules next to a resolved file (the model's own dependencies). */
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

function ajvConstructor(): AjvConstructor {
  const validateEntry = resolveFrom(require.resolve(MODEL_MODULES.v1beta1), '@kubernetes-models/validate');
  const loaded = require(resolveFrom(validateEntry, 'ajv')) as AjvConstructor & { default?: AjvConstructor };
  return loaded.default ?? loaded;
}

let ajv: AjvInstance | undefined;

/** The patched `spec` schema of a model version (a copy; the package's schema is left as is). */
export function virtualServiceSpecSchema(version: IstioModelVersion): SchemaNode {
  const spec = capturedModelSchema(version).schema.properties?.spec;
  if (!spec) throw new Error(`${MODEL_MODULES[version]}: the schema has no spec`);
  const copy = structuredClone(spec);
  patchSpecSchema(copy);
  return copy;
}

/** The options the spec schema is compiled with, at runtime and by the generator. */
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: false };

/** The ajv constructor of @kubernetes-models/validate. */
export function istioAjv(options: object): AjvInstance {
  return new (ajvConstructor())(options);
}

/** Compiles a `spec` schema with the ajv of @kubernetes-models/validate (all errors, verbose). */
export function compileSpecSchema(schema: SchemaNode): AjvValidateFunction {
  ajv ??= istioAjv({
    ...AJV_OPTIONS,
    formats: ISTIO_FORMATS,
  });
  return ajv.compile(schema);
}

const specValidators = new Map<string, AjvValidateFunction>();
const validators = new Map<IstioModelVersion, SchemaValidator>();

/** The precompiled spec validator (scripts/generate-istio-validator.ts), if the build has it. */
function precompiledSpecValidator(): AjvValidateFunction | undefined {
  try {
    return require('./istio-spec-validator.generated.js') as AjvValidateFunction;
  } catch {
    return undefined;
  }
}

function specValidator(version: IstioModelVersion): AjvValidateFunction {
  // v1beta1 and v1alpha3 share one spec schema (the generator checks it)
  const precompiled = precompiledSpecValidator();
  if (precompiled) return precompiled;
  return compiledSpecValidator(version);
}

/** The spec validator compiled now, from the model's schema and the supplement. */
export function compiledSpecValidator(version: IstioModelVersion): AjvValidateFunction {
  const schema = virtualServiceSpecSchema(version);
  rewriteAtMostOneOf(schema);
  // v1beta1 and v1alpha3 carry the same spec schema: compile it once.
  const key = JSON.stringify(schema);
  let validate = specValidators.get(key);
  if (!validate) {
    validate = compileSpecSchema(schema);
    specValidators.set(key, validate);
  }
  return validate;
}

/** The validator of a VirtualService model version (compiled on first use). */
export function virtualServiceValidator(version: IstioModelVersion): SchemaValidator {
  let validator = validators.get(version);
  if (!validator) {
    const validateSpec = specValidator(version);
    const validateMeta = objectMetaValidate();
    validator = {
      rootSchemaPaths: true,
      validate: manifest => {
        let errors: AjvError[] | undefined;
        const { metadata, spec } = manifest;
        if (metadata !== undefined && metadata !== null && !validateMeta(metadata)) {
          errors = underPointer('/metadata', validateMeta.errors);
        }
        if (spec !== undefined && spec !== null && !validateSpec(spec)) {
          errors = [...(errors ?? []), ...underPointer('/spec', validateSpec.errors)];
        }
        return errors ?? [];
      },
    };
    validators.set(version, validator);
  }
  return validator;
}
