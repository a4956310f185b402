/**
 * What Istio's VirtualService schema gained after 1.18: hand-written from the Istio
 * VirtualService reference (§1, "since" column; "CRD structural checks") and Istio's current
 * CRD. See schema-patch.ts for how it is applied.
 */
import { SchemaNode, SchemaPatch, UINT32 } from './schema-patch';

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

/** The VirtualService supplement. */
export const VIRTUAL_SERVICE_PATCHES: readonly SchemaPatch[] = [...NEW_FIELDS, ...REQUIRED, ...RANGES];
