import { Construct } from 'constructs';
import { JsonObject } from '../validation/manifest';
import { ServiceBase, ServiceBaseProps } from './service-base';
import { ServicePortBase } from './service-port';
import { checkCall } from '../util/argument-shape';

/**
 * Properties of an `ExternalNameService`.
 */
export interface ExternalNameServiceProps extends ServiceBaseProps {
  /**
   * The DNS name the Service's name resolves to (a CNAME), for example `db.example.com`.
   * Must be a DNS name, not an IP address.
   */
  readonly externalName: string;

  /**
   * Ports, for documentation and for meshes that read them (Istio uses them to pick the
   * protocol). Nothing is proxied, so there is no target port or node port.
   *
   * @default - none
   */
  readonly ports?: ServicePortBase[];
}

/**
 * An ExternalName Service: a DNS alias (CNAME) for a name outside the cluster. No
 * selector, no virtual IP, no proxying.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/service/#externalname
 */
export class ExternalNameService extends ServiceBase {
  /** The CNAME target. */
  public readonly externalName: string;

  constructor(scope: Construct, id: string, props: ExternalNameServiceProps) {
    super(scope, id, props);
    this.externalName = props.externalName;
    for (const port of props.ports ?? []) this._addPort(port);
  }

  /** Adds a port. */
  public addPort(port: ServicePortBase): void {
    checkCall(this, 'addPort', [port]);
    this._addPort(port);
  }

  protected typeName(): string {
    return 'ExternalName';
  }

  protected renderTypeSpec(): JsonObject {
    return { externalName: this.externalName };
  }
}
