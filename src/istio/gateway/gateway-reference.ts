import { TrafficValidationError } from '../../validation/errors';
import { describeValue, VALUE_KIND_CODE } from '../../util/typed-value';

/**
 * A gateway a VirtualService binds its routes to: a `Gateway` construct,
 * `GatewayReference.named('istio-ingress/public')`, or `GatewayReference.MESH` (every sidecar).
 */
export interface IGatewayReference {
  /** The gateway as a VirtualService's `gateways` names it: `<namespace>/<name>`, or `mesh`. */
  readonly gatewayName: string;
}

/**
 * A gateway by name, for gateways not defined in this app, and the mesh.
 */
export class GatewayReference implements IGatewayReference {
  /** The reserved gateway `mesh`: every sidecar in the mesh. List it beside a gateway to keep routing in-mesh traffic. */
  public static readonly MESH: IGatewayReference = new GatewayReference('mesh');

  /**
   * A gateway by the name a VirtualService writes: `<namespace>/<name>`, or a name alone for
   * a gateway in the VirtualService's namespace.
   */
  public static named(gatewayName: string): IGatewayReference {
    return new GatewayReference(gatewayName);
  }

  /**
   * A gateway by name and namespace.
   *
   * @param name the Gateway's `metadata.name`
   * @param gatewayNamespace the Gateway's namespace
   */
  public static of(name: string, gatewayNamespace: string): IGatewayReference {
    return new GatewayReference(`${gatewayNamespace}/${name}`);
  }

  private constructor(public readonly gatewayName: string) {}
}

/**
 * The `gateways` entry of a gateway reference given for `field`; a plain string or another
 * value (from JavaScript or another jsii language) is refused with TRF012.
 * @internal
 */
export function renderGatewayReference(reference: IGatewayReference, field: string): string {
  const name = (reference as unknown as { gatewayName?: unknown } | null | undefined)?.gatewayName;
  if (typeof reference !== 'object' || reference === null || typeof name !== 'string') {
    throw new TrafficValidationError(VALUE_KIND_CODE,
      `${field} expects a gateway reference, got ${describeValue(reference)}: pass a Gateway construct, GatewayReference.named('istio-ingress/public') or GatewayReference.MESH`);
  }
  return name;
}
