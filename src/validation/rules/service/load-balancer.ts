/**
 * Fields that only a LoadBalancer service may set: source ranges (field and legacy
 * annotation), `allocateLoadBalancerNodePorts` and `loadBalancerClass`.
 */
import { Severity } from '../../diagnostic';
import { SERVICE } from '../../kinds';
import { parseCidr } from '../../format/ip';
import { isQualifiedName } from '../../format/labels';
import { arrayAt, show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { annotation, describeType, describeValue } from './fields';
import { ServiceShape, isSet, serviceShape } from './service-type';

/** The legacy annotation form of `loadBalancerSourceRanges`. */
export const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

/** True when the type is known and is not LoadBalancer (an unknown type is SVC001's). */
function notLoadBalancer(shape: ServiceShape): boolean {
  return shape.type !== undefined && shape.type !== 'LoadBalancer';
}

function onlyLoadBalancer(field: string, shape: ServiceShape): string {
  return `${field} may only be used when type is 'LoadBalancer' (this service is ${shape.type})`;
}

/** Why one source range is not a CIDR, or undefined when it is one (entries are space-trimmed). */
function cidrProblem(entry: string): string | undefined {
  const trimmed = entry.trim();
  if (trimmed === '') return 'is empty: each entry must be a CIDR such as 10.0.0.0/8';
  return parseCidr(trimmed) ? undefined : 'is not a valid CIDR: use address/prefix, such as 10.0.0.0/8 or 2001:db8::/32';
}

export const loadBalancerSourceRangesRule: ManifestRule = {
  code: 'SVC027',
  name: 'load-balancer-source-ranges',
  severity: Severity.ERROR,
  appliesTo: [SERVICE],
  description: 'loadBalancerSourceRanges may only be used with type LoadBalancer, and each space-trimmed entry is a CIDR (ValidateService, IsValidCIDR)',
  check(manifest, context) {
    const shape = serviceShape(manifest);
    const raw = valueAt(shape.spec, 'loadBalancerSourceRanges');
    if (!isSet(raw)) return;
    if (!Array.isArray(raw)) {
      context.report('spec.loadBalancerSourceRanges', `loadBalancerSourceRanges must be a list of CIDRs, got ${describeType(raw)}`, raw);
      return;
    }
    if (raw.length === 0) return;
    if (notLoadBalancer(shape)) {
      context.report('spec.loadBalancerSourceRanges', onlyLoadBalancer('loadBalancerSourceRanges', shape), raw);
    }
    raw.forEach((entry, i) => {
      const path = `spec.loadBalancerSourceRanges[${i}]`;
      if (typeof entry !== 'string') {
        context.report(path, `loadBalancerSourceRanges[${i}] must be a string CIDR, got ${describeValue(entry)}`, entry);
        return;
      }
      const problem = cidrProblem(entry);
      if (problem) context.report(path, `loadBalancerSourceRanges[${i}] ${show(entry)} ${problem}`, entry);
    });
  },
};

export const sourceRangesAnnotationRule: ManifestRule = {
  code: 'SVC028',
  name: 'source-ranges-annotation',
  severity: Severity.ERROR,
  appliesTo: [SERVICE],
  description: `the ${SOURCE_RANGES_ANNOTATION} annotation (read only when loadBalancerSourceRanges is empty) may only be used with type LoadBalancer, even empty, and holds comma-separated CIDRs (ValidateService)`,
  check(manifest, context) {
    const shape = serviceShape(manifest);
    const found = annotation(manifest, SOURCE_RANGES_ANNOTATION);
    if (!found.present) return;
    // Kubernetes ignores the annotation when the field has entries
    if ((arrayAt(shape.spec, 'loadBalancerSourceRanges') ?? []).length > 0) return;
    if (notLoadBalancer(shape)) {
      context.report(found.path, onlyLoadBalancer(`annotation ${SOURCE_RANGES_ANNOTATION}`, shape), found.value);
    }
    if (typeof found.value !== 'string' || found.value.trim() === '') return;
    for (const entry of found.value.trim().split(',')) {
      const problem = cidrProblem(entry);
      if (problem) {
        context.report(found.path, `source range ${show(entry.trim())} in annotation ${SOURCE_RANGES_ANNOTATION} ${problem} (entries are separated by commas)`, found.value);
      }
    }
  },
};

export const allocateLoadBalancerNodePortsRule: ManifestRule = {
  code: 'SVC029',
  name: 'allocate-load-balancer-node-ports',
  severity: Severity.ERROR,
  appliesTo: [SERVICE],
  description: 'allocateLoadBalancerNodePorts is a boolean and may only be used with type LoadBalancer; absent, the API server sets true (ValidateService)',
  check(manifest, context) {
    const shape = serviceShape(manifest);
    const raw = valueAt(shape.spec, 'allocateLoadBalancerNodePorts');
    if (!isSet(raw)) return;
    const path = 'spec.allocateLoadBalancerNodePorts';
    if (notLoadBalancer(shape)) {
      context.report(path, onlyLoadBalancer('allocateLoadBalancerNodePorts', shape), raw);
    } else if (typeof raw !== 'boolean') {
      const quoted = raw === 'true' || raw === 'false' ? `: write ${raw} without quotes` : '';
      context.report(path, `allocateLoadBalancerNodePorts must be true or false, got ${describeValue(raw)}${quoted}`, raw);
    }
  },
};

export const loadBalancerClassRule: ManifestRule = {
  code: 'SVC030',
  name: 'load-balancer-class',
  severity: Severity.ERROR,
  appliesTo: [SERVICE],
  description: 'loadBalancerClass may only be used with type LoadBalancer, and is a qualified name such as example.com/internal-vip (validateLoadBalancerClassField)',
  check(manifest, context) {
    const shape = serviceShape(manifest);
    const raw = valueAt(shape.spec, 'loadBalancerClass');
    if (!isSet(raw)) return;
    const path = 'spec.loadBalancerClass';
    if (notLoadBalancer(shape)) {
      context.report(path, onlyLoadBalancer('loadBalancerClass', shape), raw);
      return;
    }
    if (typeof raw !== 'string') {
      context.report(path, `loadBalancerClass must be a string, got ${describeValue(raw)}`, raw);
      return;
    }
    const problems = isQualifiedName(raw);
    if (problems.length > 0) {
      context.report(path, `loadBalancerClass ${show(raw)} is not a valid qualified name (such as "example.com/internal-vip"): ${problems.join(', ')}`, raw);
    }
  },
};

export const LOAD_BALANCER_RULES: readonly ManifestRule[] = [
  loadBalancerSourceRangesRule,
  sourceRangesAnnotationRule,
  allocateLoadBalancerNodePortsRule,
  loadBalancerClassRule,
];
