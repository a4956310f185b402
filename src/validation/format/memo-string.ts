/**
 * Memoises a check of a string (a host name, a label key): manifests repeat the same values
 * (a VirtualService names its host in `hosts` and in every destination). The cache is bounded;
 * callers must not mutate the returned lists.
 */
export function memoizeString<T>(check: (value: string) => T, limit = 10000): (value: string) => T {
  let cache = new Map<string, T>();
  return value => {
    const hit = cache.get(value);
    if (hit !== undefined) return hit;
    const result = check(value);
    if (cache.size >= limit) cache = new Map();
    cache.set(value, result);
    return result;
  };
}
