/** The known field name an unknown one was probably meant to be. */

function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}

/** A crude singular: `retries` and `retry`, `selectors` and `selector` meet. */
function singular(name: string): string {
  return name.replace(/ies$/, 'y').replace(/s$/, '');
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1, d[(i - 1) * cols + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[(i - 2) * cols + j - 2] + 1);
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1];
}

/**
 * The closest known name: the same name in another case, with `_`/`-` or in the singular or
 * plural (`targetport`, `target_port` for `targetPort`; `retry` for `retries`), else the
 * nearest by edit distance within a third of the name's length (at least 1). Undefined when
 * nothing is close.
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const wanted = normalise(name);
  const same = known.find(candidate => normalise(candidate) === wanted)
    ?? known.find(candidate => singular(normalise(candidate)) === singular(wanted));
  if (same !== undefined) return same;
  const limit = Math.max(1, Math.floor(wanted.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of known) {
    const distance = editDistance(wanted, normalise(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
