/**
 * Traffic policies as a whole (`spec.trafficPolicy` and each subset's): validateTrafficPolicy
 * wants at least one setting, and not both `tunnel` and `proxyProtocol`.
 */
import { Severity } from '../../diagnostic';
import { ManifestRule } from '../../rule';
import { drRule, drShape, isSet, POLICY_FIELDS, setsAnyOf } from './shape';

export const emptyTrafficPolicyRule: ManifestRule = drRule({
  code: 'DR009',
  name: 'traffic-policy-empty',
  severity: Severity.ERROR,
  description: 'a trafficPolicy sets at least one of loadBalancer, connectionPool, outlierDetection, tls, portLevelSettings, tunnel, proxyProtocol or retryBudget (validateTrafficPolicy)',
  check(manifest, context) {
    for (const { policy, path, portLevel } of drShape(manifest).policies) {
      if (portLevel || setsAnyOf(policy, POLICY_FIELDS)) continue;
      context.report(path, `traffic policy must have at least one field: set one of ${POLICY_FIELDS.join(', ')}, or remove the empty trafficPolicy`, policy);
    }
  },
});

export const tunnelWithProxyProtocolRule: ManifestRule = drRule({
  code: 'DR010',
  name: 'tunnel-with-proxy-protocol',
  severity: Severity.ERROR,
  description: 'a trafficPolicy does not set both tunnel and proxyProtocol (validateTrafficPolicy)',
  check(manifest, context) {
    for (const { policy, path, portLevel } of drShape(manifest).policies) {
      if (portLevel || !isSet(policy, 'tunnel') || !isSet(policy, 'proxyProtocol')) continue;
      context.report(path, 'tunnel and proxyProtocol must not be set together: keep one of them (the other settings of this policy are not checked until then)', policy);
    }
  },
});

export const TRAFFIC_POLICY_RULES: readonly ManifestRule[] = [emptyTrafficPolicyRule, tunnelWithProxyProtocolRule];
