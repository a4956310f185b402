/**
 * The few shapes of ajv this layer uses, declared here so that nothing depends on ajv's
 * typings: ajv runs only when the validators are generated (scripts/), never in the library.
 */

/** One error as ajv reports it. */
export interface AjvError {
  readonly keyword: string;
  /** JSON pointer to the value (`/spec/ports/0/port`). */
  readonly instancePath: string;
  /** Where in the schema; from the schema root for runtime-compiled validators. */
  readonly schemaPath: string;
  readonly params: { readonly [name: string]: unknown };
  /** With ajv's `verbose` option: the keyword's value (the `oneOf` list...). */
  readonly schema?: unknown;
  /** With ajv's `verbose` option: the schema holding the keyword. */
  readonly parentSchema?: unknown;
}

/** A compiled validate function: true when valid, else false with `errors` set. */
export interface AjvValidateFunction {
  (data: unknown): boolean;
  errors?: readonly AjvError[] | null;
}

/**
 * Validates one kind of manifest against its schema without throwing. The errors' instance
 * paths start at the manifest root; an empty list means valid.
 */
export interface SchemaValidator {
  validate(manifest: { readonly [key: string]: unknown }): readonly AjvError[];
  /**
   * Whether `schemaPath` runs from the schema root, so that errors inside a `oneOf` branch can
   * be told apart by `/oneOf/` in it (the Istio spec, compiled as one schema). The validators
   * of kubernetes-models restart schema paths in each referenced schema.
   */
  readonly rootSchemaPaths: boolean;
}

/** Prefixes the instance paths of errors from a validator run on a part of the manifest. */
export function underPointer(prefix: string, errors: readonly AjvError[] | null | undefined): AjvError[] {
  return (errors ?? []).map(error => ({ ...error, instancePath: prefix + error.instancePath }));
}
