export { GatewayReference } from './gateway-reference';
export type { IGatewayReference } from './gateway-reference';
export * from './gateway-selector';
export * from './server-tls';
export * from './server';
export * from './gateway';
