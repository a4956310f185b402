/**
 * `spec.externalIPs`: addresses, outside the cluster's control, that nodes accept traffic on.
 * The deprecation and "ignored" warnings are in `warnings.ts`.
 */
import { Severity } from '../../diagnostic';
import { SERVICE } from '../../kinds';
import { parseIp, specialIpReason } from '../../format/ip';
import { show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { describeType, describeValue } from './fields';
import { isSet, serviceShape } from './service-type';

export const externalIpsRule: ManifestRule = {
  code: 'SVC026',
  name: 'external-ips',
  severity: Severity.ERROR,
  appliesTo: [SERVICE],
  description: 'each externalIPs entry is a valid IP address that is not unspecified, loopback, link-local or link-local multicast (ValidateService, IsValidIP, ValidateNonSpecialIP)',
  check(manifest, context) {
    const raw = valueAt(serviceShape(manifest).spec, 'externalIPs');
    if (!isSet(raw)) return;
    if (!Array.isArray(raw)) {
      context.report('spec.externalIPs', `externalIPs must be a list of IP addresses, got ${describeType(raw)}`, raw);
      return;
    }
    raw.forEach((entry, i) => {
      const path = `spec.externalIPs[${i}]`;
      if (typeof entry !== 'string') {
        context.report(path, `externalIPs[${i}] must be a string IP address, got ${describeValue(entry)}`, entry);
        return;
      }
      const ip = parseIp(entry);
      if (!ip) {
        context.report(path, `externalIPs[${i}] ${show(entry)} is not a valid IP address`, entry);
        return;
      }
      const reason = specialIpReason(ip);
      if (reason) context.report(path, `externalIPs[${i}] ${show(entry)} ${reason}`, entry);
    });
  },
};

export const EXTERNAL_IP_RULES: readonly ManifestRule[] = [externalIpsRule];
