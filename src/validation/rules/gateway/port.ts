/**
 * `servers[].port`: present, with a known protocol, a number in 1..65535 (0 with a Unix
 * socket bind), a name, and no targetPort (validateServerPort; the CRD requires port and its
 * number, protocol and name).
 */
import { Severity } from '../../diagnostic';
import { GATEWAY } from '../../kinds';
import { isInteger, show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { PROTOCOL_NAMES } from './protocol';
import { GatewayServer, isSet, objectServers, UNIX_PREFIX } from './shape';

/** The problem validateServerPort finds with `port.number`, or undefined (wrong types are the schema's). */
export function portNumberProblem(entry: GatewayServer): string | undefined {
  const number = valueAt(entry.port, 'number');
  if (!isSet(number)) return 'port number is required: set port.number to the port the gateway listens on (1..65535, or 0 with a unix:// bind)';
  if (!isInteger(number)) return undefined;
  // the CRD types the number as uint32, so a negative number never reaches the webhook
  const checked = number !== 0 || !entry.bind.startsWith(UNIX_PREFIX);
  if (checked && (number < 1 || number > 65535)) {
    return `port number ${number} must be in the range 1..65535${entry.bind.startsWith(UNIX_PREFIX) ? '' : ' (0 only with a unix:// bind)'}`;
  }
  return undefined;
}

/** The problem with `port.protocol`, or undefined. */
export function portProtocolProblem(entry: GatewayServer): string | undefined {
  if (entry.protocol !== 'Unsupported') return undefined;
  const protocol = valueAt(entry.port, 'protocol');
  if (isSet(protocol) && typeof protocol !== 'string') return undefined;
  return `invalid protocol ${show(protocol ?? '')}, supported protocols are ${PROTOCOL_NAMES} (in any case)`;
}

/** The problem with `port.name`, or undefined. */
export function portNameProblem(entry: GatewayServer): string | undefined {
  const name = valueAt(entry.port, 'name');
  if (isSet(name) && name !== '') return undefined;
  return 'port name must be set: name the port (for example "http" or "https-443"); names are unique across the servers of a gateway';
}

/** Whether targetPort is set to a positive number. */
export function hasTargetPort(entry: GatewayServer): boolean {
  const targetPort = valueAt(entry.port, 'targetPort');
  return typeof targetPort === 'number' && targetPort > 0;
}

/** Whether validateServerPort finds no error (validateServer checks TLS settings only then). */
export function isPortValid(entry: GatewayServer): boolean {
  return entry.port !== undefined && !portNumberProblem(entry) && !portProtocolProblem(entry) && !portNameProblem(entry) && !hasTargetPort(entry);
}

/** The servers that have a port object. */
function withPort(manifest: unknown): GatewayServer[] {
  return objectServers(manifest).filter(entry => entry.port !== undefined);
}

export const serverPortRequiredRule: ManifestRule = {
  code: 'GW006',
  name: 'server-port-required',
  severity: Severity.ERROR,
  appliesTo: GATEWAY,
  description: 'each server has a port (validateServerPort; the CRD requires it)',
  upstream: ['IST0106'],
  check(manifest, context) {
    for (const { server, path } of objectServers(manifest)) {
      if (isSet(valueAt(server, 'port'))) continue;
      context.report(`${path}.port`, 'port is required: give the server a port, for example {number: 443, name: https, protocol: HTTPS}');
    }
  },
};

export const serverPortProtocolRule: ManifestRule = {
  code: 'GW007',
  name: 'server-port-protocol',
  severity: Severity.ERROR,
  appliesTo: GATEWAY,
  description: 'port.protocol is one of Istio\'s protocols, in any case: HTTP, HTTPS, GRPC, GRPC-WEB, HTTP2, HTTP_PROXY, TLS, TCP, UDP, MONGO, REDIS, MYSQL (validateServerPort, protocol.Parse; the CRD requires it)',
  upstream: ['IST0106'],
  check(manifest, context) {
    for (const entry of withPort(manifest)) {
      const problem = portProtocolProblem(entry);
      if (problem) context.report(`${entry.path}.port.protocol`, problem, valueAt(entry.port, 'protocol'));
    }
  },
};

export const serverPortNumberRule: ManifestRule = {
  code: 'GW008',
  name: 'server-port-number',
  severity: Severity.ERROR,
  appliesTo: GATEWAY,
  description: 'port.number is set and in 1..65535; 0 only when the server binds a unix:// socket (validateServerPort, agent.ValidatePort; the CRD requires it)',
  upstream: ['IST0106'],
  check(manifest, context) {
    for (const entry of withPort(manifest)) {
      const problem = portNumberProblem(entry);
      if (problem) context.report(`${entry.path}.port.number`, problem, valueAt(entry.port, 'number'));
    }
  },
};

export const serverTargetPortRule: ManifestRule = {
  code: 'GW009',
  name: 'server-target-port',
  severity: Severity.ERROR,
  appliesTo: GATEWAY,
  description: 'port.targetPort is not set: it has no effect on a Gateway and the webhook refuses it (validateServerPort)',
  upstream: ['IST0106'],
  check(manifest, context) {
    for (const entry of withPort(manifest)) {
      if (!hasTargetPort(entry)) continue;
      const targetPort = valueAt(entry.port, 'targetPort');
      context.report(`${entry.path}.port.targetPort`,
        `targetPort has no impact on Gateways (got ${show(targetPort)}): remove it; the gateway listens on port.number, and the port its pods expose is chosen by the gateway's Service`,
        targetPort);
    }
  },
};

export const serverPortNameRule: ManifestRule = {
  code: 'GW010',
  name: 'server-port-name',
  severity: Severity.ERROR,
  appliesTo: GATEWAY,
  description: 'port.name is set and not empty (validateServerPort; the CRD requires it)',
  upstream: ['IST0106'],
  check(manifest, context) {
    for (const entry of withPort(manifest)) {
      const problem = portNameProblem(entry);
      if (problem) context.report(`${entry.path}.port.name`, problem, valueAt(entry.port, 'name'));
    }
  },
};

export const PORT_RULES: readonly ManifestRule[] = [serverPortRequiredRule, serverPortProtocolRule, serverPortNumberRule, serverTargetPortRule, serverPortNameRule];
