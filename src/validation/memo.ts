/**
 * Per-manifest memoisation for what many rules read (a VirtualService's routes, a Service's
 * type): computed once per manifest instead of once per rule.
 *
 * The engine runs every rule of one manifest before it moves on, so each reader keeps only
 * the value for the manifest it saw last: no map lookups, and nothing of earlier manifests is
 * kept alive (a map over every manifest of a large app made the collector do much more work).
 */

let run: object = {};

/** Starts a validation run: values memoised in earlier runs are not reused. */
export function beginRun(): void {
  run = {};
}

/** Wraps a reader of a manifest so it is computed once per manifest object and run. */
export function memoizePerManifest<T>(read: (manifest: unknown) => T): (manifest: unknown) => T {
  let lastManifest: unknown = undefined;
  let lastRun: object | undefined;
  let lastValue: T | undefined;
  return manifest => {
    if (typeof manifest !== 'object' || manifest === null) return read(manifest);
    if (manifest === lastManifest && lastRun === run) return lastValue as T;
    const value = read(manifest);
    lastManifest = manifest;
    lastRun = run;
    lastValue = value;
    return value;
  };
}
