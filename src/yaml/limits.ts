/**
 * What a document read from YAML may hold before anything walks it: a bounded expansion of its
 * aliases, a bounded depth, and only numbers JSON can carry.
 *
 * The readers share the node an alias points to instead of copying it, so reading is linear,
 * but every later walk (rules, printers) would visit an aliased node once per reference: a
 * 600-byte "billion laughs" file is a billion nodes. go-yaml v2 refuses such a document
 * ("document contains excessive aliasing", decode.go `allowedAliasRatio`); this check refuses it
 * as soon as the expansion passes a node budget, walking the tree without recursion.
 */

/** Nodes a document may expand to through aliases (go-yaml's ratio rule allows about 4 million at most). */
export const ALIAS_NODE_BUDGET = 1_000_000;
/**
 * How deep a document may nest. go-yaml stops at 10,000 levels; Kubernetes objects nest a few
 * dozen, and the rules and printers that follow walk by depth, so this reader stops sooner.
 */
export const MAX_DEPTH = 1_000;

/**
 * What is wrong with a document's tree, or undefined. On the way it gives back to each mapping
 * a `__proto__` key that a `<<` merge made its prototype (js-yaml 4.1.0 merges by assignment):
 * the key becomes an own property again and the prototype Object.prototype, as go-yaml reads it.
 *
 * @param mayShare whether nodes may be shared (the document was read by a reader that resolves
 * aliases); when not, nothing is counted as an alias
 */
export function treeProblem(root: unknown, mayShare = true): string | undefined {
  const seen = new Set<object>();
  let nodes = 0;
  let aliases = 0;
  // explicit stack of [value, depth]
  const values: unknown[] = [root];
  const depths: number[] = [1];
  while (values.length > 0) {
    const value = values.pop();
    const depth = depths.pop() as number;
    nodes++;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return `the number ${String(value)} (.nan or .inf) cannot be sent to Kubernetes: sigs.k8s.io/yaml refuses it ("json: unsupported value"); quote it if a string is meant`;
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (mayShare) {
      if (seen.has(value)) aliases++;
      else seen.add(value);
      if (!Array.isArray(value)) restoreProtoKey(value);
    }
    if (aliases > 0 && nodes > ALIAS_NODE_BUDGET) {
      return `document contains excessive aliasing: its aliases expand to more than ${ALIAS_NODE_BUDGET.toLocaleString('en-US')} nodes (Kubernetes' YAML reader refuses such documents too)`;
    }
    if (depth > MAX_DEPTH) return `the document nests more than ${MAX_DEPTH.toLocaleString('en-US')} levels deep`;
    const children = Array.isArray(value) ? value : Object.values(value);
    for (let i = children.length - 1; i >= 0; i--) {
      values.push(children[i]);
      depths.push(depth + 1);
    }
  }
  return undefined;
}

/** Makes a prototype set through a `__proto__` key an own `__proto__` key again. */
function restoreProtoKey(value: object): void {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) return;
  Object.setPrototypeOf(value, Object.prototype);
  if (!Object.prototype.hasOwnProperty.call(value, '__proto__')) {
    Object.defineProperty(value, '__proto__', { value: prototype, enumerable: true, writable: true, configurable: true });
  }
}
