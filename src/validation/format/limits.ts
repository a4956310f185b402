/** Upper bound of `sessionAffinityConfig.clientIP.timeoutSeconds` (MaxClientIPServiceAffinitySeconds). */
export const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;

/** Default ClientIP affinity timeout the v1 defaulter fills in (3 hours). */
export const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;

/** `validateAffinityTimeout`: a ClientIP affinity timeout is 1 to 86400 seconds. */
export function isValidAffinityTimeout(seconds: number): boolean {
  return Number.isInteger(seconds) && seconds > 0 && seconds <= MAX_CLIENT_IP_AFFINITY_SECONDS;
}
