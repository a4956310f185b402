import { ApiObjectMetadata } from 'cdk8s';
import { Construct } from 'constructs';
import { compact, nonEmpty } from '../util/json';
import { VirtualServiceApiVersion } from './api-version';
import { GatewayReference, IGatewayReference, renderGatewayReference } from './gateway/gateway-reference';
import { Host } from './host';
import { HttpDelegate, HttpRoute, renderHttpRoute } from './http-route';
import { renderTcpRoute, renderTlsRoute, TcpRoute, TlsRoute } from './l4-route';
import { expectInstance } from '../util/typed-value';
import { IstioObject } from './istio-object';
import { checkCall, checkProps } from '../util/argument-shape';

/** The reserved gateway `mesh`, all sidecars in the mesh (`VirtualService.MESH_GATEWAY` or `GatewayReference.MESH` in every jsii language). */
export const MESH_GATEWAY: IGatewayReference = GatewayReference.MESH;

/**
 * Properties of a `VirtualService`.
 */
export interface VirtualServiceProps {
  /**
   * Metadata: name, namespace, labels, annotations.
   *
   * @default - a name generated from the construct path, the chart's namespace
   */
  readonly metadata?: ApiObjectMetadata;

  /**
   * The API version to write.
   *
   * @default VirtualServiceApiVersion.V1
   */
  readonly apiVersion?: VirtualServiceApiVersion;

  /**
   * The hosts the routes apply to. A VirtualService without hosts is a delegate, used
   * from another VirtualService's `delegate`.
   *
   * @default - none (a delegate VirtualService)
   */
  readonly hosts?: Host[];

  /**
   * Gateways the routes apply to: Gateway constructs, `GatewayReference.named('<namespace>/<name>')`,
   * and/or `VirtualService.MESH_GATEWAY` (all sidecars).
   *
   * @default - mesh
   */
  readonly gateways?: IGatewayReference[];

  /**
   * Namespaces the VirtualService is visible to (`.` for its own, `*` for all).
   *
   * @default - all namespaces
   */
  readonly exportTo?: string[];

  /**
   * HTTP routes, tried in order. More can be added with `addHttpRoute()`.
   *
   * @default - none
   */
  readonly http?: HttpRoute[];

  /**
   * TCP routes.
   *
   * @default - none
   */
  readonly tcp?: TcpRoute[];

  /**
   * TLS routes (not terminated, routed by SNI).
   *
   * @default - none
   */
  readonly tls?: TlsRoute[];
}

/**
 * An Istio VirtualService: how requests to some hosts are routed, retried, delayed or
 * aborted. Checked at synth with the rules of Istio's validating webhook.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/
 */
export class VirtualService extends IstioObject {
  /** The reserved gateway name for all sidecars in the mesh: list it in `gateways` beside a gateway to keep routing in-mesh traffic. */
  public static readonly MESH_GATEWAY: IGatewayReference = GatewayReference.MESH;

  private readonly hosts: Host[];
  private readonly httpRoutes: HttpRoute[];
  private readonly tcpRoutes: TcpRoute[];
  private readonly tlsRoutes: TlsRoute[];

  constructor(scope: Construct, id: string, private readonly props: VirtualServiceProps = {}) {
    super(scope, id, { apiVersion: props?.apiVersion ?? VirtualServiceApiVersion.V1, kind: 'VirtualService', metadata: props?.metadata });
    checkProps(this, new.target, props);
    this.hosts = [...(props.hosts ?? [])];
    this.httpRoutes = [...(props.http ?? [])];
    this.tcpRoutes = [...(props.tcp ?? [])];
    this.tlsRoutes = [...(props.tls ?? [])];
  }

  /** Adds a host. */
  public addHost(host: Host): void {
    checkCall(this, 'addHost', [host]);
    this.hosts.push(host);
  }

  /** Adds an HTTP route after the existing ones. */
  public addHttpRoute(route: HttpRoute): void {
    checkCall(this, 'addHttpRoute', [route]);
    this.httpRoutes.push(route);
  }

  /** Adds a TCP route. */
  public addTcpRoute(route: TcpRoute): void {
    checkCall(this, 'addTcpRoute', [route]);
    this.tcpRoutes.push(route);
  }

  /** Adds a TLS route. */
  public addTlsRoute(route: TlsRoute): void {
    checkCall(this, 'addTlsRoute', [route]);
    this.tlsRoutes.push(route);
  }

  /** A reference to this VirtualService for another one's `delegate`. */
  public asDelegate(): HttpDelegate {
    return { name: this.name, namespace: this.apiObject.metadata.namespace };
  }

  /** @internal */
  protected _renderSpec(): { [key: string]: unknown } {
    return compact({
      hosts: nonEmpty(this.hosts.map((h, i) => expectInstance(h, Host, { field: `hosts[${i}]` }, "Host.of('reviews') or Host.service(service)").name)),
      gateways: nonEmpty(this.props.gateways?.map((g, i) => renderGatewayReference(g, `gateways[${i}]`))),
      exportTo: nonEmpty(this.props.exportTo),
      http: nonEmpty(this.httpRoutes.map(renderHttpRoute)),
      tcp: nonEmpty(this.tcpRoutes.map(renderTcpRoute)),
      tls: nonEmpty(this.tlsRoutes.map(renderTlsRoute)),
    });
  }
}
