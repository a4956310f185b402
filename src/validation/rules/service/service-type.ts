/**
 * What every Service rule needs to know about the Service as a whole: its effective type,
 * whether it is headless, whether it is externally accessible. One place, so every rule
 * reads these facts the same way (absent fields mean the API server's defaults).
 */
import { memoizePerManifest } from '../../memo';
import { JsonObject, arrayAt, objectAt, stringAt, valueAt } from '../../manifest';

export const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] as const;
export type ServiceType = typeof SERVICE_TYPES[number];

export interface ServiceShape {
  /** `spec`, or undefined when it is missing or not an object. */
  readonly spec: JsonObject | undefined;
  /**
   * The effective type: `ClusterIP` when `spec.type` is absent or empty (the v1 defaulter),
   * undefined when it holds a value Kubernetes does not know (SVC001 reports that, and
   * type-dependent rules stay quiet rather than guess).
   */
  readonly type: ServiceType | undefined;
  /**
   * Headless as validation sees it (`isHeadlessService`): `clusterIPs` is exactly `["None"]`,
   * after the create strategy copied `clusterIP` into an empty `clusterIPs`.
   */
  readonly headless: boolean;
  /**
   * Headless as the warnings see it: type ClusterIP and headless.
   */
  readonly headlessClusterIp: boolean;
  /** `ExternallyAccessible`: LoadBalancer, NodePort, or ClusterIP with `externalIPs`. */
  readonly externallyAccessible: boolean;
  /** `NeedsHealthCheck`: LoadBalancer with `externalTrafficPolicy: Local`. */
  readonly needsHealthCheck: boolean;
}

/** True when a field holds a value (YAML `null` counts as absent, as it decodes to the zero value). */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** The effective type of a raw `spec.type` value (see {@link ServiceShape.type}). */
export function effectiveType(raw: unknown): ServiceType | undefined {
  if (!isSet(raw) || raw === '') return 'ClusterIP';
  return typeof raw === 'string' && (SERVICE_TYPES as readonly string[]).includes(raw) ? raw as ServiceType : undefined;
}

/**
 * `clusterIPs` as validation sees it on create: the list when it is non-empty, otherwise
 * `[clusterIP]` when `clusterIP` is set (`NormalizeClusterIPs`), otherwise empty.
 */
export function effectiveClusterIps(spec: unknown): unknown[] {
  const list = arrayAt(spec, 'clusterIPs');
  if (list && list.length > 0) return list;
  const single = valueAt(spec, 'clusterIP');
  return isSet(single) && single !== '' ? [single] : [];
}

/** Describes a Service manifest; never throws, whatever the manifest holds. */
function readServiceShape(manifest: unknown): ServiceShape {
  const spec = objectAt(manifest, 'spec');
  const type = effectiveType(valueAt(spec, 'type'));
  const clusterIps = effectiveClusterIps(spec);
  const headless = clusterIps.length === 1 && clusterIps[0] === 'None';
  const externalIps = arrayAt(spec, 'externalIPs') ?? [];
  const externallyAccessible = type === 'LoadBalancer' || type === 'NodePort'
    || (type === 'ClusterIP' && externalIps.length > 0);
  return {
    spec,
    type,
    headless,
    headlessClusterIp: headless && type === 'ClusterIP',
    externallyAccessible,
    needsHealthCheck: type === 'LoadBalancer' && stringAt(spec, 'externalTrafficPolicy') === 'Local',
  };
}

/** Memoised per manifest and validation run (many rules read it). */
export const serviceShape: (manifest: unknown) => ServiceShape = memoizePerManifest(m => readServiceShape(m));
