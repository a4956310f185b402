/**
 * Warnings: what the API server accepts but ignores, deprecates or would rather see written
 * differently (after `GetWarningsForService`, `GetWarningsForIP`, `GetWarningsForCIDR`).
 */
import { Severity } from '../../diagnostic';
import { SERVICE } from '../../kinds';
import { parseCidr, parseIp } from '../../format/ip';
import { JsonObject, arrayAt, objectAt, show, valueAt } from '../../manifest';
import { ManifestRule, RuleContext } from '../../rule';
import { annotation } from './fields';
import { SOURCE_RANGES_ANNOTATION } from './load-balancer';
import { isSet, serviceShape } from './service-type';
import { TOPOLOGY_HINTS_ANNOTATION, TOPOLOGY_MODE_ANNOTATION } from './topology';

function nonEmptyList(spec: JsonObject | undefined, key: string): unknown[] | undefined {
  const list = arrayAt(spec, key);
  return list && list.length > 0 ? list : undefined;
}

function nonEmptyString(spec: JsonObject | undefined, key: string): unknown {
  const value = valueAt(spec, key);
  return isSet(value) && value !== '' ? value : undefined;
}

export const externalIpsDeprecatedRule: ManifestRule = {
  code: 'SVC040',
  name: 'external-ips-deprecated',
  severity: Severity.WARNING,
  appliesTo: [SERVICE],
  description: 'externalIPs is deprecated and may no longer be implemented in some clusters (GetWarningsForService)',
  check(manifest, context) {
    const shape = serviceShape(manifest);
    const list = nonEmptyList(shape.spec, 'externalIPs');
    // headless and ExternalName services ignore the field: SVC041 and SVC045 say so
    if (!list || shape.type === undefined || shape.type === 'ExternalName' || shape.headlessClusterIp) return;
    context.report('spec.externalIPs',
      'externalIPs is deprecated and may no longer be implemented in some clusters: prefer a LoadBalancer service',
      list);
  },
};

export const headlessIgnoredRule: ManifestRule = {
  code: 'SVC041',
  name: 'headless-ignored',
  severity: Severity.WARNING,
  appliesTo: [SERVICE],
  description: 'a headless service (type ClusterIP, clusterIP None) ignores loadBalancerIP, externalIPs and sessionAffinity ClientIP (GetWarningsForService)',
  check(manifest, context) {
    const shape = serviceShape(manifest);
    if (!shape.headlessClusterIp) return;
    const why = 'is ignored for headless services (clusterIP: None): clients get the pod addresses from DNS and connect to them directly';
    const loadBalancerIp = nonEmptyString(shape.spec, 'loadBalancerIP');
    if (loadBalancerIp !== undefined) context.report('spec.loadBalancerIP', `loadBalancerIP ${why}`, loadBalancerIp);
    const externalIps = nonEmptyList(shape.spec, 'externalIPs');
    if (externalIps) context.report('spec.externalIPs', `externalIPs ${why}`, externalIps);
    if (valueAt(shape.spec, 'sessionAffinity') === 'ClientIP') {
      context.report('spec.sessionAffinity', `sessionAffinity ClientIP ${why}`, 'ClientIP');
    }
  },
};

export const externalNameIgnoredRule: ManifestRule = {
  code: 'SVC042',
  name: 'external-name-ignored',
  severity: Severity.WARNING,
  appliesTo: [SERVICE],
  description: 'externalName is ignored unless type is ExternalName (GetWarningsForService)',
  check(manifest, context) {
    const shape = serviceShape(manifest);
    const externalName = nonEmptyString(shape.spec, 'externalName');
    if (externalName === undefined || shape.type === undefined || shape.type === 'ExternalName') return;
    context.report('spec.externalName',
      `externalName ${show(externalName)} is ignored when type is not 'ExternalName' (this service is ${shape.type}): set type: ExternalName or remove externalName`,
      externalName);
  },
};

/** Why an address written as `text` is not canonical, or undefined when it is. */
function nonCanonicalIp(text: string): { canonical: string; reason: string } | undefined {
  const ip = parseIp(text);
  if (!ip || ip.canonical === text) return undefined;
  if (ip.family === 'IPv6') return { canonical: ip.canonical, reason: 'is not in RFC 5952 canonical form' };
  if (text.includes(':')) return { canonical: ip.canonical, reason: 'is an IPv4-mapped IPv6 address, which Kubernetes treats as IPv4' };
  return { canonical: ip.canonical, reason: 'has leading zeros, which some tools read as octal and Kubernetes will refuse in a future release' };
}

/** The same for a source range, which Kubernetes space-trims first. */
function nonCanonicalCidr(written: string): { canonical: string; reason: string } | undefined {
  const text = written.trim();
  const cidr = parseCidr(text);
  if (!cidr || cidr.canonical === text) return undefined;
  const slash = text.indexOf('/');
  const address = nonCanonicalIp(text.slice(0, slash));
  return { canonical: cidr.canonical, reason: address ? address.reason : 'has a prefix length that is not written canonically' };
}

export const nonCanonicalIpRule: ManifestRule = {
  code: 'SVC043',
  name: 'non-canonical-ip',
  severity: Severity.WARNING,
  appliesTo: [SERVICE],
  description: 'IP addresses and CIDRs in clusterIP(s), externalIPs, loadBalancerIP and loadBalancerSourceRanges are written canonically: no leading zeros, no IPv4-mapped IPv6, lower-case compressed IPv6 (GetWarningsForIP, GetWarningsForCIDR)',
  check(manifest, context) {
    const shape = serviceShape(manifest);
    const spec = shape.spec;
    const warn = (path: string, field: string, value: unknown, find: (text: string) => { canonical: string; reason: string } | undefined): void => {
      if (typeof value !== 'string') return;
      const found = find(value);
      if (found) context.report(path, `${field} ${show(value)} ${found.reason}: write ${show(found.canonical)}`, value);
    };
    if (shape.type !== 'ExternalName') {
      const single = valueAt(spec, 'clusterIP');
      warn('spec.clusterIP', 'clusterIP', single, nonCanonicalIp);
      (arrayAt(spec, 'clusterIPs') ?? []).forEach((ip, i) => {
        // clusterIPs[0] repeats clusterIP: one warning is enough
        if (i === 0 && ip === single) return;
        warn(`spec.clusterIPs[${i}]`, `clusterIPs[${i}]`, ip, nonCanonicalIp);
      });
    }
    (arrayAt(spec, 'externalIPs') ?? []).forEach((ip, i) => warn(`spec.externalIPs[${i}]`, `externalIPs[${i}]`, ip, nonCanonicalIp));
    warn('spec.loadBalancerIP', 'loadBalancerIP', valueAt(spec, 'loadBalancerIP'), nonCanonicalIp);
    (arrayAt(spec, 'loadBalancerSourceRanges') ?? []).forEach((cidr, i) => {
      warn(`spec.loadBalancerSourceRanges[${i}]`, `loadBalancerSourceRanges[${i}]`, cidr, nonCanonicalCidr);
    });
  },
};

function warnHostBits(context: RuleContext, path: string, where: string, entry: string, value: unknown): void {
  const cidr = parseCidr(entry.trim());
  if (!cidr || !cidr.hostBitsSet) return;
  context.report(path,
    `${where} ${show(entry.trim())} has address bits set beyond the prefix length /${cidr.prefixLength}: it means the whole network ${show(cidr.network)}, write that`,
    value);
}

export const cidrHostBitsRule: ManifestRule = {
  code: 'SVC044',
  name: 'cidr-host-bits',
  severity: Severity.WARNING,
  appliesTo: [SERVICE],
  description: `a source range in loadBalancerSourceRanges or the ${SOURCE_RANGES_ANNOTATION} annotation has no address bits set beyond its prefix length, such as 10.0.0.1/8 (GetWarningsForCIDR)`,
  check(manifest, context) {
    const spec = serviceShape(manifest).spec;
    const ranges = arrayAt(spec, 'loadBalancerSourceRanges') ?? [];
    ranges.forEach((entry, i) => {
      if (typeof entry === 'string') warnHostBits(context, `spec.loadBalancerSourceRanges[${i}]`, `loadBalancerSourceRanges[${i}]`, entry, entry);
    });
    // the annotation is read only when the field is empty
    const found = annotation(manifest, SOURCE_RANGES_ANNOTATION);
    if (ranges.length > 0 || typeof found.value !== 'string') return;
    for (const entry of found.value.split(',')) {
      warnHostBits(context, found.path, `source range in annotation ${SOURCE_RANGES_ANNOTATION}`, entry, found.value);
    }
  },
};

export const externalNameIgnoredFieldsRule: ManifestRule = {
  code: 'SVC045',
  name: 'external-name-ignored-fields',
  severity: Severity.WARNING,
  appliesTo: [SERVICE],
  description: 'an ExternalName service ignores selector and externalIPs (GetWarningsForService)',
  check(manifest, context) {
    const shape = serviceShape(manifest);
    if (shape.type !== 'ExternalName') return;
    const selector = objectAt(shape.spec, 'selector');
    if (selector && Object.keys(selector).length > 0) {
      context.report('spec.selector',
        'selector is ignored when type is \'ExternalName\': DNS answers with a CNAME to externalName and no pods are selected',
        selector);
    }
    const externalIps = nonEmptyList(shape.spec, 'externalIPs');
    if (externalIps) context.report('spec.externalIPs', 'externalIPs is ignored when type is \'ExternalName\'', externalIps);
  },
};

export const loadBalancerIpDeprecatedRule: ManifestRule = {
  code: 'SVC046',
  name: 'load-balancer-ip-deprecated',
  severity: Severity.WARNING,
  appliesTo: [SERVICE],
  description: 'loadBalancerIP is deprecated since Kubernetes 1.24 in favour of cloud-specific annotations, and ignored unless type is LoadBalancer (service-v1 API reference)',
  check(manifest, context) {
    const shape = serviceShape(manifest);
    const value = nonEmptyString(shape.spec, 'loadBalancerIP');
    // a headless service ignores it: SVC041 says so
    if (value === undefined || shape.type === undefined || shape.headlessClusterIp) return;
    const deprecated = 'loadBalancerIP is deprecated since Kubernetes 1.24 and not every cloud implements it: use your cloud provider\'s annotation for a fixed address';
    if (shape.type === 'LoadBalancer') {
      context.report('spec.loadBalancerIP', deprecated, value);
    } else {
      context.report('spec.loadBalancerIP',
        `loadBalancerIP ${show(value)} is ignored because type is not 'LoadBalancer' (this service is ${shape.type}); the field is also deprecated since Kubernetes 1.24`,
        value);
    }
  },
};

export const preferCloseDeprecatedRule: ManifestRule = {
  code: 'SVC047',
  name: 'prefer-close-deprecated',
  severity: Severity.WARNING,
  appliesTo: [SERVICE],
  description: 'trafficDistribution PreferClose is deprecated in favour of PreferSameZone, which means the same (GetWarningsForService)',
  check(manifest, context) {
    if (valueAt(serviceShape(manifest).spec, 'trafficDistribution') !== 'PreferClose') return;
    context.report('spec.trafficDistribution',
      'trafficDistribution "PreferClose" is deprecated in favour of "PreferSameZone", which means the same (needs Kubernetes 1.33+, on by default from 1.34)',
      'PreferClose');
  },
};

export const topologyAwareHintsDeprecatedRule: ManifestRule = {
  code: 'SVC048',
  name: 'topology-aware-hints-deprecated',
  severity: Severity.WARNING,
  appliesTo: [SERVICE],
  description: `the ${TOPOLOGY_HINTS_ANNOTATION} annotation is deprecated in favour of ${TOPOLOGY_MODE_ANNOTATION} (GetWarningsForService)`,
  check(manifest, context) {
    const hints = annotation(manifest, TOPOLOGY_HINTS_ANNOTATION);
    if (!hints.present) return;
    context.report(hints.path, `annotation ${TOPOLOGY_HINTS_ANNOTATION} is deprecated: use ${TOPOLOGY_MODE_ANNOTATION} instead`, hints.value);
  },
};

export const WARNING_RULES: readonly ManifestRule[] = [
  externalIpsDeprecatedRule,
  headlessIgnoredRule,
  externalNameIgnoredRule,
  nonCanonicalIpRule,
  cidrHostBitsRule,
  externalNameIgnoredFieldsRule,
  loadBalancerIpDeprecatedRule,
  preferCloseDeprecatedRule,
  topologyAwareHintsDeprecatedRule,
];
