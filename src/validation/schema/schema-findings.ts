/**
 * Runs the schema validator of a manifest's kind once and shares the findings between the
 * schema rules (SCH001-003, SCH005), which the engine calls one after the other.
 */
import { ENDPOINT_SLICE, SERVICE } from '../kinds';
import { JsonObject, typeKey } from '../manifest';
import { ResolvedOptions } from '../options';
import { SchemaValidator } from './ajv-types';
import { ISTIO_KINDS, ISTIO_TYPE_KEYS } from './istio-supplement';
import { istioValidator } from './istio-validator';
import { knownFieldsFor } from './known-fields';
import { endpointSliceValidator, serviceValidator } from './kubernetes-validators';
import { SCHEMA_REQUIRED, SchemaFinding, schemaErrorFindings } from './schema-errors';

const VALIDATORS: ReadonlyMap<string, () => SchemaValidator> = new Map([
  [SERVICE, serviceValidator],
  [ENDPOINT_SLICE, endpointSliceValidator],
  // Istio serves one schema per kind under v1, v1beta1 and v1alpha3 (the models have no v1).
  ...ISTIO_KINDS.flatMap(kind => ISTIO_TYPE_KEYS[kind].map((key): [string, () => SchemaValidator] => [key, () => istioValidator(kind)])),
]);

/**
 * Fields the OpenAPI document marks required but the API server does not: a slice without
 * `endpoints` decodes to an empty list and passes validateEndpointSlice (EPS003 agrees).
 */
const NOT_ENFORCED_REQUIRED = new Set([`${ENDPOINT_SLICE} endpoints`]);

/** Schema findings of the kinds the schema layer knows; empty for the others. */
export function validateSchema(manifest: JsonObject): SchemaFinding[] {
  const key = typeKey(manifest);
  const validator = VALIDATORS.get(key)?.();
  const tree = knownFieldsFor(key);
  if (!validator || !tree) return [];
  const errors = validator.validate(manifest);
  if (errors.length === 0) return [];
  return schemaErrorFindings(manifest, tree, errors, validator.rootSchemaPaths)
    .filter(finding => finding.code !== SCHEMA_REQUIRED || !NOT_ENFORCED_REQUIRED.has(`${key} ${finding.path}`));
}

/**
 * The schema findings of a manifest, computed once for the schema rules, which the engine
 * runs one after the other on the same manifest. The options object is created once per
 * validation run (`resolveOptions`), so a manifest validated again in a later run, even the
 * same object changed in between, is validated afresh.
 */
let last: { manifest: JsonObject; options: ResolvedOptions; findings: readonly SchemaFinding[] } | undefined;

/** The schema findings of a manifest, computed once per validation run. */
export function schemaFindings(manifest: JsonObject, options: ResolvedOptions): readonly SchemaFinding[] {
  if (last && last.manifest === manifest && last.options === options) return last.findings;
  const findings = validateSchema(manifest);
  last = { manifest, options, findings };
  return findings;
}
