import { ServiceSelector } from '../selector/service-selector';
import { JsonObject } from '../validation/manifest';
import { IpFamily, IpFamilyPolicy } from './ip-family';
import { ServiceBaseProps } from './service-base';
import { compact, nonEmpty } from '../util/json';
import { SessionAffinity } from './session-affinity';
import { ExternalTrafficPolicy, InternalTrafficPolicy, TrafficDistribution } from './traffic-policy';
import { optionalInstance } from '../util/typed-value';

/**
 * Properties of the Services that send traffic to pods (every type but ExternalName).
 */
export interface SelectingServiceProps extends ServiceBaseProps {
  /**
   * Which pods receive the traffic. Without a selector the Service has no managed
   * endpoints: add `EndpointSlice`s for it.
   *
   * @default - no selector
   */
  readonly selector?: ServiceSelector;

  /**
   * Publish endpoints of pods that are not ready (typical for StatefulSet peer discovery).
   *
   * @default false
   */
  readonly publishNotReadyAddresses?: boolean;

  /**
   * How traffic from inside the cluster is routed.
   *
   * @default InternalTrafficPolicy.CLUSTER (filled in by the API server)
   */
  readonly internalTrafficPolicy?: InternalTrafficPolicy;

  /**
   * Preference for topologically close endpoints.
   *
   * @default - no preference
   */
  readonly trafficDistribution?: TrafficDistribution;

  /**
   * IP families, in order (the first is the primary family).
   *
   * @default - chosen by the cluster
   */
  readonly ipFamilies?: IpFamily[];

  /**
   * Single-stack or dual-stack.
   *
   * @default - IpFamilyPolicy.SINGLE_STACK (filled in by the API server)
   */
  readonly ipFamilyPolicy?: IpFamilyPolicy;
}

/**
 * Properties of the Services that get a virtual IP (ClusterIP, NodePort, LoadBalancer).
 */
export interface VirtualIpServiceProps extends SelectingServiceProps {
  /**
   * A fixed cluster IP from the cluster's service range.
   *
   * @default - the API server assigns one
   */
  readonly clusterIp?: string;

  /**
   * Fixed cluster IPs for a dual-stack Service (one IPv4 and one IPv6; the first is the primary).
   * When `clusterIp` is also set it must equal the first entry.
   *
   * @default - the API server assigns them
   */
  readonly clusterIps?: string[];

  /**
   * Client IP session affinity.
   *
   * @default - no affinity (SessionAffinity.none(), filled in by the API server)
   */
  readonly sessionAffinity?: SessionAffinity;

  /**
   * Addresses outside the cluster that also route to this Service. Deprecated in
   * Kubernetes and refused by many clusters.
   *
   * @default - none
   */
  readonly externalIps?: string[];
}

/**
 * Renders the fields shared by every selecting Service.
 */
export function renderSelectingFields(props: SelectingServiceProps): JsonObject {
  return compact({
    publishNotReadyAddresses: props.publishNotReadyAddresses,
    internalTrafficPolicy: props.internalTrafficPolicy,
    trafficDistribution: props.trafficDistribution,
    ipFamilies: nonEmpty(props.ipFamilies),
    ipFamilyPolicy: props.ipFamilyPolicy,
  });
}

/**
 * Renders the fields of the Services with a virtual IP, plus an external traffic policy.
 */
export function renderVirtualIpFields(props: VirtualIpServiceProps, externalTrafficPolicy?: ExternalTrafficPolicy): JsonObject {
  return compact({
    ...renderSelectingFields(props),
    clusterIP: props.clusterIp ?? props.clusterIps?.[0],
    clusterIPs: nonEmpty(props.clusterIps),
    externalIPs: nonEmpty(props.externalIps),
    externalTrafficPolicy,
    ...(optionalInstance(props.sessionAffinity, SessionAffinity, { field: 'sessionAffinity' }, 'SessionAffinity.none() or SessionAffinity.clientIp()')?._render() ?? {}),
  });
}
