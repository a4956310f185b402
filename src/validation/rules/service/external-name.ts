/**
 * ExternalName services: a DNS CNAME, with no cluster IP and no proxying.
 */
import { Severity } from '../../diagnostic';
import { SERVICE } from '../../kinds';
import { isDns1123Subdomain } from '../../format/dns';
import { parseIp } from '../../format/ip';
import { show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { describeValue } from './fields';
import { isSet, serviceShape } from './service-type';

const ENDPOINT_SLICE_HINT = 'use a Service without a selector and an EndpointSlice that holds the address instead';

/** `externalName` with one trailing dot (a fully qualified name) removed, as ValidateService reads it. */
function cnameOf(value: string): string {
  return value.endsWith('.') ? value.slice(0, -1) : value;
}

export const externalNameFieldsRule: ManifestRule = {
  code: 'SVC023',
  name: 'external-name-fields',
  severity: Severity.ERROR,
  appliesTo: [SERVICE],
  description: 'an ExternalName service may not set clusterIP, clusterIPs, ipFamilies or ipFamilyPolicy (ValidateService)',
  check(manifest, context) {
    const shape = serviceShape(manifest);
    if (shape.type !== 'ExternalName') return;
    const why = 'may not be set for ExternalName services: an ExternalName service is a DNS CNAME and gets no cluster IP';
    const clusterIp = valueAt(shape.spec, 'clusterIP');
    if (isSet(clusterIp) && clusterIp !== '') context.report('spec.clusterIP', `clusterIP ${show(clusterIp)} ${why}`, clusterIp);
    const clusterIps = valueAt(shape.spec, 'clusterIPs');
    if (isSet(clusterIps) && !(Array.isArray(clusterIps) && clusterIps.length === 0)) {
      context.report('spec.clusterIPs', `clusterIPs ${why}`, clusterIps);
    }
    const families = valueAt(shape.spec, 'ipFamilies');
    if (isSet(families) && !(Array.isArray(families) && families.length === 0)) {
      context.report('spec.ipFamilies', `ipFamilies ${why}`, families);
    }
    const policy = valueAt(shape.spec, 'ipFamilyPolicy');
    if (isSet(policy)) context.report('spec.ipFamilyPolicy', `ipFamilyPolicy ${why}`, policy);
  },
};

export const externalNameFormatRule: ManifestRule = {
  code: 'SVC024',
  name: 'external-name-format',
  severity: Severity.ERROR,
  appliesTo: [SERVICE],
  description: 'type ExternalName requires externalName, a lower-case DNS-1123 subdomain once one trailing dot is removed (ValidateService)',
  check(manifest, context) {
    const shape = serviceShape(manifest);
    if (shape.type !== 'ExternalName') return;
    const value = valueAt(shape.spec, 'externalName');
    if (isSet(value) && typeof value !== 'string') {
      context.report('spec.externalName', `externalName must be a DNS name string, got ${describeValue(value)}`, value);
      return;
    }
    const cname = typeof value === 'string' ? cnameOf(value) : '';
    if (cname === '') {
      context.report('spec.externalName',
        'type ExternalName requires externalName, the DNS name the service is an alias (CNAME) for, such as "my.database.example.com"',
        isSet(value) ? value : undefined);
      return;
    }
    const problems = isDns1123Subdomain(cname);
    if (problems.length === 0) return;
    const ipHint = parseIp(cname) ? `; it is an IP address, and a CNAME needs a DNS name: ${ENDPOINT_SLICE_HINT}` : '';
    context.report('spec.externalName', `externalName ${show(value)} ${problems.join(', ')}${ipHint}`, value);
  },
};

export const externalNameIpRule: ManifestRule = {
  code: 'SVC025',
  name: 'external-name-ip',
  severity: Severity.ERROR,
  appliesTo: [SERVICE],
  description: 'externalName is not an IP address: Kubernetes accepts an IPv4 address there, but a CNAME to an IP address does not resolve (stricter than ValidateService)',
  check(manifest, context) {
    const shape = serviceShape(manifest);
    if (shape.type !== 'ExternalName') return;
    const value = valueAt(shape.spec, 'externalName');
    if (typeof value !== 'string') return;
    const cname = cnameOf(value);
    // names that are not DNS subdomains at all (IPv6 addresses among them) are SVC024's
    if (cname === '' || isDns1123Subdomain(cname).length > 0 || !parseIp(cname)) return;
    context.report('spec.externalName',
      `externalName ${show(value)} is an IP address: Kubernetes accepts it, but DNS publishes it as a CNAME to a name that does not exist, so it does not resolve; ${ENDPOINT_SLICE_HINT}`,
      value);
  },
};

export const EXTERNAL_NAME_RULES: readonly ManifestRule[] = [
  externalNameFieldsRule,
  externalNameFormatRule,
  externalNameIpRule,
];
