import { ApiObjectMetadata } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { currentSession, Session } from '../../synth/session';
import { compact, JsonMap, nonEmpty, nonEmptyMap } from '../../util/json';
import { expectInstance } from '../../util/typed-value';
import { Diagnostic, Severity } from '../../validation/diagnostic';
import { TrafficValidationError } from '../../validation/errors';
import { SynthValidationHooks } from '../../synth';
import { IstioNetworkingApiVersion } from '../api-version';
import { Host } from '../host';
import { Subset } from './subset';
import { renderTrafficPolicy, TrafficPolicy } from './traffic-policy';
import { resolveWorkloadSubsets, WorkloadSubsetLabels } from './workload-subsets';
import { IstioObject } from '../istio-object';
import { checkCall, checkProps } from '../../util/argument-shape';

/**
 * How a subset of the host's endpoints is chosen, and its own traffic policy.
 */
export interface SubsetOptions {
  /**
   * Labels the subset's endpoints carry. With `workload`, these are added to the workload's.
   *
   * @default - none (only the workload's labels, or every endpoint of the host)
   */
  readonly labels?: { [key: string]: string };

  /**
   * A workload whose pods form the subset: any construct that renders a pod template (a
   * cdk8s-plus Deployment, a generated `KubeDeployment`, an ApiObject with `spec.template`).
   *
   * The subset selects by the workload's pod-template labels, read at synth, less the labels
   * every other workload subset of this rule shares with it (`app: reviews`), so what is
   * left (`version: v2`) tells the subsets apart.
   *
   * @default - none (the subset is made of `labels` only)
   */
  readonly workload?: IConstruct;

  /**
   * The subset's traffic policy; it replaces the rule-level one for the subset's traffic
   * (a field left out is not inherited).
   *
   * @default - the rule-level traffic policy
   */
  readonly trafficPolicy?: TrafficPolicy;
}

/**
 * Properties of a `DestinationRule`.
 */
export interface DestinationRuleProps {
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
   * The destination host the rule applies to: `Host.service(svc)`, `Host.serviceEntry(entry)`
   * or `Host.of('reviews')` (a short name resolves in the rule's namespace).
   */
  readonly host: Host;

  /**
   * The traffic policy of every subset and port, unless they have their own.
   *
   * @default - Istio's defaults
   */
  readonly trafficPolicy?: TrafficPolicy;

  /**
   * Namespaces the rule is visible to (`.` for its own, `*` for all).
   *
   * @default - all namespaces
   */
  readonly exportTo?: string[];

  /**
   * Labels of the workloads (in the rule's namespace) the rule applies to, as clients.
   *
   * @default - every workload of the namespaces it is exported to
   */
  readonly workloadSelector?: { [key: string]: string };
}

interface SubsetEntry {
  readonly subset: Subset;
  readonly options: SubsetOptions;
}

/**
 * An Istio DestinationRule: the policies for traffic to one host once routing is done
 * (load balancing, connection limits, outlier detection, TLS) and the subsets of its
 * endpoints that routes can name. Checked at synth with the rules of Istio's validating webhook.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/
 */
export class DestinationRule extends IstioObject {

  /** The host the rule applies to. */
  public readonly host: Host;

  private readonly entries: SubsetEntry[] = [];
  private readonly subsetNames = new Set<string>();
  private resolvedInSession?: { session: Session; resolved: Map<SubsetEntry, WorkloadSubsetLabels> };

  constructor(scope: Construct, id: string, private readonly props: DestinationRuleProps) {
    super(scope, id, { apiVersion: props?.apiVersion ?? IstioNetworkingApiVersion.V1, kind: 'DestinationRule', metadata: props?.metadata });
    checkProps(this, new.target, props);
    this.host = expectInstance(props.host, Host, { field: 'host', construct: this },
      "Host.service(service), Host.serviceEntry(entry) or Host.of('reviews')");
  }

  /** The subsets defined so far, in order. */
  public get subsets(): Subset[] {
    return this.entries.map(e => e.subset);
  }

  /**
   * Defines a subset of the host's endpoints. Pass the returned value to a route's
   * destination (`Destination.service(svc, { subset })`).
   *
   * @param name the subset's name, a DNS label unique in this rule (`v2`)
   * @param options how the subset's endpoints are chosen, and its traffic policy
   */
  public addSubset(name: string, options: SubsetOptions = {}): Subset {
    checkCall(this, 'addSubset', [name, options]);
    if (this.subsetNames.has(name)) {
      throw new TrafficValidationError('DR003', `[${this.node.path}] subset ${JSON.stringify(name)} is already defined in this DestinationRule; subset names must be unique`);
    }
    const subset = Subset._ofRule(name, this);
    this.subsetNames.add(name);
    this.entries.push({ subset, options });
    return subset;
  }

  /** @internal */
  protected _synthValidationHooks(): SynthValidationHooks {
    return { constructDiagnostics: () => this.subsetDiagnostics() };
  }

  /** @internal */
  protected _renderSpec(): JsonMap {
    const resolved = this.resolvedWorkloadSubsets();
    return compact({
      host: this.host.name,
      trafficPolicy: renderTrafficPolicy(this.props.trafficPolicy, 'trafficPolicy'),
      subsets: nonEmpty(this.entries.map((entry, i) => compact({
        name: entry.subset.name,
        labels: nonEmptyMap({ ...resolved.get(entry)?.labels, ...entry.options.labels }),
        trafficPolicy: renderTrafficPolicy(entry.options.trafficPolicy, `subsets[${i}].trafficPolicy`),
      }))),
      exportTo: nonEmpty(this.props.exportTo),
      workloadSelector: this.props.workloadSelector !== undefined ? { matchLabels: { ...this.props.workloadSelector } } : undefined,
    });
  }

  /**
   * The labels of the subsets taken from workloads. Rendering and the synth-time checks both
   * need them (reading a workload renders it): within a synth session they are resolved once.
   */
  private resolvedWorkloadSubsets(): Map<SubsetEntry, WorkloadSubsetLabels> {
    const session = currentSession();
    const cached = this.resolvedInSession;
    if (session && cached && cached.session === session) return cached.resolved;
    const fromWorkloads = this.entries.filter(e => e.options.workload !== undefined);
    const labels = resolveWorkloadSubsets(fromWorkloads.map(e => ({ name: e.subset.name, workload: e.options.workload as IConstruct })));
    const resolved = new Map(fromWorkloads.map((e, i) => [e, labels[i]]));
    this.resolvedInSession = session ? { session, resolved } : undefined;
    return resolved;
  }

  private subsetDiagnostics(): Diagnostic[] {
    const resolved = this.resolvedWorkloadSubsets();
    const diagnostics: Diagnostic[] = [];
    this.entries.forEach((entry, i) => {
      const problem = resolved.get(entry)?.problem;
      if (problem === undefined) return;
      diagnostics.push({
        severity: Severity.ERROR,
        code: problem.code,
        rule: problem.rule,
        path: `spec.subsets[${i}].labels`,
        message: problem.message,
        resource: `DestinationRule/${this.namespace}/${this.name}`,
        index: 0,
      });
    });
    return diagnostics;
  }
}
