/** `apiVersion/kind` keys the rules are registered under. */
export const SERVICE = 'v1/Service';
export const ENDPOINT_SLICE = 'discovery.k8s.io/v1/EndpointSlice';

/** The three served versions of Istio's VirtualService; they share one schema and one rule set. */
export const VIRTUAL_SERVICE_V1 = 'networking.istio.io/v1/VirtualService';
export const VIRTUAL_SERVICE_V1BETA1 = 'networking.istio.io/v1beta1/VirtualService';
export const VIRTUAL_SERVICE_V1ALPHA3 = 'networking.istio.io/v1alpha3/VirtualService';
export const VIRTUAL_SERVICE: readonly string[] = [VIRTUAL_SERVICE_V1, VIRTUAL_SERVICE_V1BETA1, VIRTUAL_SERVICE_V1ALPHA3];

/** The served versions of `networking.istio.io` (v1 is the storage version; all share one schema per kind). */
export const ISTIO_NETWORKING_VERSIONS: readonly string[] = ['networking.istio.io/v1', 'networking.istio.io/v1beta1', 'networking.istio.io/v1alpha3'];

function istioKind(kind: string): readonly string[] {
  return ISTIO_NETWORKING_VERSIONS.map(version => `${version}/${kind}`);
}

/** Istio's DestinationRule, in its three served versions. */
export const DESTINATION_RULE: readonly string[] = istioKind('DestinationRule');
/** Istio's Gateway (`networking.istio.io`, not the Kubernetes Gateway API), in its three served versions. */
export const GATEWAY: readonly string[] = istioKind('Gateway');
/** Istio's ServiceEntry, in its three served versions. */
export const SERVICE_ENTRY: readonly string[] = istioKind('ServiceEntry');

/**
 * Kinds whose `metadata` the metadata rules (MET*) check. Add a kind here, and its name
 * format in `rules/metadata/name-formats.ts` when it is not a DNS-1123 subdomain.
 */
export const METADATA_KINDS: readonly string[] = [SERVICE, ENDPOINT_SLICE, ...VIRTUAL_SERVICE, ...DESTINATION_RULE, ...GATEWAY, ...SERVICE_ENTRY];
