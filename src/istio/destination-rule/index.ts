export * from './subset';
export * from './load-balancer';
export * from './connection-pool';
export * from './outlier-detection';
export * from './client-tls';
export { TunnelProtocol, ProxyProtocolVersion } from './traffic-policy';
export type { TunnelSettings, PortTrafficPolicy, TrafficPolicy, RetryBudget } from './traffic-policy';
export * from './destination-rule';
