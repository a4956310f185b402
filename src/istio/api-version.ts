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
