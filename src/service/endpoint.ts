import { Protocol } from './protocol';

/**
 * One backend of an EndpointSlice: the addresses of one pod, VM or host, and its state.
 *
 * @see https://kubernetes.io/docs/reference/kubernetes-api/service-resources/endpoint-slice-v1/
 */
export interface Endpoint {
  /**
   * The endpoint's addresses, of the slice's address type: 1 to 100, all taken to be the
   * same backend (consumers may use only the first).
   */
  readonly addresses: string[];

  /**
   * Whether the endpoint is ready for traffic (`conditions.ready`).
   *
   * @default - not set, which consumers read as ready
   */
  readonly ready?: boolean;

  /**
   * Whether the endpoint is serving, whatever its terminating state (`conditions.serving`).
   *
   * @default - not set, which consumers read as serving
   */
  readonly serving?: boolean;

  /**
   * Whether the endpoint is shutting down (`conditions.terminating`).
   *
   * @default - not set, which consumers read as not terminating
   */
  readonly terminating?: boolean;

  /**
   * A hostname for the endpoint, a DNS-1123 label; headless Services publish it in DNS
   * as `<hostname>.<service>.<namespace>.svc`.
   *
   * @default - none
   */
  readonly hostname?: string;

  /**
   * The name of the Node the endpoint runs on, for node-local traffic policies.
   *
   * @default - none
   */
  readonly nodeName?: string;

  /**
   * The zone the endpoint is in, as the Node's `topology.kubernetes.io/zone` label says.
   *
   * @default - none
   */
  readonly zone?: string;
}

/**
 * A port the endpoints of an EndpointSlice listen on. kube-proxy pairs it with the
 * Service port of the same name and protocol.
 */
export interface EndpointPort {
  /**
   * The port's name: it must equal the name of the Service port it serves.
   *
   * @default - unnamed (""), which pairs with an unnamed Service port
   */
  readonly name?: string;

  /** The port number on the endpoints, 1-65535 (the Service port's target port). */
  readonly port: number;

  /**
   * The network protocol.
   *
   * @default Protocol.TCP (filled in by the API server)
   */
  readonly protocol?: Protocol;

  /**
   * The application protocol, as a qualified name (`http`, `kubernetes.io/h2c`).
   *
   * @default - none
   */
  readonly appProtocol?: string;
}
