/**
 * XR001: a destination port that the Service it names does not have. Istio builds the
 * route's cluster name from host and port (`outbound|<port>||<host>`); no such cluster
 * exists, so the route answers 503 (istioctl analyze IST0101 on `host:port`).
 */
import { Severity } from '../../diagnostic';
import { isValidPortNum } from '../../format/ports';
import { objectAt, resourceId, valueAt } from '../../manifest';
import { SetRule } from '../../rule';
import { serviceDestinations } from './destinations';

export const destinationServicePortRule: SetRule = {
  code: 'XR001',
  name: 'destination-service-port',
  severity: Severity.ERROR,
  description: 'a VirtualService destination port is one of the ports of the Service its host names, when the set holds that Service (istioctl analyze IST0101, DestinationHostAnalyzer)',
  check(manifests, context) {
    for (const d of serviceDestinations(manifests, context.options.clusterDomain).destinations) {
      const number = valueAt(objectAt(d.destination, 'port'), 'number');
      const ports = d.service?.ports;
      // a malformed number is VS037's; a Service with unreadable or no ports is not guessed at
      if (!d.service || !ports || ports.length === 0 || isValidPortNum(number).length > 0) continue;
      const port = number as number;
      if (ports.includes(port)) continue;
      const servicePort = d.service.targetPorts.get(port);
      const hint = servicePort === undefined
        ? 'a destination names a port of the Service (spec.ports[].port)'
        : `${port} is the targetPort of service port ${servicePort}: a destination names the Service port, not the container port`;
      context.report(d.entry, `${d.path}.port.number`,
        `destination port ${port} is not a port of ${resourceId(d.service.entry.manifest)} (ports: ${ports.join(', ')}): Istio finds no cluster for ${d.host}:${port} and the route fails with 503; ${hint}`,
        port);
    }
  },
};
