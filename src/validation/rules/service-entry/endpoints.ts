/**
 * `spec.endpoints`: which resolutions allow them and how many, and each endpoint's address,
 * ports and labels (ValidateServiceEntry, validateWorkloadEntry, ValidateUnixAddress,
 * labels.Instance.Validate; the CRD's CEL rules on endpoints).
 */
import { Severity } from '../../diagnostic';
import { isIstioLabel, validateFqdn } from '../../format/istio-host';
import { SERVICE_ENTRY } from '../../kinds';
import { entriesAt, isInteger, isObject, JsonObject, keyPath, objectAt, show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { isGoIpAddress } from '../../format/netip';
import { UNIX_PREFIX } from '../gateway/shape';
import { unixAddressProblem } from '../gateway/unix-address';
import { checkTagLabels } from '../istio-common/selector-labels';
import { isPortNumber } from './ports';
import { isDnsMode, isSet, objectEndpoints, seShape, text } from './shape';

/** The CEL rules on a `unix://` address: an absolute path or an abstract socket, not a directory. */
function celUnixProblem(address: string): string | undefined {
  const next = address.charAt(UNIX_PREFIX.length);
  if (next !== '/' && next !== '@') return 'UDS must be an absolute path or abstract socket';
  if (address.endsWith('/')) return 'UDS may not be a dir';
  return undefined;
}

/** The problem with an endpoint's address for the resolution, or undefined. */
function addressProblem(endpoint: JsonObject, resolution: string | undefined): string | undefined {
  const address = text(endpoint, 'address');
  const network = text(endpoint, 'network');
  // the CRD: address or network must be present
  if (!isSet(valueAt(endpoint, 'address')) && !isSet(valueAt(endpoint, 'network'))) return 'address is required';
  if (address.startsWith(UNIX_PREFIX)) {
    const problem = (resolution === 'STATIC' ? unixAddressProblem(address.slice(UNIX_PREFIX.length)) : undefined) ?? celUnixProblem(address);
    if (problem) return `endpoint address ${show(address)}: ${problem}`;
  }
  if (resolution === 'STATIC') {
    if (address === '' && network === '') return 'address is required';
    if (address !== '' && !address.startsWith(UNIX_PREFIX) && !isGoIpAddress(address)) return `endpoint address ${show(address)} is not a valid IP address`;
  } else if (isDnsMode(resolution)) {
    if (!isGoIpAddress(address) && validateFqdn(address).length > 0) return `endpoint address ${show(address)} is not a valid FQDN or an IP address`;
  }
  return undefined;
}

export const endpointsResolutionNoneRule: ManifestRule = {
  code: 'SE019',
  name: 'endpoints-resolution-none',
  severity: Severity.ERROR,
  appliesTo: SERVICE_ENTRY,
  description: 'a ServiceEntry with resolution NONE (the default) has no endpoints (ValidateServiceEntry; the CRD\'s "NONE mode cannot set endpoints", which refuses an empty list too)',
  upstream: ['IST0106'],
  check(manifest, context) {
    const { spec, resolution } = seShape(manifest);
    const endpoints = valueAt(spec, 'endpoints');
    if (resolution !== 'NONE' || !isSet(endpoints)) return;
    const unset = !isSet(valueAt(spec, 'resolution'));
    context.report('spec.endpoints',
      `no endpoints should be provided for resolution type none${unset ? ' (resolution is unset, which means NONE)' : ''}: set resolution STATIC to send traffic to these endpoints (or DNS for host names), or remove endpoints`,
      endpoints);
  },
};

export const endpointNotNullRule: ManifestRule = {
  code: 'SE020',
  name: 'endpoint-not-null',
  severity: Severity.ERROR,
  appliesTo: SERVICE_ENTRY,
  description: 'no entry of endpoints is null (ValidateServiceEntry)',
  upstream: ['IST0106'],
  check(manifest, context) {
    for (const { value, path } of seShape(manifest).endpoints) {
      if (value === null) context.report(path, 'endpoint cannot be nil: remove the empty entry, or give it an address', value);
    }
  },
};

export const endpointAddressRule: ManifestRule = {
  code: 'SE021',
  name: 'endpoint-address',
  severity: Severity.ERROR,
  appliesTo: SERVICE_ENTRY,
  description: 'an endpoint has an address or a network; with resolution STATIC the address is an IP address or unix://<absolute path or @name>, with DNS and DNS_ROUND_ROBIN an IP address or an FQDN (validateWorkloadEntry, ValidateUnixAddress, ValidateServiceEntry; the CRD\'s CEL rules)',
  upstream: ['IST0106'],
  check(manifest, context) {
    const { resolution } = seShape(manifest);
    for (const { value, path } of objectEndpoints(manifest)) {
      const problem = addressProblem(value, resolution);
      if (problem) {
        context.report(`${path}.address`,
          `${problem}: give the endpoint ${resolution === 'STATIC' ? 'an IP address (or unix:///path/to/socket)' : isDnsMode(resolution) ? 'an IP address or a DNS name' : 'an address'}`,
          valueAt(value, 'address'));
      }
    }
  },
};

export const endpointAddressNetworkRule: ManifestRule = {
  code: 'SE022',
  name: 'endpoint-address-network',
  severity: Severity.WARNING,
  appliesTo: SERVICE_ENTRY,
  description: 'with resolution STATIC, an endpoint with a network but no address is reached only through that network\'s gateway (validateWorkloadEntry)',
  upstream: ['IST0133'],
  check(manifest, context) {
    if (seShape(manifest).resolution !== 'STATIC') return;
    for (const { value, path } of objectEndpoints(manifest)) {
      const network = text(value, 'network');
      if (text(value, 'address') !== '' || network === '') continue;
      context.report(`${path}.address`, `address is unset with network ${show(network)}: the endpoint is reached through the network's gateway; set address if it is reachable directly`);
    }
  },
};

export const endpointPortsRule: ManifestRule = {
  code: 'SE023',
  name: 'endpoint-ports',
  severity: Severity.ERROR,
  appliesTo: SERVICE_ENTRY,
  description: 'endpoint ports map names of the ServiceEntry\'s ports (DNS-1123 labels under 63 characters) to numbers in 1..65535, and a unix:// endpoint has none (validateWorkloadEntry, ValidateServiceEntry; the CRD\'s CEL rules)',
  upstream: ['IST0106'],
  check(manifest, context) {
    const { resolution, portNames } = seShape(manifest);
    const checksNames = resolution === 'STATIC' || isDnsMode(resolution);
    for (const { value, path } of objectEndpoints(manifest)) {
      const address = text(value, 'address');
      if (address.startsWith(UNIX_PREFIX) && isSet(valueAt(value, 'ports'))) {
        context.report(`${path}.ports`, `unix endpoint ${show(address)} must not include ports: a socket has no port; remove ports`, valueAt(value, 'ports'));
        continue;
      }
      for (const [name, port] of entriesAt(value, 'ports')) {
        const at = keyPath(`${path}.ports`, name);
        if (checksNames && !portNames.has(name)) {
          context.report(at, `endpoint port ${show(name)} is not defined by the service entry: name one of its ports (${[...portNames].map(n => show(n)).join(', ') || 'it has none'})`, name);
        }
        if (!isIstioLabel(name) || name.length >= 63) {
          context.report(at, `invalid port name: ${show(name)}: a port name is a DNS-1123 label (letters, digits and "-", at most 62 characters)`, name);
        }
        if (isInteger(port) && !isPortNumber(port)) {
          context.report(at, `port number ${port} must be in the range 1..65535`, port);
        }
      }
    }
  },
};

export const unixEndpointSinglePortRule: ManifestRule = {
  code: 'SE024',
  name: 'unix-endpoint-single-port',
  severity: Severity.ERROR,
  appliesTo: SERVICE_ENTRY,
  description: 'with resolution STATIC, a ServiceEntry with a unix:// endpoint has exactly one port (validateWorkloadEntry)',
  upstream: ['IST0106'],
  check(manifest, context) {
    const { resolution, ports } = seShape(manifest);
    if (resolution !== 'STATIC') return;
    // Istio counts distinct port names, a missing name counting as ""
    const names = new Set(ports.filter(entry => isObject(entry.value)).map(entry => text(entry.value, 'name')));
    if (names.size === 1) return;
    for (const { value, path } of objectEndpoints(manifest)) {
      const address = text(value, 'address');
      if (!address.startsWith(UNIX_PREFIX)) continue;
      context.report(`${path}.address`, `exactly 1 service port required for unix endpoints: endpoint ${show(address)} is a socket, and the ServiceEntry has ${names.size} ports`, address);
    }
  },
};

export const endpointLabelsRule: ManifestRule = {
  code: 'SE025',
  name: 'endpoint-labels',
  severity: Severity.ERROR,
  appliesTo: SERVICE_ENTRY,
  description: 'endpoint labels have valid keys and values (labels.Instance.Validate; checked with resolution STATIC, DNS and DNS_ROUND_ROBIN)',
  upstream: ['IST0106'],
  check(manifest, context) {
    const { resolution } = seShape(manifest);
    if (resolution !== 'STATIC' && !isDnsMode(resolution)) return;
    for (const { value, path } of objectEndpoints(manifest)) {
      if (objectAt(value, 'labels')) checkTagLabels(valueAt(value, 'labels'), `${path}.labels`, context.report.bind(context));
    }
  },
};

export const dnsRoundRobinEndpointsRule: ManifestRule = {
  code: 'SE026',
  name: 'dns-round-robin-endpoints',
  severity: Severity.ERROR,
  appliesTo: SERVICE_ENTRY,
  description: 'a ServiceEntry with resolution DNS_ROUND_ROBIN has at most one endpoint (ValidateServiceEntry; the CRD\'s CEL rule)',
  upstream: ['IST0106'],
  check(manifest, context) {
    const { resolution, endpoints } = seShape(manifest);
    if (resolution !== 'DNS_ROUND_ROBIN' || endpoints.length <= 1) return;
    context.report('spec.endpoints',
      `there must only be 0 or 1 endpoint for resolution mode DNS_ROUND_ROBIN (got ${endpoints.length}): use resolution DNS to spread traffic over several endpoints`,
      endpoints.length);
  },
};

export const ENDPOINT_RULES: readonly ManifestRule[] = [
  endpointsResolutionNoneRule, endpointNotNullRule, endpointAddressRule, endpointAddressNetworkRule,
  endpointPortsRule, unixEndpointSinglePortRule, endpointLabelsRule, dnsRoundRobinEndpointsRule,
];
