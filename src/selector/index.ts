export { ServiceSelector } from './service-selector';
export type { ResolvedSelector, SelectorProblem } from './service-selector';
