/**
 * The gateway workloads (Envoy proxies running as gateways) a Gateway configures.
 */
export class GatewaySelector {
  /** The default ingress gateway of an Istio installation (`istio: ingressgateway`). */
  public static ingressGateway(): GatewaySelector {
    return new GatewaySelector({ istio: 'ingressgateway' });
  }

  /** The default egress gateway of an Istio installation (`istio: egressgateway`). */
  public static egressGateway(): GatewaySelector {
    return new GatewaySelector({ istio: 'egressgateway' });
  }

  /**
   * Gateway pods carrying all of these labels (in any namespace, unless istiod restricts
   * gateways to their own).
   */
  public static fromLabels(labels: { [key: string]: string }): GatewaySelector {
    return new GatewaySelector({ ...labels });
  }

  private constructor(private readonly labels: { [key: string]: string }) {}

  /** @internal */
  public _render(): { [key: string]: string } {
    return { ...this.labels };
  }
}
