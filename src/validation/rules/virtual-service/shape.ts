/**
 * Shared readers for the VirtualService rules. Every reader is defensive: a manifest of the
 * wrong shape yields empty lists, never an exception.
 */
import { describeKind, keyPath } from '../../manifest';
import { memoizePerManifest } from '../../memo';
import { isIstioLabel } from '../../format/istio-host';
import { arrayAt, isObject, JsonObject, objectAt } from '../../manifest';

/** The reserved gateway name that stands for every sidecar in the mesh. */
export const MESH_GATEWAY = 'mesh';

/** One entry of `spec.http`, `spec.tcp` or `spec.tls`, with its path (`spec.http[0]`). */
export interface VsRoute {
  /** The entry as written; may be null or of a wrong type. */
  readonly route: unknown;
  readonly path: string;
}

export interface VsShape {
  /** `spec`, or undefined when it is missing or not an object. */
  readonly spec: JsonObject | undefined;
  /** The string entries of `spec.hosts`. */
  readonly hosts: string[];
  /** The string entries of `spec.gateways`. */
  readonly gateways: string[];
  /** A delegate VirtualService has no hosts (ValidateVirtualService: `len(hosts) == 0`). */
  readonly isDelegate: boolean;
  /** `gateways` is non-empty and does not name `mesh`: the rules apply to gateways only. */
  readonly appliesToGateway: boolean;
  /** The VirtualService applies to sidecars: `gateways` is empty or names `mesh`. */
  readonly appliesToMesh: boolean;
  /** Some `tls[].match[]` lists `sniHosts` (isSniHost), which widens the gateway host format. */
  readonly hasSniHosts: boolean;
  readonly http: VsRoute[];
  readonly tcp: VsRoute[];
  readonly tls: VsRoute[];
}

function routesAt(spec: JsonObject | undefined, key: 'http' | 'tcp' | 'tls'): VsRoute[] {
  return (arrayAt(spec, key) ?? []).map((route, index) => ({ route, path: `spec.${key}[${index}]` }));
}

function stringsAt(spec: JsonObject | undefined, key: string): string[] {
  return (arrayAt(spec, key) ?? []).filter((entry): entry is string => typeof entry === 'string');
}

/** Reads what the VirtualService rules share. */
function readVsShape(manifest: unknown): VsShape {
  const spec = objectAt(manifest, 'spec');
  const hostList = isObject(spec) ? spec.hosts : undefined;
  const isDelegate = hostList === undefined || hostList === null || (Array.isArray(hostList) && hostList.length === 0);
  const gatewayList = arrayAt(spec, 'gateways') ?? [];
  const gateways = stringsAt(spec, 'gateways');
  const appliesToGateway = gatewayList.length > 0 && !gatewayList.includes(MESH_GATEWAY);
  const tls = routesAt(spec, 'tls');
  const hasSniHosts = tls.some(({ route }) =>
    (arrayAt(route, 'match') ?? []).some((match) => (arrayAt(match, 'sniHosts') ?? []).length > 0));
  return {
    spec,
    hosts: stringsAt(spec, 'hosts'),
    gateways,
    isDelegate,
    appliesToGateway,
    appliesToMesh: !appliesToGateway,
    hasSniHosts,
    http: routesAt(spec, 'http'),
    tcp: routesAt(spec, 'tcp'),
    tls: routesAt(spec, 'tls'),
  };
}

/** Memoised per manifest and validation run (many rules read it). */
export const vsShape: (manifest: unknown) => VsShape = memoizePerManifest(m => readVsShape(m));

/** One entry of a route's `match` list, with its path (`spec.tls[0].match[1]`). */
export interface VsMatch {
  /** The entry as written; may be null or of a wrong type. */
  readonly match: unknown;
  readonly path: string;
}

/** The entries of `route.match` (empty when the route or the list is missing). */
export function matchesOf(route: VsRoute): VsMatch[] {
  return (arrayAt(route.route, 'match') ?? []).map((match, index) => ({ match, path: `${route.path}.match[${index}]` }));
}



/** Whether a field is present with a value other than null (the API treats null as absent). */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/**
 * Istio's `labels.IsDNS1123Label` (subset names, exportTo entries): at most 63 bytes of
 * letters of either case, digits and `-`, starting and ending with a letter or digit.
 */
export function isIstioDnsLabel(value: string): boolean {
  return isIstioLabel(value);
}

export { describeKind, keyPath };
