import { IService } from '../service/i-service';
import { serviceEntryHost } from './service-entry/entry-host';
import type { IServiceEntry } from './service-entry/i-service-entry';

/**
 * A host a VirtualService or DestinationRule applies to: a name, a Service construct (its DNS
 * name) or a ServiceEntry construct (one of its hosts).
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

  /**
   * A ServiceEntry construct: one of its hosts, the first by default. Read at synth, so
   * hosts added to the entry later count.
   *
   * @param entry the ServiceEntry
   * @param host which of its hosts (default: its first host)
   */
  public static serviceEntry(entry: IServiceEntry, host?: string): Host {
    return new Host(() => serviceEntryHost(entry, host));
  }

  private constructor(private readonly produce: () => string) {}

  /** The host name as rendered. */
  public get name(): string {
    return this.produce();
  }
}
