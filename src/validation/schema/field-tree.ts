/**
 * The known fields of an object type, as a nested tree (built by
 * scripts/generate-known-fields.ts, see known-fields.generated.ts).
 *
 * - `0`: nothing below is checked: a scalar, a list of scalars, an open map (labels,
 *   annotations, selector, sourceLabels...) or a free-form object.
 * - `{ field: subtree, ... }`: an object with these fields; lists of such objects use the
 *   same tree for each entry.
 * - `{ '*': subtree }`: a map with any keys whose values are objects described by `subtree`
 *   (header matches: `headers: { "x-user": { exact: ... } }`). `*` is no field name in
 *   these APIs.
 */
export type FieldTree = 0 | { readonly [field: string]: FieldTree };

/** The key of a map node's value tree. */
export const MAP_VALUES = '*';

/** Whether the node is a map with object values (`{ '*': subtree }`). */
export function isMapNode(tree: FieldTree): tree is { readonly [MAP_VALUES]: FieldTree } {
  return tree !== 0 && Object.prototype.hasOwnProperty.call(tree, MAP_VALUES);
}

/** The known field names of an object node (none for leaves and maps). */
export function fieldNames(tree: FieldTree): string[] {
  return tree === 0 || isMapNode(tree) ? [] : Object.keys(tree);
}
