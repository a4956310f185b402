import { ApiObjectMetadata } from 'cdk8s';
import { Construct } from 'constructs';
import { compact, JsonMap, nonEmpty } from '../../util/json';
import { expectInstance } from '../../util/typed-value';
import { IstioNetworkingApiVersion } from '../api-version';
import { IGatewayReference } from './gateway-reference';
import { GatewaySelector } from './gateway-selector';
import { Server } from './server';
import { IstioObject } from '../istio-object';
import { checkCall, checkProps } from '../../util/argument-shape';

/**
 * Properties of a `Gateway`.
 */
export interface GatewayProps {
  /**
   * Metadata: name, namespace, labels, annotations.
   *
   * @default - a name generated from the construct path, the chart's namespace
   */
  readonly metadata?: ApiObjectMetadata;

  /**
   * The API version to write.
   *
   * @default IstioNetworkingApiVersion.V1
   */
  readonly apiVersion?: IstioNetworkingApiVersion;

  /**
   * The gateway workloads this Gateway configures.
   *
   * @default GatewaySelector.ingressGateway() (`istio: ingressgateway`)
   */
  readonly selector?: GatewaySelector;

  /**
   * The servers: ports, protocols, hosts and TLS. More can be added with `addServer()`.
   *
   * @default - none (at least one is needed)
   */
  readonly servers?: Server[];
}

/**
 * An Istio Gateway: ports a gateway workload (an Envoy at the edge of the mesh) listens on,
 * with protocols, hosts and TLS. VirtualServices bind to it by listing it in `gateways`.
 * Checked at synth with the rules of Istio's validating webhook.
 *
 * This is Istio's `networking.istio.io` Gateway, not the Kubernetes Gateway API's.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/
 */
export class Gateway extends IstioObject implements IGatewayReference {

  private readonly selector: GatewaySelector;
  private readonly serverList: Server[];

  constructor(scope: Construct, id: string, props: GatewayProps = {}) {
    super(scope, id, { apiVersion: props?.apiVersion ?? IstioNetworkingApiVersion.V1, kind: 'Gateway', metadata: props?.metadata });
    checkProps(this, new.target, props);
    this.selector = props.selector === undefined ? GatewaySelector.ingressGateway()
      : expectInstance(props.selector, GatewaySelector, { field: 'selector', construct: this },
        'GatewaySelector.ingressGateway() or GatewaySelector.fromLabels({ ... })');
    this.serverList = [...(props.servers ?? [])];
  }

  /** The name a VirtualService's `gateways` gives this Gateway: `<namespace>/<name>`. */
  public get gatewayName(): string {
    return `${this.namespace}/${this.name}`;
  }

  /** The servers, in order (servers added later included). */
  public get servers(): Server[] {
    return [...this.serverList];
  }

  /** Adds a server. */
  public addServer(server: Server): void {
    checkCall(this, 'addServer', [server]);
    this.serverList.push(server);
  }

  /** @internal */
  protected _renderSpec(): JsonMap {
    return compact({
      selector: this.selector._render(),
      servers: nonEmpty(this.serverList.map((s, i) => expectInstance(s, Server, { field: `servers[${i}]` },
        "Server.http({ hosts: [ServerHost.of('example.com')] }), Server.https(...), Server.tcp(...) or Server.tls(...)")._render(`servers[${i}]`))),
    });
  }
}
