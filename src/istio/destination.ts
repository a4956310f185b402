import { IService } from '../service/i-service';
import { Severity } from '../validation/diagnostic';
import { TrafficValidationError } from '../validation/errors';
import { isDns1123Label } from '../validation/format/dns';
import { isValidPortNum } from '../validation/format/ports';

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

/** A problem with a destination that only the construct can see. @internal */
export interface DestinationProblem {
  readonly code: string;
  readonly rule: string;
  readonly severity: Severity;
  readonly path: string;
  readonly message: string;
  readonly value?: unknown;
}

/**
 * Where traffic goes: a host in the service registry, or a Service construct (its DNS name,
 * with the port checked against the Service's ports at synth).
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
    public readonly service: IService | undefined,
    private readonly options: DestinationOptions,
  ) {
    if (options.port !== undefined && isValidPortNum(options.port).length > 0) {
      throw new TrafficValidationError('VS037', `destination port ${options.port} must be between 1 and 65535, inclusive`);
    }
    if (options.subset !== undefined) {
      const problems = isDns1123Label(options.subset);
      if (problems.length > 0) throw new TrafficValidationError('VS036', `subset ${JSON.stringify(options.subset)} ${problems.join('; ')}`);
    }
  }

  /** The host the destination renders. */
  public get host(): string {
    return this.service ? this.service.dnsName : this.hostName as string;
  }

  /** The port, when given. */
  public get port(): number | undefined {
    return this.options.port;
  }

  /** @internal */
  public _render(): { host: string; subset?: string; port?: { number: number } } {
    return {
      host: this.host,
      ...(this.options.subset !== undefined ? { subset: this.options.subset } : {}),
      ...(this.options.port !== undefined ? { port: { number: this.options.port } } : {}),
    };
  }

  /**
   * Checks a Service destination's port against the Service's ports (at synth, so ports
   * added later count).
   * @internal
   */
  public _problems(path: string): DestinationProblem[] {
    const service = this.service;
    if (!service) return [];
    const ports = service.ports;
    const port = this.options.port;
    if (port !== undefined && ports.length > 0 && !ports.some(p => p.port === port)) {
      return [{
        code: 'VS083', rule: 'destination-service-port', severity: Severity.ERROR, path: `${path}.port.number`, value: port,
        message: `port ${port} is not a port of Service ${service.node.path} (${service.name}), which has ${ports.map(p => p.port).join(', ')}: traffic to it would fail`,
      }];
    }
    if (port === undefined && ports.length > 1) {
      return [{
        code: 'VS085', rule: 'destination-port-ambiguous', severity: Severity.WARNING, path,
        message: `Service ${service.node.path} (${service.name}) has several ports (${ports.map(p => p.port).join(', ')}) and the destination names none: set a port (istioctl analyze IST0112)`,
      }];
    }
    return [];
  }
}
