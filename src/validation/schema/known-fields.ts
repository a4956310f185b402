/**
 * The known-field tree of each kind the schema rules check: the generated trees, with the
 * fields Istio added after 1.18 to each Istio kind (istio-supplement/).
 */
import { ENDPOINT_SLICE, SERVICE } from '../kinds';
import { FieldTree } from './field-tree';
import { ISTIO_KINDS, ISTIO_SCHEMA_PATCHES, ISTIO_TYPE_KEYS, IstioKind, SchemaNode, SchemaPatch } from './istio-supplement';
import {
  DESTINATION_RULE_V1ALPHA3_FIELDS, DESTINATION_RULE_V1BETA1_FIELDS, ENDPOINT_SLICE_FIELDS, GATEWAY_V1ALPHA3_FIELDS,
  GATEWAY_V1BETA1_FIELDS, SERVICE_ENTRY_V1ALPHA3_FIELDS, SERVICE_ENTRY_V1BETA1_FIELDS, SERVICE_FIELDS,
  VIRTUAL_SERVICE_V1ALPHA3_FIELDS, VIRTUAL_SERVICE_V1BETA1_FIELDS,
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

/**
 * Adds the new fields of the patches to an Istio kind's tree (a copy; the generated one is
 * shared). Patches without new fields (required fields, ranges, limits) leave it as it is.
 */
export function supplementTree(tree: FieldTree, patches: readonly SchemaPatch[]): FieldTree {
  const root = copyTree(tree);
  for (const patch of patches) {
    if (!patch.add.properties) continue;
    let node = root === 0 ? 0 : root.spec;
    for (const segment of patch.at === '' ? [] : patch.at.split('.')) {
      const field = segment.replace(/(\[\]|\{\})$/, '');
      node = node === 0 || node === undefined || !Object.prototype.hasOwnProperty.call(node, field) ? 0 : node[field];
      // map values: `{ '*': subtree }` when they are objects
      if (segment.endsWith('{}')) node = node === 0 || !Object.prototype.hasOwnProperty.call(node, '*') ? 0 : node['*'];
    }
    if (node === 0 || node === undefined) throw new Error(`istio field supplement: no object at spec.${patch.at}`);
    for (const [field, child] of Object.entries(patch.add.properties)) node[field] = treeOfSchema(child);
  }
  return root;
}

/** The generated trees of each Istio kind: v1beta1 and v1alpha3 (the models have no v1). */
const GENERATED: { readonly [kind in IstioKind]: { readonly v1beta1: FieldTree; readonly v1alpha3: FieldTree } } = {
  VirtualService: { v1beta1: VIRTUAL_SERVICE_V1BETA1_FIELDS, v1alpha3: VIRTUAL_SERVICE_V1ALPHA3_FIELDS },
  DestinationRule: { v1beta1: DESTINATION_RULE_V1BETA1_FIELDS, v1alpha3: DESTINATION_RULE_V1ALPHA3_FIELDS },
  Gateway: { v1beta1: GATEWAY_V1BETA1_FIELDS, v1alpha3: GATEWAY_V1ALPHA3_FIELDS },
  ServiceEntry: { v1beta1: SERVICE_ENTRY_V1BETA1_FIELDS, v1alpha3: SERVICE_ENTRY_V1ALPHA3_FIELDS },
};

/** `apiVersion/kind` keys of an Istio kind with their trees; v1 is v1beta1's (Istio serves one schema under all three). */
function istioTrees(kind: IstioKind): Array<[string, FieldTree]> {
  const generated = GENERATED[kind];
  const v1beta1 = supplementTree(generated.v1beta1, ISTIO_SCHEMA_PATCHES[kind]);
  const v1alpha3 = generated.v1alpha3 === generated.v1beta1 ? v1beta1 : supplementTree(generated.v1alpha3, ISTIO_SCHEMA_PATCHES[kind]);
  return ISTIO_TYPE_KEYS[kind].map((key): [string, FieldTree] => [key, key.startsWith('networking.istio.io/v1alpha3/') ? v1alpha3 : v1beta1]);
}

const TREES: ReadonlyMap<string, FieldTree> = new Map([
  [SERVICE, SERVICE_FIELDS],
  [ENDPOINT_SLICE, ENDPOINT_SLICE_FIELDS],
  ...ISTIO_KINDS.flatMap(istioTrees),
]);

/** The known fields of an `apiVersion/kind`, or undefined for kinds the schema layer does not know. */
export function knownFieldsFor(typeKey: string): FieldTree | undefined {
  return TREES.get(typeKey);
}
