/**
 * The Kubernetes OpenAPI validators of kubernetes-models 4.5.1.
 *
 * Each model class validates by throwing (`new Service(obj).validate()` copies the object,
 * then throws a ValidationError on the first invalid call). Under the hood it runs an
 * ajv-standalone validate function from `kubernetes-models/_schemas/*.js`, which returns
 * false and sets `.errors` (allErrors mode). Those files are not in the package's `exports`
 * map, so they are loaded by file path next to the model module, the way the model itself
 * loads them: the same module instance, no copy, no exception.
 */
import * as path from 'path';
import { AjvValidateFunction, SchemaValidator } from './ajv-types';

let schemasDir: string | undefined;

function schemaFile(name: string): string {
  schemasDir ??= path.join(path.dirname(require.resolve('kubernetes-models/v1/Service')), '..', '_schemas');
  return path.join(schemasDir, `${name}.js`);
}

function loadValidate(file: string): AjvValidateFunction {
  const loaded: unknown = require(file);
  const validate = (loaded as { validate?: unknown }).validate;
  if (typeof validate !== 'function') throw new Error(`${file} exports no validate function`);
  return validate as AjvValidateFunction;
}

function wholeObjectValidator(schema: string): SchemaValidator {
  const validate = loadValidate(schemaFile(schema));
  return {
    rootSchemaPaths: false,
    validate: manifest => (validate(manifest) ? [] : validate.errors ?? []),
  };
}

let service: SchemaValidator | undefined;
let endpointSlice: SchemaValidator | undefined;
let objectMeta: AjvValidateFunction | undefined;

/** `v1/Service` (IoK8sApiCoreV1Service), the whole object. */
export function serviceValidator(): SchemaValidator {
  return service ??= wholeObjectValidator('IoK8sApiCoreV1Service');
}

/** `discovery.k8s.io/v1/EndpointSlice` (IoK8sApiDiscoveryV1EndpointSlice), the whole object. */
export function endpointSliceValidator(): SchemaValidator {
  return endpointSlice ??= wholeObjectValidator('IoK8sApiDiscoveryV1EndpointSlice');
}

/** Kubernetes `ObjectMeta`, for the metadata of custom resources. */
export function objectMetaValidate(): AjvValidateFunction {
  if (!objectMeta) {
    const file = require.resolve('@kubernetes-models/apimachinery/_schemas/IoK8sApimachineryPkgApisMetaV1ObjectMeta', {
      paths: [path.dirname(require.resolve('kubernetes-models/v1/Service'))],
    });
    objectMeta = loadValidate(file);
  }
  return objectMeta;
}
