import { IConstruct } from 'constructs';
import { Protocol } from './protocol';

/**
 * A port of a Service, as other constructs see it.
 */
export interface ServicePortInfo {
  /** The port the Service listens on. */
  readonly port: number;
  /**
   * The port's name.
   * @default - unnamed
   */
  readonly name?: string;
  /** The protocol (TCP when not set). */
  readonly protocol: Protocol;
  /**
   * The target port number, when it is a number.
   * @default - named target port, or the same as `port`
   */
  readonly targetPortNumber?: number;
  /**
   * The target port name, when it is a name.
   * @default - numbered target port
   */
  readonly targetPortName?: string;
  /**
   * The application protocol.
   * @default - none
   */
  readonly appProtocol?: string;
  /**
   * The fixed node port.
   * @default - none, or assigned by the cluster
   */
  readonly nodePort?: number;
}

/**
 * A Kubernetes Service that other constructs (EndpointSlices, VirtualServices) refer to.
 */
export interface IService extends IConstruct {
  /** The Service's `metadata.name`. */
  readonly name: string;
  /** The namespace the Service is in (`default` when neither the Service nor its chart sets one). */
  // jsii warns that `namespace` is a C# keyword; C# bindings PascalCase it (`Namespace`), as
  // cdk8s's own ApiObjectMetadata.namespace, and it is the Kubernetes field name (scripts/build.js).
  readonly namespace: string;
  /** The in-cluster DNS name, `<name>.<namespace>.svc.<cluster domain>`. */
  readonly dnsName: string;
  /** The Service's ports, as they will be rendered (ports added later included). */
  readonly ports: ServicePortInfo[];
}
