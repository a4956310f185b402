export * from './schema-patch';
export * from './supplements';
export { DESTINATION_RULE_PATCHES } from './destination-rule';
export { GATEWAY_PATCHES } from './gateway';
export { SERVICE_ENTRY_PATCHES } from './service-entry';
export { VIRTUAL_SERVICE_PATCHES } from './virtual-service';
