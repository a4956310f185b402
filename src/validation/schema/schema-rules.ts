/**
 * The schema rules: Services and EndpointSlices against the Kubernetes OpenAPI models
 * (kubernetes-models); VirtualServices, DestinationRules, Gateways and ServiceEntries against
 * Istio's CRD schemas (@kubernetes-models/istio, with what Istio added after 1.18). The
 * semantic rules report many of the same problems with more context; the engine keeps theirs
 * where both name the same path.
 */
import { Severity } from '../diagnostic';
import { DESTINATION_RULE, ENDPOINT_SLICE, GATEWAY, SERVICE, SERVICE_ENTRY, VIRTUAL_SERVICE } from '../kinds';
import { JsonObject, typeKey } from '../manifest';
import { ManifestRule, RuleContext } from '../rule';
import { knownFieldsFor } from './known-fields';
import { SCHEMA_ENUM, SCHEMA_OTHER, SCHEMA_REQUIRED, SCHEMA_TYPE } from './schema-errors';
import { schemaFindings } from './schema-findings';
import { reportUnknownFields } from './unknown-fields';

const SCHEMA_KINDS: readonly string[] = [SERVICE, ENDPOINT_SLICE, ...VIRTUAL_SERVICE, ...DESTINATION_RULE, ...GATEWAY, ...SERVICE_ENTRY];

function reportFindings(code: string) {
  return (manifest: JsonObject, context: RuleContext): void => {
    for (const finding of schemaFindings(manifest, context.options)) {
      if (finding.code === code) context.report(finding.path, finding.message, finding.value);
    }
  };
}

/** SCH001: a value of the wrong JSON type. */
export const SCHEMA_TYPE_RULE: ManifestRule = {
  code: SCHEMA_TYPE,
  name: 'schema-type',
  severity: Severity.ERROR,
  appliesTo: SCHEMA_KINDS,
  description: 'values have the JSON types of the Kubernetes OpenAPI and Istio CRD schemas (API server JSON decoding; structural schema validation for CRDs)',
  check: reportFindings(SCHEMA_TYPE),
};

/** SCH002: a value outside the schema's enum. */
export const SCHEMA_ENUM_RULE: ManifestRule = {
  code: SCHEMA_ENUM,
  name: 'schema-enum',
  severity: Severity.ERROR,
  appliesTo: SCHEMA_KINDS,
  description: 'enumerated fields hold one of the values the Kubernetes OpenAPI and Istio CRD schemas list (enum)',
  check: reportFindings(SCHEMA_ENUM),
};

/** SCH003: a required field is missing. */
export const SCHEMA_REQUIRED_RULE: ManifestRule = {
  code: SCHEMA_REQUIRED,
  name: 'schema-required',
  severity: Severity.ERROR,
  appliesTo: SCHEMA_KINDS,
  description: 'fields the Kubernetes OpenAPI and Istio CRD schemas mark required are present (required)',
  check: reportFindings(SCHEMA_REQUIRED),
};

/** SCH004: a field the schema does not know (a misspelt `targetport`...), with the closest known name. */
export const UNKNOWN_FIELD_RULE: ManifestRule = {
  code: 'SCH004',
  name: 'unknown-field',
  severity: Severity.WARNING,
  appliesTo: SCHEMA_KINDS,
  description: 'every field is one the schema knows; the API server drops unknown fields (prunes them for CRDs) or rejects them under strict field validation',
  check(manifest, context) {
    const tree = knownFieldsFor(typeKey(manifest));
    if (tree) reportUnknownFields(manifest, tree, (path, message, value) => context.report(path, message, value));
  },
};

/** SCH005: any other schema violation (oneOf, formats, ranges, length limits). */
export const SCHEMA_OTHER_RULE: ManifestRule = {
  code: SCHEMA_OTHER,
  name: 'schema',
  severity: Severity.ERROR,
  appliesTo: SCHEMA_KINDS,
  description: 'values satisfy the other constraints of the Kubernetes OpenAPI and Istio CRD schemas: oneOf ("at most one of" a load balancer policy, a hash key, a match type...), int32 and uint32 ranges, list, map and string length limits, formats',
  check: reportFindings(SCHEMA_OTHER),
};
