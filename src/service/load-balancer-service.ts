import { Construct, IConstruct } from 'constructs';
import { JsonObject } from '../validation/manifest';
import { exposeProps, NodePortExposeOptions } from './expose';
import { NodePortServiceBase, NodePortServiceProps } from './node-port-service-base';
import { compact, nonEmpty } from '../util/json';

/**
 * Properties of a `LoadBalancerService`. Cloud-specific settings (internal load
 * balancers, TLS, health checks) go in `metadata.annotations`.
 */
export interface LoadBalancerServiceProps extends NodePortServiceProps {
  /**
   * Client CIDRs allowed through the load balancer, for example `203.0.113.0/24`.
   *
   * @default - open to every address (where the cloud supports restricting)
   */
  readonly loadBalancerSourceRanges?: string[];

  /**
   * The load balancer implementation to use, as a qualified name (`service.k8s.aws/nlb`).
   * Cannot be changed once set.
   *
   * @default - the cluster's default load balancer
   */
  readonly loadBalancerClass?: string;

  /**
   * Whether node ports are allocated. `false` suits load balancers that route to pods
   * directly; fixed `nodePort`s are still honoured.
   *
   * @default true (filled in by the API server)
   */
  readonly allocateLoadBalancerNodePorts?: boolean;

  /**
   * A fixed node port for the load balancer's health checks. Only with
   * `externalTrafficPolicy: LOCAL`.
   *
   * @default - the cluster assigns one when the policy is LOCAL
   */
  readonly healthCheckNodePort?: number;

  /**
   * A requested load balancer IP. Deprecated in Kubernetes since 1.24 and ignored by
   * many clouds; prefer the cloud's annotation.
   *
   * @default - the cloud assigns one
   */
  readonly loadBalancerIp?: string;
}

/**
 * A LoadBalancer Service: a NodePort Service with an external load balancer in front. It has
 * every NodePort field (it shares `NodePortServiceBase` with `NodePortService`).
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/service/#loadbalancer
 */
export class LoadBalancerService extends NodePortServiceBase {
  private readonly lbProps: LoadBalancerServiceProps;

  /**
   * The one-line `kubectl expose deployment nginx --port=80 --type=LoadBalancer`: a Service
   * named after the workload, in the workload's scope, selecting its pods.
   *
   * @param workload any construct that renders a pod template, as `ServiceSelector.fromWorkload` takes
   * @param options the port, a fixed node port, and the Service's name when it is not the workload's
   */
  public static expose(workload: IConstruct, options: NodePortExposeOptions): LoadBalancerService {
    const { scope, id, props } = exposeProps(workload, options);
    return new LoadBalancerService(scope, id, props);
  }

  /**
   * Defines a LoadBalancer Service.
   *
   * @param scope the construct scope
   * @param id the construct id
   * @param props the Service's properties
   */
  constructor(scope: Construct, id: string, props: LoadBalancerServiceProps = {}) {
    super(scope, id, props);
    this.lbProps = props;
  }

  protected typeName(): string {
    return 'LoadBalancer';
  }

  protected renderTypeSpec(): JsonObject {
    const props = this.lbProps;
    return compact({
      ...super.renderTypeSpec(),
      loadBalancerSourceRanges: nonEmpty(props.loadBalancerSourceRanges),
      loadBalancerClass: props.loadBalancerClass,
      allocateLoadBalancerNodePorts: props.allocateLoadBalancerNodePorts,
      healthCheckNodePort: props.healthCheckNodePort,
      loadBalancerIP: props.loadBalancerIp,
    });
  }
}
