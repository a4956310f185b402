/**
 * XR001: a destination port that the Service or ServiceEntry its host resolves to does not
 * have. Istio builds the route's cluster name from host and port (`outbound|<port>||<host>`);
 * no such cluster exists, so the route answers 503 (istioctl analyze IST0101 on `host:port`,
 * `checkServiceEntryPorts` in DestinationHostAnalyzer).
 */
import { Severity } from '../../../diagnostic';
import { isValidPortNum } from '../../../format/ports';
import { objectAt, resourceId, valueAt } from '../../../manifest';
import { SetRule } from '../../../rule';
import { portOwner, serviceDestinations } from '../indexes/destinations';
import { portNumbers } from '../indexes/host-registry';
import { nameOf, namespaceOf, serviceKey } from '../indexes/set-index';

export const destinationServicePortRule: SetRule = {
  code: 'XR001',
  name: 'destination-service-port',
  severity: Severity.ERROR,
  upstream: ['IST0101'],
  description: 'a VirtualService destination port (http, tcp and tls routes, mirror and mirrors) is one of the ports of the Service or ServiceEntry its host resolves to in the set, exportTo taken into account (istioctl analyze IST0101 host:port, DestinationHostAnalyzer checkServiceEntryPorts; a Service and a ServiceEntry declaring one host in one scope: the Service counts, as upstream)',
  check(manifests, context) {
    const { all, registry, services } = serviceDestinations(manifests, context.options.clusterDomain);
    for (const d of all) {
      const number = valueAt(objectAt(d.destination, 'port'), 'number');
      const owner = portOwner(d, registry);
      const ports = owner?.ports;
      // a malformed number is VS037's; unreadable or no ports are not guessed at
      if (!owner || !ports || ports.length === 0 || isValidPortNum(number).length > 0) continue;
      const port = number as number;
      if (ports.some(p => p.number === port)) continue;
      const list = portNumbers(owner).join(', ');
      let hint: string;
      if (owner.kind === 'ServiceEntry') {
        hint = 'add the port to the ServiceEntry (spec.ports[].number) or route to one of its ports';
      } else {
        const servicePort = services.byName.get(serviceKey(namespaceOf(owner.entry.manifest), nameOf(owner.entry.manifest) ?? ''))?.targetPorts.get(port);
        hint = servicePort === undefined
          ? 'a destination names a port of the Service (spec.ports[].port)'
          : `${port} is the targetPort of service port ${servicePort}: a destination names the Service port, not the container port`;
      }
      const what = owner.kind === 'ServiceEntry' ? `${resourceId(owner.entry.manifest)} (host ${JSON.stringify(owner.host)}, ports: ${list})` : `${resourceId(owner.entry.manifest)} (ports: ${list})`;
      context.report(d.entry, `${d.path}.port.number`,
        `destination port ${port} is not a port of ${what}: Istio finds no cluster for ${d.host}:${port} and the route fails with 503; ${hint}`,
        port);
    }
  },
};
