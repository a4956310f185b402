/**
 * What Istio's ServiceEntry schema gained after 1.18: hand-written from the field tables of
 * the ServiceEntry reference (§3.1, "since" column; CRD-level rules, §4) and checked against
 * Istio's current CRD. See schema-patch.ts for how it is applied.
 *
 * Not here: the CRD's CEL rules (a port range of 1-65535, unique port numbers, no bare `*`
 * host, endpoints against the resolution), which the ServiceEntry rules check as the webhook
 * does.
 */
import { SchemaPatch, UINT32 } from './schema-patch';

/** Enum values added after Istio 1.18. */
const NEW_VALUES: readonly SchemaPatch[] = [
  // DYNAMIC_DNS since 1.28
  { at: 'resolution', add: { enum: ['NONE', 'STATIC', 'DNS', 'DNS_ROUND_ROBIN', 'DYNAMIC_DNS'] } },
];

/** Fields the current CRD requires (REQUIRED field behaviour in the proto). */
const REQUIRED: readonly SchemaPatch[] = [
  { at: '', add: { required: ['hosts'] } },
  { at: 'ports[]', add: { required: ['number', 'name'] } },
];

/** uint32 fields, which the 1.18 schema types as plain integers. */
const RANGES: readonly SchemaPatch[] = [
  { at: 'ports[].number', add: UINT32 },
  { at: 'ports[].targetPort', add: UINT32 },
  { at: 'endpoints[].ports{}', add: UINT32 },
  { at: 'endpoints[].weight', add: UINT32 },
];

/** List, map and string length limits of the current CRD. */
const LIMITS: readonly SchemaPatch[] = [
  { at: 'hosts', add: { minItems: 1, maxItems: 256 } },
  { at: 'addresses', add: { maxItems: 256 } },
  { at: 'addresses[]', add: { maxLength: 64 } },
  { at: 'ports', add: { maxItems: 256 } },
  { at: 'ports[].name', add: { maxLength: 256 } },
  { at: 'ports[].protocol', add: { maxLength: 256 } },
  { at: 'endpoints', add: { maxItems: 4096 } },
  { at: 'endpoints[].address', add: { maxLength: 256 } },
  { at: 'endpoints[].network', add: { maxLength: 2048 } },
  { at: 'endpoints[].locality', add: { maxLength: 2048 } },
  { at: 'endpoints[].serviceAccount', add: { maxLength: 253 } },
  { at: 'endpoints[].labels', add: { maxProperties: 256 } },
  { at: 'endpoints[].ports', add: { maxProperties: 128 } },
  { at: 'workloadSelector.labels', add: { maxProperties: 256 } },
  { at: 'workloadSelector.labels{}', add: { maxLength: 63 } },
];

/** The ServiceEntry supplement. */
export const SERVICE_ENTRY_PATCHES: readonly SchemaPatch[] = [...NEW_VALUES, ...REQUIRED, ...RANGES, ...LIMITS];
