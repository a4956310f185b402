export * from './validation';
export * from './selector';
export * from './service';
export * from './istio';
