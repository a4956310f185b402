/**
 * Graph node ids that are valid Mermaid ids: letters, digits and underscores, starting with a
 * kind prefix (so no id is a Mermaid keyword such as `end`, or starts with `o` or `x`), unique
 * even when two keys sanitise to the same text.
 */
export class NodeIds {
  private readonly byKey = new Map<string, string>();
  private readonly taken = new Set<string>();

  /** The id of a key, allocated on first use: `svc` + `bookinfo/reviews` -> `svc_bookinfo_reviews`. */
  public idFor(prefix: string, key: string): string {
    const full = `${prefix}:${key}`;
    const known = this.byKey.get(full);
    if (known !== undefined) return known;
    const base = `${prefix}_${sanitise(key)}`.replace(/_+$/, '');
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}_${n}`;
    this.byKey.set(full, id);
    this.taken.add(id);
    return id;
  }

  /** The id of a key that was allocated before, or undefined. */
  public existing(prefix: string, key: string): string | undefined {
    return this.byKey.get(`${prefix}:${key}`);
  }
}

/** Every run of characters other than ASCII letters and digits becomes one underscore. */
export function sanitise(text: string): string {
  return text.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}
