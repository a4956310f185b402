/**
 * TLS routes: matches and SNI hosts (validateTLSRoute, validateTLSMatch, validateSniHost).
 * The checks TLS and TCP routes share (subnets, ports, labels, route) are in ./tcp-routes.
 */
import { Severity } from '../../diagnostic';
import { isHostSubsetOf, validateWildcardDomain, validateWildcardDomainForGateway } from '../../format/istio-host';
import { parseIp } from '../../format/ip';
import { VIRTUAL_SERVICE } from '../../kinds';
import { arrayAt, isObject, JsonObject, show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { describeKind, isSet, matchesOf, MESH_GATEWAY, vsShape } from './shape';

interface SniHost {
  readonly host: string;
  readonly path: string;
  /** Format problems, before the IP address exception. */
  readonly problems: string[];
  readonly isIp: boolean;
}

/**
 * The string SNI hosts of every TLS match. As in validateSniHost, the gateway-bound format
 * applies whenever `gateways` does not name `mesh` (an empty list included: Istio's isGateway).
 */
function sniHosts(manifest: JsonObject): SniHost[] {
  const shape = vsShape(manifest);
  const gatewayVariant = !(arrayAt(shape.spec, 'gateways') ?? []).includes(MESH_GATEWAY);
  const found: SniHost[] = [];
  for (const route of shape.tls) {
    if (!isObject(route.route)) continue;
    for (const { match, path } of matchesOf(route)) {
      (arrayAt(match, 'sniHosts') ?? []).forEach((host, index) => {
        if (typeof host !== 'string') return;
        const problems = gatewayVariant ? validateWildcardDomainForGateway(host, true) : validateWildcardDomain(host);
        found.push({ host, path: `${path}.sniHosts[${index}]`, problems, isIp: problems.length > 0 && parseIp(host) !== undefined });
      });
    }
  }
  return found;
}

export const tlsMatchRequiredRule: ManifestRule = {
  code: 'VS065',
  name: 'tls-match-required',
  severity: Severity.ERROR,
  appliesTo: VIRTUAL_SERVICE,
  description: 'a TLS route needs at least one match, with the SNI hosts it routes (validateTLSRoute)',
  check(manifest, context) {
    for (const { route, path } of vsShape(manifest).tls) {
      if (!isObject(route)) continue;
      const match = valueAt(route, 'match');
      if (isSet(match) && !Array.isArray(match)) {
        context.report(`${path}.match`, `match must be a list of TLS match conditions, got ${describeKind(match)}`, match);
      } else if (!Array.isArray(match) || match.length === 0) {
        context.report(`${path}.match`, 'TLS route must have at least one match condition: add match: [{sniHosts: [...]}] with the SNI names this route takes');
      }
    }
  },
};

export const sniHostsRule: ManifestRule = {
  code: 'VS066',
  name: 'sni-hosts',
  severity: Severity.ERROR,
  appliesTo: VIRTUAL_SERVICE,
  description: 'each TLS match lists sniHosts, each a DNS name with an optional wildcard first label that is a subset of one of the VirtualService hosts (validateTLSMatch, validateSniHost)',
  check(manifest, context) {
    const shape = vsShape(manifest);
    for (const route of shape.tls) {
      if (!isObject(route.route)) continue;
      for (const { match, path } of matchesOf(route)) {
        if (!isObject(match)) continue;
        const list = valueAt(match, 'sniHosts');
        if (isSet(list) && !Array.isArray(list)) {
          context.report(`${path}.sniHosts`, `sniHosts must be a list of host names, got ${describeKind(list)}`, list);
        } else if (!Array.isArray(list) || list.length === 0) {
          context.report(`${path}.sniHosts`, 'TLS match must have at least one SNI host: list the server names (SNI) this match takes, such as the VirtualService hosts');
        } else {
          list.forEach((host, index) => {
            if (typeof host !== 'string') context.report(`${path}.sniHosts[${index}]`, `SNI host must be a string, got ${describeKind(host)}`, host);
          });
        }
      }
    }
    for (const sni of sniHosts(manifest)) {
      if (sni.isIp) continue; // VS067
      if (sni.problems.length > 0) {
        context.report(sni.path, `SNI host ${show(sni.host)}: ${sni.problems.join('; ')}`, sni.host);
      } else if (!shape.hosts.some(host => isHostSubsetOf(sni.host, host))) {
        context.report(sni.path,
          `SNI host ${show(sni.host)} is not a compatible subset of any of the virtual service hosts: [${shape.hosts.join(', ')}]; each SNI host must equal a VirtualService host or fall under one of its wildcards`,
          sni.host);
      }
    }
  },
};

export const sniHostIpRule: ManifestRule = {
  code: 'VS067',
  name: 'sni-host-ip',
  severity: Severity.WARNING,
  appliesTo: VIRTUAL_SERVICE,
  description: 'an IP address as an SNI host is accepted, but SNI carries host names and most clients never send an IP there (validateSniHost)',
  check(manifest, context) {
    for (const sni of sniHosts(manifest)) {
      if (!sni.isIp) continue;
      context.report(sni.path,
        `using an IP address (${show(sni.host)}) as an SNI host goes against the SNI spec and most clients do not support this: the match will rarely apply; match on a host name, or on destinationSubnets for the address`,
        sni.host);
    }
  },
};

export const TLS_ROUTE_RULES: readonly ManifestRule[] = [tlsMatchRequiredRule, sniHostsRule, sniHostIpRule];
