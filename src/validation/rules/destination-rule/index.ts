import { ManifestRule } from '../../rule';

/** Every DestinationRule rule (Istio's webhook checks, ValidateDestinationRule), in code order. */
export const DESTINATION_RULE_RULES: readonly ManifestRule[] = [];
