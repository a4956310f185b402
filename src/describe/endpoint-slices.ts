/**
 * EndpointSlices written by hand for Services without a selector: the addresses such a Service
 * sends traffic to.
 */
import { ENDPOINT_SLICE } from '../validation/kinds';
import { arrayAt, isObject, objectAt, stringAt, typeKey } from '../validation/manifest';
import { refOf } from './resources';

/** The label that ties an EndpointSlice to its Service. */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

export interface EndpointSliceSummary {
  readonly namespace: string;
  readonly name: string;
  /** The Service named by the `kubernetes.io/service-name` label; absent when unlabelled. */
  readonly serviceName?: string;
  /** Every endpoint address, in order. */
  readonly addresses: readonly string[];
}

/** The EndpointSlice a manifest describes, or undefined for any other kind. */
export function endpointSliceOf(manifest: unknown): EndpointSliceSummary | undefined {
  if (typeKey(manifest) !== ENDPOINT_SLICE) return undefined;
  const serviceName = stringAt(objectAt(objectAt(manifest, 'metadata'), 'labels'), SERVICE_NAME_LABEL);
  const addresses = (arrayAt(manifest, 'endpoints') ?? [])
    .filter(isObject)
    .flatMap(endpoint => arrayAt(endpoint, 'addresses') ?? [])
    .filter((address): address is string => typeof address === 'string');
  return { ...refOf(manifest), ...(serviceName ? { serviceName } : {}), addresses };
}
