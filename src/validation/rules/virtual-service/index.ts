import { ManifestRule } from '../../rule';

/** Every VirtualService rule (Istio's webhook checks and this library's warnings). */
export const VIRTUAL_SERVICE_RULES: readonly ManifestRule[] = [];
