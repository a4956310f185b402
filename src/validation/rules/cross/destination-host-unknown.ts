/**
 * XR002: a destination host that names an in-cluster Service the set does not hold, in a
 * namespace whose Services the set does hold (istioctl analyze IST0101).
 */
import { Severity } from '../../diagnostic';
import { SetRule } from '../../rule';
import { serviceDestinations } from './destinations';

export const destinationHostUnknownRule: SetRule = {
  code: 'XR002',
  name: 'destination-host-unknown',
  severity: Severity.WARNING,
  description: 'a VirtualService destination host that names an in-cluster Service (reviews, reviews.shop, reviews.shop.svc, reviews.shop.svc.<cluster domain>) names one of the set, when the set holds Services of that namespace; ServiceEntry hosts, other FQDNs and wildcards are not checked (istioctl analyze IST0101, DestinationHostAnalyzer)',
  check(manifests, context) {
    const { services, destinations } = serviceDestinations(manifests, context.options.clusterDomain);
    for (const d of destinations) {
      // a namespace without Services in the set is described elsewhere: nothing to compare with
      if (d.service || !services.namespaces.has(d.target.namespace)) continue;
      context.report(d.entry, `${d.path}.host`,
        `destination host ${JSON.stringify(d.host)} matches no Service in the set: there is no Service/${d.target.namespace}/${d.target.name}, so unless it is applied from elsewhere (the set may be incomplete) Istio has no cluster for ${d.target.fqdn} and the route fails with 503`,
        d.host);
    }
  },
};
