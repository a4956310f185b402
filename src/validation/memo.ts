/**
 * Per-manifest memoisation for what many rules read (a VirtualService's routes, a Service's
 * type): computed once per manifest and validation run instead of once per rule.
 */

let run: object = {};

/** Starts a validation run: values memoised in earlier runs are not reused. */
export function beginRun(): void {
  run = {};
}

/** Wraps a reader of a manifest so it is computed once per manifest object and run. */
export function memoizePerManifest<T>(read: (manifest: unknown) => T): (manifest: unknown) => T {
  const cache = new WeakMap<object, { run: object; value: T }>();
  return manifest => {
    if (typeof manifest !== 'object' || manifest === null) return read(manifest);
    const hit = cache.get(manifest);
    if (hit !== undefined && hit.run === run) return hit.value;
    const value = read(manifest);
    cache.set(manifest, { run, value });
    return value;
  };
}
