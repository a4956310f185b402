/**
 * `spec.servers`: at least one server, no null entries, unique port names, and
 * `tls.httpsRedirect` only on HTTP servers (ValidateGateway).
 */
import { Severity } from '../../diagnostic';
import { GATEWAY } from '../../kinds';
import { objectAt, show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { isHttpProtocol } from './protocol';
import { gatewayServers, isSet, objectServers } from './shape';

export const serversRequiredRule: ManifestRule = {
  code: 'GW001',
  name: 'servers-required',
  severity: Severity.ERROR,
  appliesTo: GATEWAY,
  description: 'a Gateway has at least one server, and no server entry is null (ValidateGateway, validateServer)',
  upstream: ['IST0106'],
  check(manifest, context) {
    const servers = valueAt(objectAt(manifest, 'spec'), 'servers');
    if (!isSet(servers) || (Array.isArray(servers) && servers.length === 0)) {
      context.report('spec.servers', 'gateway must have at least one server: add a server with a port and the hosts it serves, for example {port: {number: 80, name: http, protocol: HTTP}, hosts: ["example.com"]}', servers);
      return;
    }
    for (const { server, path } of gatewayServers(manifest)) {
      if (server === null) context.report(path, 'server may not be null: remove the empty entry, or give it a port and hosts', server);
    }
  },
};

export const serverPortNamesUniqueRule: ManifestRule = {
  code: 'GW002',
  name: 'server-port-names-unique',
  severity: Severity.ERROR,
  appliesTo: GATEWAY,
  description: 'the port names of a Gateway\'s servers are unique (ValidateGateway); empty names are GW010\'s',
  upstream: ['IST0106'],
  check(manifest, context) {
    const first = new Map<string, string>();
    for (const { port, path } of objectServers(manifest)) {
      const name = valueAt(port, 'name');
      if (typeof name !== 'string' || name === '') continue;
      const earlier = first.get(name);
      if (earlier === undefined) {
        first.set(name, path);
        continue;
      }
      context.report(`${path}.port.name`,
        `port names in servers must be unique: duplicate name ${show(name)} (also used by ${earlier}): give each server's port its own name`,
        name);
    }
  },
};

export const httpsRedirectProtocolRule: ManifestRule = {
  code: 'GW003',
  name: 'https-redirect-protocol',
  severity: Severity.WARNING,
  appliesTo: GATEWAY,
  description: 'tls.httpsRedirect is meant for servers of an HTTP protocol (HTTP, HTTP2, HTTP_PROXY, GRPC, GRPC-Web); elsewhere it is a mistake (ValidateGateway)',
  upstream: ['IST0133'],
  check(manifest, context) {
    for (const { port, protocol, tls, path } of objectServers(manifest)) {
      if (!port || isHttpProtocol(protocol) || valueAt(tls, 'httpsRedirect') !== true) continue;
      context.report(`${path}.tls.httpsRedirect`,
        `tls.httpsRedirect should only be used with http servers: this server's protocol is ${show(valueAt(port, 'protocol'))}; set httpsRedirect on the plain HTTP server (port 80) that should send clients to HTTPS`,
        true);
    }
  },
};

export const SERVER_RULES: readonly ManifestRule[] = [serversRequiredRule, serverPortNamesUniqueRule, httpsRedirectProtocolRule];
