import { Construct } from 'constructs';
import { JsonObject } from '../validation/manifest';
import { NodePortRange } from '../validation/node-port-range';
import { SelectingService } from './selecting-service';
import { NodePortServicePort } from './service-port';
import { renderVirtualIpFields, VirtualIpServiceProps } from './service-props';
import { ExternalTrafficPolicy } from './traffic-policy';
import { checkCall } from '../util/argument-shape';

/**
 * Properties of a `NodePortService`, and the node-port part of a `LoadBalancerService`'s.
 */
export interface NodePortServiceProps extends VirtualIpServiceProps {
  /**
   * The ports, each with a fixed `nodePort` or one the cluster assigns.
   *
   * @default - none yet
   */
  readonly ports?: NodePortServicePort[];

  /**
   * How traffic from outside the cluster is routed; `LOCAL` keeps the client source IP.
   *
   * @default ExternalTrafficPolicy.CLUSTER (filled in by the API server)
   */
  readonly externalTrafficPolicy?: ExternalTrafficPolicy;

  /**
   * The cluster's node port range, which fixed node ports must fall in.
   *
   * @default - the `cdk8s-traffic:nodePortRange` context value, else 30000-32767
   */
  readonly nodePortRange?: NodePortRange;
}

/**
 * What the Services reachable on a port of every node share: `NodePortService` and
 * `LoadBalancerService` (a NodePort Service with a load balancer in front). Node ports,
 * the node port range and the external traffic policy live here.
 *
 * The two classes extend this base rather than one another, so each can have its own static
 * `expose()` returning its own type (a static of a subclass may not change the return type of
 * its parent's static of the same name in jsii's languages).
 */
export abstract class NodePortServiceBase extends SelectingService {
  private readonly nodePortProps: NodePortServiceProps;

  protected constructor(scope: Construct, id: string, props: NodePortServiceProps) {
    super(scope, id, props, { nodePortRange: props?.nodePortRange });
    this.nodePortProps = props;
    for (const port of props.ports ?? []) this._addPort(port);
  }

  /**
   * Adds a port, with a fixed `nodePort` or one the cluster assigns.
   *
   * @param port the port to add
   */
  public addPort(port: NodePortServicePort): void {
    checkCall(this, 'addPort', [port]);
    this._addPort(port);
  }

  /** The virtual IP fields and the external traffic policy. */
  protected renderTypeSpec(): JsonObject {
    return renderVirtualIpFields(this.nodePortProps, this.nodePortProps.externalTrafficPolicy);
  }
}
