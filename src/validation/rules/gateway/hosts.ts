/**
 * `servers[].hosts`: at least one host per server, each `[namespace/]dnsName` with a
 * fully qualified or wildcard DNS name or an IP address (validateServer,
 * agent.ValidateNamespaceSlashWildcardHostname, agent.validateSidecarOrGatewayHostnamePart,
 * agent.ValidatePartialWildCard).
 */
import { Severity } from '../../diagnostic';
import { isIstioLabel, validateWildcardDomain } from '../../format/istio-host';
import { GATEWAY } from '../../kinds';
import { show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { isGoIpAddress } from '../../format/netip';
import { isSet, objectServers } from './shape';

/** `agent.ValidatePartialWildCard`: `*` only as the whole name or as a `*.` first label. */
export function partialWildcardProblem(host: string): string | undefined {
  return host.includes('*') && host.length !== 1 && !host.startsWith('*.') ? `partial wildcard ${show(host)} not allowed` : undefined;
}

/** `agent.validateSidecarOrGatewayHostnamePart` for a gateway: the dnsName part of a host. */
function dnsNameProblems(name: string): string[] {
  const problems: string[] = [];
  if (name !== '*' && !name.includes('.')) problems.push('short names (non FQDN) are not allowed');
  const domain = validateWildcardDomain(name);
  if (domain.length > 0 && !isGoIpAddress(name)) problems.push(...domain);
  const partial = partialWildcardProblem(name);
  if (partial) problems.push(partial);
  return problems;
}

/** `agent.ValidateNamespaceSlashWildcardHostname(host, isGateway=true, gatewaySemantics=false)`. */
export function gatewayHostProblems(host: string): string[] {
  const slash = host.indexOf('/');
  if (slash < 0) return dnsNameProblems(host);
  const namespace = host.slice(0, slash);
  const name = host.slice(slash + 1);
  const problems: string[] = [];
  if (namespace === '' || name === '') problems.push('config namespace and dnsName in host entry cannot be empty');
  if (namespace !== '*' && namespace !== '.' && !isIstioLabel(namespace)) problems.push(`invalid namespace value ${show(namespace)} in gateway`);
  problems.push(...dnsNameProblems(name));
  return problems;
}

export const serverHostsRequiredRule: ManifestRule = {
  code: 'GW004',
  name: 'server-hosts-required',
  severity: Severity.ERROR,
  appliesTo: GATEWAY,
  description: 'each server lists at least one host (validateServer; the CRD requires hosts)',
  upstream: ['IST0106'],
  check(manifest, context) {
    for (const { server, path } of objectServers(manifest)) {
      const hosts = valueAt(server, 'hosts');
      if (isSet(hosts) && !(Array.isArray(hosts) && hosts.length === 0)) continue;
      context.report(`${path}.hosts`,
        'server config must contain at least one host: list the hosts this server exposes, for example ["example.com"], ["*/example.com"] or ["*"] for every host',
        hosts);
    }
  },
};

export const serverHostFormatRule: ManifestRule = {
  code: 'GW005',
  name: 'server-host-format',
  severity: Severity.ERROR,
  appliesTo: GATEWAY,
  description: 'each server host is [namespace/]dnsName: the namespace ".", "*" or a DNS-1123 label, the dnsName "*", an FQDN with an optional "*." first label, or an IP address; no short names or partial wildcards (agent.ValidateNamespaceSlashWildcardHostname, validateSidecarOrGatewayHostnamePart, ValidatePartialWildCard)',
  upstream: ['IST0106'],
  check(manifest, context) {
    for (const { server, path } of objectServers(manifest)) {
      const hosts = valueAt(server, 'hosts');
      if (!Array.isArray(hosts)) continue;
      hosts.forEach((host, index) => {
        if (typeof host !== 'string') return;
        const problems = gatewayHostProblems(host);
        if (problems.length === 0) return;
        context.report(`${path}.hosts[${index}]`,
          `host ${show(host)} is invalid: ${problems.join('; ')}; write a fully qualified name (reviews.example.com), a wildcard (*.example.com or *) or an IP address, optionally after a namespace and "/" (prod/reviews.example.com, ./..., */...)`,
          host);
      });
    }
  },
};

export const HOST_RULES: readonly ManifestRule[] = [serverHostsRequiredRule, serverHostFormatRule];
