/**
 * `spec.clusterIP`, `spec.clusterIPs`, `spec.ipFamilies` and `spec.ipFamilyPolicy`. ExternalName
 * services may set none of these (SVC023), so every rule here skips them.
 */
import { Severity } from '../../diagnostic';
import { SERVICE } from '../../kinds';
import { IpFamily, parseIp } from '../../format/ip';
import { arrayAt, objectAt, show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { describeType, describeValue, enumProblem } from './fields';
import { ServiceShape, effectiveClusterIps, isSet, serviceShape } from './service-type';

const FAMILIES: readonly IpFamily[] = ['IPv4', 'IPv6'];
const POLICIES = ['SingleStack', 'PreferDualStack', 'RequireDualStack'];

/** Whether the cluster-IP fields are checked at all (skipped for ExternalName, see SVC023). */
function checked(shape: ServiceShape): boolean {
  return shape.spec !== undefined && shape.type !== 'ExternalName';
}

/** Where the effective `clusterIPs[i]` was written: `spec.clusterIPs[i]`, or `spec.clusterIP`. */
function clusterIpPath(spec: unknown, index: number): string {
  const list = arrayAt(spec, 'clusterIPs');
  return list && list.length > 0 ? `spec.clusterIPs[${index}]` : 'spec.clusterIP';
}

export const clusterIpConsistencyRule: ManifestRule = {
  code: 'SVC018',
  name: 'cluster-ip-consistency',
  severity: Severity.ERROR,
  appliesTo: [SERVICE],
  description: 'clusterIPs may be set only with clusterIP, and clusterIPs[0] must equal clusterIP (ValidateServiceClusterIPsRelatedFields)',
  check(manifest, context) {
    const shape = serviceShape(manifest);
    if (!checked(shape)) return;
    const list = arrayAt(shape.spec, 'clusterIPs');
    if (!list || list.length === 0) return;
    const single = valueAt(shape.spec, 'clusterIP');
    if (!isSet(single) || single === '') {
      context.report('spec.clusterIPs',
        `clusterIPs ${show(list)} may only be set together with clusterIP: set clusterIP to ${show(list[0])} as well, or remove clusterIPs`,
        list);
    } else if (list[0] !== single) {
      context.report('spec.clusterIPs[0]', `clusterIPs[0] ${show(list[0])} must match clusterIP ${show(single)}`, list[0]);
    }
  },
};

export const clusterIpsRule: ManifestRule = {
  code: 'SVC019',
  name: 'cluster-ips',
  severity: Severity.ERROR,
  appliesTo: [SERVICE],
  description: 'clusterIP and clusterIPs entries are "None" (alone) or valid IP addresses; clusterIPs holds at most one IPv4 and one IPv6 address (ValidateServiceClusterIPsRelatedFields)',
  check(manifest, context) {
    const shape = serviceShape(manifest);
    if (!checked(shape)) return;
    const single = valueAt(shape.spec, 'clusterIP');
    if (isSet(single) && single !== '' && single !== 'None') {
      if (typeof single !== 'string') {
        context.report('spec.clusterIP', `clusterIP must be a string, "None" or an IP address, got ${describeValue(single)}`, single);
      } else if (!parseIp(single)) {
        context.report('spec.clusterIP', `clusterIP ${show(single)} must be empty, "None" or a valid IP address`, single);
      }
    }

    const raw = valueAt(shape.spec, 'clusterIPs');
    if (!isSet(raw)) return;
    if (!Array.isArray(raw)) {
      context.report('spec.clusterIPs', `clusterIPs must be a list of IP addresses, got ${describeType(raw)}`, raw);
      return;
    }
    let allValid = true;
    const families: IpFamily[] = [];
    raw.forEach((entry, i) => {
      const path = `spec.clusterIPs[${i}]`;
      if (entry === 'None') {
        if (i !== 0 || raw.length > 1) {
          allValid = false;
          context.report(path, `clusterIPs[${i}] "None" is not allowed here: "None" (headless) must be the first and only value`, entry);
        }
        return;
      }
      const parsed = typeof entry === 'string' ? parseIp(entry) : undefined;
      if (parsed) {
        families.push(parsed.family);
        return;
      }
      allValid = false;
      // clusterIPs[0] equal to an invalid clusterIP was reported there already
      if (i === 0 && entry === single) return;
      if (typeof entry !== 'string') {
        context.report(path, `clusterIPs[${i}] must be a string IP address, got ${describeValue(entry)}`, entry);
      } else {
        context.report(path, `clusterIPs[${i}] ${show(entry)} is not a valid IP address`, entry);
      }
    });
    if (raw.length > 2) {
      context.report('spec.clusterIPs', `clusterIPs holds ${raw.length} values: at most 2 are allowed, one IPv4 and one IPv6 address`, raw);
      return;
    }
    if (allValid && families.length === 2 && families[0] === families[1]) {
      context.report('spec.clusterIPs',
        `clusterIPs ${show(raw)} holds two ${families[0]} addresses: at most one IP per family is allowed, so a dual-stack service needs one IPv4 and one IPv6 address`,
        raw);
    }
  },
};

export const ipFamiliesRule: ManifestRule = {
  code: 'SVC020',
  name: 'ip-families',
  severity: Severity.ERROR,
  appliesTo: [SERVICE],
  description: 'ipFamilies lists IPv4 and/or IPv6, each at most once, and unless headless each clusterIPs entry belongs to the family at the same position (ValidateServiceClusterIPsRelatedFields)',
  check(manifest, context) {
    const shape = serviceShape(manifest);
    if (!checked(shape)) return;
    const raw = valueAt(shape.spec, 'ipFamilies');
    if (!isSet(raw)) return;
    if (!Array.isArray(raw)) {
      context.report('spec.ipFamilies', `ipFamilies must be a list such as [IPv4, IPv6], got ${describeType(raw)}`, raw);
      return;
    }
    const seen = new Set<unknown>();
    raw.forEach((family, i) => {
      const path = `spec.ipFamilies[${i}]`;
      const problem = enumProblem(`ipFamilies[${i}]`, family, FAMILIES);
      if (problem) {
        context.report(path, problem, family);
      } else if (seen.has(family)) {
        context.report(path, `ipFamilies[${i}] ${show(family)} is listed twice: each family may appear once`, family);
      }
      seen.add(family);
    });
    if (raw.length > 2) {
      context.report('spec.ipFamilies', `ipFamilies holds ${raw.length} values: at most 2 are allowed, IPv4 and IPv6`, raw);
    }
    if (shape.headless) return;
    const ips = effectiveClusterIps(shape.spec);
    for (let i = 0; i < Math.min(ips.length, raw.length); i++) {
      const family = raw[i];
      const ip = ips[i];
      const parsed = typeof ip === 'string' ? parseIp(ip) : undefined;
      if (!parsed || !FAMILIES.includes(family as IpFamily) || parsed.family === family) continue;
      const path = clusterIpPath(shape.spec, i);
      const field = path === 'spec.clusterIP' ? 'clusterIP' : `clusterIPs[${i}]`;
      context.report(path,
        `${field} ${show(ip)} is an ${parsed.family} address, but ipFamilies[${i}] is ${String(family)}: each cluster IP must belong to the IP family at the same position`,
        ip);
    }
  },
};

export const ipFamilyPolicyRule: ManifestRule = {
  code: 'SVC021',
  name: 'ip-family-policy',
  severity: Severity.ERROR,
  appliesTo: [SERVICE],
  description: 'ipFamilyPolicy is SingleStack, PreferDualStack or RequireDualStack, and SingleStack (the default, except for headless services without selector) allows one cluster IP and one family (ValidateServiceClusterIPsRelatedFields, allocator initIPFamilyFields)',
  check(manifest, context) {
    const shape = serviceShape(manifest);
    if (!checked(shape)) return;
    const raw = valueAt(shape.spec, 'ipFamilyPolicy');
    let policy: string;
    if (isSet(raw)) {
      const problem = enumProblem('ipFamilyPolicy', raw, POLICIES);
      if (problem) {
        context.report('spec.ipFamilyPolicy', problem, raw);
        return;
      }
      policy = raw as string;
    } else {
      const selector = objectAt(shape.spec, 'selector');
      const selectorless = !selector || Object.keys(selector).length === 0;
      // initIPFamilyFields: a headless service without selector defaults to RequireDualStack
      policy = valueAt(shape.spec, 'clusterIP') === 'None' && selectorless ? 'RequireDualStack' : 'SingleStack';
    }
    if (policy !== 'SingleStack') return;
    const lead = isSet(raw)
      ? 'ipFamilyPolicy SingleStack allows'
      : 'ipFamilyPolicy is not set, so the API server uses SingleStack, which allows';
    const fix = 'set ipFamilyPolicy to PreferDualStack or RequireDualStack';
    const value = isSet(raw) ? raw : undefined;
    if (effectiveClusterIps(shape.spec).length === 2) {
      context.report('spec.ipFamilyPolicy', `${lead} one cluster IP, but clusterIPs holds 2: ${fix}`, value);
    }
    if ((arrayAt(shape.spec, 'ipFamilies') ?? []).length === 2) {
      context.report('spec.ipFamilyPolicy', `${lead} one IP family, but ipFamilies lists 2: ${fix}`, value);
    }
  },
};

export const headlessTypeRule: ManifestRule = {
  code: 'SVC022',
  name: 'headless-type',
  severity: Severity.ERROR,
  appliesTo: [SERVICE],
  description: 'NodePort and LoadBalancer services may not be headless (clusterIP None) (ValidateService)',
  check(manifest, context) {
    const shape = serviceShape(manifest);
    if (!shape.headless || (shape.type !== 'NodePort' && shape.type !== 'LoadBalancer')) return;
    const fromSingle = valueAt(shape.spec, 'clusterIP') === 'None';
    context.report(fromSingle ? 'spec.clusterIP' : 'spec.clusterIPs[0]',
      `${fromSingle ? 'clusterIP' : 'clusterIPs[0]'} "None" (headless) may not be used with type ${shape.type}: a headless service has no virtual IP for node ports or load balancers to forward to; remove it or use type ClusterIP`,
      'None');
  },
};

export const CLUSTER_IP_RULES: readonly ManifestRule[] = [
  clusterIpConsistencyRule,
  clusterIpsRule,
  ipFamiliesRule,
  ipFamilyPolicyRule,
  headlessTypeRule,
];
