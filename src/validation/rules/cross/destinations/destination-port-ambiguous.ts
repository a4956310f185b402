/**
 * XR005: a destination without a port, to a Service or ServiceEntry with several. Istio then
 * uses the port the request arrived on (`GetDestinationCluster`), which only works for callers
 * that use one of its ports (istioctl analyze IST0112, `checkServiceEntryPorts`).
 */
import { Severity } from '../../../diagnostic';
import { has, resourceId } from '../../../manifest';
import { SetRule } from '../../../rule';
import { portOwner, serviceDestinations } from '../indexes/destinations';
import { portNumbers } from '../indexes/host-registry';

export const destinationPortAmbiguousRule: SetRule = {
  code: 'XR005',
  name: 'destination-port-ambiguous',
  severity: Severity.WARNING,
  upstream: ['IST0112'],
  description: 'a VirtualService destination (http, tcp and tls routes, mirror and mirrors) names a port when the Service or ServiceEntry its host resolves to has more than one (istioctl analyze IST0112, VirtualServiceDestinationPortSelectorRequired; upstream an error, a warning here because the route still works for callers that use one of those ports)',
  check(manifests, context) {
    const { all, registry } = serviceDestinations(manifests, context.options.clusterDomain);
    for (const d of all) {
      const owner = portOwner(d, registry);
      const ports = owner?.ports;
      if (!owner || !ports || ports.length < 2 || has(d.destination, 'port')) continue;
      context.report(d.entry, d.path,
        `destination host ${JSON.stringify(d.host)} names no port, and ${resourceId(owner.entry.manifest)} has several (${portNumbers(owner).join(', ')}): Istio then routes to the port the request arrived on, which fails with 503 when that port is not one of these (a gateway's 80 or 443, or the port of another host); set port.number`);
    }
  },
};
