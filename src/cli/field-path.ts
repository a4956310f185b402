/**
 * Field paths as the rules write them: `spec.ports[0].nodePort`,
 * `metadata.labels["app.kubernetes.io/name"]` (map keys JSON-quoted in brackets).
 */

/** One step of a path: a map key or a list index. */
export type PathSegment = string | number;

/**
 * The steps of a field path. Parsing stops at the first malformed part, so a path the rules
 * never write still yields its valid prefix (positions then fall back to that ancestor).
 */
export function parseFieldPath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let i = 0;
  const n = path.length;
  while (i < n) {
    const c = path[i];
    if (c === '[') {
      if (path[i + 1] === '"') {
        const end = closingQuote(path, i + 2);
        if (end < 0 || path[end + 1] !== ']') break;
        try {
          segments.push(JSON.parse(path.slice(i + 1, end + 1)) as string);
        } catch {
          break;
        }
        i = end + 2;
      } else {
        const match = /^\[(\d+)\]/.exec(path.slice(i));
        if (!match) break;
        segments.push(Number(match[1]));
        i += match[0].length;
      }
    } else {
      if (c === '.') {
        if (segments.length === 0) break;
        i++;
      }
      let end = i;
      while (end < n && path[end] !== '.' && path[end] !== '[') end++;
      if (end === i) break;
      segments.push(path.slice(i, end));
      i = end;
    }
  }
  return segments;
}

/** Index of the `"` closing a JSON string whose content starts at `from`; -1 when none. */
function closingQuote(path: string, from: number): number {
  for (let i = from; i < path.length; i++) {
    if (path[i] === '\\') i++;
    else if (path[i] === '"') return i;
  }
  return -1;
}

/** Renders steps back into a path: `items[2].spec.ports[0]`. */
export function formatFieldPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
