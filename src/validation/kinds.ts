/** `apiVersion/kind` keys the rules are registered under. */
export const SERVICE = 'v1/Service';
export const ENDPOINT_SLICE = 'discovery.k8s.io/v1/EndpointSlice';
