/**
 * Where a route sends traffic, and how much of it: Istio gives a single destination all the
 * traffic whatever its weight, and several destinations weight/sum each.
 */
import { isObject, objectAt, stringAt, valueAt } from '../validation/manifest';

/** One destination of a route (or a mirror target) and its share of the requests. */
export interface DestinationShare {
  /** The destination host as written (`reviews`, `reviews.bookinfo.svc.cluster.local`); empty when missing. */
  readonly host: string;
  /** The DestinationRule subset, when set. */
  readonly subset?: string;
  /** The destination port, when set. */
  readonly port?: number;
  /** The percentage of the route's requests (0-100, rounded to two decimals). */
  readonly percent: number;
}

/** The `route` list of an HTTP, TCP or TLS route, with each destination's share. */
export function routeShares(route: unknown): DestinationShare[] {
  const entries = Array.isArray(route) ? route.filter(isObject) : [];
  const weights = entries.map(entry => {
    const weight = valueAt(entry, 'weight');
    return typeof weight === 'number' && weight > 0 ? weight : 0;
  });
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return entries.map((entry, i) => {
    const percent = entries.length === 1 ? 100 : total > 0 ? (weights[i] / total) * 100 : 0;
    return destinationShare(objectAt(entry, 'destination'), percent);
  });
}

/** A Destination object with a given share. */
export function destinationShare(destination: unknown, percent: number): DestinationShare {
  const subset = stringAt(destination, 'subset');
  const port = valueAt(objectAt(destination, 'port'), 'number');
  return {
    host: stringAt(destination, 'host') ?? '',
    ...(subset ? { subset } : {}),
    ...(typeof port === 'number' ? { port } : {}),
    percent: roundPercent(percent),
  };
}

/** `reviews:9080 subset v1 90%`. */
export function destinationText(share: DestinationShare): string {
  const host = (share.host || '<no host>') + (share.port !== undefined ? `:${share.port}` : '');
  return `${host}${share.subset ? ` subset ${share.subset}` : ''} ${percentText(share.percent)}`;
}

/** `90%`, `33.33%`, `0.1%`. */
export function percentText(percent: number): string {
  return `${roundPercent(percent)}%`;
}

function roundPercent(percent: number): number {
  return Math.round(percent * 100) / 100;
}
