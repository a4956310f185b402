import { ManifestRule } from '../../rule';

export const SERVICE_RULES: readonly ManifestRule[] = [];
