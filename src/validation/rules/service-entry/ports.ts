/**
 * `spec.ports`: no null entries, DNS-label names and port numbers, each unique, a target port
 * in range, a known protocol, and the warning for TCP ports without addresses
 * (ValidateServiceEntry, ValidatePortName, ValidateProtocol, agent.ValidatePort; the CRD's
 * required fields, list-map key, CEL port ranges and "port number cannot be duplicated").
 */
import { Severity } from '../../diagnostic';
import { isIstioLabel } from '../../format/istio-host';
import { SERVICE_ENTRY } from '../../kinds';
import { isInteger, objectAt, show, stringAt, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { parseProtocol, PROTOCOL_NAMES } from '../gateway/protocol';
import { isSet, objectPorts, seShape } from './shape';

/** The label that opts a ServiceEntry out of IP auto-allocation. */
export const AUTOALLOCATE_LABEL = 'networking.istio.io/enable-autoallocate-ip';

/** `agent.ValidatePort`. */
export function isPortNumber(value: unknown): boolean {
  return isInteger(value) && value >= 1 && value <= 65535;
}

/**
 * `serviceentry.ShouldV2AutoAllocateIPFromConfig` with istiod's default
 * `PILOT_ENABLE_IP_AUTOALLOCATE=true`: a resolution other than NONE, and no opt-out label.
 * (Addresses given by the user also disable it; the caller checks those.)
 */
function autoAllocates(manifest: unknown, resolution: string): boolean {
  if (resolution === 'NONE') return false;
  const optOut = stringAt(objectAt(objectAt(manifest, 'metadata'), 'labels'), AUTOALLOCATE_LABEL);
  return optOut === undefined || optOut.toLowerCase() !== 'false';
}

export const portNotNullRule: ManifestRule = {
  code: 'SE006',
  name: 'port-not-null',
  severity: Severity.ERROR,
  appliesTo: SERVICE_ENTRY,
  description: 'no entry of ports is null (ValidateServiceEntry)',
  upstream: ['IST0106'],
  check(manifest, context) {
    for (const { value, path } of seShape(manifest).ports) {
      if (value === null) context.report(path, 'service entry port may not be null: remove the empty entry, or give it a number and a name', value);
    }
  },
};

export const portNameRule: ManifestRule = {
  code: 'SE007',
  name: 'port-name',
  severity: Severity.ERROR,
  appliesTo: SERVICE_ENTRY,
  description: 'each port has a name that is a DNS-1123 label (letters of either case, digits and "-", at most 63 characters) (ValidatePortName; the CRD requires it)',
  upstream: ['IST0106'],
  check(manifest, context) {
    for (const { value, path } of objectPorts(manifest)) {
      const name = valueAt(value, 'name');
      if (!isSet(name)) {
        context.report(`${path}.name`, 'port name is required: name the port, for example "http" or "tcp-db"');
      } else if (typeof name === 'string' && !isIstioLabel(name)) {
        context.report(`${path}.name`, `invalid port name: ${show(name)}: a port name is a DNS-1123 label (letters, digits and "-", starting and ending with a letter or digit, at most 63 characters)`, name);
      }
    }
  },
};

export const duplicatePortNamesRule: ManifestRule = {
  code: 'SE008',
  name: 'duplicate-port-names',
  severity: Severity.ERROR,
  appliesTo: SERVICE_ENTRY,
  description: 'port names are unique (ValidateServiceEntry; the CRD\'s list-map key)',
  upstream: ['IST0106'],
  check(manifest, context) {
    const first = new Map<string, string>();
    for (const { value, path } of objectPorts(manifest)) {
      const name = stringAt(value, 'name');
      if (name === undefined || name === '') continue;
      const earlier = first.get(name);
      if (earlier === undefined) {
        first.set(name, path);
        continue;
      }
      context.report(`${path}.name`, `service entry port name ${show(name)} already defined (by ${earlier}): give each port its own name`, name);
    }
  },
};

export const portNumberRule: ManifestRule = {
  code: 'SE009',
  name: 'port-number',
  severity: Severity.ERROR,
  appliesTo: SERVICE_ENTRY,
  description: 'each port has a number in 1..65535 (agent.ValidatePort; the CRD requires it and its CEL rule bounds it)',
  upstream: ['IST0106'],
  check(manifest, context) {
    for (const { value, path } of objectPorts(manifest)) {
      const number = valueAt(value, 'number');
      if (!isSet(number)) {
        context.report(`${path}.number`, 'port number is required: set the port the service listens on (1..65535)');
      } else if (isInteger(number) && !isPortNumber(number)) {
        context.report(`${path}.number`, `port number ${number} must be in the range 1..65535`, number);
      }
    }
  },
};

export const duplicatePortNumbersRule: ManifestRule = {
  code: 'SE010',
  name: 'duplicate-port-numbers',
  severity: Severity.ERROR,
  appliesTo: SERVICE_ENTRY,
  description: 'port numbers are unique (ValidateServiceEntry; the CRD\'s "port number cannot be duplicated")',
  upstream: ['IST0106'],
  check(manifest, context) {
    const first = new Map<number, string>();
    for (const { value, path } of objectPorts(manifest)) {
      const number = valueAt(value, 'number');
      if (!isInteger(number)) continue;
      const earlier = first.get(number);
      if (earlier === undefined) {
        first.set(number, path);
        continue;
      }
      context.report(`${path}.number`, `service entry port ${number} already defined (by ${earlier}): list each port number once`, number);
    }
  },
};

export const targetPortRule: ManifestRule = {
  code: 'SE011',
  name: 'target-port',
  severity: Severity.ERROR,
  appliesTo: SERVICE_ENTRY,
  description: 'a targetPort, when set, is in 1..65535; the webhook lets 0 pass as unset, but the CRD\'s CEL rule refuses it (agent.ValidatePort)',
  upstream: ['IST0106'],
  check(manifest, context) {
    for (const { value, path } of objectPorts(manifest)) {
      const targetPort = valueAt(value, 'targetPort');
      if (!isInteger(targetPort) || isPortNumber(targetPort)) continue;
      context.report(`${path}.targetPort`,
        `port number ${targetPort} must be in the range 1..65535${targetPort === 0 ? ' (targetPort 0 is refused by the CRD; leave targetPort out to use the port number)' : ''}`,
        targetPort);
    }
  },
};

export const portProtocolRule: ManifestRule = {
  code: 'SE012',
  name: 'port-protocol',
  severity: Severity.ERROR,
  appliesTo: SERVICE_ENTRY,
  description: 'a port protocol, when set, is one of Istio\'s protocols in any case (ValidateProtocol, protocol.Parse); unset means the proxy detects it',
  upstream: ['IST0106'],
  check(manifest, context) {
    for (const { value, path } of objectPorts(manifest)) {
      const protocol = valueAt(value, 'protocol');
      if (typeof protocol !== 'string' || protocol === '' || parseProtocol(protocol) !== 'Unsupported') continue;
      context.report(`${path}.protocol`, `unsupported protocol: ${show(protocol)}: use ${PROTOCOL_NAMES}, or leave it out to let the proxy detect the protocol`, protocol);
    }
  },
};

export const tcpPortsNeedAddressesRule: ManifestRule = {
  code: 'SE013',
  name: 'tcp-ports-need-addresses',
  severity: Severity.WARNING,
  appliesTo: SERVICE_ENTRY,
  description: `a port of protocol TCP (exactly) or without a protocol needs addresses unless istiod auto-allocates one; with its default (PILOT_ENABLE_IP_AUTOALLOCATE on) that is every resolution but NONE, unless the ServiceEntry is labelled ${AUTOALLOCATE_LABEL}: "false" (ValidateServiceEntry, serviceentry.ShouldV2AutoAllocateIPFromConfig)`,
  upstream: ['IST0133'],
  check(manifest, context) {
    const { addresses, resolution } = seShape(manifest);
    if (addresses.length > 0 || resolution === undefined || autoAllocates(manifest, resolution)) return;
    const why = resolution === 'NONE' ? 'resolution NONE' : `the label ${AUTOALLOCATE_LABEL}: "false"`;
    for (const { value, path } of objectPorts(manifest)) {
      const protocol = valueAt(value, 'protocol');
      if (isSet(protocol) && protocol !== '' && protocol !== 'TCP') continue;
      context.report(path,
        `addresses are required for ports serving TCP (or unset) protocol when IP Autoallocation is not enabled (it is not, because of ${why}): TCP traffic is matched by destination IP, so list the service's IP addresses or CIDR blocks in addresses, or set the port's protocol`,
        value);
    }
  },
};

export const PORT_RULES: readonly ManifestRule[] = [
  portNotNullRule, portNameRule, duplicatePortNamesRule, portNumberRule, duplicatePortNumbersRule,
  targetPortRule, portProtocolRule, tcpPortsNeedAddressesRule,
];
