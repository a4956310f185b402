/**
 * XR006: a destination host in a Kubernetes DNS search-path form (`reviews.shop`,
 * `reviews.shop.svc`). Pods resolve those names through their DNS search list, but Istio
 * qualifies only names without a dot (`ResolveShortnameToFQDN`) and looks every other name
 * up as written, so the route finds no service and fails with 503.
 */
import { Severity } from '../../../diagnostic';
import { SetRule } from '../../../rule';
import { serviceDestinations } from '../indexes/destinations';

export const destinationHostPartiallyQualifiedRule: SetRule = {
  code: 'XR006',
  name: 'destination-host-partially-qualified',
  severity: Severity.WARNING,
  description: 'a VirtualService destination names an in-cluster Service by its short name or its FQDN, not reviews.shop or reviews.shop.svc, which Istio does not expand (ResolveShortnameToFQDN)',
  check(manifests, context) {
    for (const d of serviceDestinations(manifests, context.options.clusterDomain).destinations) {
      if (d.target.form !== 'partial') continue;
      context.report(d.entry, `${d.path}.host`,
        `destination host ${JSON.stringify(d.host)} is a DNS search-path form that Istio does not expand: Istio qualifies only names without a dot and looks ${JSON.stringify(d.host)} up as written, so the route finds no service and fails with 503; write ${JSON.stringify(d.target.fqdn)}`,
        d.host);
    }
  },
};
