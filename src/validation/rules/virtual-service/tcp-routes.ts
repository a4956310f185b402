/**
 * TCP routes, and the L4 checks TLS routes share with them: destination subnets, ports,
 * source labels, and a required route (validateTCPRoute, validateTCPMatch, validateTLSRoute,
 * validateTLSMatch).
 */
import { Severity } from '../../diagnostic';
import { parseCidr, parseIp } from '../../format/ip';
import { isLabelValue, isQualifiedName } from '../../format/labels';
import { isValidPortNum } from '../../format/ports';
import { VIRTUAL_SERVICE } from '../../kinds';
import { entriesAt, isObject, JsonObject, show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { describeKind, isSet, keyPath, matchesOf, vsShape, VsMatch, VsRoute } from './shape';

type L4Kind = 'tcp' | 'tls';

/** The object routes of spec.tcp and spec.tls, each with its kind. */
function l4Routes(manifest: JsonObject): Array<{ kind: L4Kind; route: VsRoute }> {
  const shape = vsShape(manifest);
  return [
    ...shape.tcp.map(route => ({ kind: 'tcp' as const, route })),
    ...shape.tls.map(route => ({ kind: 'tls' as const, route })),
  ].filter(entry => isObject(entry.route.route));
}

function l4Matches(manifest: JsonObject): Array<{ kind: L4Kind } & VsMatch> {
  return l4Routes(manifest).flatMap(({ kind, route }) => matchesOf(route).map(match => ({ kind, ...match })));
}

/**
 * Go's netip parsers, which Istio uses for subnets, refuse IPv4 octets with leading zeros
 * (`010.0.0.1`) that the Kubernetes-style parser in format/ip.ts reads as decimal.
 */
function hasLeadingZeroOctet(address: string): boolean {
  const v4 = address.slice(address.lastIndexOf(':') + 1);
  return v4.includes('.') && v4.split('.').some(octet => octet.length > 1 && octet.startsWith('0'));
}

/** agent.ValidateIPSubnet: a CIDR when the text has one '/', else an IP address. */
function subnetProblem(subnet: string): string | undefined {
  const slashes = subnet.split('/').length - 1;
  if (slashes === 1) {
    const cidr = parseCidr(subnet);
    return cidr && !hasLeadingZeroOctet(subnet.slice(0, subnet.indexOf('/')))
      ? undefined
      : `${show(subnet)} is not a valid CIDR block`;
  }
  return parseIp(subnet) && !hasLeadingZeroOctet(subnet) ? undefined : `${show(subnet)} is not a valid IP`;
}

export const destinationSubnetsRule: ManifestRule = {
  code: 'VS068',
  name: 'destination-subnets',
  severity: Severity.ERROR,
  appliesTo: VIRTUAL_SERVICE,
  description: 'destinationSubnets entries of tcp and tls matches are IP addresses or CIDR blocks (agent.ValidateIPSubnet)',
  check(manifest, context) {
    for (const { match, path } of l4Matches(manifest)) {
      const list = valueAt(match, 'destinationSubnets');
      if (!isSet(list)) continue;
      if (!Array.isArray(list)) {
        context.report(`${path}.destinationSubnets`, `destinationSubnets must be a list of IP addresses or CIDR blocks, got ${describeKind(list)}`, list);
        continue;
      }
      list.forEach((subnet, index) => {
        const at = `${path}.destinationSubnets[${index}]`;
        if (typeof subnet !== 'string') {
          context.report(at, `destinationSubnets entry must be a string, got ${describeKind(subnet)}`, subnet);
          return;
        }
        const problem = subnetProblem(subnet);
        if (problem) context.report(at, `${problem}: write an IP address (10.1.2.3, 2001:db8::1) or a CIDR block (10.1.0.0/16)`, subnet);
      });
    }
  },
};

export const l4RouteRequiredRule: ManifestRule = {
  code: 'VS069',
  name: 'l4-route-required',
  severity: Severity.ERROR,
  appliesTo: VIRTUAL_SERVICE,
  description: 'each tcp and tls route needs a non-empty route list (validateTCPRoute, validateTLSRoute)',
  check(manifest, context) {
    for (const { kind, route } of l4Routes(manifest)) {
      const list = valueAt(route.route, 'route');
      const label = kind.toUpperCase();
      if (isSet(list) && !Array.isArray(list)) {
        context.report(`${route.path}.route`, `${label} route must be a list of destinations, got ${describeKind(list)}`, list);
      } else if (!Array.isArray(list) || list.length === 0) {
        context.report(`${route.path}.route`, `${label} route is required: add route: [{destination: {host: ...}}] with where the connections go`);
      }
    }
  },
};

export const l4MatchRule: ManifestRule = {
  code: 'VS070',
  name: 'l4-match',
  severity: Severity.ERROR,
  appliesTo: VIRTUAL_SERVICE,
  description: 'tcp and tls match entries are not null, a non-zero port is 1..65535, and sourceLabels are valid label keys and values (validateTCPMatch, validateTLSMatch, labels.Instance.Validate; stricter than Istio, which allows label values over 63 characters and upper-case key prefixes, which no pod label can have)',
  check(manifest, context) {
    for (const { kind, match, path } of l4Matches(manifest)) {
      if (match === null) {
        context.report(path, kind === 'tcp' ? 'tcp match may not be null' : 'TLS match may not be null', match);
        continue;
      }
      if (!isObject(match)) {
        context.report(path, `${kind} match must be an object, got ${describeKind(match)}`, match);
        continue;
      }
      const port = valueAt(match, 'port');
      if (isSet(port) && port !== 0 && isValidPortNum(port).length > 0) {
        context.report(`${path}.port`, `port number ${show(port)} must be in the range 1..65535 (or 0, any port)`, port);
      }
      const labels = valueAt(match, 'sourceLabels');
      if (isSet(labels) && !isObject(labels)) {
        context.report(`${path}.sourceLabels`, `sourceLabels must be a map of label keys to values, got ${describeKind(labels)}`, labels);
        continue;
      }
      for (const [key, value] of entriesAt(match, 'sourceLabels')) {
        const at = keyPath(`${path}.sourceLabels`, key);
        const keyProblems = isQualifiedName(key);
        if (keyProblems.length > 0) context.report(at, `invalid tag key: ${show(key)}: ${keyProblems.join('; ')}`, key);
        if (typeof value !== 'string') {
          context.report(at, `label value must be a string, got ${describeKind(value)}`, value);
          continue;
        }
        const valueProblems = isLabelValue(value);
        if (valueProblems.length > 0) context.report(at, `invalid tag value: ${show(value)}: ${valueProblems.join('; ')}`, value);
      }
    }
  },
};

export const TCP_ROUTE_RULES: readonly ManifestRule[] = [destinationSubnetsRule, l4RouteRequiredRule, l4MatchRule];
