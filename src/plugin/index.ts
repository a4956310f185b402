export * from './traffic-validation';
