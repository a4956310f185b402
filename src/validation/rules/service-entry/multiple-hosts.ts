/**
 * Several hosts on a port that is neither HTTP nor TLS: plain TCP cannot tell the hosts
 * apart, unless the resolution is NONE (ValidateServiceEntry).
 */
import { Severity } from '../../diagnostic';
import { SERVICE_ENTRY } from '../../kinds';
import { show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { isHttpProtocol, isTlsProtocol, parseProtocol } from '../gateway/protocol';
import { objectPorts, seShape } from './shape';

export const multipleHostsPortsRule: ManifestRule = {
  code: 'SE033',
  name: 'multiple-hosts-non-http-ports',
  severity: Severity.ERROR,
  appliesTo: SERVICE_ENTRY,
  description: 'with a resolution other than NONE and several hosts, every port is of an HTTP protocol (HTTP, HTTP2, HTTP_PROXY, GRPC, GRPC-Web) or of HTTPS or TLS; an unset protocol counts as neither (ValidateServiceEntry)',
  upstream: ['IST0106'],
  check(manifest, context) {
    const { resolution, hosts } = seShape(manifest);
    if (resolution === undefined || resolution === 'NONE' || hosts.length <= 1) return;
    const port = objectPorts(manifest).find(({ value }) => {
      const protocol = parseProtocol(valueAt(value, 'protocol'));
      return !isHttpProtocol(protocol) && !isTlsProtocol(protocol);
    });
    if (!port) return;
    const protocol = valueAt(port.value, 'protocol');
    context.report(port.path,
      `multiple hosts provided with non-HTTP, non-TLS ports: port ${show(valueAt(port.value, 'name'))} has ${protocol === undefined ? 'no protocol' : `protocol ${show(protocol)}`} and the ServiceEntry has ${hosts.length} hosts, which ${resolution} resolution cannot tell apart on such a port; use one ServiceEntry per host, or an HTTP or TLS protocol`,
      protocol);
  },
};

export const MULTIPLE_HOSTS_RULES: readonly ManifestRule[] = [multipleHostsPortsRule];
