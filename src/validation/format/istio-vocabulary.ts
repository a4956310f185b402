/**
 * Fixed vocabularies Istio's VirtualService validation checks against.
 */

/**
 * Envoy `x-envoy-retry-on` policies accepted in `retries.retryOn`
 * (`agent.ValidateHTTPRetry`). Case-sensitive.
 */
export const RETRY_ON_HTTP_POLICIES: readonly string[] = [
  '5xx',
  'gateway-error',
  'reset',
  'reset-before-request',
  'connect-failure',
  'retriable-4xx',
  'refused-stream',
  'retriable-status-codes',
  'retriable-headers',
  'envoy-ratelimited',
  'http3-post-connect-failure',
];

/** Envoy `x-envoy-retry-grpc-on` policies, also accepted in `retries.retryOn`. */
export const RETRY_ON_GRPC_POLICIES: readonly string[] = [
  'cancelled',
  'deadline-exceeded',
  'internal',
  'resource-exhausted',
  'unavailable',
];

/** gRPC status code names accepted in `fault.abort.grpcStatus` (`validateGRPCStatus`). Upper case only. */
export const GRPC_STATUS_NAMES: readonly string[] = [
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
];

/** Methods accepted in `corsPolicy.allowMethods` (`validateCORSPolicy`). Case-sensitive. */
export const CORS_METHODS: readonly string[] = [
  'GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', '*',
];

/** HTTP/2 pseudo-headers allowed as match header names (`ValidateHTTPHeaderNameOrJwtClaimRoute`). */
export const PSEUDO_HEADERS: readonly string[] = [':method', ':scheme', ':authority', ':path', ':status'];
