/**
 * How the Istio supplements are written and applied. @kubernetes-models/istio 2.3.0 was
 * built from the Istio 1.18 CRDs; each kind's supplement (one file per kind here) adds what
 * Istio's schema gained since, hand-written from the Istio references and checked against
 * Istio's current CRD (manifests/charts/base/files/crd-all.gen.yaml): new fields, enum values,
 * required fields, uint32 ranges and list and string length limits. It is patched into the
 * package's `spec` schema by scripts/istio-schema.ts and into the known-field trees by
 * known-fields.ts, so that manifests valid for current Istio pass and the fields Istio
 * requires are checked. The three served API versions share one schema per kind.
 */

/** The part of JSON Schema (OpenAPI v3) the supplements use. */
export interface SchemaNode {
  type?: string;
  nullable?: boolean;
  format?: string;
  enum?: readonly string[];
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  maxLength?: number;
  maxProperties?: number;
  properties?: { [field: string]: SchemaNode };
  additionalProperties?: SchemaNode;
  items?: SchemaNode;
  required?: readonly string[];
  oneOf?: readonly SchemaNode[];
  allOf?: readonly SchemaNode[];
  anyOf?: readonly SchemaNode[];
  not?: SchemaNode;
}

/** Keywords added to a `spec` schema at one place. */
export interface SchemaPatch {
  /**
   * Where, from `spec` (`''` is `spec` itself): field names, `[]` for list entries
   * (`http[].retries`), `{}` for the values of a map (`endpoints[].ports{}`).
   */
  readonly at: string;
  /**
   * New fields go into `properties` (merged: a field named again is replaced); `required`
   * is appended; other keywords are set (replaced).
   */
  readonly add: SchemaNode;
}

/** Protobuf uint32 fields: the current CRDs bound them (`minimum: 0`, `maximum: 4294967295`). */
export const UINT32: SchemaNode = { minimum: 0, maximum: 4294967295 };

/**
 * A protobuf `oneof` as the CRDs write it: at most one of the fields is set
 * (`oneOf: [{not: {anyOf: [{required: [a]}, ...]}}, {required: [a]}, ...]`); the generator
 * rewrites it into the cheaper equivalent (scripts/at-most-one-of.ts).
 */
export function atMostOneOf(fields: readonly string[]): SchemaNode[] {
  const each = fields.map(field => ({ required: [field] }));
  return [{ not: { anyOf: each } }, ...each];
}

/** Applies `patch` to every place of `places`, each joined to `under` (`tls` under `servers[]`). */
export function atEach(places: readonly string[], under: string, add: SchemaNode): SchemaPatch[] {
  return places.map(at => ({ at: under === '' ? at : `${at}.${under}`, add }));
}

/** One step of a patch path. */
function steps(at: string): Array<{ field: string; into?: 'items' | 'additionalProperties' }> {
  return at.split('.').map(segment => {
    if (segment.endsWith('[]')) return { field: segment.slice(0, -2), into: 'items' };
    if (segment.endsWith('{}')) return { field: segment.slice(0, -2), into: 'additionalProperties' };
    return { field: segment };
  });
}

/** The schema node at `at` inside a `spec` schema; throws when the path does not exist. */
function nodeAt(spec: SchemaNode, at: string): SchemaNode {
  let node = spec;
  for (const step of at === '' ? [] : steps(at)) {
    const next = node.properties?.[step.field];
    if (!next) throw new Error(`istio schema supplement: no field ${at}`);
    node = next;
    if (step.into) {
      const inner = node[step.into];
      if (!inner) throw new Error(`istio schema supplement: ${at} is not a ${step.into === 'items' ? 'list' : 'map'}`);
      node = inner;
    }
  }
  return node;
}

/**
 * Applies the patches to a `spec` schema in place (give it a copy). Each patch is copied in,
 * so that later changes to the schema (the "at most one of" rewrite) leave the patches alone.
 */
export function patchSpecSchema(spec: SchemaNode, patches: readonly SchemaPatch[]): void {
  for (const patch of patches) {
    const node = nodeAt(spec, patch.at);
    const { properties, required, ...keywords } = structuredClone(patch.add);
    Object.assign(node, keywords);
    if (properties) node.properties = { ...node.properties, ...properties };
    if (required) node.required = [...new Set([...(node.required ?? []), ...required])];
  }
}
