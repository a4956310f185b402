import { Severity } from '../../diagnostic';
import { ENDPOINT_SLICE } from '../../kinds';
import { has, show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';

/** The address types a slice may be created with (`supportedAddressTypes`). */
export const ADDRESS_TYPES = ['IPv4', 'IPv6', 'FQDN'];
const ALLOWED = ADDRESS_TYPES.map(t => JSON.stringify(t)).join(', ');

/** EPS001: `addressType` is required and one of IPv4, IPv6, FQDN. */
export const ADDRESS_TYPE: ManifestRule = {
  code: 'EPS001',
  name: 'address-type',
  severity: Severity.ERROR,
  appliesTo: [ENDPOINT_SLICE],
  description: 'addressType is required and must be IPv4, IPv6 or FQDN (validateAddressType)',
  check(manifest, context) {
    const value = valueAt(manifest, 'addressType');
    if (!has(manifest, 'addressType') || value === '') {
      context.report('addressType', `addressType is required: one of ${ALLOWED}`);
    } else if (value === 'IP') {
      context.report('addressType', `addressType "IP" is not supported: the v1beta1 "IP" type is deprecated, use "IPv4" or "IPv6"`, value);
    } else if (typeof value !== 'string' || !ADDRESS_TYPES.includes(value)) {
      context.report('addressType', `addressType ${show(value)} is not supported: must be one of ${ALLOWED}`, value);
    }
  },
};

/** EPS002: the API server warns that FQDN slices are deprecated; kube-proxy ignores them. */
export const ADDRESS_TYPE_FQDN_DEPRECATED: ManifestRule = {
  code: 'EPS002',
  name: 'address-type-fqdn-deprecated',
  severity: Severity.WARNING,
  appliesTo: [ENDPOINT_SLICE],
  description: 'addressType FQDN is deprecated and kube-proxy does not route to FQDN endpoints (warnOnDeprecatedAddressType)',
  check(manifest, context) {
    if (valueAt(manifest, 'addressType') === 'FQDN') {
      context.report(
        'addressType',
        'addressType "FQDN" is deprecated (the API server warns on create) and kube-proxy does not route Service traffic to FQDN endpoints',
        'FQDN',
      );
    }
  },
};
