import { Construct, IConstruct } from 'constructs';
import { exposeProps, NodePortExposeOptions } from './expose';
import { NodePortServiceBase, NodePortServiceProps } from './node-port-service-base';

/**
 * A NodePort Service: a ClusterIP Service that is also reachable on a port of every node.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport
 */
export class NodePortService extends NodePortServiceBase {
  /**
   * The one-line `kubectl expose deployment nginx --port=80 --type=NodePort`: a Service
   * named after the workload, in the workload's scope, selecting its pods.
   *
   * @param workload any construct that renders a pod template, as `ServiceSelector.fromWorkload` takes
   * @param options the port, a fixed node port, and the Service's name when it is not the workload's
   */
  public static expose(workload: IConstruct, options: NodePortExposeOptions): NodePortService {
    const { scope, id, props } = exposeProps(workload, options);
    return new NodePortService(scope, id, props);
  }

  /**
   * Defines a NodePort Service.
   *
   * @param scope the construct scope
   * @param id the construct id
   * @param props the Service's properties
   */
  constructor(scope: Construct, id: string, props: NodePortServiceProps = {}) {
    super(scope, id, props);
  }

  protected typeName(): string {
    return 'NodePort';
  }
}
