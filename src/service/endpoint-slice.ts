import { ApiObject, ApiObjectMetadata, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { Diagnostic, Severity } from '../validation/diagnostic';
import { validateOnSynth } from '../synth';
import { AddressType } from './address-type';
import { Endpoint, EndpointPort } from './endpoint';
import { IService, ServicePortInfo } from './i-service';
import { Protocol } from './protocol';
import { checkCall, checkProps } from '../util/argument-shape';

/** Label naming the Service a slice belongs to. */
const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
/** Label naming who manages a slice; the EndpointSlice controller leaves other values alone. */
const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
/** This library's `managed-by` value. */
const MANAGED_BY = 'cdk8s-traffic';

/**
 * Properties of an EndpointSlice.
 */
export interface EndpointSliceProps {
  /**
   * The Service the endpoints back: sets the `kubernetes.io/service-name` label and the
   * namespace. Give it no selector, or the EndpointSlice controller adds its own slices.
   */
  readonly service: IService;

  /**
   * The kind of addresses in `endpoints`; one slice holds one kind.
   *
   * @default AddressType.IPV4
   */
  readonly addressType?: AddressType;

  /**
   * The backends: addresses and their state. More can be added with `addEndpoint()`.
   */
  readonly endpoints: Endpoint[];

  /**
   * The ports the endpoints listen on, each named as the Service port it serves.
   *
   * @see https://kubernetes.io/docs/concepts/services-networking/service/#services-without-selectors
   * @default - one port per Service port, with its name, protocol and appProtocol and the
   * target port number (ports added to the Service later included); a Service port whose
   * targetPort is a container port name cannot be derived and fails synth
   */
  readonly ports?: EndpointPort[];

  /**
   * Metadata of the EndpointSlice: name, labels, annotations. The namespace is the
   * Service's, and the `kubernetes.io/service-name` label is set for you.
   *
   * @default - a name generated from the construct path
   */
  readonly metadata?: ApiObjectMetadata;
}

/**
 * A discovery.k8s.io/v1 EndpointSlice that you write yourself, for a Service without a
 * selector: traffic to the Service goes to the addresses listed here (a database outside
 * the cluster, pods of another cluster, a fixed set of hosts).
 *
 * The slice is labelled `endpointslice.kubernetes.io/managed-by: cdk8s-traffic` so the
 * EndpointSlice controller leaves it alone. It is checked at synth with the rules the API
 * server applies (`ValidateEndpointSlice`), plus checks against the Service's ports.
 *
 * @example
 * const db = new ClusterIpService(chart, 'db', { ports: [{ port: 5432 }] });
 * new EndpointSlice(chart, 'db-endpoints', {
 *   service: db,
 *   endpoints: [{ addresses: ['10.0.0.12'] }, { addresses: ['10.0.0.13'] }],
 * });
 */
export class EndpointSlice extends Construct {
  /** The generated Kubernetes object (id `Resource`); an escape hatch for patches. */
  public readonly apiObject: ApiObject;

  /** The EndpointSlice's `metadata.name`. */
  public readonly name: string;

  /** The namespace of the EndpointSlice, the Service's. */
  // jsii warns that `namespace` is a C# keyword; C# bindings PascalCase it (`Namespace`), as
  // cdk8s's own ApiObjectMetadata.namespace, and it is the Kubernetes field name (scripts/build.js).
  public readonly namespace: string;

  /** The Service these endpoints back. */
  public readonly service: IService;

  /** The kind of addresses the slice holds. */
  public readonly addressType: AddressType;

  private readonly endpoints: Endpoint[];
  private readonly explicitPorts?: EndpointPort[];
  private readonly requestedNamespace?: string;
  private readonly requestedServiceLabel?: string;

  constructor(scope: Construct, id: string, props: EndpointSliceProps) {
    super(scope, id);
    checkProps(this, new.target, props);
    this.service = props.service;
    this.addressType = props.addressType ?? AddressType.IPV4;
    this.endpoints = [...(props.endpoints ?? [])];
    this.explicitPorts = props.ports ? [...props.ports] : undefined;
    // the namespace the Service declares, if any: a Service without one is applied to the
    // namespace kubectl targets, and its slice must follow it there
    const serviceObject = props.service.node.defaultChild;
    const declaredNamespace = ApiObject.isApiObject(serviceObject) ? serviceObject.metadata.namespace : props.service.namespace;
    this.namespace = declaredNamespace ?? props.service.namespace;
    this.requestedNamespace = props.metadata?.namespace;
    this.requestedServiceLabel = props.metadata?.labels?.[SERVICE_NAME_LABEL];

    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        ...props.metadata,
        namespace: declaredNamespace,
        labels: {
          [MANAGED_BY_LABEL]: MANAGED_BY,
          ...props.metadata?.labels,
          [SERVICE_NAME_LABEL]: props.service.name,
        },
      },
      addressType: this.addressType,
      endpoints: Lazy.any({ produce: () => this.endpoints.map(renderEndpoint) }),
      ports: Lazy.any({ produce: () => this.renderPorts() }),
    });
    this.name = this.apiObject.name;

    validateOnSynth(this, this.apiObject, { constructDiagnostics: () => this.constructDiagnostics() });
  }

  /**
   * Adds a backend to the slice.
   */
  public addEndpoint(endpoint: Endpoint): void {
    checkCall(this, 'addEndpoint', [endpoint]);
    this.endpoints.push(endpoint);
  }

  /** The ports as rendered: the explicit ones, or those derived from the Service. */
  private renderPorts(): Array<Record<string, unknown>> | undefined {
    const ports = this.explicitPorts ?? derivePorts(this.service.ports);
    return ports.length > 0 ? ports.map(renderEndpointPort) : undefined;
  }

  private constructDiagnostics(): Diagnostic[] {
    const diagnostics: Diagnostic[] = [];
    const report = (code: string, rule: string, path: string, message: string, value?: unknown) => diagnostics.push({
      severity: Severity.ERROR,
      code,
      rule,
      message,
      path,
      resource: `EndpointSlice/${this.namespace}/${this.name}`,
      index: 0,
      ...(value === undefined ? {} : { value }),
    });
    const servicePorts = this.service.ports;
    const serviceName = JSON.stringify(this.service.name);

    if (this.explicitPorts === undefined) {
      for (const servicePort of servicePorts) {
        if (servicePort.targetPortName === undefined) continue;
        report(
          'EPS023', 'endpoint-port-underivable', 'ports',
          `cannot derive the port for ${describeServicePort(servicePort)} of Service ${serviceName}: its targetPort is the container port name ${JSON.stringify(servicePort.targetPortName)}, which only pods have; give the EndpointSlice explicit ports`,
          servicePort.targetPortName,
        );
      }
    } else if (servicePorts.length > 0) {
      this.explicitPorts.forEach((port, i) => {
        const name = port.name ?? '';
        const protocol = port.protocol ?? Protocol.TCP;
        const match = servicePorts.some(sp => (sp.name ?? '') === name && (sp.protocol ?? Protocol.TCP) === protocol);
        if (match) return;
        const known = servicePorts.map(sp => `${JSON.stringify(sp.name ?? '')}/${sp.protocol ?? Protocol.TCP}`).join(', ');
        report(
          'EPS024', 'endpoint-port-unmatched', `ports[${i}].name`,
          `port name ${JSON.stringify(name)} with protocol ${protocol} matches no port of Service ${serviceName} (it has ${known}): kube-proxy pairs slice ports with Service ports by name and protocol, so no Service traffic reaches this port`,
          name,
        );
      });
    }

    if (this.requestedNamespace !== undefined && this.requestedNamespace !== this.namespace) {
      report(
        'EPS025', 'endpoint-slice-service-mismatch', 'metadata.namespace',
        `namespace ${JSON.stringify(this.requestedNamespace)} differs from the namespace of Service ${serviceName} (${JSON.stringify(this.namespace)}): an EndpointSlice only serves a Service in its own namespace; leave metadata.namespace out`,
        this.requestedNamespace,
      );
    }
    if (this.requestedServiceLabel !== undefined && this.requestedServiceLabel !== this.service.name) {
      report(
        'EPS025', 'endpoint-slice-service-mismatch', `metadata.labels[${JSON.stringify(SERVICE_NAME_LABEL)}]`,
        `label ${SERVICE_NAME_LABEL} ${JSON.stringify(this.requestedServiceLabel)} differs from the service prop (${serviceName}): leave the label out, it is set from the service`,
        this.requestedServiceLabel,
      );
    }
    return diagnostics;
  }
}

/** One EndpointPort per Service port whose target port is a number. */
function derivePorts(servicePorts: readonly ServicePortInfo[]): EndpointPort[] {
  const ports: EndpointPort[] = [];
  for (const servicePort of servicePorts) {
    if (servicePort.targetPortName !== undefined) continue; // reported by constructDiagnostics
    ports.push({
      name: servicePort.name,
      // TCP is what the API server fills in: leave it out, as the Service does
      protocol: servicePort.protocol === Protocol.TCP ? undefined : servicePort.protocol,
      port: servicePort.targetPortNumber ?? servicePort.port,
      appProtocol: servicePort.appProtocol,
    });
  }
  return ports;
}

function describeServicePort(port: ServicePortInfo): string {
  return port.name ? `port ${JSON.stringify(port.name)} (${port.port})` : `port ${port.port}`;
}

/** The v1 wire form of an endpoint; `conditions` only when a condition is set. */
function renderEndpoint(endpoint: Endpoint): Record<string, unknown> {
  const conditions = { ready: endpoint.ready, serving: endpoint.serving, terminating: endpoint.terminating };
  const hasCondition = Object.values(conditions).some(c => c !== undefined);
  return {
    addresses: [...(endpoint.addresses ?? [])],
    conditions: hasCondition ? conditions : undefined,
    hostname: endpoint.hostname,
    nodeName: endpoint.nodeName,
    zone: endpoint.zone,
  };
}

/** The v1 wire form of an endpoint port. */
function renderEndpointPort(port: EndpointPort): Record<string, unknown> {
  return { name: port.name, protocol: port.protocol, port: port.port, appProtocol: port.appProtocol };
}
