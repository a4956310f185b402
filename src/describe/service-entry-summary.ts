/**
 * A ServiceEntry as `kubectl get serviceentry -o wide` would list it, with its ports and
 * where its endpoints come from. Istio's defaults are applied: location MESH_EXTERNAL,
 * resolution NONE.
 */
import { arrayAt, isObject, objectAt, stringAt, valueAt } from '../validation/manifest';
import { refOf } from './resources';
import { NONE, selectorText } from './service-summary';
import { LabelMap, labelsAt } from './workload-index';

/** The location of a ServiceEntry without `location` (the first value of the enum). */
export const DEFAULT_LOCATION = 'MESH_EXTERNAL';
/** The resolution of a ServiceEntry without `resolution` (the first value of the enum). */
export const DEFAULT_RESOLUTION = 'NONE';

/** One port of a ServiceEntry. */
export interface ServiceEntryPortSummary {
  /** The port number as written; `?` when missing. */
  readonly number: number | string;
  /** The protocol, when set. */
  readonly protocol?: string;
  readonly name?: string;
  /** The endpoint port, when set. */
  readonly targetPort?: number;
}

/** A ServiceEntry, its string fields the columns of the ServiceEntry table. */
export interface ServiceEntrySummary {
  readonly namespace: string;
  readonly name: string;
  /** The hosts (strings only), as written. */
  readonly hosts: readonly string[];
  /** The virtual addresses (strings only). */
  readonly addresses: readonly string[];
  /** PORT(S): `443/TLS,80/HTTP`, or `<none>`. */
  readonly ports: string;
  readonly portList: readonly ServiceEntryPortSummary[];
  /** LOCATION: MESH_EXTERNAL (the default) or MESH_INTERNAL; `?` when not a string. */
  readonly location: string;
  /** RESOLUTION: NONE (the default), STATIC, DNS or DNS_ROUND_ROBIN; `?` when not a string. */
  readonly resolution: string;
  /** ENDPOINTS: `2 endpoints`, `workloads app=db`, or `<none>`. */
  readonly endpoints: string;
  /** `spec.workloadSelector.labels` (empty when unset). */
  readonly workloadSelector: LabelMap;
}

/** Summarises one ServiceEntry manifest. Never throws, whatever the manifest holds. */
export function summarizeServiceEntry(manifest: unknown): ServiceEntrySummary {
  const ref = refOf(manifest);
  const spec = objectAt(manifest, 'spec');
  const portList = (arrayAt(spec, 'ports') ?? []).filter(isObject).map(summarizePort);
  const workloadSelector = labelsAt(objectAt(spec, 'workloadSelector'), 'labels');
  const endpointCount = (arrayAt(spec, 'endpoints') ?? []).filter(isObject).length;
  return {
    namespace: ref.namespace,
    name: ref.name,
    hosts: strings(arrayAt(spec, 'hosts')),
    addresses: strings(arrayAt(spec, 'addresses')),
    ports: portList.length === 0 ? NONE : portList.map(port => (port.protocol ? `${port.number}/${port.protocol}` : `${port.number}`)).join(','),
    portList,
    location: enumText(valueAt(spec, 'location'), DEFAULT_LOCATION),
    resolution: enumText(valueAt(spec, 'resolution'), DEFAULT_RESOLUTION),
    endpoints: endpointsText(endpointCount, workloadSelector),
    workloadSelector,
  };
}

function summarizePort(port: Record<string, unknown>): ServiceEntryPortSummary {
  const number = port.number;
  const protocol = stringAt(port, 'protocol');
  const name = stringAt(port, 'name');
  const targetPort = port.targetPort;
  return {
    number: typeof number === 'number' || typeof number === 'string' ? number : '?',
    ...(protocol ? { protocol } : {}),
    ...(name ? { name } : {}),
    ...(typeof targetPort === 'number' ? { targetPort } : {}),
  };
}

function endpointsText(count: number, workloadSelector: LabelMap): string {
  if (Object.keys(workloadSelector).length > 0) return `workloads ${selectorText(workloadSelector)}`;
  if (count > 0) return `${count} endpoint${count === 1 ? '' : 's'}`;
  return NONE;
}

/** An enum field: as written, the default when unset, `?` when not a string. */
function enumText(value: unknown, fallback: string): string {
  if (value === undefined || value === null || value === '') return fallback;
  return typeof value === 'string' ? value : '?';
}

function strings(list: unknown[] | undefined): string[] {
  return (list ?? []).filter((item): item is string => typeof item === 'string');
}
