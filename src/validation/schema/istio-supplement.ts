/**
 * What Istio's VirtualService schema gained after 1.18, the release whose CRDs
 * @kubernetes-models/istio 2.3.0 was built from. Hand-written from
 * the Istio VirtualService reference (§1, "since" column; "CRD structural
 * checks") and Istio's current CRD (manifests/charts/base/files/crd-all.gen.yaml). It is
 * patched into the package's schema (types, enums, required fields, uint32 ranges) and into
 * the known-field tree, so that manifests valid for current Istio pass and its required
 * fields are checked. All three API versions share this schema.
 */

/** The part of JSON Schema (OpenAPI v3) the supplement uses. */
export interface SchemaNode {
  type?: string;
  nullable?: boolean;
  format?: string;
  enum?: readonly string[];
  minimum?: number;
  maximum?: number;
  properties?: { [field: string]: SchemaNode };
  items?: SchemaNode;
  required?: readonly string[];
}

/** Keywords added to the VirtualService `spec` schema at one place. */
export interface SchemaPatch {
  /** Where, from `spec`: field names, `[]` for list entries (`http[].retries`). */
  readonly at: string;
  /** New fields go into `properties` (merged); `required` is appended; other keywords are set. */
  readonly add: SchemaNode;
}

/** Protobuf uint32 fields: the current CRD bounds them (`minimum: 0`, `maximum: 4294967295`). */
const UINT32: SchemaNode = { minimum: 0, maximum: 4294967295 };

const PERCENT: SchemaNode = { type: 'object', properties: { value: { type: 'number', format: 'double' } } };

const DESTINATION: SchemaNode = {
  type: 'object',
  properties: {
    host: { type: 'string' },
    port: { type: 'object', properties: { number: { type: 'integer', ...UINT32 } } },
    subset: { type: 'string' },
  },
  required: ['host'],
};

/** Fields added after Istio 1.18 (the "since" column of the reference). */
const NEW_FIELDS: readonly SchemaPatch[] = [
  // HTTPMirrorPolicy, since 1.19
  {
    at: 'http[]',
    add: {
      properties: {
        mirrors: { type: 'array', items: { type: 'object', properties: { destination: DESTINATION, percentage: PERCENT }, required: ['destination'] } },
      },
    },
  },
  // since 1.19
  { at: 'http[].rewrite', add: { properties: { uriRegexRewrite: { type: 'object', properties: { match: { type: 'string' }, rewrite: { type: 'string' } } } } } },
  // since 1.23
  { at: 'http[].corsPolicy', add: { properties: { unmatchedPreflights: { type: 'string', enum: ['UNSPECIFIED', 'FORWARD', 'IGNORE'] } } } },
  // since 1.26
  { at: 'http[].retries', add: { properties: { retryIgnorePreviousHosts: { type: 'boolean', nullable: true }, backoff: { type: 'string' } } } },
  // 1.31 pre-releases
  { at: 'http[].redirect', add: { properties: { prefixRewrite: { type: 'string' } } } },
];

const ROUTE_LISTS = ['http[].route[]', 'tcp[].route[]', 'tls[].route[]'];
const DESTINATIONS = [...ROUTE_LISTS.map(at => `${at}.destination`), 'http[].mirror'];

/** Fields the current CRD requires (REQUIRED field behaviour in the proto). */
const REQUIRED: readonly SchemaPatch[] = [
  ...ROUTE_LISTS.map(at => ({ at, add: { required: ['destination'] } })),
  ...DESTINATIONS.map(at => ({ at, add: { required: ['host'] } })),
  { at: 'tls[]', add: { required: ['match'] } },
  { at: 'tls[].match[]', add: { required: ['sniHosts'] } },
  { at: 'http[].directResponse', add: { required: ['status'] } },
];

/** uint32 fields, which the 1.18 schema types as plain integers. */
const RANGES: readonly SchemaPatch[] = [
  ...DESTINATIONS.map(at => ({ at: `${at}.port.number`, add: UINT32 })),
  ...['http[].match[].port', 'tcp[].match[].port', 'tls[].match[].port'].map(at => ({ at, add: UINT32 })),
  { at: 'http[].mirrorPercent', add: UINT32 },
  { at: 'http[].mirror_percent', add: UINT32 },
  { at: 'http[].redirect.port', add: UINT32 },
  { at: 'http[].redirect.redirectCode', add: UINT32 },
  { at: 'http[].directResponse.status', add: UINT32 },
];

export const ISTIO_SCHEMA_PATCHES: readonly SchemaPatch[] = [...NEW_FIELDS, ...REQUIRED, ...RANGES];

/** The schema node at `at` inside a `spec` schema; throws when the path does not exist. */
function nodeAt(spec: SchemaNode, at: string): SchemaNode {
  let node = spec;
  for (const segment of at.split('.')) {
    const field = segment.endsWith('[]') ? segment.slice(0, -2) : segment;
    const next = node.properties?.[field];
    if (!next) throw new Error(`istio schema supplement: no field ${at}`);
    node = next;
    if (segment.endsWith('[]')) {
      if (!node.items) throw new Error(`istio schema supplement: ${at} is not a list`);
      node = node.items;
    }
  }
  return node;
}

/** Applies the patches to a `spec` schema in place (give it a copy). */
export function patchSpecSchema(spec: SchemaNode, patches: readonly SchemaPatch[] = ISTIO_SCHEMA_PATCHES): void {
  for (const patch of patches) {
    const node = nodeAt(spec, patch.at);
    const { properties, required, ...keywords } = patch.add;
    Object.assign(node, keywords);
    if (properties) node.properties = { ...node.properties, ...properties };
    if (required) node.required = [...new Set([...(node.required ?? []), ...required])];
  }
}
