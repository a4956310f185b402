/** `apiVersion/kind` keys the rules are registered under. */
export const SERVICE = 'v1/Service';
export const ENDPOINT_SLICE = 'discovery.k8s.io/v1/EndpointSlice';

/** The three served versions of Istio's VirtualService; they share one schema and one rule set. */
export const VIRTUAL_SERVICE_V1 = 'networking.istio.io/v1/VirtualService';
export const VIRTUAL_SERVICE_V1BETA1 = 'networking.istio.io/v1beta1/VirtualService';
export const VIRTUAL_SERVICE_V1ALPHA3 = 'networking.istio.io/v1alpha3/VirtualService';
export const VIRTUAL_SERVICE: readonly string[] = [VIRTUAL_SERVICE_V1, VIRTUAL_SERVICE_V1BETA1, VIRTUAL_SERVICE_V1ALPHA3];

/**
 * Kinds whose `metadata` the metadata rules (MET*) check. Add a kind here, and its name
 * format in `rules/metadata/name-formats.ts` when it is not a DNS-1123 subdomain.
 */
export const METADATA_KINDS: readonly string[] = [SERVICE, ENDPOINT_SLICE, ...VIRTUAL_SERVICE];
