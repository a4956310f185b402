import { Duration } from 'cdk8s';
import { TrafficValidationError } from '../validation/errors';
import { isValidAffinityTimeout, MAX_CLIENT_IP_AFFINITY_SECONDS } from '../validation/format/limits';

/**
 * Whether a client's connections stick to one pod.
 *
 * @see https://kubernetes.io/docs/reference/networking/virtual-ips/#session-affinity
 */
export class SessionAffinity {
  /**
   * No affinity (the API server's default). Rendered explicitly only when chosen.
   */
  public static none(): SessionAffinity {
    return new SessionAffinity('None');
  }

  /**
   * Connections from one client IP go to the same pod.
   *
   * @param timeout how long the affinity lasts, in whole seconds from 1 second to 1 day
   *   (default: 3 hours, 10800 seconds, filled in by the API server)
   */
  public static clientIp(timeout?: Duration): SessionAffinity {
    if (timeout !== undefined) {
      const ms = timeout.toMilliseconds();
      const seconds = ms / 1000;
      if (!isValidAffinityTimeout(seconds)) {
        throw new TrafficValidationError('SVC003', `session affinity timeout ${seconds}s must be a whole number of seconds from 1 to ${MAX_CLIENT_IP_AFFINITY_SECONDS}`);
      }
      return new SessionAffinity('ClientIP', seconds);
    }
    return new SessionAffinity('ClientIP');
  }

  private constructor(
    /** `None` or `ClientIP`. */
    public readonly mode: string,
    /** The ClientIP timeout in seconds, when set. */
    public readonly timeoutSeconds?: number,
  ) {}

  /** @internal */
  public _render(): { sessionAffinity: string; sessionAffinityConfig?: { clientIP: { timeoutSeconds: number } } } {
    return this.timeoutSeconds === undefined
      ? { sessionAffinity: this.mode }
      : { sessionAffinity: this.mode, sessionAffinityConfig: { clientIP: { timeoutSeconds: this.timeoutSeconds } } };
  }
}
