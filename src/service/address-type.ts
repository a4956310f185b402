/**
 * The kind of addresses an EndpointSlice carries. One slice holds one kind; a dual-stack
 * Service needs one slice per IP family.
 */
export enum AddressType {
  /** IPv4 addresses, such as `10.0.0.12`. */
  IPV4 = 'IPv4',
  /** IPv6 addresses, such as `2001:db8::12`. */
  IPV6 = 'IPv6',
  /**
   * Fully qualified domain names, such as `db.example.com`. Deprecated by Kubernetes, and
   * kube-proxy does not route Service traffic to them.
   */
  FQDN = 'FQDN',
}
