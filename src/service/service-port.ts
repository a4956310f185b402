import { Protocol } from './protocol';
import { TargetPort } from './target-port';

/**
 * The fields every Service port has, including on an ExternalName Service.
 */
export interface ServicePortBase {
  /**
   * The port the Service listens on.
   */
  readonly port: number;

  /**
   * The port's name, a DNS-1123 label. Required when the Service has more than one port.
   *
   * @default - no name
   */
  readonly name?: string;

  /**
   * The network protocol.
   *
   * @default Protocol.TCP (filled in by the API server)
   */
  readonly protocol?: Protocol;

  /**
   * The application protocol, as a qualified name (`http`, `kubernetes.io/h2c`).
   *
   * @see https://kubernetes.io/docs/concepts/services-networking/service/#application-protocol
   * @default - none
   */
  readonly appProtocol?: string;
}

/**
 * A port of a Service that proxies to pods (ClusterIP and headless).
 */
export interface ServicePort extends ServicePortBase {
  /**
   * The port on the pods, by number or container port name.
   *
   * @default - the same number as `port` (filled in by the API server)
   */
  readonly targetPort?: TargetPort;
}

/**
 * A port of a NodePort or LoadBalancer Service.
 */
export interface NodePortServicePort extends ServicePort {
  /**
   * The port opened on every node, within the cluster's node port range.
   *
   * @default - the cluster assigns one
   */
  readonly nodePort?: number;
}
