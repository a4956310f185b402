import { Construct } from 'constructs';
import * as kplus from 'cdk8s-plus-28';
import { JsonObject } from '../validation/manifest';
import { NodePortRange } from '../validation/node-port-range';
import { exposeProps, NodePortExposeOptions } from './expose';
import { SelectingService } from './selecting-service';
import { NodePortServicePort } from './service-port';
import { renderVirtualIpFields, VirtualIpServiceProps } from './service-props';
import { ExternalTrafficPolicy } from './traffic-policy';

/**
 * Properties of a `NodePortService`.
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
 * A NodePort Service: a ClusterIP Service that is also reachable on a port of every node.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport
 */
export class NodePortService extends SelectingService {
  /**
   * The one-line `kubectl expose deployment nginx --port=80 --type=NodePort`: a Service
   * named after the workload, in the workload's scope, selecting its pods.
   */
  public static expose(workload: kplus.AbstractPod, options: NodePortExposeOptions): NodePortService {
    const { scope, id, props } = exposeProps(workload, options);
    return new NodePortService(scope, id, props);
  }

  constructor(scope: Construct, id: string, private readonly props: NodePortServiceProps = {}) {
    super(scope, id, props, { nodePortRange: props.nodePortRange });
    for (const port of props.ports ?? []) this._addPort(port);
  }

  /** Adds a port. */
  public addPort(port: NodePortServicePort): void {
    this._addPort(port);
  }

  protected typeName(): string {
    return 'NodePort';
  }

  protected renderTypeSpec(): JsonObject {
    return renderVirtualIpFields(this.props, this.props.externalTrafficPolicy);
  }
}
