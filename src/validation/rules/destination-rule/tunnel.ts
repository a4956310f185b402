/**
 * `tunnel` and `proxyProtocol` of a traffic policy (validateTunnelSettings,
 * validateProxyProtocol): how the sidecar reaches the destination through a tunnel, and the
 * PROXY protocol version it speaks to it.
 */
import { Severity } from '../../diagnostic';
import { validateFqdn } from '../../format/istio-host';
import { isInteger, show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { isGoIpAddress } from '../../format/netip';
import { drRule, settingsOf, SettingsEntry } from './shape';

const TUNNEL_PROTOCOLS: readonly string[] = ['CONNECT', 'POST'];

/** `tunnel` of the inspected traffic policies (port-level policies have none). */
function tunnelsOf(manifest: unknown): SettingsEntry[] {
  return settingsOf(manifest, 'tunnel').filter(entry => !entry.owner.portLevel);
}

export const tunnelProtocolRule: ManifestRule = drRule({
  code: 'DR015',
  name: 'tunnel-protocol',
  severity: Severity.ERROR,
  description: 'tunnel.protocol is CONNECT (the default) or POST (validateTunnelSettings)',
  check(manifest, context) {
    for (const { settings, path } of tunnelsOf(manifest)) {
      const protocol = valueAt(settings, 'protocol');
      if (typeof protocol !== 'string' || protocol === '' || TUNNEL_PROTOCOLS.includes(protocol)) continue;
      context.report(`${path}.protocol`, `tunnel protocol must be "CONNECT" or "POST", got ${show(protocol)} (upper case)`, protocol);
    }
  },
});

export const tunnelTargetHostRule: ManifestRule = drRule({
  code: 'DR016',
  name: 'tunnel-target-host',
  severity: Severity.ERROR,
  description: 'tunnel.targetHost is set to a DNS name or an IP address (validateTunnelSettings, agent.ValidateFQDN, agent.ValidateIPAddress)',
  check(manifest, context) {
    for (const { settings, path } of tunnelsOf(manifest)) {
      const raw = valueAt(settings, 'targetHost');
      if (raw !== undefined && raw !== null && typeof raw !== 'string') continue;
      const host = raw ?? '';
      const fqdnProblems = validateFqdn(host);
      if (fqdnProblems.length === 0 || isGoIpAddress(host)) continue;
      context.report(`${path}.targetHost`,
        `tunnel target host must be valid FQDN or IP address: ${fqdnProblems.join('; ')}; ${show(host)} is not a valid IP; name the tunnel proxy, such as "egress-proxy.example.com" or "10.0.0.5"`, raw);
    }
  },
});

export const tunnelTargetPortRule: ManifestRule = drRule({
  code: 'DR017',
  name: 'tunnel-target-port',
  severity: Severity.ERROR,
  description: 'tunnel.targetPort is set to a port, 1-65535 (validateTunnelSettings, agent.ValidatePort)',
  check(manifest, context) {
    for (const { settings, path } of tunnelsOf(manifest)) {
      const raw = valueAt(settings, 'targetPort');
      if (raw !== undefined && raw !== null && typeof raw !== 'number') continue;
      const port = raw ?? 0;
      if (isInteger(port) && port >= 1 && port <= 65535) continue;
      context.report(`${path}.targetPort`,
        `tunnel target port is invalid: port number ${show(port)} must be in the range 1..65535${raw === undefined || raw === null ? ': set the port of the tunnel proxy' : ''}`, raw);
    }
  },
});

export const proxyProtocolVersionRule: ManifestRule = drRule({
  code: 'DR018',
  name: 'proxy-protocol-version',
  severity: Severity.ERROR,
  description: 'proxyProtocol.version is V1 or V2 (validateProxyProtocol; protobuf JSON also reads the numbers 0 and 1)',
  check(manifest, context) {
    for (const { settings, path, owner } of settingsOf(manifest, 'proxyProtocol')) {
      if (owner.portLevel) continue;
      const version = valueAt(settings, 'version');
      if (typeof version !== 'number' || version === 0 || version === 1) continue;
      context.report(`${path}.version`, `proxy protocol version is invalid: ${show(version)}: use "V1" or "V2"`, version);
    }
  },
});

export const TUNNEL_RULES: readonly ManifestRule[] = [tunnelProtocolRule, tunnelTargetHostRule, tunnelTargetPortRule, proxyProtocolVersionRule];
