/** Context key for the app-wide cluster DNS domain (`app.node.setContext(...)` before adding charts). */
export const CLUSTER_DOMAIN_CONTEXT = 'cdk8s-traffic:clusterDomain';
/** Context key for the app-wide node port range, as `30000-32767`. */
export const NODE_PORT_RANGE_CONTEXT = 'cdk8s-traffic:nodePortRange';
/**
 * Context key that turns synth-time validation off (`'off'`), for apps that validate their
 * output separately (the CLI or the cdk8s plugin). Value classes still check themselves.
 */
export const VALIDATION_CONTEXT = 'cdk8s-traffic:validation';
