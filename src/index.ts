export * from './validation';
export * from './selector';
export * from './service';
export * from './istio';
export * from './plugin';
export * from './testing';
