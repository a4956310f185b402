/**
 * An IP family of a Service.
 */
export enum IpFamily {
  /** IPv4. */
  IPV4 = 'IPv4',
  /** IPv6. */
  IPV6 = 'IPv6',
}

/**
 * Whether a Service is single-stack or dual-stack.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/dual-stack/
 */
export enum IpFamilyPolicy {
  /** One IP family (the API server's default for Services with a selector). */
  SINGLE_STACK = 'SingleStack',
  /** Two IP families where the cluster has them, else one. */
  PREFER_DUAL_STACK = 'PreferDualStack',
  /** Two IP families; refused on a single-stack cluster. */
  REQUIRE_DUAL_STACK = 'RequireDualStack',
}
