import { Construct, IConstruct } from 'constructs';
import { JsonObject } from '../validation/manifest';
import { exposeProps, ExposeOptions } from './expose';
import { SelectingService } from './selecting-service';
import { ServicePort } from './service-port';
import { renderVirtualIpFields, VirtualIpServiceProps } from './service-props';
import { ExternalTrafficPolicy } from './traffic-policy';
import { checkCall } from '../util/argument-shape';

/**
 * Properties of a `ClusterIpService`.
 */
export interface ClusterIpServiceProps extends VirtualIpServiceProps {
  /**
   * The ports. At least one is needed; more can be added with `addPort()`.
   *
   * @default - none yet
   */
  readonly ports?: ServicePort[];

  /**
   * How traffic arriving on `externalIps` is routed. Only allowed together with `externalIps`.
   *
   * @default ExternalTrafficPolicy.CLUSTER when externalIps are set (filled in by the API server)
   */
  readonly externalTrafficPolicy?: ExternalTrafficPolicy;
}

/**
 * A ClusterIP Service, the default kind: a virtual IP reachable from inside the cluster.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/service/#type-clusterip
 */
export class ClusterIpService extends SelectingService {
  /**
   * The one-line `kubectl expose deployment nginx --port=80`: a Service named after the
   * workload, in the workload's scope, selecting its pods.
   *
   * @param workload any construct that renders a pod template, as `ServiceSelector.fromWorkload` takes
   * @param options the port, and the Service's name when it is not the workload's
   */
  public static expose(workload: IConstruct, options: ExposeOptions): ClusterIpService {
    const { scope, id, props } = exposeProps(workload, options);
    return new ClusterIpService(scope, id, props);
  }

  constructor(scope: Construct, id: string, private readonly props: ClusterIpServiceProps = {}) {
    super(scope, id, props);
    for (const port of props.ports ?? []) this._addPort(port);
  }

  /** Adds a port. */
  public addPort(port: ServicePort): void {
    checkCall(this, 'addPort', [port]);
    this._addPort(port);
  }

  protected typeName(): string {
    return 'ClusterIP';
  }

  protected renderTypeSpec(): JsonObject {
    return renderVirtualIpFields(this.props, this.props.externalTrafficPolicy);
  }
}
