import { Severity } from '../../diagnostic';
import { isDns1123Label } from '../../format/dns';
import { isQualifiedName } from '../../format/labels';
import { isValidPortNum } from '../../format/ports';
import { ENDPOINT_SLICE } from '../../kinds';
import { has, isObject, show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { MAX_PORTS, SERVICE_NAME_LABEL, labelOf, portsOf } from './walk';

/** The protocols an EndpointSlice port may have (`supportedPortProtocols`), sorted as upstream lists them. */
export const PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

/** A port's name as the API server sees it: absent or null defaults to "". */
function portName(port: unknown): unknown {
  const name = valueAt(port, 'name');
  return name === undefined || name === null ? '' : name;
}

/** How a port is called in messages: `port "http"`, or `the unnamed port`. */
function describePort(name: string): string {
  return name === '' ? 'the unnamed port ("")' : `port name ${show(name)}`;
}

/** EPS014: `ports` is a list of at most 20000 objects. */
export const PORTS_LIST: ManifestRule = {
  code: 'EPS014',
  name: 'ports-list',
  severity: Severity.ERROR,
  appliesTo: [ENDPOINT_SLICE],
  description: 'ports is a list of at most 20000 port objects (validatePorts)',
  check(manifest, context) {
    if (!has(manifest, 'ports')) return;
    const ports = valueAt(manifest, 'ports');
    if (!Array.isArray(ports)) {
      context.report('ports', `ports must be a list, got ${show(ports)}`, ports);
      return;
    }
    if (ports.length > MAX_PORTS) {
      context.report('ports', `ports has ${ports.length} items, must have at most ${MAX_PORTS}`, ports.length);
      return;
    }
    ports.forEach((port, i) => {
      if (!isObject(port)) context.report(`ports[${i}]`, `port must be an object, got ${show(port)}`, port);
    });
  },
};

/** EPS015: a port name is empty or a DNS-1123 label. */
export const PORT_NAME: ManifestRule = {
  code: 'EPS015',
  name: 'port-name',
  severity: Severity.ERROR,
  appliesTo: [ENDPOINT_SLICE],
  description: 'a port name is empty or a lowercase DNS-1123 label (ValidateDNS1123Label)',
  check(manifest, context) {
    for (const port of portsOf(manifest)) {
      const name = portName(port.value);
      if (typeof name !== 'string') {
        context.report(`${port.path}.name`, `port name must be a string, got ${show(name)}`, name);
        continue;
      }
      if (name === '') continue;
      const problems = isDns1123Label(name);
      if (problems.length > 0) context.report(`${port.path}.name`, `port name ${show(name)} ${problems.join(', ')}`, name);
    }
  },
};

/** EPS016: port names are unique in the slice (an absent name counts as ""). */
export const PORT_NAME_UNIQUE: ManifestRule = {
  code: 'EPS016',
  name: 'port-name-unique',
  severity: Severity.ERROR,
  appliesTo: [ENDPOINT_SLICE],
  description: 'port names are unique within the slice, an absent name counting as "" (validatePorts)',
  check(manifest, context) {
    const first = new Map<string, string>();
    for (const port of portsOf(manifest)) {
      const name = portName(port.value);
      if (typeof name !== 'string') continue;
      const earlier = first.get(name);
      if (earlier === undefined) {
        first.set(name, port.path);
      } else {
        context.report(`${port.path}.name`, `${describePort(name)} is already used by ${earlier}: port names must be unique`, name);
      }
    }
  },
};

/** EPS017: the protocol is TCP, UDP or SCTP (absent means TCP). */
export const PORT_PROTOCOL: ManifestRule = {
  code: 'EPS017',
  name: 'port-protocol',
  severity: Severity.ERROR,
  appliesTo: [ENDPOINT_SLICE],
  description: 'a port protocol is TCP, UDP or SCTP; absent means TCP (validatePorts)',
  check(manifest, context) {
    for (const port of portsOf(manifest)) {
      if (!has(port.value, 'protocol')) continue;
      const protocol = valueAt(port.value, 'protocol');
      if (typeof protocol !== 'string' || !PORT_PROTOCOLS.includes(protocol)) {
        context.report(
          `${port.path}.protocol`,
          `protocol ${show(protocol)} is not supported: must be one of ${PORT_PROTOCOLS.map(p => JSON.stringify(p)).join(', ')}`,
          protocol,
        );
      }
    }
  },
};

/** EPS018: appProtocol is a qualified name. */
export const PORT_APP_PROTOCOL: ManifestRule = {
  code: 'EPS018',
  name: 'port-app-protocol',
  severity: Severity.ERROR,
  appliesTo: [ENDPOINT_SLICE],
  description: 'a port appProtocol is a qualified name such as http or example.com/proto (ValidateQualifiedName)',
  check(manifest, context) {
    for (const port of portsOf(manifest)) {
      if (!has(port.value, 'appProtocol')) continue;
      const path = `${port.path}.appProtocol`;
      const appProtocol = valueAt(port.value, 'appProtocol');
      if (typeof appProtocol !== 'string') {
        context.report(path, `appProtocol must be a string, got ${show(appProtocol)}`, appProtocol);
        continue;
      }
      const problems = isQualifiedName(appProtocol);
      if (problems.length > 0) {
        context.report(path, `appProtocol ${show(appProtocol)} must be a qualified name: ${problems.join(', ')}`, appProtocol);
      }
    }
  },
};

/** EPS019: a port number, when set, is 1-65535. */
export const PORT_NUMBER: ManifestRule = {
  code: 'EPS019',
  name: 'port-number',
  severity: Severity.ERROR,
  appliesTo: [ENDPOINT_SLICE],
  description: 'a port number, when set, is a whole number 1-65535: the API server only checks that it fits an int32, and kube-proxy cannot use anything else (IsValidPortNum)',
  check(manifest, context) {
    for (const port of portsOf(manifest)) {
      if (!has(port.value, 'port')) continue;
      const value = valueAt(port.value, 'port');
      if (typeof value !== 'number') {
        context.report(`${port.path}.port`, `port ${show(value)} must be a number between 1 and 65535`, value);
        continue;
      }
      const problems = isValidPortNum(value);
      if (problems.length > 0) context.report(`${port.path}.port`, `port ${show(value)} ${problems.join(', ')}`, value);
    }
  },
};

/** EPS020: a port of a Service's slice without a number is ignored by kube-proxy. */
export const PORT_NUMBER_MISSING: ManifestRule = {
  code: 'EPS020',
  name: 'port-number-missing',
  severity: Severity.WARNING,
  appliesTo: [ENDPOINT_SLICE],
  description: 'a port of a slice that belongs to a Service has a number: kube-proxy ignores ports without one (EndpointSliceCache)',
  check(manifest, context) {
    const service = labelOf(manifest, SERVICE_NAME_LABEL);
    if (!service) return;
    for (const port of portsOf(manifest)) {
      if (has(port.value, 'port')) continue;
      const name = portName(port.value);
      const which = typeof name === 'string' ? describePort(name) : 'this port';
      context.report(
        `${port.path}.port`,
        `${which} has no port number: kube-proxy ignores it, so Service ${show(service)} traffic for it reaches no endpoint`,
      );
    }
  },
};
