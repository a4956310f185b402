/**
 * `spec.addresses`: IP addresses or CIDR blocks, and CIDR blocks only with resolution NONE
 * or STATIC (ValidateServiceEntry, agent.ValidateIPSubnet; the CRD's maxItems, maxLength and
 * CEL rule on CIDR addresses).
 */
import { Severity } from '../../diagnostic';
import { SERVICE_ENTRY } from '../../kinds';
import { show } from '../../manifest';
import { ManifestRule } from '../../rule';
import { ipSubnetProblem } from '../../format/netip';
import { seShape } from './shape';

const MAX_ADDRESSES = 256;
const MAX_ADDRESS_LENGTH = 64;

export const addressesRule: ManifestRule = {
  code: 'SE004',
  name: 'addresses',
  severity: Severity.ERROR,
  appliesTo: SERVICE_ENTRY,
  description: `each address is an IP address or a CIDR block as Go's netip parses them, at most ${MAX_ADDRESS_LENGTH} characters, and there are at most ${MAX_ADDRESSES} (agent.ValidateIPSubnet; the CRD's maxLength and maxItems)`,
  upstream: ['IST0106'],
  check(manifest, context) {
    const { addresses } = seShape(manifest);
    if (addresses.length > MAX_ADDRESSES) {
      context.report('spec.addresses', `spec.addresses has ${addresses.length} entries, at most ${MAX_ADDRESSES} are allowed: use CIDR blocks, or split the ServiceEntry`, addresses.length);
    }
    addresses.forEach((address, index) => {
      if (typeof address !== 'string') return;
      const path = `spec.addresses[${index}]`;
      const problem = ipSubnetProblem(address);
      if (problem) {
        context.report(path, `${problem}: write an IP address (192.0.2.10, 2001:db8::10) or a CIDR block (192.0.2.0/24), without leading zeros`, address);
      } else if (address.length > MAX_ADDRESS_LENGTH) {
        context.report(path, `address ${show(address)} is longer than ${MAX_ADDRESS_LENGTH} characters`, address);
      }
    });
  },
};

export const cidrResolutionRule: ManifestRule = {
  code: 'SE005',
  name: 'cidr-resolution',
  severity: Severity.ERROR,
  appliesTo: SERVICE_ENTRY,
  description: 'addresses with a "/" (CIDR blocks) are allowed only with resolution NONE or STATIC (ValidateServiceEntry; the CRD\'s CEL rule)',
  upstream: ['IST0106'],
  check(manifest, context) {
    const { addresses, resolution } = seShape(manifest);
    if (resolution === undefined || resolution === 'NONE' || resolution === 'STATIC') return;
    const index = addresses.findIndex(address => typeof address === 'string' && address.includes('/'));
    if (index < 0) return;
    context.report(`spec.addresses[${index}]`,
      `CIDR addresses are allowed only for NONE/STATIC resolution types: ${show(addresses[index])} is a CIDR block and the resolution is ${resolution}; give single IP addresses, or use resolution NONE or STATIC`,
      addresses[index]);
  },
};

export const ADDRESS_RULES: readonly ManifestRule[] = [addressesRule, cidrResolutionRule];
