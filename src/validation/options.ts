import { NodePortRange } from './node-port-range';

/**
 * Settings of the cluster the manifests are validated for.
 */
export interface ValidationOptions {
  /**
   * The cluster's node port range.
   *
   * @default 30000-32767
   */
  readonly nodePortRange?: NodePortRange;
}

/** Options with every default filled in; what rules receive. */
export interface ResolvedOptions {
  readonly nodePortRange: NodePortRange;
}

export function resolveOptions(options: ValidationOptions = {}): ResolvedOptions {
  return { nodePortRange: options.nodePortRange ?? NodePortRange.DEFAULT };
}
