import { IService } from '../service/i-service';

/**
 * A host a VirtualService applies to: a name, or a Service construct (its DNS name).
 */
export class Host {
  /**
   * A host name: a Kubernetes short name (`reviews`), an FQDN, or a wildcard (`*.example.com`).
   */
  public static of(name: string): Host {
    return new Host(() => name);
  }

  /**
   * A Service construct: `<name>.<namespace>.svc.<cluster domain>`.
   */
  public static service(service: IService): Host {
    return new Host(() => service.dnsName);
  }

  private constructor(private readonly produce: () => string) {}

  /** The host name as rendered. */
  public get name(): string {
    return this.produce();
  }
}
