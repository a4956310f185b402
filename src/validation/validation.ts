import { Diagnostic } from './diagnostic';
import { ruleCatalogue, RuleInfo, validateManifests } from './engine';
import { formatCheckedDiagnostic } from './api-arguments';
import { ValidationOptions } from './options';

/**
 * The rule engine as static methods: what `validateManifests()`, `ruleCatalogue()` and
 * `formatDiagnostic()` do in TypeScript, reachable from every jsii language (jsii does not
 * publish free functions).
 */
export class Validation {
  /**
   * Checks manifests (plain objects, as parsed from YAML or rendered by `chart.toJson()`) with
   * every rule: each manifest on its own, then the set as a whole. Kinds no rule knows are
   * skipped. Diagnostics come in input order, per-manifest rules first.
   */
  public static validateManifests(manifests: any[], options?: ValidationOptions): Diagnostic[] {
    return validateManifests(manifests, options);
  }

  /** Every rule the engine runs, in code order. */
  public static ruleCatalogue(): RuleInfo[] {
    return ruleCatalogue();
  }

  /** One line for a diagnostic: `SVC014 spec.ports[0].nodePort: message (node-port-range)`. */
  public static formatDiagnostic(diagnostic: Diagnostic): string {
    return formatCheckedDiagnostic(diagnostic);
  }

  private constructor() {}
}
