/**
 * Fields the schema does not know. The model validators accept them (the API server drops
 * them, or rejects them under strict field validation), so they are found by walking the
 * manifest along the known-field tree.
 */
import { show } from '../manifest';
import { FieldTree, fieldNames, isMapNode, MAP_VALUES } from './field-tree';
import { fieldPath, keyPath } from './instance-path';
import { closestName } from './suggest';

/** Known fields are listed in the message when there is no close match and at most this many. */
const MAX_LISTED = 12;

export type UnknownFieldReport = (path: string, message: string, value: unknown) => void;

function unknownFieldMessage(field: string, parent: string, known: readonly string[]): string {
  const where = parent === '' ? 'at the top level' : `in ${parent}`;
  const suggestion = closestName(field, known);
  if (suggestion !== undefined) return `unknown field ${show(field)} ${where}, did you mean ${show(suggestion)}?`;
  if (known.length > 0 && known.length <= MAX_LISTED) return `unknown field ${show(field)} ${where}; known fields: ${[...known].sort().join(', ')}`;
  return `unknown field ${show(field)} ${where}`;
}

/** A step from the root: a field name, a list index, or a map key. */
type Step = string | number | { readonly key: string };

/** Paths are rendered only for reports: walking a valid manifest builds no strings. */
function render(trail: readonly Step[]): string {
  let path = '';
  for (const step of trail) {
    path = typeof step === 'number' ? `${path}[${step}]` : typeof step === 'string' ? fieldPath(path, step) : keyPath(path, step.key);
  }
  return path;
}

/**
 * How deep the walk goes. The field trees are a few levels deep, so only lists of lists (which
 * the schema types refuse, SCH001) go deeper; they are not walked past this.
 */
const MAX_DEPTH = 64;

/**
 * Walks the manifest along the tree. Each object or list is walked once: a value reachable by
 * several paths (YAML aliases, or one object shared in code) is reported at its first path
 * only, so a few aliases cannot make the walk visit exponentially many nodes.
 */
function walk(value: unknown, tree: FieldTree, trail: Step[], report: UnknownFieldReport, seen: Set<object>): void {
  if (tree === 0 || typeof value !== 'object' || value === null || trail.length > MAX_DEPTH || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      trail.push(i);
      walk(value[i], tree, trail, report, seen);
      trail.pop();
    }
    return;
  }
  const object = value as { readonly [key: string]: unknown };
  if (isMapNode(tree)) {
    for (const key of Object.keys(object)) {
      trail.push({ key });
      walk(object[key], tree[MAP_VALUES], trail, report, seen);
      trail.pop();
    }
    return;
  }
  for (const key of Object.keys(object)) {
    if (trail.length === 0 && key === 'status') continue;
    if (Object.prototype.hasOwnProperty.call(tree, key)) {
      trail.push(key);
      walk(object[key], tree[key], trail, report, seen);
      trail.pop();
    } else {
      const parent = render(trail);
      report(fieldPath(parent, key), unknownFieldMessage(key, parent, fieldNames(tree)), object[key]);
    }
  }
}

/** Reports every field of the manifest that its tree does not know (`status` is skipped). */
export function reportUnknownFields(manifest: unknown, tree: FieldTree, report: UnknownFieldReport): void {
  walk(manifest, tree, [], report, new Set());
}
