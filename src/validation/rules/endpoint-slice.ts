import { ManifestRule } from '../rule';

export const ENDPOINT_SLICE_RULES: readonly ManifestRule[] = [];
