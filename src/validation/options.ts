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

  /**
   * The cluster's DNS domain, used to resolve VirtualService hosts such as
   * `reviews.shop.svc.cluster.local` to Services in the set.
   *
   * @default cluster.local
   */
  readonly clusterDomain?: string;
}

/** Options with every default filled in; what rules receive. */
export interface ResolvedOptions {
  readonly nodePortRange: NodePortRange;
  readonly clusterDomain: string;
}

export function resolveOptions(options: ValidationOptions = {}): ResolvedOptions {
  return {
    nodePortRange: options.nodePortRange ?? NodePortRange.DEFAULT,
    clusterDomain: (options.clusterDomain ?? 'cluster.local').replace(/\.$/, ''),
  };
}
