/**
 * Turns ajv's JSON-pointer instance paths (`/spec/ports/0/port`) into this library's field
 * paths (`spec.ports[0].port`, map keys as `metadata.labels["app"]`).
 */
import { FieldTree, isMapNode } from './field-tree';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Fields of small wrapper objects, named with their parent in messages: `port.number`, `percentage.value`. */
const WRAPPED_FIELDS = new Set(['number', 'value']);

/** A field path and what a message calls the field. */
export interface FieldLocation {
  /** `spec.ports[0].port`; empty for the whole object. */
  readonly path: string;
  /** The last field with its indexes or keys, for messages: `port`, `hosts[0]`, `labels["app"]`, `port.number`, `ports[0].number`. */
  readonly label: string;
  /** The value at the path (undefined when the path leads nowhere). */
  readonly value: unknown;
}

/** Appends a field to a path: `a.b`, or `a["b/c"]` for names that are not identifiers. */
export function fieldPath(parent: string, field: string): string {
  if (!IDENTIFIER.test(field)) return keyPath(parent, field);
  return parent === '' ? field : `${parent}.${field}`;
}

/** Appends a map key to a path: `base["key"]`, the key JSON-quoted. */
export function keyPath(parent: string, key: string): string {
  return `${parent}[${JSON.stringify(key)}]`;
}

function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * Walks a JSON pointer through the manifest and its field tree. Array entries become
 * `[i]`; keys of maps and of free-form objects become `["key"]`; known fields become `.field`.
 */
export function locate(root: unknown, tree: FieldTree, pointer: string): FieldLocation {
  let path = '';
  let label = '';
  let value = root;
  let node = tree;
  if (pointer === '') return { path, label, value };
  for (const raw of pointer.slice(1).split('/')) {
    const token = unescapeToken(raw);
    if (Array.isArray(value)) {
      path = `${path}[${token}]`;
      label = `${label}[${token}]`;
      value = value[Number(token)];
      continue;
    }
    const isField = node !== 0 && !isMapNode(node) && Object.prototype.hasOwnProperty.call(node, token);
    if (isField || (node !== 0 && !isMapNode(node) && IDENTIFIER.test(token))) {
      path = fieldPath(path, token);
      // `port.number`; `ports[0].number` in a list of ports
      label = !IDENTIFIER.test(token) ? keyPath('', token) : WRAPPED_FIELDS.has(token) && label ? `${label}.${token}` : token;
      node = isField ? (node as { readonly [field: string]: FieldTree })[token] : 0;
    } else {
      path = keyPath(path, token);
      label = keyPath(label, token);
      node = isMapNode(node) ? node['*'] : 0;
    }
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[token] : undefined;
  }
  return { path, label, value };
}
