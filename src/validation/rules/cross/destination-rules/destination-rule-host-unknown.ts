/**
 * XR041: a DestinationRule whose host matches no Service or ServiceEntry of the set that its
 * namespace can see (istioctl analyze IST0174, UnknownDestinationRuleHost; Kiali KIA0202).
 * The rule then applies to no traffic. Hosts are looked up as istioctl does
 * (`GetDestinationHost`: a short name in the rule's namespace, other names as written, the
 * rule's `exportTo` as the scope, wildcard ServiceEntry hosts); wildcard DestinationRule
 * hosts always pass, as in Kiali.
 *
 * The set may be partial, so the rule reports only what the set can tell: a host that names
 * an in-cluster Service when the set holds Services of that namespace, and any other host
 * when the set holds ServiceEntries. Kiali also accepts a short host that is the `app` label
 * of a workload; Istio does not route by it, so this rule does not either.
 */
import { Severity } from '../../../diagnostic';
import { resourceId } from '../../../manifest';
import { SetRule } from '../../../rule';
import { DestinationRuleIndex } from '../indexes/destination-rule-index';
import { HostRegistry, convertHostToFqdn } from '../indexes/host-registry';
import { resolveServiceHost } from '../indexes/service-host';

export const destinationRuleHostUnknownRule: SetRule = {
  code: 'XR041',
  name: 'destination-rule-host-unknown',
  severity: Severity.WARNING,
  upstream: ['IST0174', 'KIA0202'],
  description: 'a DestinationRule host names a Service or ServiceEntry of the set visible to its namespace (istioctl analyze IST0174, SubsetSelectPodAnalyzer; Kiali KIA0202): a warning as istioctl classes it (Kiali: Error, Warning when outbound traffic is ALLOW_ANY), since the rule only goes unused; wildcard hosts pass as in Kiali; checked for in-cluster names when the set holds Services of that namespace, for other hosts when it holds ServiceEntries',
  check(manifests, context) {
    const rules = DestinationRuleIndex.of(manifests, context.options.clusterDomain);
    if (rules.isEmpty) return;
    const registry = HostRegistry.of(manifests, context.options.clusterDomain);
    for (const rule of rules.all) {
      if (rule.host.startsWith('*') || registry.resolve(rule.namespace, rule.exportTo, rule.host)) continue;
      const service = resolveServiceHost(rule.host, { namespace: rule.namespace, clusterDomain: registry.clusterDomain, hasServicesIn: ns => registry.hasServicesIn(ns) });
      if (service ? !registry.hasServicesIn(service.namespace) : registry.serviceEntryCount === 0) continue;
      const elsewhere = registry.declaredAnywhere(rule.namespace, rule.host).map(e => resourceId(e.entry.manifest));
      let hint: string;
      if (elsewhere.length > 0) {
        hint = `${elsewhere.slice(0, 3).join(', ')} declares it but does not export it to namespace ${rule.namespace}; export it there, or move the DestinationRule`;
      } else if (service?.form === 'partial' && registry.declaredAnywhere(rule.namespace, service.fqdn).length > 0) {
        hint = `Istio does not expand ${JSON.stringify(rule.host)}: write ${JSON.stringify(service.fqdn)}, or the short name in the Service's namespace`;
      } else if (service) {
        hint = `the set has no Service/${service.namespace}/${service.name}; fix the host, or add the Service`;
      } else {
        hint = 'fix the host, or declare it in a ServiceEntry';
      }
      const qualified = convertHostToFqdn(rule.namespace, rule.host, registry.clusterDomain);
      const shown = qualified === rule.host ? JSON.stringify(rule.host) : `${JSON.stringify(rule.host)} (${qualified})`;
      context.report(rule.entry, 'spec.host',
        `host ${shown} matches no Service or ServiceEntry of the set that namespace ${rule.namespace} can see, so this DestinationRule applies to no traffic; ${hint}`,
        rule.host);
    }
  },
};
