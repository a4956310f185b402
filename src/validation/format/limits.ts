/** Upper bound of `sessionAffinityConfig.clientIP.timeoutSeconds` (MaxClientIPServiceAffinitySeconds). */
export const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;

/** Default ClientIP affinity timeout the v1 defaulter fills in (3 hours). */
export const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;
