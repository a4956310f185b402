import { Construct } from 'constructs';
import * as kplus from 'cdk8s-plus-28';
import { JsonObject } from '../validation/manifest';
import { exposeProps, NodePortExposeOptions } from './expose';
import { NodePortService, NodePortServiceProps } from './node-port-service';
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
 * A LoadBalancer Service: a NodePort Service with an external load balancer in front.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/service/#loadbalancer
 */
export class LoadBalancerService extends NodePortService {
  /**
   * The one-line `kubectl expose deployment nginx --port=80 --type=LoadBalancer`.
   */
  public static expose(workload: kplus.AbstractPod, options: NodePortExposeOptions): LoadBalancerService {
    const { scope, id, props } = exposeProps(workload, options);
    return new LoadBalancerService(scope, id, props);
  }

  constructor(scope: Construct, id: string, private readonly lbProps: LoadBalancerServiceProps = {}) {
    super(scope, id, lbProps);
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
