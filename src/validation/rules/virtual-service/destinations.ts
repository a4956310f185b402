/**
 * Destinations and weights of http, tcp and tls routes (validateHTTPRouteDestinations,
 * validateRouteDestinations, validateDestination).
 */
import { memoizePerManifest } from '../../memo';
import { Severity } from '../../diagnostic';
import { validateWildcardDomain } from '../../format/istio-host';
import { parseIp } from '../../format/ip';
import { isValidPortNum } from '../../format/ports';
import { VIRTUAL_SERVICE } from '../../kinds';
import { isObject, JsonObject, show, valueAt } from '../../manifest';
import { ManifestRule, RuleContext } from '../../rule';
import { describeKind, isIstioDnsLabel, isSet, vsShape } from './shape';

/** Where a destination check reports: `context.report`, or any function of the same shape. */
export type Report = RuleContext['report'];

const INT32_MAX = 2147483647;

/** validateDestination's host check (VS035): not `*`, a wildcard domain, so not an IP. */
function checkDestinationHost(destination: JsonObject, path: string, report: Report): void {
  const host = valueAt(destination, 'host');
  const at = `${path}.host`;
  if (!isSet(host)) {
    report(at, 'destination host is required: the name of a service in the registry, such as "reviews" or "reviews.prod.svc.cluster.local"');
    return;
  }
  if (typeof host !== 'string') {
    report(at, `destination host must be a string, got ${describeKind(host)}`, host);
    return;
  }
  if (host === '*') {
    report(at, 'invalid destination host *: a destination is one service; name it (wildcards such as *.example.com need a ServiceEntry)', host);
    return;
  }
  const problems = validateWildcardDomain(host);
  if (problems.length === 0) return;
  const hint = parseIp(host)
    ? ': an IP address is not a destination host; declare the address in a ServiceEntry and route to its host name'
    : '';
  report(at, `destination host ${show(host)} is invalid: ${problems.join('; ')}${hint}`, host);
}

/** validateSubsetName (VS036): a subset, when set, is a DNS-1123 label. */
function checkDestinationSubset(destination: JsonObject, path: string, report: Report): void {
  const subset = valueAt(destination, 'subset');
  if (!isSet(subset) || subset === '') return;
  const at = `${path}.subset`;
  if (typeof subset !== 'string') {
    report(at, `subset must be a string, got ${describeKind(subset)}`, subset);
  } else if (!isIstioDnsLabel(subset)) {
    report(at, `subset name is invalid: ${show(subset)} must be a DNS-1123 label (letters, digits and '-', at most 63 characters, starting and ending with a letter or digit), the name of a subset in a DestinationRule`, subset);
  }
}

/** validatePortSelector (VS037): a port, when set, has a number in 1..65535. */
function checkDestinationPort(destination: JsonObject, path: string, report: Report): void {
  const port = valueAt(destination, 'port');
  if (!isSet(port)) return;
  const at = `${path}.port`;
  if (!isObject(port)) {
    report(at, `destination port must be an object such as {number: 8080}, got ${describeKind(port)}`, port);
    return;
  }
  const number = valueAt(port, 'number');
  if (!isSet(number)) {
    report(`${at}.number`, 'port number 0 must be in the range 1..65535: a destination port needs its number (port: {number: 8080}); remove port to use the service\'s only port');
  } else if (isValidPortNum(number).length > 0) {
    report(`${at}.number`, `port number ${show(number)} must be in the range 1..65535`, number);
  }
}

/**
 * validateDestination for one `Destination` object (host, subset, port) at `path`
 * (for example `spec.http[0].mirror`); reports every problem through `report`.
 * A missing or non-object destination is reported as "destination is required".
 */
export function checkDestination(destination: unknown, path: string, report: Report): void {
  if (!isSet(destination)) {
    report(path, 'destination is required');
    return;
  }
  if (!isObject(destination)) {
    report(path, `destination must be an object with a host, got ${describeKind(destination)}`, destination);
    return;
  }
  checkDestinationHost(destination, path, report);
  checkDestinationSubset(destination, path, report);
  checkDestinationPort(destination, path, report);
}

/** One `route` list of a VirtualService (`spec.http[0].route`) and its entries. */
interface DestinationList {
  readonly path: string;
  readonly entries: unknown[];
}

function readDestinationLists(manifest: JsonObject): DestinationList[] {
  const shape = vsShape(manifest);
  const lists: DestinationList[] = [];
  for (const { route, path } of [...shape.http, ...shape.tcp, ...shape.tls]) {
    const entries = valueAt(route, 'route');
    if (Array.isArray(entries)) lists.push({ path: `${path}.route`, entries });
  }
  return lists;
}

/** Memoised per manifest and validation run (many rules read it). */
const destinationLists: (manifest: unknown) => DestinationList[] = memoizePerManifest(m => readDestinationLists(m as JsonObject));

/** Runs `check` on each destination object of every route list. */
function eachDestination(manifest: JsonObject, check: (destination: JsonObject, path: string) => void): void {
  for (const list of destinationLists(manifest)) {
    list.entries.forEach((entry, index) => {
      const destination = valueAt(entry, 'destination');
      if (isObject(destination)) check(destination, `${list.path}[${index}].destination`);
    });
  }
}

/** The weights of a route list, or undefined when one is of a wrong type (VS038 reports it). */
function weightsOf(list: DestinationList): { weights: number[]; anySet: boolean } | undefined {
  const weights: number[] = [];
  let anySet = false;
  for (const entry of list.entries) {
    const weight = valueAt(entry, 'weight');
    if (!isSet(weight)) {
      weights.push(0);
      continue;
    }
    if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 0 || weight > INT32_MAX) return undefined;
    anySet = true;
    weights.push(weight);
  }
  return { weights, anySet };
}

export const destinationRequiredRule: ManifestRule = {
  code: 'VS034',
  name: 'destination-required',
  severity: Severity.ERROR,
  appliesTo: VIRTUAL_SERVICE,
  description: 'each route[] entry of http, tcp and tls routes is an object with a destination (validateHTTPRouteDestinations, validateRouteDestinations)',
  check(manifest, context) {
    for (const list of destinationLists(manifest)) {
      list.entries.forEach((entry, index) => {
        const path = `${list.path}[${index}]`;
        if (entry === null) {
          context.report(path, 'route destination may not be null: each entry needs a destination', entry);
          return;
        }
        if (!isObject(entry)) {
          context.report(path, `route destination must be an object with a destination, got ${describeKind(entry)}`, entry);
          return;
        }
        const destination = valueAt(entry, 'destination');
        if (!isSet(destination)) {
          context.report(`${path}.destination`, 'destination is required: each route entry needs destination.host, the service the traffic goes to');
        } else if (!isObject(destination)) {
          context.report(`${path}.destination`, `destination must be an object with a host, got ${describeKind(destination)}`, destination);
        }
      });
    }
  },
};

/** A rule over every destination (route entries, mirror, mirrors) with one destination check. */
function destinationFieldRule(code: string, name: string, description: string, check: (destination: JsonObject, path: string, report: Report) => void): ManifestRule {
  return {
    code,
    name,
    severity: Severity.ERROR,
    appliesTo: VIRTUAL_SERVICE,
    description,
    check(manifest, context) {
      eachDestination(manifest, (destination, path) => check(destination, path, context.report));
    },
  };
}

export const destinationHostRule: ManifestRule = destinationFieldRule('VS035', 'destination-host',
  'destination.host is required, not "*", and a DNS name with an optional wildcard first label, so not an IP address (validateDestination, agent.ValidateWildcardDomain)',
  checkDestinationHost);

export const destinationSubsetRule: ManifestRule = destinationFieldRule('VS036', 'destination-subset',
  'destination.subset, when set, is a DNS-1123 label (validateSubsetName)',
  checkDestinationSubset);

export const destinationPortRule: ManifestRule = destinationFieldRule('VS037', 'destination-port',
  'destination.port, when set, has a number in 1..65535; port: {} is refused (validatePortSelector)',
  checkDestinationPort);

export const weightRule: ManifestRule = {
  code: 'VS038',
  name: 'weight',
  severity: Severity.ERROR,
  appliesTo: VIRTUAL_SERVICE,
  description: 'a route weight is a non-negative integer (validateWeight; int32 in the schema)',
  check(manifest, context) {
    for (const list of destinationLists(manifest)) {
      list.entries.forEach((entry, index) => {
        const weight = valueAt(entry, 'weight');
        if (!isSet(weight)) return;
        const path = `${list.path}[${index}].weight`;
        if (typeof weight !== 'number' || !Number.isInteger(weight)) {
          context.report(path, `weight must be a whole number, got ${describeKind(weight)}`, weight);
        } else if (weight < 0) {
          context.report(path, `weight ${weight} < 0: weights are relative shares of the traffic, 0 or more`, weight);
        } else if (weight > INT32_MAX) {
          context.report(path, `weight ${weight} is too large: at most ${INT32_MAX}`, weight);
        }
      });
    }
  },
};

export const weightsZeroSumRule: ManifestRule = {
  code: 'VS039',
  name: 'weights-zero-sum',
  severity: Severity.ERROR,
  appliesTo: VIRTUAL_SERVICE,
  description: 'a route with more than one destination needs weights that sum above 0; a missing weight counts as 0 (validateHTTPRouteDestinations, validateRouteDestinations)',
  check(manifest, context) {
    for (const list of destinationLists(manifest)) {
      if (list.entries.length < 2) continue;
      const found = weightsOf(list);
      if (!found || found.weights.some(w => w > 0)) continue;
      context.report(list.path,
        `total destination weight = 0 across ${list.entries.length} destinations: with more than one destination, give each the share of traffic it gets (weight, for example 90 and 10); a missing weight counts as 0`);
    }
  },
};

/** A share of traffic in percent, with at most one decimal (`33.3`, `50`). */
function percent(weight: number, total: number): string {
  return `${Math.round((weight / total) * 1000) / 10}%`;
}

export const weightsNot100Rule: ManifestRule = {
  code: 'VS082',
  name: 'weights-not-100',
  severity: Severity.WARNING,
  appliesTo: VIRTUAL_SERVICE,
  description: 'weights of a route with more than one destination that do not sum to 100: Istio accepts them since 1.15 and splits traffic by weight/sum, which often hides a typo (library check; the webhook only refuses a sum of 0)',
  check(manifest, context) {
    for (const list of destinationLists(manifest)) {
      if (list.entries.length < 2) continue;
      const found = weightsOf(list);
      if (!found || !found.anySet) continue;
      const total = found.weights.reduce((sum, w) => sum + w, 0);
      if (total === 0 || total === 100) continue;
      const split = found.weights.map(w => percent(w, total)).join(' / ');
      context.report(list.path,
        `the weights of the ${list.entries.length} destinations sum to ${total}, not 100: Istio accepts this and divides traffic by weight/sum, so the split is ${split}; make them sum to 100 if that is not what you meant (a missing weight counts as 0)`,
        found.weights);
    }
  },
};

export const DESTINATION_RULES: readonly ManifestRule[] = [
  destinationRequiredRule,
  destinationHostRule,
  destinationSubsetRule,
  destinationPortRule,
  weightRule,
  weightsZeroSumRule,
  weightsNot100Rule,
];
