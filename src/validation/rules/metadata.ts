import { ManifestRule } from '../rule';
import { annotationKeysRule, annotationValuesRule, annotationsSizeRule } from './metadata/annotations';
import { labelKeysRule, labelValuesRule } from './metadata/labels';
import { generateNameFormatRule, nameFormatRule, nameRequiredRule } from './metadata/name';
import { namespaceFormatRule } from './metadata/namespace';

export * from './metadata/annotations';
export * from './metadata/labels';
export * from './metadata/name';
export * from './metadata/name-formats';
export * from './metadata/namespace';

/** The ObjectMeta rules (MET001-MET009), for the kinds in `METADATA_KINDS`. */
export const METADATA_RULES: readonly ManifestRule[] = [
  nameRequiredRule,
  nameFormatRule,
  generateNameFormatRule,
  namespaceFormatRule,
  labelKeysRule,
  labelValuesRule,
  annotationKeysRule,
  annotationValuesRule,
  annotationsSizeRule,
];
