export * from './diagnostic';
export * from './errors';
export * from './node-port-range';
export type { ValidationOptions } from './options';
export { validateManifests, ruleCatalogue } from './engine';
export type { RuleInfo } from './engine';
export { formatCheckedDiagnostic as formatDiagnostic } from './api-arguments';
export * from './context-keys';
export * from './validation';
