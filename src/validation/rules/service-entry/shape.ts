/**
 * Shared readers for the ServiceEntry rules (ValidateServiceEntry). Every reader is
 * defensive: a value of the wrong type reads as absent, and the rules skip what they cannot
 * read (wrong JSON types are the schema's to report).
 */
import { memoizePerManifest } from '../../memo';
import { arrayAt, isObject, JsonObject, objectAt, stringAt, valueAt } from '../../manifest';

/** `ServiceEntry.Resolution`; NONE is the enum's zero value, what an unset resolution means. */
export const RESOLUTIONS: readonly string[] = ['NONE', 'STATIC', 'DNS', 'DNS_ROUND_ROBIN', 'DYNAMIC_DNS'];
/** `ServiceEntry.Location`; MESH_EXTERNAL is the zero value. */
export const LOCATIONS: readonly string[] = ['MESH_EXTERNAL', 'MESH_INTERNAL'];

/** One entry of a list of the spec, with its path (`spec.ports[1]`). */
export interface Entry {
  /** The entry as written; may be null or of a wrong type. */
  readonly value: unknown;
  readonly path: string;
}

export interface SeShape {
  readonly spec: JsonObject | undefined;
  /**
   * The resolution: the value of `spec.resolution`, NONE when unset, undefined when it is
   * not one of the enum's values (mode-specific rules then skip, as the CRD refuses it).
   */
  readonly resolution: string | undefined;
  /** The location, MESH_EXTERNAL when unset, undefined when unknown. */
  readonly location: string | undefined;
  /** `spec.hosts` when it is a list. */
  readonly hosts: unknown[];
  /** `spec.addresses` when it is a list. */
  readonly addresses: unknown[];
  readonly ports: Entry[];
  readonly endpoints: Entry[];
  /** The names of the ports that are objects with a string name (`servicePorts` in Istio). */
  readonly portNames: ReadonlySet<string>;
  /** `metadata.labels` when it is an object. */
  readonly labels: JsonObject | undefined;
}

function enumValue(spec: unknown, key: string, values: readonly string[]): string | undefined {
  const value = valueAt(spec, key);
  if (value === undefined || value === null) return values[0];
  return typeof value === 'string' && values.includes(value) ? value : undefined;
}

function entries(spec: unknown, key: string): Entry[] {
  return (arrayAt(spec, key) ?? []).map((value, index) => ({ value, path: `spec.${key}[${index}]` }));
}

function readShape(manifest: unknown): SeShape {
  const spec = objectAt(manifest, 'spec');
  const ports = entries(spec, 'ports');
  const portNames = new Set<string>();
  for (const { value } of ports) {
    const name = stringAt(value, 'name');
    if (name !== undefined) portNames.add(name);
  }
  return {
    spec,
    resolution: enumValue(spec, 'resolution', RESOLUTIONS),
    location: enumValue(spec, 'location', LOCATIONS),
    hosts: arrayAt(spec, 'hosts') ?? [],
    addresses: arrayAt(spec, 'addresses') ?? [],
    ports,
    endpoints: entries(spec, 'endpoints'),
    portNames,
    labels: objectAt(objectAt(manifest, 'metadata'), 'labels'),
  };
}

/** What the ServiceEntry rules share, read once per manifest. */
export const seShape: (manifest: unknown) => SeShape = memoizePerManifest(readShape);

/** The port entries that are objects. */
export function objectPorts(manifest: unknown): Array<{ value: JsonObject; path: string }> {
  return seShape(manifest).ports.filter((entry): entry is { value: JsonObject; path: string } => isObject(entry.value));
}

/** The endpoint entries that are objects. */
export function objectEndpoints(manifest: unknown): Array<{ value: JsonObject; path: string }> {
  return seShape(manifest).endpoints.filter((entry): entry is { value: JsonObject; path: string } => isObject(entry.value));
}

/** Whether a field is present with a value other than null (the API treats null as absent; CEL's `has`). */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** A string field the way Go reads it: the string, or `''` when absent or of another type. */
export function text(parent: unknown, key: string): string {
  return stringAt(parent, key) ?? '';
}

/** Whether the DNS resolution modes apply (DNS, DNS_ROUND_ROBIN). */
export function isDnsMode(resolution: string | undefined): boolean {
  return resolution === 'DNS' || resolution === 'DNS_ROUND_ROBIN';
}
