import { Construct, IConstruct } from 'constructs';
import { NO_POD_TEMPLATE } from '../selector/resolved-selector';
import { ServiceSelector } from '../selector/service-selector';
import { findWorkloadObject } from '../selector/workload-object';
import { TrafficValidationError } from '../validation/errors';
import { Protocol } from './protocol';
import { NodePortServicePort } from './service-port';
import { ServiceBase } from './service-base';
import { TargetPort } from './target-port';
import { checkValue } from '../util/argument-shape';
import { VALUE_KIND_CODE, describeValue } from '../util/typed-value';

/**
 * Options of `expose()`, after `kubectl expose`.
 */
export interface ExposeOptions {
  /** The port the Service listens on (`--port`). */
  readonly port: number;

  /**
   * The port on the pods (`--target-port`).
   *
   * @default - the same as `port`
   */
  readonly targetPort?: TargetPort;

  /**
   * The protocol (`--protocol`).
   *
   * @default Protocol.TCP
   */
  readonly protocol?: Protocol;

  /**
   * The name of the port.
   *
   * @default - unnamed
   */
  readonly portName?: string;

  /**
   * The Service's name (`--name`). Expose one workload several times (say as NodePort and
   * as ClusterIP) by giving each Service its own name.
   *
   * @default - the workload's `metadata.name`
   */
  readonly name?: string;
}

/**
 * Options of `NodePortService.expose()` and `LoadBalancerService.expose()`.
 */
export interface NodePortExposeOptions extends ExposeOptions {
  /**
   * A fixed node port.
   *
   * @default - the cluster assigns one
   */
  readonly nodePort?: number;
}

/** Code and rule name of "expose() was asked for a Service name that is taken". */
const EXPOSE_NAME = { code: 'TRF011', rule: 'expose-unique-name' } as const;

/** @internal */
export interface ExposeProps {
  readonly scope: Construct;
  readonly id: string;
  readonly props: {
    readonly metadata: { name: string; namespace?: string };
    readonly selector: ServiceSelector;
    readonly ports: NodePortServicePort[];
  };
}

/**
 * The scope, id and props of the Service `expose()` creates beside a workload.
 *
 * The Service sits in the workload's scope. Its construct id is `<workload id>-service` when
 * it takes the workload's name, else `<workload id>-<service name>-service`, so one workload
 * can be exposed under several names; exposing the same name twice is refused (TRF011). The
 * workload's object is found now, because the Service's name and namespace are fixed when it
 * is created; its labels are read at synth.
 */
export function exposeProps(workload: IConstruct, options: NodePortExposeOptions): ExposeProps {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TrafficValidationError(VALUE_KIND_CODE, `expose() expects options, a mapping such as { port: 80 }, got ${describeValue(options)}`);
  }
  checkValue(undefined, 'expose() options', options, 'NodePortExposeOptions');
  const lookup = findWorkloadObject(workload);
  if (lookup.problem !== undefined) throw new TrafficValidationError(NO_POD_TEMPLATE.code, lookup.problem);
  const scope = workload.node.scope;
  if (!scope) throw new TrafficValidationError(NO_POD_TEMPLATE.code, 'cannot expose the root of the app: expected a workload, a Pod, or an ApiObject with spec.template, in a chart');
  const object = lookup.object;
  const name = options.name ?? object.name;
  const namespace = object.metadata.namespace;
  const id = name === object.name ? `${workload.node.id}-service` : `${workload.node.id}-${name}-service`;
  assertNameFree(scope as Construct, workload, id, name, namespace ?? 'default');
  return {
    scope: scope as Construct,
    id,
    props: {
      metadata: { name, ...(namespace ? { namespace } : {}) },
      selector: ServiceSelector.fromWorkload(workload),
      ports: [{
        port: options.port,
        targetPort: options.targetPort,
        protocol: options.protocol,
        name: options.portName,
        nodePort: options.nodePort,
      }],
    },
  };
}

/** Throws when a Service of this name and namespace, or a construct with this id, is already in the scope. */
function assertNameFree(scope: Construct, workload: IConstruct, id: string, name: string, namespace: string): void {
  const taken = scope.node.children.find(child => child instanceof ServiceBase && child.name === name && child.namespace === namespace);
  if (taken) {
    throw new TrafficValidationError(EXPOSE_NAME.code,
      `cannot expose ${workload.node.path} as Service ${JSON.stringify(name)} in namespace ${JSON.stringify(namespace)}: ${taken.node.path} already has that name; give this one another name (the name option)`);
  }
  const occupant = scope.node.tryFindChild(id);
  if (occupant) {
    throw new TrafficValidationError(EXPOSE_NAME.code,
      `cannot expose ${workload.node.path} as Service ${JSON.stringify(name)}: its construct id ${JSON.stringify(id)} is already used by ${occupant.node.path}; give the Service another name (the name option)`);
  }
}
