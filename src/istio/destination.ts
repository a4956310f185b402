import { IService } from '../service/i-service';
import { TrafficValidationError } from '../validation/errors';
import { isValidPortNum } from '../validation/format/ports';
import { expectInstance, optionalInstance } from '../util/typed-value';
import { Subset } from './destination-rule/subset';
import { serviceEntryHost } from './service-entry/entry-host';
import type { IServiceEntry } from './service-entry/i-service-entry';

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
   * A subset of the host's endpoints: the value `DestinationRule.addSubset()` returns, or
   * `Subset.named('v2')` for a subset defined outside this app.
   *
   * @default - all endpoints of the host
   */
  readonly subset?: Subset;
}

/**
 * Options for a destination that is a ServiceEntry.
 */
export interface ServiceEntryDestinationOptions extends DestinationOptions {
  /**
   * Which of the ServiceEntry's hosts.
   *
   * @default - its first host
   */
  readonly host?: string;
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

  /**
   * A ServiceEntry construct: the host is one of its hosts (the first by default), read at synth.
   */
  public static serviceEntry(entry: IServiceEntry, options: ServiceEntryDestinationOptions = {}): Destination {
    return new Destination(undefined, undefined, options, entry);
  }

  private constructor(
    private readonly hostName: string | undefined,
    /** The Service construct, when the destination is one. */
    public readonly targetService: IService | undefined,
    private readonly options: DestinationOptions,
    private readonly entry?: IServiceEntry,
  ) {
    if (options.port !== undefined && isValidPortNum(options.port).length > 0) {
      throw new TrafficValidationError('VS037', `destination port ${options.port} must be between 1 and 65535, inclusive`);
    }
    optionalInstance(options.subset, Subset, { field: 'subset' }, "the value DestinationRule.addSubset() returns, or Subset.named('v2')");
  }

  /** The host the destination renders: the name given, the Service's DNS name, or the ServiceEntry's host. */
  public get targetHost(): string {
    if (this.targetService) return this.targetService.dnsName;
    if (this.entry) return serviceEntryHost(this.entry, (this.options as ServiceEntryDestinationOptions).host);
    return this.hostName as string;
  }

  /** The port, when given. */
  public get port(): number | undefined {
    return this.options.port;
  }

  /** @internal */
  public _render(): { host: string; subset?: string; port?: { number: number } } {
    return {
      host: this.targetHost,
      ...(this.options.subset !== undefined ? { subset: this.options.subset.name } : {}),
      ...(this.options.port !== undefined ? { port: { number: this.options.port } } : {}),
    };
  }
}

/** Renders a destination given for `field`, refusing a value of another kind (TRF012). @internal */
export function renderDestination(destination: Destination, field: string): { host: string; subset?: string; port?: { number: number } } {
  return expectInstance(destination, Destination, { field }, "Destination.host('reviews') or Destination.service(service)")._render();
}
