/**
 * `spec.ports[]`: presence, names, numbers, protocols, target ports and app protocols.
 * Node ports have their own file.
 */
import { Severity } from '../../diagnostic';
import { SERVICE } from '../../kinds';
import { isDns1123Label } from '../../format/dns';
import { isQualifiedName } from '../../format/labels';
import { isValidPortName, isValidPortNum } from '../../format/ports';
import { objectAt, show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { describeType, describeValue, enumProblem, isInteger, protocolOf, servicePorts } from './fields';
import { isSet, serviceShape } from './service-type';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];

function isQuotedNumber(value: unknown): value is string {
  return typeof value === 'string' && /^\s*-?\d+\s*$/.test(value);
}

function nameOf(port: unknown): unknown {
  return valueAt(port, 'name');
}

function hasName(port: unknown): boolean {
  const name = nameOf(port);
  return isSet(name) && name !== '';
}

export const portsRequiredRule: ManifestRule = {
  code: 'SVC005',
  name: 'ports-required',
  severity: Severity.ERROR,
  appliesTo: [SERVICE],
  description: 'spec.ports is a list with at least one port, unless the service is headless (clusterIP None) or ExternalName (ValidateService)',
  check(manifest, context) {
    const shape = serviceShape(manifest);
    const ports = valueAt(shape.spec, 'ports');
    if (isSet(ports) && !Array.isArray(ports)) {
      context.report('spec.ports', `ports must be a list of ports, got ${describeType(ports)}`, ports);
      return;
    }
    if (Array.isArray(ports) && ports.length > 0) return;
    if (shape.type === undefined || shape.type === 'ExternalName' || shape.headless) return;
    context.report('spec.ports',
      `a ${shape.type} service needs at least one port in spec.ports: only headless services (clusterIP: None) and ExternalName services may have none`);
  },
};

export const portNameRequiredRule: ManifestRule = {
  code: 'SVC006',
  name: 'port-name-required',
  severity: Severity.ERROR,
  appliesTo: [SERVICE],
  description: 'every port has a name when the service has more than one port (validateServicePort)',
  check(manifest, context) {
    const ports = servicePorts(objectAt(manifest, 'spec'));
    if (ports.length < 2) return;
    for (const entry of ports) {
      if (!entry.port || hasName(entry.port)) continue;
      context.report(`${entry.path}.name`,
        `port name is required when a service has more than one port (this service has ${ports.length}): add a name such as "http"`);
    }
  },
};

export const portNameFormatRule: ManifestRule = {
  code: 'SVC007',
  name: 'port-name-format',
  severity: Severity.ERROR,
  appliesTo: [SERVICE],
  description: 'a port name is a DNS-1123 label: lower-case letters, digits and -, at most 63 characters, may start with a digit (validateServicePort)',
  check(manifest, context) {
    for (const entry of servicePorts(objectAt(manifest, 'spec'))) {
      if (!hasName(entry.port)) continue;
      const name = nameOf(entry.port);
      const path = `${entry.path}.name`;
      if (typeof name !== 'string') {
        context.report(path, `port name must be a string, got ${describeValue(name)}`, name);
        continue;
      }
      const problems = isDns1123Label(name);
      if (problems.length > 0) context.report(path, `port name ${show(name)} ${problems.join(', ')}`, name);
    }
  },
};

export const portNameUniqueRule: ManifestRule = {
  code: 'SVC008',
  name: 'port-name-unique',
  severity: Severity.ERROR,
  appliesTo: [SERVICE],
  description: 'port names are unique within the service (validateServicePort)',
  check(manifest, context) {
    const seen = new Map<string, string>();
    for (const entry of servicePorts(objectAt(manifest, 'spec'))) {
      const name = nameOf(entry.port);
      if (typeof name !== 'string' || name === '') continue;
      const first = seen.get(name);
      if (first === undefined) {
        seen.set(name, entry.path);
      } else {
        context.report(`${entry.path}.name`, `port name ${show(name)} is already used by ${first}: port names must be unique`, name);
      }
    }
  },
};

export const portNumberRule: ManifestRule = {
  code: 'SVC009',
  name: 'port-number',
  severity: Severity.ERROR,
  appliesTo: [SERVICE],
  description: 'each port is an object whose port is a number between 1 and 65535 (validateServicePort, IsValidPortNum)',
  check(manifest, context) {
    for (const entry of servicePorts(objectAt(manifest, 'spec'))) {
      if (!entry.port) {
        context.report(entry.path, `each port must be an object such as {port: 80}, got ${describeValue(entry.value)}`, entry.value);
        continue;
      }
      const port = valueAt(entry.port, 'port');
      const path = `${entry.path}.port`;
      if (!isSet(port)) {
        context.report(path, 'port is required: the number the service listens on, between 1 and 65535');
      } else if (typeof port === 'string') {
        const hint = isQuotedNumber(port) ? ` (port: ${port.trim()})` : '';
        context.report(path, `port ${show(port)} is a string: numbers must be written as numbers, between 1 and 65535${hint}`, port);
      } else if (typeof port !== 'number') {
        context.report(path, `port must be a number between 1 and 65535, got ${describeValue(port)}`, port);
      } else if (!Number.isInteger(port)) {
        context.report(path, `port ${port} must be a whole number between 1 and 65535`, port);
      } else {
        const problems = isValidPortNum(port);
        if (problems.length > 0) context.report(path, `port ${port} ${problems.join(', ')}`, port);
      }
    }
  },
};

export const portProtocolRule: ManifestRule = {
  code: 'SVC010',
  name: 'port-protocol',
  severity: Severity.ERROR,
  appliesTo: [SERVICE],
  description: 'a port protocol is TCP (the default), UDP or SCTP, case-sensitive (validateServicePort)',
  check(manifest, context) {
    for (const entry of servicePorts(objectAt(manifest, 'spec'))) {
      const protocol = valueAt(entry.port, 'protocol');
      if (!isSet(protocol) || protocol === '') continue;
      const problem = enumProblem('protocol', protocol, PROTOCOLS);
      if (problem) context.report(`${entry.path}.protocol`, problem, protocol);
    }
  },
};

/** Why a targetPort value is invalid, or undefined when it is valid or left to the default. */
function targetPortProblem(value: unknown): string | undefined {
  // absent, 0 and "" are defaulted to the port number (SetDefaults_Service)
  if (!isSet(value) || value === 0 || value === '') return undefined;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return `targetPort ${value} must be a whole number between 1 and 65535`;
    const problems = isValidPortNum(value);
    return problems.length > 0 ? `targetPort ${value} ${problems.join(', ')}` : undefined;
  }
  if (typeof value === 'string') {
    if (isQuotedNumber(value)) {
      return `targetPort ${show(value)} is a string, so Kubernetes reads it as a container port name, and a port name needs at least one letter: write the number without quotes (targetPort: ${value.trim()})`;
    }
    const problems = isValidPortName(value);
    return problems.length > 0 ? `targetPort ${show(value)} is not a valid port name: ${problems.join(', ')}` : undefined;
  }
  return `targetPort must be a port number (1-65535) or a container port name, got ${describeValue(value)}`;
}

export const targetPortRule: ManifestRule = {
  code: 'SVC011',
  name: 'target-port',
  severity: Severity.ERROR,
  appliesTo: [SERVICE],
  description: 'targetPort is a number between 1 and 65535 or an IANA_SVC_NAME container port name; a quoted number is read as a name and refused (ValidatePortNumOrName)',
  check(manifest, context) {
    for (const entry of servicePorts(objectAt(manifest, 'spec'))) {
      const value = valueAt(entry.port, 'targetPort');
      const problem = targetPortProblem(value);
      if (problem) context.report(`${entry.path}.targetPort`, problem, value);
    }
  },
};

export const appProtocolRule: ManifestRule = {
  code: 'SVC012',
  name: 'app-protocol',
  severity: Severity.ERROR,
  appliesTo: [SERVICE],
  description: 'appProtocol is a qualified name such as http or kubernetes.io/h2c (validateServicePort, ValidateQualifiedName)',
  check(manifest, context) {
    for (const entry of servicePorts(objectAt(manifest, 'spec'))) {
      const value = valueAt(entry.port, 'appProtocol');
      if (!isSet(value)) continue;
      const path = `${entry.path}.appProtocol`;
      if (typeof value !== 'string') {
        context.report(path, `appProtocol must be a string, got ${describeValue(value)}`, value);
        continue;
      }
      const problems = isQualifiedName(value);
      if (problems.length > 0) {
        context.report(path, `appProtocol ${show(value)} is not a valid qualified name (such as "http" or "example.com/proto"): ${problems.join(', ')}`, value);
      }
    }
  },
};

export const portProtocolUniqueRule: ManifestRule = {
  code: 'SVC016',
  name: 'port-protocol-unique',
  severity: Severity.ERROR,
  appliesTo: [SERVICE],
  description: 'each (protocol, port) pair appears once; the same port number with different protocols is fine (ValidateService)',
  check(manifest, context) {
    const seen = new Map<string, string>();
    for (const entry of servicePorts(objectAt(manifest, 'spec'))) {
      const port = valueAt(entry.port, 'port');
      if (!isInteger(port) || isValidPortNum(port).length > 0) continue;
      const protocol = protocolOf(entry.port);
      const key = `${protocol}/${port}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, entry.path);
        continue;
      }
      const written = valueAt(entry.port, 'protocol');
      const defaulted = isSet(written) && written !== '' ? '' : ' (protocol defaults to TCP)';
      context.report(`${entry.path}.port`,
        `port ${port} with protocol ${protocol} is already defined by ${first}: each port and protocol pair must be unique${defaulted}`,
        port);
    }
  },
};

export const PORT_RULES: readonly ManifestRule[] = [
  portsRequiredRule,
  portNameRequiredRule,
  portNameFormatRule,
  portNameUniqueRule,
  portNumberRule,
  portProtocolRule,
  targetPortRule,
  appProtocolRule,
  portProtocolUniqueRule,
];
