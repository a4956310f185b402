import { ManifestRule } from '../../rule';

/** Every ServiceEntry rule (Istio's webhook checks, ValidateServiceEntry), in code order. */
export const SERVICE_ENTRY_RULES: readonly ManifestRule[] = [];
