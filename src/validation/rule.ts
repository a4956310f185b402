import { Severity } from './diagnostic';
import { JsonObject } from './manifest';
import { ResolvedOptions } from './options';

/** What a rule uses to report and to read the cluster settings. */
export interface RuleContext {
  readonly options: ResolvedOptions;
  /**
   * Reports one problem at a field path (`spec.ports[0].nodePort`).
   * @param value the offending value, when there is one
   */
  report(path: string, message: string, value?: unknown): void;
}

/**
 * A rule over one manifest. Each rule has one code and one severity; the same function
 * serves the constructs at synth, `validateManifests()` and the CLI.
 */
export interface ManifestRule {
  /** Stable code, for example `SVC014`. */
  readonly code: string;
  /** Short kebab-case name, for example `node-port-range`. */
  readonly name: string;
  readonly severity: Severity;
  /** `apiVersion/kind` keys the rule applies to, for example `v1/Service`. */
  readonly appliesTo: readonly string[];
  /** One sentence for the rule catalogue, with the upstream function behind it. */
  readonly description: string;
  /**
   * The codes of the upstream checks this rule corresponds to, for example
   * `['IST0101', 'KIA1107']` (istioctl analyze, Kiali); empty when there is none.
   */
  readonly upstream?: readonly string[];
  check(manifest: JsonObject, context: RuleContext): void;
}

/** A manifest in a set, with its position in the input. */
export interface ManifestEntry {
  readonly index: number;
  readonly manifest: JsonObject;
}

/** What a set rule uses to report against one manifest of the set. */
export interface SetRuleContext {
  readonly options: ResolvedOptions;
  report(entry: ManifestEntry, path: string, message: string, value?: unknown): void;
}

/**
 * A rule over the whole set of manifests, as a cluster or mesh sees them together
 * (for example duplicate node ports across Services). Must be linear in the set size.
 */
export interface SetRule {
  readonly code: string;
  readonly name: string;
  readonly severity: Severity;
  readonly description: string;
  /**
   * The codes of the upstream checks this rule corresponds to, for example
   * `['IST0101', 'KIA1107']` (istioctl analyze, Kiali); empty when there is none.
   */
  readonly upstream?: readonly string[];
  check(manifests: readonly ManifestEntry[], context: SetRuleContext): void;
}
