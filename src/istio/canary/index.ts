export { Canary } from './canary';
export type { CanaryProps } from './canary';
