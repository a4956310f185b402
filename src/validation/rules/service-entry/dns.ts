/**
 * Resolutions DNS and DNS_ROUND_ROBIN: without endpoints the hosts themselves are resolved,
 * so they must be FQDNs; and the warning for several hosts sharing addresses on a TCP port
 * (ValidateServiceEntry, agent.ValidateFQDN).
 */
import { Severity } from '../../diagnostic';
import { validateFqdn } from '../../format/istio-host';
import { SERVICE_ENTRY } from '../../kinds';
import { show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { isTcpProtocol, parseProtocol } from '../gateway/protocol';
import { isDnsMode, objectPorts, seShape } from './shape';

export const dnsHostsFqdnRule: ManifestRule = {
  code: 'SE027',
  name: 'dns-hosts-fqdn',
  severity: Severity.ERROR,
  appliesTo: SERVICE_ENTRY,
  description: 'with resolution DNS or DNS_ROUND_ROBIN and no endpoints, every host is an FQDN that DNS can resolve, without wildcards (ValidateServiceEntry, agent.ValidateFQDN; Istio reports the first such host)',
  upstream: ['IST0106'],
  check(manifest, context) {
    const { resolution, hosts, endpoints } = seShape(manifest);
    if (!isDnsMode(resolution) || endpoints.length > 0) return;
    const index = hosts.findIndex(host => typeof host === 'string' && validateFqdn(host).length > 0);
    if (index < 0) return;
    const host = hosts[index] as string;
    context.report(`spec.hosts[${index}]`,
      `hosts must be FQDN or contain only prefix wildcards if no endpoints are provided for resolution mode ${resolution}, ${validateFqdn(host).join('; ')}: without endpoints the proxy resolves the host names themselves; list endpoints, or name a host DNS can resolve`,
      host);
  },
};

export const dnsMultipleHostsTcpRule: ManifestRule = {
  code: 'SE028',
  name: 'dns-multiple-hosts-tcp',
  severity: Severity.WARNING,
  appliesTo: SERVICE_ENTRY,
  description: 'with resolution DNS or DNS_ROUND_ROBIN, addresses and a TCP-based port (TCP, HTTPS, TLS, MONGO, REDIS, MYSQL), a ServiceEntry has one host (ValidateServiceEntry)',
  upstream: ['IST0133'],
  check(manifest, context) {
    const { resolution, hosts, addresses } = seShape(manifest);
    if (!isDnsMode(resolution) || addresses.length === 0 || hosts.length <= 1) return;
    const port = objectPorts(manifest).find(({ value }) => isTcpProtocol(parseProtocol(valueAt(value, 'protocol'))));
    if (!port) return;
    context.report('spec.hosts',
      `service entry can not have more than one host specified simultaneously with address and tcp port (${hosts.length} hosts, port ${show(valueAt(port.value, 'name'))} of protocol ${show(valueAt(port.value, 'protocol'))}): connections to the addresses cannot tell the hosts apart; use one ServiceEntry per host`,
      hosts.length);
  },
};

export const DNS_RULES: readonly ManifestRule[] = [dnsHostsFqdnRule, dnsMultipleHostsTcpRule];
