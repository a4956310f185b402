import { ApiObject, ApiObjectMetadata, Duration } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { IService } from '../../service/i-service';
import { TrafficValidationError } from '../../validation/errors';
import { isObject, objectAt, show } from '../../validation/manifest';
import { IstioNetworkingApiVersion, VirtualServiceApiVersion } from '../api-version';
import { Destination } from '../destination';
import { DestinationRule } from '../destination-rule/destination-rule';
import { Subset } from '../destination-rule/subset';
import { TrafficPolicy } from '../destination-rule/traffic-policy';
import { IGatewayReference } from '../gateway/gateway-reference';
import { Host } from '../host';
import { HttpMatch } from '../http-match';
import { HttpRoute } from '../http-route';
import { Retry } from '../retry';
import { VirtualService } from '../virtual-service';
import { CanaryCheck, checkCanaryReach } from './canary-checks';
import { checkProps } from '../../util/argument-shape';

/**
 * Properties of a `Canary`.
 */
export interface CanaryProps {
  /**
   * The Service both workloads' pods are behind. Its selector must match the pods of both
   * (select by the labels they share, such as `app`), or the canary never gets traffic.
   */
  readonly service: IService;

  /**
   * The workload serving most traffic: any construct that renders a pod template.
   */
  readonly stable: IConstruct;

  /**
   * The new version's workload: any construct that renders a pod template. A label of its
   * pod template (such as `version`) must tell it apart from the stable workload's pods.
   */
  readonly canary: IConstruct;

  /**
   * The share of requests, in percent (0 to 100, whole numbers), that goes to the canary.
   * Shifting traffic is changing this number.
   */
  readonly canaryWeight: number;

  /**
   * Requests matching this always reach the canary, whatever the weight (for example a
   * header testers set: `{ headers: { 'x-canary': StringMatch.exact('always') } }`).
   *
   * @default - no such match: every request is split by weight
   */
  readonly canaryMatch?: HttpMatch;

  /**
   * Retries of both routes.
   *
   * @default - Istio's default (2 retries on connection failures)
   */
  readonly retries?: Retry;

  /**
   * Timeout of both routes.
   *
   * @default - none
   */
  readonly timeout?: Duration;

  /**
   * The Service port the routes go to. Needed when the Service has more than one port.
   *
   * @default - the Service's only port
   */
  readonly port?: number;

  /**
   * The traffic policy of the DestinationRule (both subsets).
   *
   * @default - Istio's defaults
   */
  readonly trafficPolicy?: TrafficPolicy;

  /**
   * Gateways the routes apply to, as for a VirtualService.
   *
   * @default - the mesh (sidecars)
   */
  readonly gateways?: IGatewayReference[];

  /**
   * Names of the two subsets.
   *
   * @default - `stable` and `canary`
   */
  readonly stableSubsetName?: string;

  /**
   * @default canary
   */
  readonly canarySubsetName?: string;

  /**
   * Metadata of the DestinationRule and the VirtualService (the same for both: they are
   * different kinds).
   *
   * @default - named like the Service, in the Service's namespace
   */
  readonly metadata?: ApiObjectMetadata;

  /**
   * The API version of both objects.
   *
   * @default IstioNetworkingApiVersion.V1
   */
  readonly apiVersion?: IstioNetworkingApiVersion;
}

/**
 * A canary release in one construct: from a Service, a stable and a canary workload and a
 * weight, the DestinationRule with a subset for each workload and the VirtualService that
 * splits the Service's traffic between them.
 *
 * Synth fails when the Service's selector cannot reach the pods of one of the workloads
 * (CAN001) or when no label tells the two workloads' pods apart (DR091).
 */
export class Canary extends Construct {
  /** The DestinationRule with the two subsets. */
  public readonly destinationRule: DestinationRule;

  /** The VirtualService with the split. */
  public readonly virtualService: VirtualService;

  /** The subset of the stable workload's pods. */
  public readonly stableSubset: Subset;

  /** The subset of the canary workload's pods. */
  public readonly canarySubset: Subset;

  /** The share of requests, in percent, that goes to the canary. */
  public readonly canaryWeight: number;

  constructor(scope: Construct, id: string, props: CanaryProps) {
    super(scope, id);
    checkProps(this, new.target, props);
    const weight = props.canaryWeight;
    if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 0 || weight > 100) {
      throw new TrafficValidationError('VS038',
        `[${this.node.path}] canaryWeight ${show(weight)} must be a whole number from 0 to 100: Istio route weights are integers that sum to 100`);
    }
    this.canaryWeight = weight;
    const service = props.service;
    const metadata: ApiObjectMetadata = { name: service.name, namespace: service.namespace, ...props.metadata };

    this.destinationRule = new DestinationRule(this, 'DestinationRule', {
      metadata,
      apiVersion: props.apiVersion,
      host: Host.service(service),
      trafficPolicy: props.trafficPolicy,
    });
    this.stableSubset = this.destinationRule.addSubset(props.stableSubsetName ?? 'stable', { workload: props.stable });
    this.canarySubset = this.destinationRule.addSubset(props.canarySubsetName ?? 'canary', { workload: props.canary });

    const to = (subset: Subset) => Destination.service(service, { subset, port: props.port });
    const common = { retries: props.retries, timeout: props.timeout };
    const routes: HttpRoute[] = [];
    if (props.canaryMatch) {
      routes.push({ name: 'canary-match', match: [props.canaryMatch], route: [{ destination: to(this.canarySubset) }], ...common });
    }
    routes.push({
      name: 'canary-split',
      route: [
        { destination: to(this.stableSubset), weight: 100 - weight },
        { destination: to(this.canarySubset), weight },
      ],
      ...common,
    });
    this.virtualService = new VirtualService(this, 'VirtualService', {
      metadata,
      apiVersion: props.apiVersion === undefined ? undefined : VIRTUAL_SERVICE_VERSIONS[props.apiVersion],
      hosts: [Host.service(service)],
      gateways: props.gateways,
      http: routes,
    });

    const checks: CanaryCheck[] = [
      { role: 'stable', workload: props.stable },
      { role: 'canary', workload: props.canary },
    ];
    this.node.addValidation({ validate: () => checkCanaryReach(service, serviceSelector(service), checks) });
  }
}

/** The same version for the VirtualService (the two enums list the same versions). */
const VIRTUAL_SERVICE_VERSIONS: Record<IstioNetworkingApiVersion, VirtualServiceApiVersion> = {
  [IstioNetworkingApiVersion.V1]: VirtualServiceApiVersion.V1,
  [IstioNetworkingApiVersion.V1BETA1]: VirtualServiceApiVersion.V1BETA1,
  [IstioNetworkingApiVersion.V1ALPHA3]: VirtualServiceApiVersion.V1ALPHA3,
};

/** The Service's rendered `spec.selector`, or undefined when it has none or cannot be rendered. */
function serviceSelector(service: IService): () => Record<string, unknown> | undefined {
  return () => {
    const object = service.node.findAll().find((c): c is ApiObject => ApiObject.isApiObject(c) && c.kind === 'Service');
    if (!object) return undefined;
    let json: unknown;
    try {
      json = object.toJson();
    } catch {
      return undefined; // the Service reports its own rendering problem
    }
    const selector = objectAt(objectAt(json, 'spec'), 'selector');
    return isObject(selector) ? selector : undefined;
  };
}
