/**
 * The VirtualService validator: Istio's CRD schema for `spec` (from @kubernetes-models/istio
 * 2.3.0, Istio 1.18, plus the fields Istio added since: istio-supplement.ts) and Kubernetes'
 * ObjectMeta for `metadata`.
 *
 * The `spec` schema is compiled ahead of time into istio-spec-validator.generated.js by
 * scripts/generate-istio-validator.ts (which reads it with scripts/istio-schema.ts), so that
 * validating loads neither the model package nor ajv, and does not compile on every start.
 */
import { AjvError, AjvValidateFunction, SchemaValidator, underPointer } from './ajv-types';
import { loadGenerated } from './generated-module';
import { objectMetaValidate } from './kubernetes-validators';

/** The VirtualService API versions of the model package; networking.istio.io/v1 has v1beta1's spec. */
export type IstioModelVersion = 'v1beta1' | 'v1alpha3';

let specValidate: AjvValidateFunction | undefined;

/** The precompiled spec validator; v1beta1 and v1alpha3 share it (the generator checks their schemas are equal). */
function specValidator(): AjvValidateFunction {
  specValidate ??= loadGenerated('istio-spec-validator.generated.js', 'scripts/generate-istio-validator.ts',
    () => require('./istio-spec-validator.generated.js')) as AjvValidateFunction;
  return specValidate;
}

const validators = new Map<IstioModelVersion, SchemaValidator>();

/** The validator of a VirtualService model version (loaded on first use). */
export function virtualServiceValidator(version: IstioModelVersion): SchemaValidator {
  let validator = validators.get(version);
  if (!validator) {
    const validateSpec = specValidator();
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
