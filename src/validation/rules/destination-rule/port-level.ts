/**
 * `portLevelSettings`: per-port traffic policies (validatePortTrafficPolicies). The port
 * number's range is not checked by the webhook; a port outside 1-65535 can never match, so
 * this library reports it too.
 */
import { Severity } from '../../diagnostic';
import { arrayAt, describeKind, isInteger, objectAt, show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { drRule, drShape, PolicyEntry, PORT_POLICY_FIELDS, setsAnyOf } from './shape';

const PORT_MIN = 1;
const PORT_MAX = 65535;

/** The parent policies (not port-level) the webhook inspects, whose portLevelSettings it reads. */
function parentsOf(manifest: unknown): PolicyEntry[] {
  return drShape(manifest).policies.filter(entry => !entry.portLevel && entry.inspected);
}

/** The port-level policies (objects) of the parents the webhook inspects. */
function portPoliciesOf(manifest: unknown): PolicyEntry[] {
  return drShape(manifest).policies.filter(entry => entry.parent?.inspected === true);
}

export const nullPortPolicyRule: ManifestRule = drRule({
  code: 'DR011',
  name: 'port-policy-not-null',
  severity: Severity.ERROR,
  description: 'each entry of portLevelSettings is a port traffic policy, not null (validatePortTrafficPolicies)',
  check(manifest, context) {
    for (const parent of parentsOf(manifest)) {
      (arrayAt(parent.policy, 'portLevelSettings') ?? []).forEach((entry, index) => {
        if (entry !== null) return;
        context.report(`${parent.path}.portLevelSettings[${index}]`, 'traffic policy may not be null: remove the empty entry from portLevelSettings', entry);
      });
    }
  },
});

export const portPolicyPortRule: ManifestRule = drRule({
  code: 'DR012',
  name: 'port-policy-port',
  severity: Severity.ERROR,
  description: 'each port-level traffic policy names its port (validatePortTrafficPolicies)',
  check(manifest, context) {
    for (const { policy, path } of portPoliciesOf(manifest)) {
      const port = valueAt(policy, 'port');
      if (port !== undefined && port !== null) continue;
      context.report(`${path}.port`, 'portTrafficPolicy must have valid port: add port.number, the service port the settings apply to', port);
    }
  },
});

export const emptyPortPolicyRule: ManifestRule = drRule({
  code: 'DR013',
  name: 'port-policy-empty',
  severity: Severity.ERROR,
  description: 'a port-level traffic policy sets at least one of loadBalancer, connectionPool, outlierDetection or tls (validatePortTrafficPolicies)',
  check(manifest, context) {
    for (const { policy, path } of portPoliciesOf(manifest)) {
      if (setsAnyOf(policy, PORT_POLICY_FIELDS)) continue;
      context.report(path, `port traffic policy must have at least one field: set one of ${PORT_POLICY_FIELDS.join(', ')} for the port, or remove the entry`, policy);
    }
  },
});

export const portPolicyNumberRule: ManifestRule = drRule({
  code: 'DR014',
  name: 'port-policy-number',
  severity: Severity.ERROR,
  upstream: [],
  description: 'a port-level traffic policy\'s port.number is a port, 1-65535 (not checked by Istio\'s webhook: such settings never apply)',
  check(manifest, context) {
    for (const { policy, path, portLevel } of drShape(manifest).policies) {
      if (!portLevel) continue;
      const port = objectAt(policy, 'port');
      const number = valueAt(port, 'number');
      if (number === undefined || number === null || typeof number !== 'number') continue;
      if (isInteger(number) && number >= PORT_MIN && number <= PORT_MAX) continue;
      context.report(`${path}.port.number`,
        `port number ${show(number)} must be in the range ${PORT_MIN}..${PORT_MAX}: the settings apply to the service port with this number${isInteger(number) ? '' : `, got ${describeKind(number)}`}`, number);
    }
  },
});

export const PORT_LEVEL_RULES: readonly ManifestRule[] = [nullPortPolicyRule, portPolicyPortRule, emptyPortPolicyRule, portPolicyNumberRule];
