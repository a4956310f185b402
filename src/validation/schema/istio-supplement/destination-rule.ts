/**
 * What Istio's DestinationRule schema gained after 1.18: hand-written from the field tables of
 * the DestinationRule reference (§1.1, "since" column; CRD-level rules, §4) and checked
 * against Istio's current CRD. See schema-patch.ts for how it is applied.
 *
 * A traffic policy sits at `trafficPolicy` and at `subsets[].trafficPolicy`; each has
 * `portLevelSettings[]`, whose entries hold the same load balancer, connection pool, outlier
 * detection and TLS blocks (but no tunnel, proxy protocol or retry budget).
 */
import { atEach, atMostOneOf, SchemaNode, SchemaPatch, UINT32 } from './schema-patch';

const POLICIES = ['trafficPolicy', 'subsets[].trafficPolicy'];
/** The places holding loadBalancer, connectionPool, outlierDetection and tls. */
const BLOCKS = [...POLICIES, ...POLICIES.map(at => `${at}.portLevelSettings[]`)];

const STRING: SchemaNode = { type: 'string' };
const FAILOVER: SchemaNode = { type: 'array', items: { type: 'object', properties: { from: STRING, to: STRING } } };

/** Fields added after Istio 1.18 to every policy block. */
const BLOCK_FIELDS: readonly SchemaPatch[] = [
  // HTTP/2 keepalive (master, after 1.30): both durations are checked by the webhook (DR rules)
  ...atEach(BLOCKS, 'connectionPool.http', {
    properties: {
      http2KeepAlive: { type: 'object', properties: { interval: STRING, timeout: STRING } },
      // since 1.21
      maxConcurrentStreams: { type: 'integer', format: 'int32' },
    },
  }),
  ...atEach(BLOCKS, 'connectionPool.tcp', { properties: { idleTimeout: STRING } }),
  ...atEach(BLOCKS, 'loadBalancer', {
    properties: {
      // since 1.24 (1.18 has only warmupDurationSecs)
      warmup: {
        type: 'object',
        properties: {
          duration: STRING,
          minimumPercent: { type: 'number', format: 'double', nullable: true, minimum: 0, maximum: 100 },
          aggression: { type: 'number', format: 'double', nullable: true, minimum: 0 },
        },
        required: ['duration'],
      },
      // master (1.31 pre-releases)
      zoneAwareLbSetting: {
        type: 'object',
        properties: {
          enabled: { type: 'boolean', nullable: true },
          failover: FAILOVER,
          failoverPriority: { type: 'array', items: STRING },
          minClusterSize: { type: 'integer', nullable: true, minimum: 1, maximum: UINT32.maximum },
        },
      },
      // master, ORCA utilization weighting
      backendUtilization: {
        type: 'object',
        properties: {
          errorUtilizationPenaltyPercent: { type: 'integer', ...UINT32 },
          metricNamesForComputingUtilization: { type: 'array', items: STRING },
          weightExpirationPeriod: STRING,
          weightStabilizationPeriod: STRING,
          weightUpdatePeriod: STRING,
        },
      },
    },
  }),
  // since 1.28
  ...atEach(BLOCKS, 'loadBalancer.consistentHash.httpCookie', {
    properties: {
      attributes: { type: 'array', items: { type: 'object', properties: { name: STRING, value: STRING }, required: ['name'] } },
    },
  }),
  // master
  ...atEach(BLOCKS, 'outlierDetection', {
    properties: { outlierDetectionHttpErrorCodes: { type: 'array', items: { type: 'integer', minimum: 100, maximum: 599 } } },
  }),
  // since 1.22
  ...atEach(BLOCKS, 'tls', { properties: { caCrl: STRING } }),
];

/** Fields added after Istio 1.18 to the destination-level policies only. */
const POLICY_FIELDS: readonly SchemaPatch[] = atEach(POLICIES, '', {
  properties: {
    // since 1.21
    proxyProtocol: { type: 'object', properties: { version: { type: 'string', enum: ['V1', 'V2'] } } },
    // since 1.27
    retryBudget: {
      type: 'object',
      properties: {
        percent: { type: 'number', format: 'double', nullable: true, minimum: 0, maximum: 100 },
        minRetryConcurrency: { type: 'integer', ...UINT32 },
        budgetInterval: STRING,
      },
    },
  },
});

/**
 * The load balancer's protobuf oneofs as the current CRD states them: at most one of
 * `simple`, `consistentHash` and `backendUtilization`, and in `consistentHash` at most one
 * hash key and at most one of `ringHash` and `maglev`. The 1.18 schema nests the hash-key
 * constraints inside the branch for `consistentHash`, so that an invalid `consistentHash`
 * falls into the "none of them" branch and passes: the current CRD's form replaces it.
 */
const ONE_OFS: readonly SchemaPatch[] = [
  ...atEach(BLOCKS, 'loadBalancer', { oneOf: atMostOneOf(['simple', 'consistentHash', 'backendUtilization']) }),
  ...atEach(BLOCKS, 'loadBalancer.consistentHash', {
    allOf: [
      { oneOf: atMostOneOf(['httpHeaderName', 'httpCookie', 'useSourceIp', 'httpQueryParameterName']) },
      { oneOf: atMostOneOf(['ringHash', 'maglev']) },
    ],
  }),
];

/** Fields the current CRD requires (REQUIRED field behaviour in the proto). */
const REQUIRED: readonly SchemaPatch[] = [
  { at: '', add: { required: ['host'] } },
  { at: 'subsets[]', add: { required: ['name'] } },
  ...atEach(BLOCKS, 'loadBalancer.consistentHash.httpCookie', { required: ['name'] }),
  ...atEach(POLICIES, 'tunnel', { required: ['targetHost', 'targetPort'] }),
];

/** uint32 (and uint64) fields, which the 1.18 schema types as plain integers; list limits. */
const RANGES: readonly SchemaPatch[] = [
  ...atEach(BLOCKS, 'connectionPool.tcp.tcpKeepalive.probes', UINT32),
  ...atEach(BLOCKS, 'loadBalancer.localityLbSetting.distribute[].to{}', UINT32),
  // uint64: no upper bound in the CRD
  ...atEach(BLOCKS, 'loadBalancer.consistentHash.minimumRingSize', { minimum: 0 }),
  ...atEach(BLOCKS, 'loadBalancer.consistentHash.ringHash.minimumRingSize', { minimum: 0 }),
  ...atEach(BLOCKS, 'loadBalancer.consistentHash.maglev.tableSize', { minimum: 0 }),
  ...['consecutive5xxErrors', 'consecutiveGatewayErrors', 'consecutiveLocalOriginFailures']
    .flatMap(field => atEach(BLOCKS, `outlierDetection.${field}`, UINT32)),
  ...atEach(POLICIES, 'portLevelSettings[].port.number', UINT32),
  ...atEach(POLICIES, 'tunnel.targetPort', UINT32),
  ...atEach(POLICIES, 'portLevelSettings', { maxItems: 4096 }),
  { at: 'workloadSelector.matchLabels', add: { maxProperties: 4096 } },
  { at: 'workloadSelector.matchLabels{}', add: { maxLength: 63 } },
];

/** The DestinationRule supplement. */
export const DESTINATION_RULE_PATCHES: readonly SchemaPatch[] = [...BLOCK_FIELDS, ...POLICY_FIELDS, ...ONE_OFS, ...REQUIRED, ...RANGES];
