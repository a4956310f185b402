import { ManifestRule } from '../rule';
import { SCHEMA_ENUM_RULE, SCHEMA_OTHER_RULE, SCHEMA_REQUIRED_RULE, SCHEMA_TYPE_RULE, UNKNOWN_FIELD_RULE } from './schema-rules';

/** The schema rules (SCH001-005), in code order. */
export const SCHEMA_RULES: readonly ManifestRule[] = [
  SCHEMA_TYPE_RULE, // SCH001
  SCHEMA_ENUM_RULE, // SCH002
  SCHEMA_REQUIRED_RULE, // SCH003
  UNKNOWN_FIELD_RULE, // SCH004
  SCHEMA_OTHER_RULE, // SCH005
];
