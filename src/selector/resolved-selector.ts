/**
 * A problem found while turning a selector source into equality labels; the Service reports
 * it at synth against `spec.selector`, with the Service's construct path.
 * @internal
 */
export interface SelectorProblem {
  /** Stable code (SEL001 and up, or TRF002 when the workload could not be rendered). */
  readonly code: string;
  /** Kebab-case rule name. */
  readonly rule: string;
  /** What is wrong, naming the selected construct. */
  readonly message: string;
}

/**
 * The equality labels a selector resolved to, and what could not be expressed.
 * @internal
 */
export interface ResolvedSelector {
  /** Label key to value; empty when nothing could be resolved. */
  readonly labels: Record<string, string>;
  /** Problems to report at synth; empty when the selector resolved cleanly. */
  readonly problems: SelectorProblem[];
}

/** Code and rule name of "the selected construct renders no pod template". */
export const NO_POD_TEMPLATE = { code: 'SEL005', rule: 'selector-pod-template' } as const;

/** A resolved selector with no labels and one problem. */
export function unresolved(code: string, rule: string, message: string): ResolvedSelector {
  return { labels: {}, problems: [{ code, rule, message }] };
}
