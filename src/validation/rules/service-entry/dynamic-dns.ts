/**
 * Resolution DYNAMIC_DNS (a dynamic forward proxy): wildcard hosts only, no addresses or
 * endpoints, HTTP, TLS, GRPC or HTTP2 ports, and no MESH_INTERNAL behind a waypoint
 * (ValidateServiceEntry).
 */
import { Severity } from '../../diagnostic';
import { SERVICE_ENTRY } from '../../kinds';
import { objectAt, show, stringAt, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { parseProtocol } from '../gateway/protocol';
import { isSet, objectPorts, seShape } from './shape';

const MODE = 'DYNAMIC_DNS';
const USE_WAYPOINT_LABEL = 'istio.io/use-waypoint';
const DYNAMIC_PROTOCOLS: readonly string[] = ['HTTP', 'TLS', 'GRPC', 'HTTP2'];

function isDynamic(manifest: unknown): boolean {
  return seShape(manifest).resolution === MODE;
}

export const dynamicDnsHostsRule: ManifestRule = {
  code: 'SE029',
  name: 'dynamic-dns-hosts',
  severity: Severity.ERROR,
  appliesTo: SERVICE_ENTRY,
  description: 'with resolution DYNAMIC_DNS every host is a wildcard (starts with "*") (ValidateServiceEntry; an empty host list is SE001\'s)',
  upstream: ['IST0106'],
  check(manifest, context) {
    if (!isDynamic(manifest)) return;
    seShape(manifest).hosts.forEach((host, index) => {
      if (typeof host !== 'string' || host.startsWith('*')) return;
      context.report(`spec.hosts[${index}]`, `host must be wildcarded for resolution mode ${MODE} (got ${show(host)}): write a wildcard such as *.example.com, or use resolution DNS for a single name`, host);
    });
  },
};

export const dynamicDnsAddressesEndpointsRule: ManifestRule = {
  code: 'SE030',
  name: 'dynamic-dns-addresses-endpoints',
  severity: Severity.ERROR,
  appliesTo: SERVICE_ENTRY,
  description: 'with resolution DYNAMIC_DNS there are no addresses and no endpoints: the destination comes from the request\'s host (ValidateServiceEntry)',
  upstream: ['IST0106'],
  check(manifest, context) {
    if (!isDynamic(manifest)) return;
    const { addresses, endpoints } = seShape(manifest);
    if (addresses.length > 0) {
      context.report('spec.addresses', `addresses cannot be set for resolution type ${MODE}. HTTP route domains will only be generated from the hosts field values: remove addresses`, addresses.length);
    }
    if (endpoints.length > 0) {
      context.report('spec.endpoints', `endpoints cannot be set for resolution type ${MODE}. Destination IP address determined from hosts field values: remove endpoints`, endpoints.length);
    }
  },
};

export const dynamicDnsProtocolsRule: ManifestRule = {
  code: 'SE031',
  name: 'dynamic-dns-protocols',
  severity: Severity.ERROR,
  appliesTo: SERVICE_ENTRY,
  description: 'with resolution DYNAMIC_DNS every port is of protocol HTTP, TLS, GRPC or HTTP2 (ValidateServiceEntry)',
  upstream: ['IST0106'],
  check(manifest, context) {
    if (!isDynamic(manifest)) return;
    for (const { value, path } of objectPorts(manifest)) {
      if (DYNAMIC_PROTOCOLS.includes(parseProtocol(valueAt(value, 'protocol')))) continue;
      const protocol = valueAt(value, 'protocol');
      context.report(`${path}.protocol`,
        `only HTTP, TLS, GRPC, and HTTP2 protocols are supported for resolution type ${MODE} (got ${isSet(protocol) ? show(protocol) : 'no protocol'}): set one of them`,
        protocol);
    }
  },
};

export const dynamicDnsWaypointRule: ManifestRule = {
  code: 'SE032',
  name: 'dynamic-dns-waypoint',
  severity: Severity.ERROR,
  appliesTo: SERVICE_ENTRY,
  description: `with resolution DYNAMIC_DNS, location MESH_INTERNAL is not supported when the ServiceEntry uses a waypoint (label ${USE_WAYPOINT_LABEL} other than "none") (ValidateServiceEntry, usesWaypoint)`,
  upstream: ['IST0106'],
  check(manifest, context) {
    if (!isDynamic(manifest) || seShape(manifest).location !== 'MESH_INTERNAL') return;
    const waypoint = stringAt(objectAt(objectAt(manifest, 'metadata'), 'labels'), USE_WAYPOINT_LABEL);
    if (waypoint === undefined || waypoint === '' || waypoint.toLowerCase() === 'none') return;
    context.report('spec.location',
      `location MESH_INTERNAL with resolution type ${MODE} is not supported when using waypoints (label ${USE_WAYPOINT_LABEL}: ${show(waypoint)}): use location MESH_EXTERNAL, or remove the label`,
      'MESH_INTERNAL');
  },
};

export const DYNAMIC_DNS_RULES: readonly ManifestRule[] = [dynamicDnsHostsRule, dynamicDnsAddressesEndpointsRule, dynamicDnsProtocolsRule, dynamicDnsWaypointRule];
