import { Construct } from 'constructs';
import { ServiceSelector } from '../selector/service-selector';
import { ServiceBase, ServiceDefinition } from './service-base';
import { SelectingServiceProps } from './service-props';
import { checkCall } from '../util/argument-shape';

/**
 * The Services that send traffic to selected pods: every type but ExternalName.
 */
export abstract class SelectingService extends ServiceBase {
  protected constructor(scope: Construct, id: string, props: SelectingServiceProps, definition?: ServiceDefinition) {
    super(scope, id, props, definition);
    if (props.selector) this._select(props.selector);
  }

  /**
   * Adds pods to select: the labels of every selector are combined, and a pod must carry all
   * of them. (Named after `addPort`; `select` is a reserved word in Go.)
   *
   * @param selector labels, or a workload whose pods to select
   */
  public addSelector(selector: ServiceSelector): void {
    checkCall(this, 'addSelector', [selector]);
    this._select(selector);
  }
}
