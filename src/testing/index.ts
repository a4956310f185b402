export * from './traffic-testing';
