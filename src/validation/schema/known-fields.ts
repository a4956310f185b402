/**
 * The known-field tree of each kind the schema rules check: the generated trees, with the
 * VirtualService fields Istio added after 1.18 (istio-supplement.ts).
 */
import { ENDPOINT_SLICE, SERVICE, VIRTUAL_SERVICE_V1, VIRTUAL_SERVICE_V1ALPHA3, VIRTUAL_SERVICE_V1BETA1 } from '../kinds';
import { FieldTree } from './field-tree';
import { ISTIO_SCHEMA_PATCHES, SchemaNode, SchemaPatch } from './istio-supplement';
import {
  ENDPOINT_SLICE_FIELDS, SERVICE_FIELDS, VIRTUAL_SERVICE_V1ALPHA3_FIELDS, VIRTUAL_SERVICE_V1BETA1_FIELDS,
} from './known-fields.generated';

type MutableTree = 0 | { [field: string]: MutableTree };

/** The field tree of a schema fragment: objects with properties are walked, the rest is a leaf. */
function treeOfSchema(node: SchemaNode): MutableTree {
  if (node.items) return treeOfSchema(node.items);
  if (!node.properties) return 0;
  const tree: { [field: string]: MutableTree } = {};
  for (const [field, child] of Object.entries(node.properties)) tree[field] = treeOfSchema(child);
  return tree;
}

function copyTree(tree: FieldTree): MutableTree {
  if (tree === 0) return 0;
  const copy: { [field: string]: MutableTree } = {};
  for (const [field, child] of Object.entries(tree)) copy[field] = copyTree(child);
  return copy;
}

/** Adds the new fields of the patches to a VirtualService tree (a copy; the generated one is shared). */
export function supplementTree(tree: FieldTree, patches: readonly SchemaPatch[] = ISTIO_SCHEMA_PATCHES): FieldTree {
  const root = copyTree(tree);
  for (const patch of patches) {
    if (!patch.add.properties) continue;
    let node = root === 0 ? 0 : root.spec;
    for (const segment of patch.at.split('.')) {
      node = node === 0 ? 0 : node[segment.replace(/\[\]$/, '')];
      if (node === undefined) node = 0;
    }
    if (node === 0) throw new Error(`istio field supplement: no object at spec.${patch.at}`);
    for (const [field, child] of Object.entries(patch.add.properties)) node[field] = treeOfSchema(child);
  }
  return root;
}

const VIRTUAL_SERVICE_FIELDS = supplementTree(VIRTUAL_SERVICE_V1BETA1_FIELDS);
const V1ALPHA3_FIELDS = VIRTUAL_SERVICE_V1ALPHA3_FIELDS === VIRTUAL_SERVICE_V1BETA1_FIELDS
  ? VIRTUAL_SERVICE_FIELDS
  : supplementTree(VIRTUAL_SERVICE_V1ALPHA3_FIELDS);

const TREES: ReadonlyMap<string, FieldTree> = new Map([
  [SERVICE, SERVICE_FIELDS],
  [ENDPOINT_SLICE, ENDPOINT_SLICE_FIELDS],
  // The models have no v1; Istio serves the same schema under all three versions.
  [VIRTUAL_SERVICE_V1, VIRTUAL_SERVICE_FIELDS],
  [VIRTUAL_SERVICE_V1BETA1, VIRTUAL_SERVICE_FIELDS],
  [VIRTUAL_SERVICE_V1ALPHA3, V1ALPHA3_FIELDS],
]);

/** The known fields of an `apiVersion/kind`, or undefined for kinds the schema layer does not know. */
export function knownFieldsFor(typeKey: string): FieldTree | undefined {
  return TREES.get(typeKey);
}
