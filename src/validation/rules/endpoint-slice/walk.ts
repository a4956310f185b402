/**
 * Shared readers for the EndpointSlice rules: the endpoints and ports a rule may look at,
 * with their field paths. Upstream stops checking the items of a list that is over its
 * limit (it reports only the count), so these return nothing in that case.
 */
import { JsonObject, arrayAt, isObject, objectAt, stringAt } from '../../manifest';

/** Most endpoints in one slice (`maxEndpoints`). */
export const MAX_ENDPOINTS = 1000;
/** Most addresses in one endpoint (`maxAddresses`). */
export const MAX_ADDRESSES = 100;
/** Most ports in one slice (`maxPorts`). */
export const MAX_PORTS = 20000;
/** Most zone hints, and most node hints, of one endpoint (`maxZoneHints`, `maxNodeHints`). */
export const MAX_HINTS = 8;

/** Label naming the Service a slice belongs to (`discoveryv1.LabelServiceName`). */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
/** Label naming the controller or tool that manages a slice (`discoveryv1.LabelManagedBy`). */
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
/** `managed-by` values of Kubernetes' own controllers. */
export const KUBERNETES_CONTROLLERS = ['endpointslice-controller.k8s.io', 'endpointslicemirroring-controller.k8s.io'];

/** An item of a list in the manifest, with its path. */
export interface Item {
  readonly path: string;
  readonly value: JsonObject;
}

function items(manifest: JsonObject, key: string, max: number): Item[] {
  const list = arrayAt(manifest, key);
  if (!list || list.length > max) return [];
  const out: Item[] = [];
  list.forEach((value, i) => {
    if (isObject(value)) out.push({ path: `${key}[${i}]`, value });
  });
  return out;
}

/** The endpoints that are objects, unless the list is missing or over the limit. */
export function endpointsOf(manifest: JsonObject): Item[] {
  return items(manifest, 'endpoints', MAX_ENDPOINTS);
}

/** The ports that are objects, unless the list is missing or over the limit. */
export function portsOf(manifest: JsonObject): Item[] {
  return items(manifest, 'ports', MAX_PORTS);
}

/** Path of a label: `metadata.labels["kubernetes.io/service-name"]`. */
export function labelPath(key: string): string {
  return `metadata.labels[${JSON.stringify(key)}]`;
}

/** A label's value, when it is a string. */
export function labelOf(manifest: JsonObject, key: string): string | undefined {
  return stringAt(objectAt(objectAt(manifest, 'metadata'), 'labels'), key);
}
