/**
 * How a Service routes traffic that arrives from outside the cluster
 * (node ports, load balancers, external IPs).
 *
 * @see https://kubernetes.io/docs/reference/networking/virtual-ips/#external-traffic-policy
 */
export enum ExternalTrafficPolicy {
  /** Route to ready endpoints on any node (the API server's default). */
  CLUSTER = 'Cluster',
  /** Route only to endpoints on the receiving node; preserves the client source IP. */
  LOCAL = 'Local',
}

/**
 * How a Service routes traffic that starts inside the cluster.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/service-traffic-policy/
 */
export enum InternalTrafficPolicy {
  /** Route to any ready endpoint (the API server's default). */
  CLUSTER = 'Cluster',
  /** Route only to endpoints on the same node as the client. */
  LOCAL = 'Local',
}

/**
 * A preference for topologically close endpoints.
 *
 * @see https://kubernetes.io/docs/reference/networking/virtual-ips/#traffic-distribution
 */
export enum TrafficDistribution {
  /** Deprecated alias of PREFER_SAME_ZONE (Kubernetes 1.31+). */
  PREFER_CLOSE = 'PreferClose',
  /** Prefer endpoints in the client's zone (Kubernetes 1.33+). */
  PREFER_SAME_ZONE = 'PreferSameZone',
  /** Prefer endpoints on the client's node (Kubernetes 1.33+). */
  PREFER_SAME_NODE = 'PreferSameNode',
}
