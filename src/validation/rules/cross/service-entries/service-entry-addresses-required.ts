/**
 * XR034: a ServiceEntry with a TCP port (protocol TCP or unset) and no `addresses`
 * (istioctl analyze IST0134, ProtocolAddressesAnalyzer). Without an address a sidecar has
 * nothing to tell this service's TCP traffic from other traffic to the same port: it builds
 * a `0.0.0.0:<port>` listener shared with every other address-less TCP service on the port.
 *
 * Auto-allocation: istiod's IP auto-allocation (`PILOT_ENABLE_IP_AUTOALLOCATE`) writes
 * addresses into `status.addresses`, but sidecars only use them with DNS capture
 * (`ISTIO_META_DNS_CAPTURE`, off in the default mesh config), and istioctl only stays silent
 * when the mesh config turns both on. The set carries no mesh config, so this rule reports
 * as istioctl does with the default one, stays silent when the manifest already holds
 * `status.addresses`, and says in the message that DNS capture with auto-allocation makes
 * the finding moot.
 */
import { Severity } from '../../../diagnostic';
import { arrayAt, isObject, objectAt, valueAt } from '../../../manifest';
import { SetRule } from '../../../rule';
import { setKinds } from '../indexes/set-index';

function nonEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}

export const serviceEntryAddressesRequiredRule: SetRule = {
  code: 'XR034',
  name: 'service-entry-addresses-required',
  severity: Severity.WARNING,
  upstream: ['IST0134'],
  description: 'a ServiceEntry with a TCP port (protocol TCP or unset) declares addresses (istioctl analyze IST0134, ProtocolAddressesAnalyzer, with the default mesh config: without DNS capture the addresses istiod auto-allocates into status are not used by sidecars); a status.addresses already in the manifest counts',
  check(manifests, context) {
    for (const entry of setKinds(manifests).serviceEntries) {
      const spec = objectAt(entry.manifest, 'spec');
      if (!spec || nonEmptyList(valueAt(spec, 'addresses')) || nonEmptyList(valueAt(objectAt(entry.manifest, 'status'), 'addresses'))) continue;
      (arrayAt(spec, 'ports') ?? []).forEach((port, i) => {
        const protocol = valueAt(port, 'protocol');
        const tcp = protocol === undefined || protocol === null || protocol === '' || (typeof protocol === 'string' && protocol.toUpperCase() === 'TCP');
        if (!tcp || !isObject(port)) return;
        const number = valueAt(port, 'number');
        const what = protocol === undefined || protocol === null || protocol === '' ? 'has no protocol (TCP is assumed)' : `has protocol ${JSON.stringify(protocol)}`;
        context.report(entry, `spec.ports[${i}]`,
          `port ${typeof number === 'number' ? number : `entry ${i}`} ${what} and the ServiceEntry sets no addresses: sidecars then serve it on 0.0.0.0:${typeof number === 'number' ? number : '<port>'}, which takes all TCP traffic to that port that no more specific listener claims; set spec.addresses (a VIP or CIDR) or an HTTP or TLS protocol, unless the mesh enables DNS capture with address auto-allocation (then istiod's status.addresses are used)`,
          port);
      });
    }
  },
};
