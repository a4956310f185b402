import { IService } from '../service/i-service';
import { TrafficValidationError } from '../validation/errors';
import { isIstioLabel } from '../validation/format/istio-host';
import { isValidPortNum } from '../validation/format/ports';
import { expectInstance } from '../util/typed-value';

/**
 * Options for a destination.
 */
export interface DestinationOptions {
  /**
   * The port of the destination Service. Needed when the Service has more than one port.
   *
   * @default - the Service's only port
   */
  readonly port?: number;

  /**
   * A subset defined in a DestinationRule for the host (a DNS-1123 label such as `v2`).
   *
   * @default - all endpoints of the host
   */
  readonly subset?: string;
}

/**
 * Where traffic goes: a host in the service registry, or a Service construct (its DNS name;
 * the app-wide checks compare the port with the Service's ports at synth, XR001/XR005).
 */
export class Destination {
  /**
   * A host by name: a Kubernetes short name (resolved in the VirtualService's namespace),
   * an FQDN, or a ServiceEntry host.
   */
  public static host(host: string, options: DestinationOptions = {}): Destination {
    return new Destination(host, undefined, options);
  }

  /**
   * A Service construct: the host is its DNS name, `<name>.<namespace>.svc.<domain>`.
   */
  public static service(service: IService, options: DestinationOptions = {}): Destination {
    return new Destination(undefined, service, options);
  }

  private constructor(
    private readonly hostName: string | undefined,
    /** The Service construct, when the destination is one. */
    public readonly targetService: IService | undefined,
    private readonly options: DestinationOptions,
  ) {
    if (options.port !== undefined && isValidPortNum(options.port).length > 0) {
      throw new TrafficValidationError('VS037', `destination port ${options.port} must be between 1 and 65535, inclusive`);
    }
    if (options.subset !== undefined && !isIstioLabel(options.subset)) {
      throw new TrafficValidationError('VS036', `subset ${JSON.stringify(options.subset)} must be a DNS label: letters, digits and '-', starting and ending with a letter or digit, at most 63 characters`);
    }
  }

  /** The host the destination renders: the name given, or the Service's DNS name. */
  public get targetHost(): string {
    return this.targetService ? this.targetService.dnsName : this.hostName as string;
  }

  /** The port, when given. */
  public get port(): number | undefined {
    return this.options.port;
  }

  /** @internal */
  public _render(): { host: string; subset?: string; port?: { number: number } } {
    return {
      host: this.targetHost,
      ...(this.options.subset !== undefined ? { subset: this.options.subset } : {}),
      ...(this.options.port !== undefined ? { port: { number: this.options.port } } : {}),
    };
  }
}

/** Renders a destination given for `field`, refusing a value of another kind (TRF012). @internal */
export function renderDestination(destination: Destination, field: string): { host: string; subset?: string; port?: { number: number } } {
  return expectInstance(destination, Destination, { field }, "Destination.host('reviews') or Destination.service(service)")._render();
}
