/** Context key for the app-wide cluster DNS domain (`app.node.setContext(...)` before adding charts). */
export const CLUSTER_DOMAIN_CONTEXT = 'cdk8s-traffic:clusterDomain';
/** Context key for the app-wide node port range, as `30000-32767`. */
export const NODE_PORT_RANGE_CONTEXT = 'cdk8s-traffic:nodePortRange';
/**
 * Context key that turns synth-time validation off (`'off'`), for apps that validate their
 * output separately (the CLI or the cdk8s plugin). Value classes still check themselves.
 */
export const VALIDATION_CONTEXT = 'cdk8s-traffic:validation';
/**
 * Context key for rule codes not to run at synth, app-wide: a list (`['XR004']`) or a
 * comma-separated string (`'XR004,SVC049'`, as an environment variable holds it).
 */
export const DISABLE_CONTEXT = 'cdk8s-traffic:disable';
/** Context key for the only rule codes to run at synth, app-wide; the disabled ones still do not. */
export const ENABLE_CONTEXT = 'cdk8s-traffic:enable';

/**
 * The context keys this library reads (`app.node.setContext(key, value)` before adding
 * charts), as static constants for every jsii language.
 */
export class ContextKeys {
  /** The app-wide cluster DNS domain, for example `cluster.local`. */
  public static readonly CLUSTER_DOMAIN = CLUSTER_DOMAIN_CONTEXT;
  /** The app-wide node port range, as `30000-32767`. */
  public static readonly NODE_PORT_RANGE = NODE_PORT_RANGE_CONTEXT;
  /**
   * Synth-time validation: `'off'` turns it off, for apps that validate their output
   * separately (the CLI or the cdk8s plugin). Value classes still check themselves.
   */
  public static readonly VALIDATION = VALIDATION_CONTEXT;
  /**
   * Rule codes not to run at synth, for the whole app: a list (`['XR004']`) or a
   * comma-separated string (`'XR004,SVC049'`). One object opts out with the annotation
   * `cdk8s-traffic.io/suppress` (`Validation.suppress`). A code no rule has fails synth.
   */
  public static readonly DISABLE = DISABLE_CONTEXT;
  /** The only rule codes to run at synth, as `DISABLE` is written; the disabled ones still do not run. */
  public static readonly ENABLE = ENABLE_CONTEXT;

  private constructor() {}
}
