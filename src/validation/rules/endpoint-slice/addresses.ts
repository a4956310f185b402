import { Severity } from '../../diagnostic';
import { isDns1123Label, isDns1123Subdomain } from '../../format/dns';
import { parseIp, specialIpReason } from '../../format/ip';
import { ENDPOINT_SLICE } from '../../kinds';
import { JsonObject, arrayAt, show, stringAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { KUBERNETES_CONTROLLERS, MANAGED_BY_LABEL, endpointsOf, labelOf } from './walk';

interface Address {
  readonly path: string;
  readonly value: string;
}

/** Every string address of every endpoint, with its path. */
function addressesOf(manifest: JsonObject): Address[] {
  const out: Address[] = [];
  for (const endpoint of endpointsOf(manifest)) {
    (arrayAt(endpoint.value, 'addresses') ?? []).forEach((value, i) => {
      if (typeof value === 'string') out.push({ path: `${endpoint.path}.addresses[${i}]`, value });
    });
  }
  return out;
}

/**
 * Problems of an FQDN address (`IsFullyQualifiedDomainName`): a DNS-1123 subdomain of at
 * least two labels, an optional trailing dot.
 */
function fqdnProblems(address: string): string[] {
  if (address === '') return ['must not be empty'];
  const name = address.endsWith('.') ? address.slice(0, -1) : address;
  const subdomain = isDns1123Subdomain(name);
  if (subdomain.length > 0) return subdomain;
  const labels = name.split('.');
  if (labels.length < 2) return ['should be a domain with at least two segments separated by dots'];
  for (const label of labels) {
    const problems = isDns1123Label(label);
    if (problems.length > 0) return problems.map(p => `label ${show(label)} ${p}`);
  }
  return [];
}

/** EPS005: each address has the slice's address type. */
export const ENDPOINT_ADDRESS_FORMAT: ManifestRule = {
  code: 'EPS005',
  name: 'endpoint-address-format',
  severity: Severity.ERROR,
  appliesTo: [ENDPOINT_SLICE],
  description: 'addresses are IPv4 addresses, IPv6 addresses or FQDNs as addressType says (IsValidIPv4Address, IsValidIPv6Address, IsFullyQualifiedDomainName)',
  check(manifest, context) {
    const addressType = stringAt(manifest, 'addressType');
    for (const { path, value } of addressesOf(manifest)) {
      if (addressType === 'IPv4' || addressType === 'IPv6') {
        const ip = parseIp(value);
        if (ip?.family === addressType) continue;
        const hint = ip ? `: it is an ${ip.family} address, put it in an EndpointSlice with addressType ${ip.family}` : '';
        context.report(path, `address ${show(value)} must be a valid ${addressType} address (addressType ${addressType})${hint}`, value);
      } else if (addressType === 'FQDN') {
        const problems = fqdnProblems(value);
        if (problems.length > 0) {
          context.report(path, `address ${show(value)} must be a fully qualified domain name (addressType FQDN): ${problems.join(', ')}`, value);
        }
      }
    }
  },
};

/** EPS006: IP addresses may not be unspecified, loopback or link-local. */
export const ENDPOINT_ADDRESS_SPECIAL: ManifestRule = {
  code: 'EPS006',
  name: 'endpoint-address-special',
  severity: Severity.ERROR,
  appliesTo: [ENDPOINT_SLICE],
  description: 'endpoint IPs may not be unspecified, loopback, link-local or link-local multicast (ValidateEndpointIP)',
  check(manifest, context) {
    const addressType = stringAt(manifest, 'addressType');
    if (addressType !== 'IPv4' && addressType !== 'IPv6') return;
    for (const { path, value } of addressesOf(manifest)) {
      const ip = parseIp(value);
      // upstream checks special ranges only once the address has the right family
      if (!ip || ip.family !== addressType) continue;
      const reason = specialIpReason(ip);
      if (reason) context.report(path, `address ${show(value)} ${reason}`, value);
    }
  },
};

/** EPS007: the API server warns about IPs written in a non-canonical form. */
export const ENDPOINT_ADDRESS_CANONICAL: ManifestRule = {
  code: 'EPS007',
  name: 'endpoint-address-canonical',
  severity: Severity.WARNING,
  appliesTo: [ENDPOINT_SLICE],
  description: 'IP addresses are written in canonical form: no leading zeros, no IPv4-mapped IPv6, RFC 5952 for IPv6 (warnOnBadIPs, GetWarningsForIP)',
  check(manifest, context) {
    const managedBy = labelOf(manifest, MANAGED_BY_LABEL);
    // the API server skips the check for its own controllers' slices
    if (managedBy !== undefined && KUBERNETES_CONTROLLERS.includes(managedBy)) return;
    const addressType = stringAt(manifest, 'addressType');
    if (addressType !== 'IPv4' && addressType !== 'IPv6') return;
    for (const { path, value } of addressesOf(manifest)) {
      const ip = parseIp(value);
      if (!ip || ip.canonical === value) continue;
      if (ip.family === 'IPv4') {
        context.report(path, `address ${show(value)} is a non-standard IP address that a future Kubernetes release will refuse: use ${show(ip.canonical)}`, value);
      } else {
        context.report(path, `IPv6 address ${show(value)} should be in RFC 5952 canonical form: ${show(ip.canonical)}`, value);
      }
    }
  },
};
