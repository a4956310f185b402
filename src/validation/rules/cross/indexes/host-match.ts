/**
 * Istio's host overlap (`host.Name.Matches` in istio/istio `pkg/config/host/name.go`) and an
 * index that answers "which of these hosts overlap this one" without comparing every host
 * with every other.
 *
 * Two hosts overlap when they are the same name, when one is a wildcard (`*suffix`) whose
 * suffix ends the other, or when both are wildcards and the suffix of one ends the other's.
 * `*` overlaps every host. The comparison is on characters, as upstream: `*example.com`
 * covers `myexample.com`.
 */

/** Hosts longer than this are not valid DNS names; they are matched as written only. */
const MAX_HOST_LENGTH = 255;

/** How many hosts a malformed wildcard query (see {@link HostMatcher.overlapping}) compares itself with. */
export const MAX_SCAN = 1000;

/** Whether two hosts overlap, as Istio's `host.Name.Matches` decides. */
export function hostsOverlap(a: string, b: string): boolean {
  const aWild = a.startsWith('*');
  const bWild = b.startsWith('*');
  if (aWild && bWild) return a.length < b.length ? b.slice(1).endsWith(a.slice(1)) : a.slice(1).endsWith(b.slice(1));
  if (aWild) return b.endsWith(a.slice(1));
  if (bWild) return a.endsWith(b.slice(1));
  return a === b;
}

/** One host added to a {@link HostMatcher}, with what it stands for. */
export interface MatchedHost<T> {
  readonly host: string;
  readonly value: T;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Hosts (names and wildcards) with a value each, indexed so that {@link HostMatcher.overlapping}
 * costs a few map lookups per query (at most one per distinct wildcard length, and per label
 * of the query), never a scan of every host. Adding a host costs one map entry per label.
 */
export class HostMatcher<T> {
  /** Names that are not wildcards. */
  private readonly exact = new Map<string, Array<MatchedHost<T>>>();
  /** Wildcards by their suffix (`*.example.com` under `.example.com`, `*` under ``). */
  private readonly wildcards = new Map<string, Array<MatchedHost<T>>>();
  /** The distinct lengths of the wildcard suffixes. */
  private readonly wildcardLengths = new Set<number>();
  /**
   * Every host (a wildcard by its suffix) under itself and each of its suffixes that starts with
   * a dot; built on the first wildcard query, since most sets never ask one.
   */
  private suffixIndex: Map<string, Array<MatchedHost<T>>> | undefined;
  private readonly all: Array<MatchedHost<T>> = [];

  /** Adds a host; the empty string is ignored. */
  public add(host: string, value: T): void {
    if (host === '') return;
    const item = { host, value };
    this.all.push(item);
    if (!host.startsWith('*') || host.length > MAX_HOST_LENGTH) {
      push(this.exact, host, item);
    } else {
      push(this.wildcards, host.slice(1), item);
      this.wildcardLengths.add(host.length - 1);
    }
    if (this.suffixIndex) this.addSuffixes(this.suffixIndex, item);
  }

  private addSuffixes(index: Map<string, Array<MatchedHost<T>>>, item: MatchedHost<T>): void {
    if (item.host.length > MAX_HOST_LENGTH) return;
    const name = item.host.startsWith('*') ? item.host.slice(1) : item.host;
    push(index, name, item);
    for (let dot = name.indexOf('.', 1); dot >= 0; dot = name.indexOf('.', dot + 1)) {
      push(index, name.slice(dot), item);
    }
  }

  private get suffixes(): Map<string, Array<MatchedHost<T>>> {
    if (!this.suffixIndex) {
      const index = new Map<string, Array<MatchedHost<T>>>();
      for (const item of this.all) this.addSuffixes(index, item);
      this.suffixIndex = index;
    }
    return this.suffixIndex;
  }

  /** Whether no host was added. */
  public get isEmpty(): boolean {
    return this.all.length === 0;
  }

  /**
   * The hosts that overlap `query` ({@link hostsOverlap}), each once, in the order they were
   * added to their bucket; at most `limit` of them when a limit is given. A query longer than
   * 255 characters only finds itself.
   *
   * A wildcard query whose suffix does not start with a dot (`*example.com`, which Istio's
   * validation rejects) compares itself with at most {@link MAX_SCAN} of the hosts sharing its
   * last labels, so that such input cannot make a set rule quadratic.
   */
  public overlapping(query: string, limit: number = Number.POSITIVE_INFINITY): Array<MatchedHost<T>> {
    if (query === '' || this.all.length === 0 || limit <= 0) return [];
    if (query.length > MAX_HOST_LENGTH) return (this.exact.get(query) ?? []).slice(0, limit);
    const found = new Set<MatchedHost<T>>();
    const add = (items: ReadonlyArray<MatchedHost<T>> | undefined): boolean => {
      for (const item of items ?? []) {
        found.add(item);
        if (found.size >= limit) return true;
      }
      return false;
    };
    const wildcard = query.startsWith('*');
    const name = wildcard ? query.slice(1) : query;
    // wildcards whose suffix ends the query (or the query's suffix)
    for (const length of this.wildcardLengths) {
      if (length <= name.length && add(this.wildcards.get(name.slice(name.length - length)))) return [...found];
    }
    if (!wildcard) {
      add(this.exact.get(query));
    } else if (name === '') {
      add(this.all);
    } else {
      // names and longer wildcards that end with the query's suffix
      const dot = name.indexOf('.');
      if (dot === 0) {
        add(this.suffixes.get(name));
      } else {
        const candidates = (dot > 0 ? this.suffixes.get(name.slice(dot)) : this.all) ?? [];
        for (let i = 0; i < candidates.length && i < MAX_SCAN && found.size < limit; i++) {
          const item = candidates[i];
          const itemName = item.host.startsWith('*') ? item.host.slice(1) : item.host;
          if (itemName.endsWith(name)) found.add(item);
        }
      }
    }
    return [...found];
  }
}
