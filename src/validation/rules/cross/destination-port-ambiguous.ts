/**
 * XR005: a destination without a port, to a Service with several. Istio then uses the port
 * the request arrived on (`GetDestinationCluster`), which only works for callers that use
 * one of the Service's ports (istioctl analyze IST0112).
 */
import { Severity } from '../../diagnostic';
import { has, resourceId } from '../../manifest';
import { SetRule } from '../../rule';
import { serviceDestinations } from './destinations';

export const destinationPortAmbiguousRule: SetRule = {
  code: 'XR005',
  name: 'destination-port-ambiguous',
  severity: Severity.WARNING,
  description: 'a VirtualService destination names a port when the Service its host names has more than one (istioctl analyze IST0112, VirtualServiceDestinationPortSelectorRequired)',
  check(manifests, context) {
    for (const d of serviceDestinations(manifests, context.options.clusterDomain).destinations) {
      const ports = d.service?.ports;
      if (!d.service || !ports || ports.length < 2 || has(d.destination, 'port')) continue;
      context.report(d.entry, d.path,
        `destination host ${JSON.stringify(d.host)} names no port, and ${resourceId(d.service.entry.manifest)} has several (${ports.join(', ')}): Istio then routes to the port the request arrived on, which fails with 503 when that port is not one of these (a gateway's 80 or 443, or the port of another host); set port.number`);
    }
  },
};
