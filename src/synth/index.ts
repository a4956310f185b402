export { validateOnSynth } from './app-validation';
export type { SynthValidationHooks } from './app-validation';
export { setWarningSink } from './warnings';
