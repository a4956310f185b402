import { Construct } from 'constructs';
import * as kplus from 'cdk8s-plus-28';
import { ServiceSelector } from '../selector/service-selector';
import { Protocol } from './protocol';
import { NodePortServicePort } from './service-port';
import { TargetPort } from './target-port';

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
   * The Service's name (`--name`).
   *
   * @default - the workload's name
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

/** The scope, id and props of the Service `expose()` creates beside a workload. */
export function exposeProps(workload: kplus.AbstractPod, options: NodePortExposeOptions): ExposeProps {
  const scope = workload.node.scope as Construct;
  const namespace = workload.metadata.namespace;
  return {
    scope,
    id: `${workload.node.id}-service`,
    props: {
      metadata: { name: options.name ?? workload.name, ...(namespace ? { namespace } : {}) },
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
