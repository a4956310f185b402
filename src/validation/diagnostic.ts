/**
 * How serious a diagnostic is.
 */
export enum Severity {
  /** The API server or Istio's webhook would refuse the object, or it cannot work as written. */
  ERROR = 'error',
  /** The object is accepted, but part of it is ignored, deprecated or likely a mistake. */
  WARNING = 'warning',
}

/**
 * One problem found in a manifest.
 */
export interface Diagnostic {
  /** Whether the problem fails validation (`error`) or is only reported (`warning`). */
  readonly severity: Severity;

  /** Stable code of the rule that found the problem, for example `SVC014`. */
  readonly code: string;

  /** Short kebab-case name of the rule, for example `node-port-range`. */
  readonly rule: string;

  /** What is wrong, the value received and what is allowed. */
  readonly message: string;

  /** Field path inside the manifest, for example `spec.ports[0].nodePort`; empty for the whole object. */
  readonly path: string;

  /** The resource as `Kind/namespace/name`; the namespace is `default` when the manifest has none. */
  readonly resource: string;

  /**
   * Position of the manifest in the list given to `validateManifests()`.
   */
  readonly index: number;

  /**
   * The offending value, when there is a single one.
   *
   * @default - no single value
   */
  readonly value?: unknown;
}
