import { ManifestRule } from '../../rule';

/** Every Gateway rule (Istio's webhook checks, ValidateGateway), in code order. */
export const GATEWAY_RULES: readonly ManifestRule[] = [];
