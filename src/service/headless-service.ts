import { Construct } from 'constructs';
import { JsonObject } from '../validation/manifest';
import { compact } from '../util/json';
import { SelectingService } from './selecting-service';
import { ServicePort } from './service-port';
import { renderSelectingFields, SelectingServiceProps } from './service-props';
import { checkCall } from '../util/argument-shape';

/**
 * Properties of a `HeadlessService`.
 */
export interface HeadlessServiceProps extends SelectingServiceProps {
  /**
   * The ports. A headless Service may have none (DNS only).
   *
   * @default - none
   */
  readonly ports?: ServicePort[];
}

/**
 * A headless ClusterIP Service (`clusterIP: None`): no virtual IP and no proxying; DNS
 * returns the pod addresses directly. The usual companion of a StatefulSet.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/service/#headless-services
 */
export class HeadlessService extends SelectingService {
  constructor(scope: Construct, id: string, private readonly props: HeadlessServiceProps = {}) {
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
    return compact({ clusterIP: 'None', ...renderSelectingFields(this.props) });
  }
}
