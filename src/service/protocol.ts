/**
 * Network protocol of a Service port.
 */
export enum Protocol {
  /** TCP, the default. */
  TCP = 'TCP',
  /** UDP. */
  UDP = 'UDP',
  /** SCTP. */
  SCTP = 'SCTP',
}
