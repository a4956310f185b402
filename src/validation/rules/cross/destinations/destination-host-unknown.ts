/**
 * XR002: a destination host that resolves to no Service or ServiceEntry host of the set for
 * the VirtualService that names it (istioctl analyze IST0101 `host` / `mirror host`,
 * DestinationHostAnalyzer with `GetDestinationHost`; Kiali KIA1101, NoHostChecker).
 *
 * Reported when the set shows the host is missing or hidden: a Service or ServiceEntry of the
 * set declares it but is not exported to the VirtualService's namespace (or to the namespaces
 * the VirtualService's own exportTo names, the scope upstream looks it up in); or the host names
 * an in-cluster Service of a namespace whose Services the set holds, and that Service is not
 * among them. Other hosts (external names no ServiceEntry of the set declares, Services of
 * namespaces the set does not describe) are left alone: the set may be incomplete.
 */
import { Severity } from '../../../diagnostic';
import { resourceId } from '../../../manifest';
import { SetRule } from '../../../rule';
import { VsDestination, serviceDestinations } from '../indexes/destinations';
import { EXPORT_TO_LOCAL, RegistryEntry } from '../indexes/host-registry';

function lookupScopes(d: VsDestination): string {
  if (!d.exportTo) return `namespace ${d.namespace}`;
  const scopes = [...new Set(d.exportTo.map(e => (e === EXPORT_TO_LOCAL ? d.namespace : e)))];
  return `${scopes.length === 1 ? 'namespace' : 'namespaces'} ${scopes.join(', ')} (the VirtualService's exportTo)`;
}

function hiddenMessage(d: VsDestination, declared: readonly RegistryEntry[]): string {
  const owner = declared[declared.length - 1];
  const field = owner.kind === 'Service' ? 'its networking.istio.io/exportTo annotation' : 'its spec.exportTo';
  const scopes = owner.scopes.length > 5 ? `${owner.scopes.slice(0, 5).join(', ')} and ${owner.scopes.length - 5} more` : owner.scopes.join(', ');
  return `destination host ${JSON.stringify(d.host)} is declared by ${resourceId(owner.entry.manifest)}, but ${field} makes it visible to ${scopes} only, and Istio looks the host up for ${lookupScopes(d)}: the route finds no service and fails with 503; export the ${owner.kind} to namespace ${d.namespace}, or route to a host that is visible there`;
}

export const destinationHostUnknownRule: SetRule = {
  code: 'XR002',
  name: 'destination-host-unknown',
  severity: Severity.WARNING,
  upstream: ['IST0101', 'KIA1101'],
  description: 'a VirtualService destination host (http, tcp and tls routes, mirror and mirrors) resolves to a Service or ServiceEntry host of the set visible to the VirtualService (exportTo of the Service annotation, of the ServiceEntry and of the VirtualService, wildcard ServiceEntry hosts), when the set declares the host elsewhere or holds Services of the namespace an in-cluster name points to; external names no ServiceEntry of the set declares are not checked, since the set may be incomplete (istioctl analyze IST0101, DestinationHostAnalyzer and GetDestinationHost; Kiali KIA1101, NoHostChecker; a warning for the same reason)',
  check(manifests, context) {
    const { all, registry } = serviceDestinations(manifests, context.options.clusterDomain);
    for (const d of all) {
      if (d.resolved) continue;
      const declared = registry.declaredAnywhere(d.namespace, d.host);
      if (declared.length > 0) {
        context.report(d.entry, `${d.path}.host`, hiddenMessage(d, declared), d.host);
        continue;
      }
      // a namespace without Services in the set is described elsewhere: nothing to compare with;
      // a search-path form of a Service the set holds is XR006's
      if (!d.target || d.service || !registry.hasServicesIn(d.target.namespace)) continue;
      context.report(d.entry, `${d.path}.host`,
        `destination host ${JSON.stringify(d.host)} matches no Service in the set: there is no Service/${d.target.namespace}/${d.target.name}, so unless it is applied from elsewhere (the set may be incomplete) Istio has no cluster for ${d.target.fqdn} and the route fails with 503`,
        d.host);
    }
  },
};
