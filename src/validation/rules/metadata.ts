import { ManifestRule } from '../rule';

export const METADATA_RULES: readonly ManifestRule[] = [];
