/**
 * The Kubernetes OpenAPI validators of kubernetes-models 4.5.1, for Service, EndpointSlice
 * and the ObjectMeta of custom resources.
 *
 * They are ajv standalone validate functions (all errors, returning false and setting
 * `.errors`), copied with the schema modules they require into
 * kubernetes-validators.generated.js by scripts/generate-kubernetes-validators.ts, so that
 * running them loads neither kubernetes-models nor ajv.
 */
import { AjvValidateFunction, SchemaValidator } from './ajv-types';
import { loadGenerated } from './generated-module';

/** What kubernetes-validators.generated.js exports. */
interface GeneratedValidators {
  readonly IoK8sApiCoreV1Service: AjvValidateFunction;
  readonly IoK8sApiDiscoveryV1EndpointSlice: AjvValidateFunction;
  readonly IoK8sApimachineryPkgApisMetaV1ObjectMeta: AjvValidateFunction;
}

let generated: GeneratedValidators | undefined;

/** The generated module, loaded on first use: a run that checks no Service does not pay for it. */
function generatedValidators(): GeneratedValidators {
  generated ??= loadGenerated('kubernetes-validators.generated.js', 'scripts/generate-kubernetes-validators.ts',
    () => require('./kubernetes-validators.generated.js')) as GeneratedValidators;
  return generated;
}

function wholeObjectValidator(validate: AjvValidateFunction): SchemaValidator {
  return {
    // each schema module restarts its schema paths at its own root
    rootSchemaPaths: false,
    validate: manifest => (validate(manifest) ? [] : validate.errors ?? []),
  };
}

let service: SchemaValidator | undefined;
let endpointSlice: SchemaValidator | undefined;

/** `v1/Service` (IoK8sApiCoreV1Service), the whole object. */
export function serviceValidator(): SchemaValidator {
  return service ??= wholeObjectValidator(generatedValidators().IoK8sApiCoreV1Service);
}

/** `discovery.k8s.io/v1/EndpointSlice` (IoK8sApiDiscoveryV1EndpointSlice), the whole object. */
export function endpointSliceValidator(): SchemaValidator {
  return endpointSlice ??= wholeObjectValidator(generatedValidators().IoK8sApiDiscoveryV1EndpointSlice);
}

/** Kubernetes `ObjectMeta`, for the metadata of custom resources. */
export function objectMetaValidate(): AjvValidateFunction {
  return generatedValidators().IoK8sApimachineryPkgApisMetaV1ObjectMeta;
}
