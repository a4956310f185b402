/**
 * Picking resources out of a set of parsed manifests. Everything here reads defensively:
 * the manifests come from any YAML a user feeds in.
 */
import { DESTINATION_RULE, GATEWAY, SERVICE, SERVICE_ENTRY, VIRTUAL_SERVICE } from '../validation/kinds';
import { objectAt, stringAt, typeKey } from '../validation/manifest';

/** The namespace a manifest without `metadata.namespace` lands in (as `kubectl apply` does). */
export const DEFAULT_NAMESPACE = 'default';

/** Where a resource lives: its namespace (defaulted) and name. */
export interface ResourceRef {
  readonly namespace: string;
  readonly name: string;
}

/** The namespace and name of a manifest; `<unnamed>` when it has neither name nor generateName. */
export function refOf(manifest: unknown): ResourceRef {
  const metadata = objectAt(manifest, 'metadata');
  return {
    namespace: stringAt(metadata, 'namespace') || DEFAULT_NAMESPACE,
    name: stringAt(metadata, 'name') || stringAt(metadata, 'generateName') || '<unnamed>',
  };
}

/** `namespace/name`. */
export function refText(ref: ResourceRef): string {
  return `${ref.namespace}/${ref.name}`;
}

/** Orders by namespace, then name (kubectl's order for `--all-namespaces`). */
export function compareRefs(a: ResourceRef, b: ResourceRef): number {
  return compareText(a.namespace, b.namespace) || compareText(a.name, b.name);
}

/** Plain code-unit order, independent of the locale, so output is the same everywhere. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isService(manifest: unknown): boolean {
  return typeKey(manifest) === SERVICE;
}

export function isVirtualService(manifest: unknown): boolean {
  return VIRTUAL_SERVICE.includes(typeKey(manifest));
}

/** A DestinationRule in any served version (v1, v1beta1, v1alpha3). */
export function isDestinationRule(manifest: unknown): boolean {
  return DESTINATION_RULE.includes(typeKey(manifest));
}

/** An Istio Gateway (`networking.istio.io`) in any served version. */
export function isGateway(manifest: unknown): boolean {
  return GATEWAY.includes(typeKey(manifest));
}

/** A ServiceEntry in any served version. */
export function isServiceEntry(manifest: unknown): boolean {
  return SERVICE_ENTRY.includes(typeKey(manifest));
}
