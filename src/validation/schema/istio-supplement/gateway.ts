/**
 * What Istio's Gateway schema gained after 1.18: hand-written from the field tables of the
 * Gateway reference (§2.1, "since" column; CRD-level rules, §4) and checked against Istio's
 * current CRD. See schema-patch.ts for how it is applied.
 *
 * Not here: the CRD's CEL rules on `servers[].tls` ("only one of credentialName,
 * credentialNames or tlsCertificates"), which the Gateway rules check as the webhook does.
 */
import { SchemaNode, SchemaPatch, UINT32 } from './schema-patch';

const STRING: SchemaNode = { type: 'string' };
const STRINGS: SchemaNode = { type: 'array', items: STRING };

/** Fields and enum values added after Istio 1.18. */
const NEW_FIELDS: readonly SchemaPatch[] = [
  {
    at: 'servers[].tls',
    add: {
      properties: {
        // OPTIONAL_MUTUAL since 1.19
        mode: { type: 'string', enum: ['PASSTHROUGH', 'SIMPLE', 'MUTUAL', 'AUTO_PASSTHROUGH', 'ISTIO_MUTUAL', 'OPTIONAL_MUTUAL'] },
        // since 1.22
        caCrl: STRING,
        insecureSkipVerify: { type: 'boolean', nullable: true },
        // since 1.26
        credentialNames: { ...STRINGS, minItems: 1, maxItems: 2 },
        tlsCertificates: {
          type: 'array',
          items: { type: 'object', properties: { serverCertificate: STRING, privateKey: STRING, caCertificates: STRING } },
          minItems: 1,
          maxItems: 2,
        },
        // since 1.28
        caCertCredentialName: STRING,
        // master (1.31 pre-releases)
        ecdhCurves: STRINGS,
      },
    },
  },
];

/** Fields the current CRD requires (REQUIRED field behaviour in the proto). */
const REQUIRED: readonly SchemaPatch[] = [
  { at: 'servers[]', add: { required: ['port', 'hosts'] } },
  { at: 'servers[].port', add: { required: ['number', 'protocol', 'name'] } },
];

/** uint32 fields, which the 1.18 schema types as plain integers. */
const RANGES: readonly SchemaPatch[] = [
  { at: 'servers[].port.number', add: UINT32 },
  { at: 'servers[].port.targetPort', add: UINT32 },
];

/** The Gateway supplement. */
export const GATEWAY_PATCHES: readonly SchemaPatch[] = [...NEW_FIELDS, ...REQUIRED, ...RANGES];
