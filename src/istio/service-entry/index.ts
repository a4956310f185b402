export { IstioProtocol } from './istio-protocol';
export * from './i-service-entry';
export * from './service-entry';
