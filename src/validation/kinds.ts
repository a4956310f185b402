/** `apiVersion/kind` keys the rules are registered under. */
export const SERVICE = 'v1/Service';
export const ENDPOINT_SLICE = 'discovery.k8s.io/v1/EndpointSlice';

/**
 * Kinds whose `metadata` the metadata rules (MET*) check. Add a kind here, and its name
 * format in `rules/metadata/name-formats.ts` when it is not a DNS-1123 subdomain.
 */
export const METADATA_KINDS: readonly string[] = [SERVICE, ENDPOINT_SLICE];
