import { ApiObject } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { Diagnostic } from './diagnostic';
import { knownCodes, ruleCatalogue, RuleInfo, validateManifests } from './engine';
import { TrafficValidationError } from './errors';
import { describeValue } from '../util/typed-value';
import { SUPPRESS_ANNOTATION, annotationCodes, selectRules } from './suppression';
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

  /**
   * Suppresses rules for every object `scope` generates (a Service, a Canary's two objects, a
   * whole chart): adds the codes to each object's annotation `cdk8s-traffic.io/suppress`,
   * keeping codes already there. The CLI and the cdk8s plugin read the same annotation, so the
   * output validates the same way. Use `ContextKeys.DISABLE` to turn a rule off app-wide.
   *
   * @param scope the construct whose objects (its own and those below it) skip the rules
   * @param codes rule codes such as `XR004`; a code no rule has, or a TRF code, is refused
   */
  public static suppress(scope: IConstruct, codes: string[]): void {
    if (!Construct.isConstruct(scope)) {
      throw new TrafficValidationError('TRF004', `Validation.suppress() expects a construct as its scope, got ${describeValue(scope)}`);
    }
    const valid = suppressibleCodes(codes);
    for (const construct of scope.node.findAll()) {
      if (!ApiObject.isApiObject(construct)) continue;
      const annotations = (construct.metadata.toJson() as { annotations?: Record<string, unknown> }).annotations;
      const current = annotations?.[SUPPRESS_ANNOTATION];
      const merged = new Set([...(annotationCodes(current) ?? []), ...valid]);
      construct.metadata.addAnnotation(SUPPRESS_ANNOTATION, [...merged].join(','));
    }
  }

  private constructor() {}
}

/** The codes, checked as `disable` checks them; the message names `Validation.suppress()`. */
function suppressibleCodes(codes: unknown): string[] {
  if (!Array.isArray(codes)) {
    throw new TrafficValidationError('TRF004', `Validation.suppress() codes expects a list of rule codes such as ["XR004"], got ${describeValue(codes)}`);
  }
  selectRules(codes, undefined, knownCodes(), { disable: 'Validation.suppress() codes', enable: '' });
  return codes.map(code => String(code).trim().toUpperCase());
}
