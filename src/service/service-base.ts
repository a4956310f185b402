import { ApiObject, ApiObjectMetadata, ApiObjectMetadataDefinition, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { ResolvedSelector } from '../selector/resolved-selector';
import { ServiceSelector } from '../selector/service-selector';
import { Session, currentSession } from '../synth/session';
import { Diagnostic, Severity } from '../validation/diagnostic';
import { TrafficValidationError } from '../validation/errors';
import { isDns1123Subdomain } from '../validation/format/dns';
import { JsonObject } from '../validation/manifest';
import { NodePortRange } from '../validation/node-port-range';
import { ResolvedOptions } from '../validation/options';
import { validateOnSynth } from '../synth';
import { CLUSTER_DOMAIN_CONTEXT, NODE_PORT_RANGE_CONTEXT } from '../validation/context-keys';
import { compact } from '../util/json';
import { IService, ServicePortInfo } from './i-service';
import { Protocol } from './protocol';
import { NodePortServicePort } from './service-port';
import { TargetPort } from './target-port';
import { expectInstance, optionalInstance } from '../util/typed-value';
import { checkProps } from '../util/argument-shape';


/**
 * Properties every Service construct accepts.
 */
export interface ServiceBaseProps {
  /**
   * Metadata of the Service: name, namespace, labels, annotations (cloud load balancer
   * settings go in annotations).
   *
   * @default - a name generated from the construct path, the chart's namespace
   */
  readonly metadata?: ApiObjectMetadata;

  /**
   * The cluster's DNS domain, used for `dnsName`.
   *
   * @default - the `cdk8s-traffic:clusterDomain` context value, else `cluster.local`
   */
  readonly clusterDomain?: string;
}

/**
 * What the base needs from a concrete Service class (subclasses pass it to the protected
 * constructor).
 */
export interface ServiceDefinition {
  /**
   * The range fixed node ports are checked against.
   *
   * @default - the `cdk8s-traffic:nodePortRange` context value, else 30000-32767
   */
  readonly nodePortRange?: NodePortRange;
}

/**
 * Shared behaviour of the Service constructs: the generated `Resource` object, ports,
 * selector, naming and synth-time validation.
 */
export abstract class ServiceBase extends Construct implements IService {
  /** The generated Kubernetes object (id `Resource`); an escape hatch for patches. */
  public readonly apiObject: ApiObject;

  /** The Service's `metadata.name`. */
  public readonly name: string;

  /** The cluster DNS domain used for `dnsName`. */
  public readonly clusterDomain: string;

  private readonly servicePorts: NodePortServicePort[] = [];
  private readonly selectors: ServiceSelector[] = [];
  private resolvedInSession?: { session: Session; namespace: string | undefined; resolved: ResolvedSelector[] };
  private readonly nodePortRange: NodePortRange;

  protected constructor(scope: Construct, id: string, props: ServiceBaseProps, definition: ServiceDefinition = {}) {
    super(scope, id);
    checkProps(this, new.target, props);
    this.clusterDomain = resolveClusterDomain(this, props.clusterDomain);
    this.nodePortRange = definition.nodePortRange ?? contextNodePortRange(this) ?? NodePortRange.DEFAULT;
    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: props.metadata,
      spec: Lazy.any({ produce: () => this.renderSpec() }),
    });
    this.name = this.apiObject.name;
    validateOnSynth(this, this.apiObject, {
      options: (): ResolvedOptions => ({ nodePortRange: this.nodePortRange, clusterDomain: this.clusterDomain }),
      constructDiagnostics: () => this.selectorDiagnostics(),
    });
  }

  /** Metadata of the generated object (add labels and annotations here). */
  public get metadata(): ApiObjectMetadataDefinition {
    return this.apiObject.metadata;
  }

  /** The namespace the Service is in (`default` when neither it nor its chart sets one). */
  // jsii warns that `namespace` is a C# keyword; C# bindings PascalCase it (`Namespace`), as
  // cdk8s's own ApiObjectMetadata.namespace, and it is the Kubernetes field name (scripts/build.js).
  public get namespace(): string {
    return this.apiObject.metadata.namespace ?? 'default';
  }

  /** The in-cluster DNS name: `<name>.<namespace>.svc.<cluster domain>`. */
  public get dnsName(): string {
    return `${this.name}.${this.namespace}.svc.${this.clusterDomain}`;
  }

  /** The `spec.type` of this Service. */
  public get serviceType(): string {
    return this.typeName();
  }

  /** The Service's ports as they will be rendered. */
  public get ports(): ServicePortInfo[] {
    return this.servicePorts.map(p => ({
      port: p.port,
      name: p.name,
      protocol: p.protocol ?? Protocol.TCP,
      targetPortNumber: p.targetPort?.portNumber,
      targetPortName: p.targetPort?.portName,
      appProtocol: p.appProtocol,
      nodePort: p.nodePort,
    }));
  }

  /**
   * Adds pods to what the Service selects; labels of several selectors are combined
   * (all must match).
   * @internal
   */
  protected _select(selector: ServiceSelector): void {
    this.selectors.push(expectInstance(selector, ServiceSelector, { field: 'selector', construct: this },
      'ServiceSelector.fromLabels({ app: \'web\' }) or ServiceSelector.fromWorkload(workload)'));
  }

  /** @internal */
  protected _addPort(port: NodePortServicePort): void {
    optionalInstance(port.targetPort, TargetPort, { field: `ports[${this.servicePorts.length}].targetPort`, construct: this },
      'TargetPort.number(8080) or TargetPort.named(\'http\')');
    this.servicePorts.push(port);
  }

  /** The `spec.type` this class renders. */
  protected abstract typeName(): string;

  /** The type-specific part of the spec; rendering must never throw. */
  protected abstract renderTypeSpec(): JsonObject;

  /** The selector labels to render: every selector combined, or none. */
  protected renderSelector(): Record<string, string> | undefined {
    if (this.selectors.length === 0) return undefined;
    const labels: Record<string, string> = {};
    for (const resolved of this.resolvedSelectors()) Object.assign(labels, resolved.labels);
    return Object.keys(labels).length > 0 ? labels : undefined;
  }

  private renderSpec(): JsonObject {
    const ports = this.servicePorts.map(p => compact({
      name: p.name,
      protocol: p.protocol,
      appProtocol: p.appProtocol,
      port: p.port,
      targetPort: p.targetPort?._render(),
      nodePort: p.nodePort,
    }));
    return compact({
      type: this.serviceType === 'ClusterIP' ? undefined : this.serviceType,
      selector: this.renderSelector(),
      ports: ports.length > 0 ? ports : undefined,
      ...this.renderTypeSpec(),
    });
  }

  /**
   * Every selector resolved for the Service's namespace. Rendering and the synth-time checks
   * both need them (resolving a workload renders its pod metadata): within a synth session
   * they are resolved once.
   */
  private resolvedSelectors(): ResolvedSelector[] {
    const namespace = this.apiObject.metadata.namespace;
    const session = currentSession();
    const cached = this.resolvedInSession;
    if (session && cached && cached.session === session && cached.namespace === namespace) return cached.resolved;
    const resolved = this.selectors.map(selector => selector._resolve(namespace));
    this.resolvedInSession = session ? { session, namespace, resolved } : undefined;
    return resolved;
  }

  private selectorDiagnostics(): Diagnostic[] {
    const diagnostics: Diagnostic[] = [];
    const seen = new Map<string, string>();
    for (const resolved of this.resolvedSelectors()) {
      for (const problem of resolved.problems) {
        diagnostics.push(this.diagnostic(problem.code, problem.rule, 'spec.selector', problem.message));
      }
      for (const [key, value] of Object.entries(resolved.labels)) {
        const previous = seen.get(key);
        if (previous !== undefined && previous !== value) {
          diagnostics.push(this.diagnostic('SEL004', 'selector-conflict', `spec.selector[${JSON.stringify(key)}]`,
            `selector key ${JSON.stringify(key)} is required to be both ${JSON.stringify(previous)} and ${JSON.stringify(value)}, so no pod can match`));
        }
        seen.set(key, value);
      }
    }
    return diagnostics;
  }

  private diagnostic(code: string, rule: string, path: string, message: string): Diagnostic {
    return { severity: Severity.ERROR, code, rule, path, message, resource: `Service/${this.namespace}/${this.name}`, index: 0 };
  }
}

function resolveClusterDomain(scope: Construct, explicit: string | undefined): string {
  const fromContext = scope.node.tryGetContext(CLUSTER_DOMAIN_CONTEXT);
  const domain = explicit ?? (typeof fromContext === 'string' ? fromContext : 'cluster.local');
  const problems = isDns1123Subdomain(domain.replace(/\.$/, ''));
  if (problems.length > 0) {
    throw new TrafficValidationError('TRF010', `cluster domain ${JSON.stringify(domain)} is not a DNS subdomain: ${problems.join('; ')}`);
  }
  return domain.replace(/\.$/, '');
}

function contextNodePortRange(scope: Construct): NodePortRange | undefined {
  const value = scope.node.tryGetContext(NODE_PORT_RANGE_CONTEXT);
  return typeof value === 'string' ? NodePortRange.parse(value) : undefined;
}
