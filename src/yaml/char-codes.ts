/** Character codes the YAML readers test with `charCodeAt`. */
export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;
export const HASH = 35;
export const PERCENT = 37;
export const DASH = 45;
export const DOT = 46;
