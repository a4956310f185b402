import { ApiObjectMetadata } from 'cdk8s';
import { Construct } from 'constructs';
import { compact, JsonMap, nonEmpty, nonEmptyMap } from '../../util/json';
import { IstioNetworkingApiVersion } from '../api-version';
import { IServiceEntry } from './i-service-entry';
import { defaultPortName, IstioProtocol } from './istio-protocol';
import { IstioObject } from '../istio-object';
import { checkCall, checkProps } from '../../util/argument-shape';

/**
 * Where the services of a ServiceEntry run, relative to the mesh.
 */
export enum ServiceEntryLocation {
  /** Outside the mesh (an external API): no mutual TLS, no sidecar on the other end. */
  MESH_EXTERNAL = 'MESH_EXTERNAL',
  /** Part of the mesh (VMs or unmanaged infrastructure added to it). */
  MESH_INTERNAL = 'MESH_INTERNAL',
}

/**
 * How the proxy finds the addresses of a ServiceEntry's endpoints.
 */
export enum ServiceEntryResolution {
  /** Forward to the original destination IP (the connection was already resolved). */
  NONE = 'NONE',
  /** Use the static IP addresses given in `endpoints`. */
  STATIC = 'STATIC',
  /** Resolve the hosts (or the endpoints' addresses) by DNS, connecting to any address returned. */
  DNS = 'DNS',
  /** Resolve by DNS and connect to the first address returned only (for large external services). */
  DNS_ROUND_ROBIN = 'DNS_ROUND_ROBIN',
  /** Resolve wildcard hosts by DNS per request (Istio 1.28 and later; HTTP and TLS only). */
  DYNAMIC_DNS = 'DYNAMIC_DNS',
}

/**
 * A port of a ServiceEntry.
 */
export interface ServiceEntryPort {
  /** The port number the service is reached on. */
  readonly number: number;

  /**
   * The protocol.
   *
   * @default - none: Istio sniffs the protocol (opaque TCP when it cannot tell)
   */
  readonly protocol?: IstioProtocol;

  /**
   * The port's name, unique among the ServiceEntry's ports; endpoints' `ports` refer to it.
   *
   * @default - `<protocol>-<number>` (`https-443`), or `port-<number>` without a protocol
   */
  readonly name?: string;

  /**
   * The port on the endpoints traffic is sent to.
   *
   * @default - the same as `number`
   */
  readonly targetPort?: number;
}

/**
 * An endpoint of a ServiceEntry (a WorkloadEntry inline): an address the service is served at.
 */
export interface ServiceEntryEndpoint {
  /**
   * The address: an IP (STATIC resolution), a DNS name (DNS resolution) or `unix:///path`.
   *
   * @default - none; then `network` must be set (an endpoint behind that network's gateway)
   */
  readonly address?: string;

  /**
   * Port numbers of this endpoint, by the ServiceEntry port's name.
   *
   * @default - the ServiceEntry ports' target ports
   */
  readonly ports?: { [portName: string]: number };

  /**
   * Labels of the endpoint (DestinationRule subsets select by them).
   *
   * @default - none
   */
  readonly labels?: { [key: string]: string };

  /**
   * The network the endpoint is in (for multi-network meshes).
   *
   * @default - the proxy's own network
   */
  readonly network?: string;

  /**
   * The endpoint's locality, `region/zone/subzone`.
   *
   * @default - none
   */
  readonly locality?: string;

  /**
   * Load-balancing weight among endpoints of the same locality.
   *
   * @default - equal weights
   */
  readonly weight?: number;

  /**
   * The service account of the workload, when it runs a sidecar.
   *
   * @default - none
   */
  readonly serviceAccount?: string;
}

/**
 * Properties of a `ServiceEntry`.
 */
export interface ServiceEntryProps {
  /**
   * Metadata: name, namespace, labels, annotations.
   *
   * @default - a name generated from the construct path, the chart's namespace
   */
  readonly metadata?: ApiObjectMetadata;

  /**
   * The API version to write.
   *
   * @default IstioNetworkingApiVersion.V1
   */
  readonly apiVersion?: IstioNetworkingApiVersion;

  /**
   * The hosts the entry adds to the mesh: FQDNs or `*.suffix` wildcards. More can be added
   * with `addHost()`.
   */
  readonly hosts: string[];

  /**
   * Virtual IPs or CIDR blocks of the service (needed for TCP ports without DNS auto-allocation).
   *
   * @default - none
   */
  readonly addresses?: string[];

  /**
   * The ports of the service. More can be added with `addPort()`.
   *
   * @default - none
   */
  readonly ports?: ServiceEntryPort[];

  /**
   * Whether the service is inside or outside the mesh.
   *
   * @default - MESH_EXTERNAL (Istio's default, not written)
   */
  readonly location?: ServiceEntryLocation;

  /**
   * How endpoint addresses are found.
   *
   * @default - NONE (Istio's default, not written)
   */
  readonly resolution?: ServiceEntryResolution;

  /**
   * The endpoints; not together with `workloadSelector`. More can be added with `addEndpoint()`.
   *
   * @default - none
   */
  readonly endpoints?: ServiceEntryEndpoint[];

  /**
   * Labels of the pods and WorkloadEntries that serve a MESH_INTERNAL service; not together
   * with `endpoints`.
   *
   * @default - none
   */
  readonly workloadSelector?: { [key: string]: string };

  /**
   * Namespaces the entry is visible to (`.` for its own, `*` for all, `~` for none).
   *
   * @default - all namespaces
   */
  readonly exportTo?: string[];

  /**
   * Subject alternative names the servers' certificates must carry (mutual TLS).
   *
   * @default - none
   */
  readonly subjectAltNames?: string[];
}

/**
 * An Istio ServiceEntry: adds hosts to the mesh's service registry (an external API, VMs,
 * or a service Kubernetes does not know), so VirtualServices and DestinationRules can
 * route to them. Checked at synth with the rules of Istio's validating webhook.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/service-entry/
 */
export class ServiceEntry extends IstioObject implements IServiceEntry {

  private readonly hostNames: string[];
  private readonly addressList: string[];
  private readonly portList: ServiceEntryPort[];
  private readonly endpointList: ServiceEntryEndpoint[];

  constructor(scope: Construct, id: string, private readonly props: ServiceEntryProps) {
    super(scope, id, { apiVersion: props?.apiVersion ?? IstioNetworkingApiVersion.V1, kind: 'ServiceEntry', metadata: props?.metadata });
    checkProps(this, new.target, props);
    this.hostNames = [...(props.hosts ?? [])];
    this.addressList = [...(props.addresses ?? [])];
    this.portList = [...(props.ports ?? [])];
    this.endpointList = [...(props.endpoints ?? [])];
  }

  /** The hosts, as they will be rendered (hosts added later included). */
  public get hosts(): string[] {
    return [...this.hostNames];
  }

  /** The ports, as given (ports added later included). */
  public get ports(): ServiceEntryPort[] {
    return [...this.portList];
  }

  /** Adds a host. */
  public addHost(host: string): void {
    checkCall(this, 'addHost', [host]);
    this.hostNames.push(host);
  }

  /** Adds a virtual IP or CIDR block. */
  public addAddress(address: string): void {
    checkCall(this, 'addAddress', [address]);
    this.addressList.push(address);
  }

  /** Adds a port. */
  public addPort(port: ServiceEntryPort): void {
    checkCall(this, 'addPort', [port]);
    this.portList.push(port);
  }

  /** Adds an endpoint. */
  public addEndpoint(endpoint: ServiceEntryEndpoint): void {
    checkCall(this, 'addEndpoint', [endpoint]);
    this.endpointList.push(endpoint);
  }

  /** @internal */
  protected _renderSpec(): JsonMap {
    const p = this.props;
    return compact({
      hosts: nonEmpty(this.hostNames),
      addresses: nonEmpty(this.addressList),
      ports: nonEmpty(this.portList.map(renderPort)),
      location: p.location,
      resolution: p.resolution,
      endpoints: nonEmpty(this.endpointList.map(renderEndpoint)),
      workloadSelector: p.workloadSelector !== undefined ? { labels: { ...p.workloadSelector } } : undefined,
      exportTo: nonEmpty(p.exportTo),
      subjectAltNames: nonEmpty(p.subjectAltNames),
    });
  }
}

function renderPort(port: ServiceEntryPort): JsonMap {
  return compact({
    number: port.number,
    protocol: port.protocol,
    name: port.name ?? defaultPortName(port.protocol, port.number),
    targetPort: port.targetPort,
  });
}

function renderEndpoint(endpoint: ServiceEntryEndpoint): JsonMap {
  return compact({
    address: endpoint.address,
    ports: nonEmptyMap(endpoint.ports),
    labels: nonEmptyMap(endpoint.labels),
    network: endpoint.network,
    locality: endpoint.locality,
    weight: endpoint.weight,
    serviceAccount: endpoint.serviceAccount,
  });
}
