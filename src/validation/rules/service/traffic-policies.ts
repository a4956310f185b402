/**
 * Traffic policies: `externalTrafficPolicy`, `healthCheckNodePort`, `internalTrafficPolicy`
 * and `trafficDistribution`.
 */
import { Severity } from '../../diagnostic';
import { SERVICE } from '../../kinds';
import { isValidPortNum } from '../../format/ports';
import { show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { describeValue, enumProblem, isInteger, specEnumRule } from './fields';
import { ServiceShape, isSet, serviceShape } from './service-type';

const POLICIES = ['Cluster', 'Local'];
const DISTRIBUTIONS = ['PreferClose', 'PreferSameZone', 'PreferSameNode'];

function describeAccess(shape: ServiceShape): string {
  return shape.type === 'ClusterIP' ? 'ClusterIP without externalIPs' : String(shape.type);
}

export const externalTrafficPolicyRule: ManifestRule = {
  code: 'SVC031',
  name: 'external-traffic-policy',
  severity: Severity.ERROR,
  appliesTo: [SERVICE],
  description: 'externalTrafficPolicy is Cluster (the default) or Local, and may only be set on externally-accessible services: NodePort, LoadBalancer, or ClusterIP with externalIPs (validateServiceExternalTrafficPolicy, ExternallyAccessible)',
  check(manifest, context) {
    const shape = serviceShape(manifest);
    const raw = valueAt(shape.spec, 'externalTrafficPolicy');
    if (!isSet(raw) || raw === '') return;
    const path = 'spec.externalTrafficPolicy';
    if (shape.type !== undefined && !shape.externallyAccessible) {
      context.report(path,
        `externalTrafficPolicy ${show(raw)} may only be set for externally-accessible services: type NodePort or LoadBalancer, or ClusterIP with externalIPs (this service is ${describeAccess(shape)})`,
        raw);
      return;
    }
    const problem = enumProblem('externalTrafficPolicy', raw, POLICIES);
    if (problem) context.report(path, problem, raw);
  },
};

export const healthCheckNodePortRule: ManifestRule = {
  code: 'SVC032',
  name: 'health-check-node-port',
  severity: Severity.ERROR,
  appliesTo: [SERVICE],
  description: 'healthCheckNodePort may only be set when type is LoadBalancer and externalTrafficPolicy is Local, and is a port number 1-65535 (validateServiceExternalTrafficPolicy, NeedsHealthCheck)',
  check(manifest, context) {
    const shape = serviceShape(manifest);
    const raw = valueAt(shape.spec, 'healthCheckNodePort');
    if (!isSet(raw) || raw === 0) return;
    const path = 'spec.healthCheckNodePort';
    if (shape.type !== undefined && !shape.needsHealthCheck) {
      const policy = valueAt(shape.spec, 'externalTrafficPolicy');
      const now = shape.type === 'LoadBalancer'
        ? `externalTrafficPolicy is ${isSet(policy) && policy !== '' ? show(policy) : 'not set (Cluster)'}`
        : `this service is ${shape.type}`;
      context.report(path,
        `healthCheckNodePort ${show(raw)} may only be set when type is 'LoadBalancer' and externalTrafficPolicy is 'Local' (${now})`,
        raw);
      return;
    }
    if (!isInteger(raw)) {
      context.report(path, `healthCheckNodePort must be a whole number between 1 and 65535, got ${describeValue(raw)}`, raw);
      return;
    }
    const problems = isValidPortNum(raw);
    if (problems.length > 0) context.report(path, `healthCheckNodePort ${raw} ${problems.join(', ')}`, raw);
  },
};

export const internalTrafficPolicyRule: ManifestRule = specEnumRule({
  code: 'SVC033',
  name: 'internal-traffic-policy',
  description: 'internalTrafficPolicy is Cluster (the default) or Local (validateServiceInternalTrafficFieldsValue)',
  field: 'internalTrafficPolicy',
  allowed: POLICIES,
});

export const trafficDistributionRule: ManifestRule = specEnumRule({
  code: 'SVC034',
  name: 'traffic-distribution',
  description: 'trafficDistribution is PreferClose, PreferSameZone or PreferSameNode; the last two need Kubernetes 1.33+ with the PreferSameTrafficDistribution gate, on by default from 1.34 (validateServiceTrafficDistribution)',
  field: 'trafficDistribution',
  allowed: DISTRIBUTIONS,
});

export const TRAFFIC_POLICY_RULES: readonly ManifestRule[] = [
  externalTrafficPolicyRule,
  healthCheckNodePortRule,
  internalTrafficPolicyRule,
  trafficDistributionRule,
];
