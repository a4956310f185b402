/**
 * The validators of the Istio kinds (VirtualService, DestinationRule, Gateway, ServiceEntry):
 * Istio's CRD schema for `spec` (from @kubernetes-models/istio 2.3.0, Istio 1.18, plus what
 * Istio added since: istio-supplement/) and Kubernetes' ObjectMeta for `metadata`.
 *
 * The `spec` schemas are compiled ahead of time into istio-spec-validator.generated.js (one
 * exported function per kind) by scripts/generate-istio-validator.ts (which reads them with
 * scripts/istio-schema.ts), so that validating loads neither the model package nor ajv, and
 * does not compile on every start. Istio serves one schema per kind under v1, v1beta1 and
 * v1alpha3 (the generator checks that the model's v1beta1 and v1alpha3 schemas are equal).
 */
import { AjvError, AjvValidateFunction, SchemaValidator, underPointer } from './ajv-types';
import { loadGenerated } from './generated-module';
import type { IstioKind } from './istio-supplement';
import { objectMetaValidate } from './kubernetes-validators';

type SpecValidators = { readonly [kind in IstioKind]?: AjvValidateFunction };

let specValidators: SpecValidators | undefined;

/** The precompiled spec validator of a kind. */
function specValidator(kind: IstioKind): AjvValidateFunction {
  specValidators ??= loadGenerated('istio-spec-validator.generated.js', 'scripts/generate-istio-validator.ts',
    () => require('./istio-spec-validator.generated.js')) as SpecValidators;
  const validate = specValidators[kind];
  if (typeof validate !== 'function') {
    throw new Error(`cdk8s-traffic: istio-spec-validator.generated.js has no ${kind} validator; `
      + 'run `npx ts-node --transpile-only scripts/generate-istio-validator.ts`');
  }
  return validate;
}

const validators = new Map<IstioKind, SchemaValidator>();

/** The validator of an Istio kind, for all its served versions (loaded on first use). */
export function istioValidator(kind: IstioKind): SchemaValidator {
  let validator = validators.get(kind);
  if (!validator) {
    const validateSpec = specValidator(kind);
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
    validators.set(kind, validator);
  }
  return validator;
}
