import { NodePortRange } from './node-port-range';
import { RuleSelection } from './suppression';

/**
 * Settings of the cluster the manifests are validated for, and which rules run.
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

  /**
   * Rule codes not to run, for example `['XR004', 'SVC049']`. A code no rule has is refused.
   * One object can also suppress rules with the annotation `cdk8s-traffic.io/suppress`.
   *
   * @default - every rule runs
   */
  readonly disable?: string[];

  /**
   * The only rule codes to run, for example `['SVC014']`; `disable` still applies.
   *
   * @default - every rule runs
   */
  readonly enable?: string[];
}

/** Options with every default filled in; what rules receive. */
export interface ResolvedOptions {
  readonly nodePortRange: NodePortRange;
  readonly clusterDomain: string;
  /** Which rules report; every rule when absent (constructs build their own options). */
  readonly rules?: RuleSelection;
}

/**
 * Fills in the defaults. `select` turns `disable` and `enable` into a rule selection (the engine
 * checks them against every rule code); without it they are not read.
 */
export function resolveOptions(options: ValidationOptions = {}, select?: (disable: unknown, enable: unknown) => RuleSelection): ResolvedOptions {
  return {
    nodePortRange: options.nodePortRange ?? NodePortRange.DEFAULT,
    clusterDomain: (options.clusterDomain ?? 'cluster.local').replace(/\.$/, ''),
    ...(select ? { rules: select(options.disable, options.enable) } : {}),
  };
}
