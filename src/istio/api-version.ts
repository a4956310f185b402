/**
 * The `apiVersion` a VirtualService is written with. All three share one schema; pick the
 * newest your mesh serves.
 */
export enum VirtualServiceApiVersion {
  /** `networking.istio.io/v1`, Istio 1.22 and later. */
  V1 = 'networking.istio.io/v1',
  /** `networking.istio.io/v1beta1`, for meshes older than 1.22. */
  V1BETA1 = 'networking.istio.io/v1beta1',
  /** `networking.istio.io/v1alpha3`, the original version (the reference's examples use it). */
  V1ALPHA3 = 'networking.istio.io/v1alpha3',
}

/**
 * The `apiVersion` a DestinationRule, Gateway or ServiceEntry is written with. The three
 * versions share one schema per kind; pick the newest your mesh serves.
 */
export enum IstioNetworkingApiVersion {
  /** `networking.istio.io/v1`, Istio 1.22 and later. */
  V1 = 'networking.istio.io/v1',
  /** `networking.istio.io/v1beta1`, for meshes older than 1.22. */
  V1BETA1 = 'networking.istio.io/v1beta1',
  /** `networking.istio.io/v1alpha3`, the original version. */
  V1ALPHA3 = 'networking.istio.io/v1alpha3',
}
