/**
 * Checks that a value handed to a construct or builder is the typed value it expects. From
 * TypeScript the compiler sees to it; from JavaScript, or from Python, Java, Go and .NET
 * through jsii, a string or a plain object can arrive where a `TargetPort` or a `StringMatch`
 * is expected. Without this check such a value fails deep inside rendering with a bare
 * TypeError; with it, the message names the field, the value and the builder to use.
 */
import { IConstruct } from 'constructs';
import { TrafficValidationError } from '../validation/errors';

/** The code of the check (listed in the rule catalogue as a construct check). */
export const VALUE_KIND_CODE = 'TRF012';

const PREVIEW_LENGTH = 60;

/** The value as a message shows it: its kind and a short preview. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return `the string ${preview(JSON.stringify(value))}`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `the ${typeof value} ${String(value)}`;
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return `an array ${preview(safeJson(value))}`;
  if (typeof value === 'object') {
    const prototype = Object.getPrototypeOf(value);
    const name = prototype && prototype !== Object.prototype && typeof prototype.constructor === 'function' ? prototype.constructor.name : undefined;
    return name ? `a ${name}` : `a plain object ${preview(safeJson(value))}`;
  }
  return typeof value;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return '(not serialisable)';
  }
}

function preview(text: string): string {
  return text.length <= PREVIEW_LENGTH ? text : `${text.slice(0, PREVIEW_LENGTH)}...`;
}

/** Where a value was given: the field, and the construct when one is known. */
export interface ValueSite {
  /** The field, as the user wrote it: `ports[0].targetPort`, `http[1].match[0].uri`. */
  readonly field: string;
  /** The construct the value was given to; its path goes into the message. */
  readonly construct?: IConstruct;
}

/** A class, public constructor or not (the value classes have private ones). */
export interface ClassOf<T> {
  readonly prototype: T;
  readonly name: string;
}

/**
 * Returns `value` when it is an instance of `type`; throws TRF012 otherwise.
 *
 * @param builders how to create one, for example `TargetPort.number(8080) or TargetPort.named('http')`
 */
export function expectInstance<T>(value: unknown, type: ClassOf<T>, site: ValueSite, builders: string): T {
  if (value instanceof (type as unknown as abstract new () => unknown)) return value as T;
  const where = site.construct ? `[${site.construct.node.path}] ` : '';
  throw new TrafficValidationError(VALUE_KIND_CODE,
    `${where}${site.field} expects a ${type.name}, got ${describeValue(value)}: create it with ${builders}`);
}

/** `expectInstance` for an optional value: undefined passes through. */
export function optionalInstance<T>(value: unknown, type: ClassOf<T>, site: ValueSite, builders: string): T | undefined {
  return value === undefined ? undefined : expectInstance(value, type, site, builders);
}
