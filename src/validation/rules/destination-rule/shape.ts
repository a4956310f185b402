/**
 * Shared readers for the DestinationRule rules: the spec, the namespace, and every traffic
 * policy of the rule with its path, walked as `ValidateDestinationRule` walks them
 * (`validateTrafficPolicy` on `spec.trafficPolicy` and on each subset's, and
 * `validatePortTrafficPolicies` on their `portLevelSettings`). Readers never throw: a value of
 * the wrong type is skipped (the schema rules report it).
 */
import { Severity } from '../../diagnostic';
import { DESTINATION_RULE } from '../../kinds';
import { arrayAt, isObject, JsonObject, objectAt, stringAt } from '../../manifest';
import { memoizePerManifest } from '../../memo';
import { ManifestRule, RuleContext } from '../../rule';
import { Report } from '../istio-common/report';

/** The fields of which `validateTrafficPolicy` wants at least one. */
export const POLICY_FIELDS: readonly string[] = [
  'outlierDetection', 'connectionPool', 'loadBalancer', 'tls', 'portLevelSettings', 'tunnel', 'proxyProtocol', 'retryBudget',
];
/** The fields of which `validatePortTrafficPolicies` wants at least one. */
export const PORT_POLICY_FIELDS: readonly string[] = ['outlierDetection', 'connectionPool', 'loadBalancer', 'tls'];

/** One traffic policy of the rule: `spec.trafficPolicy`, a subset's, or a port-level one. */
export interface PolicyEntry {
  readonly policy: JsonObject;
  /** `spec.trafficPolicy`, `spec.subsets[1].trafficPolicy.portLevelSettings[0]`... */
  readonly path: string;
  /** An entry of `portLevelSettings` (a PortTrafficPolicy). */
  readonly portLevel: boolean;
  /**
   * Whether the webhook goes on to check the settings inside (load balancer, connection pool,
   * outlier detection, TLS...): it stops at a policy with no field, at one that sets both
   * `tunnel` and `proxyProtocol`, and inside such a policy's `portLevelSettings`.
   */
  readonly inspected: boolean;
  /** The policy whose `portLevelSettings` hold this one (port-level entries only). */
  readonly parent?: PolicyEntry;
}

export interface DrShape {
  readonly spec: JsonObject | undefined;
  /** `metadata.namespace`, `default` when unset (where `kubectl apply` puts it). */
  readonly namespace: string;
  /** Every traffic policy that is an object, parents before their port-level settings. */
  readonly policies: readonly PolicyEntry[];
}

/** Whether a field is present with a value other than null (protobuf JSON reads null as unset). */
export function isSet(parent: unknown, key: string): boolean {
  return isObject(parent) && parent[key] !== undefined && parent[key] !== null;
}

/** Whether a repeated field holds entries (an empty list is the same as none in protobuf). */
export function hasEntries(parent: unknown, key: string): boolean {
  return (arrayAt(parent, key) ?? []).length > 0;
}

/** Whether a traffic policy sets at least one of `fields` (portLevelSettings counts when non-empty). */
export function setsAnyOf(policy: JsonObject, fields: readonly string[]): boolean {
  return fields.some(field => field === 'portLevelSettings' ? hasEntries(policy, field) : isSet(policy, field));
}

function addPolicy(policies: PolicyEntry[], policy: unknown, path: string): void {
  if (!isObject(policy)) return;
  const inspected = setsAnyOf(policy, POLICY_FIELDS) && !(isSet(policy, 'tunnel') && isSet(policy, 'proxyProtocol'));
  const parent: PolicyEntry = { policy, path, portLevel: false, inspected };
  policies.push(parent);
  (arrayAt(policy, 'portLevelSettings') ?? []).forEach((portPolicy, index) => {
    if (!isObject(portPolicy)) return;
    policies.push({
      policy: portPolicy,
      path: `${path}.portLevelSettings[${index}]`,
      portLevel: true,
      inspected: inspected && setsAnyOf(portPolicy, PORT_POLICY_FIELDS),
      parent,
    });
  });
}

function readDrShape(manifest: unknown): DrShape {
  const spec = objectAt(manifest, 'spec');
  const namespace = stringAt(objectAt(manifest, 'metadata'), 'namespace') || 'default';
  const policies: PolicyEntry[] = [];
  addPolicy(policies, spec?.trafficPolicy, 'spec.trafficPolicy');
  (arrayAt(spec, 'subsets') ?? []).forEach((subset, index) => {
    addPolicy(policies, objectAt(subset, 'trafficPolicy'), `spec.subsets[${index}].trafficPolicy`);
  });
  return { spec, namespace, policies };
}

/** Memoised per manifest and validation run (most rules read it). */
export const drShape: (manifest: unknown) => DrShape = memoizePerManifest(readDrShape);

/** One settings block (`loadBalancer`, `tls`...) of each inspected policy that sets it, with its path. */
export interface SettingsEntry {
  readonly settings: JsonObject;
  readonly path: string;
  /** The policy the block belongs to. */
  readonly owner: PolicyEntry;
}

/**
 * The `field` block of every inspected policy (the webhook checks nothing inside the others),
 * or of every policy when `all` is set (the CRD's schema checks them all).
 */
export function settingsOf(manifest: unknown, field: string, all = false): SettingsEntry[] {
  const found: SettingsEntry[] = [];
  for (const owner of drShape(manifest).policies) {
    if (!owner.inspected && !all) continue;
    const settings = objectAt(owner.policy, field);
    if (settings) found.push({ settings, path: `${owner.path}.${field}`, owner });
  }
  return found;
}

/** The reporting callback of a rule context, for the shared istio-common checks. */
export function reporter(context: RuleContext): Report {
  return (path, message, value) => context.report(path, message, value);
}

/** What a DestinationRule rule declares; the kinds and upstream codes are filled in. */
export interface DrRuleSpec {
  readonly code: string;
  readonly name: string;
  readonly severity: Severity;
  readonly description: string;
  /** Defaults to the webhook's analyzer codes: IST0106 for errors, IST0133 for warnings. */
  readonly upstream?: readonly string[];
  check(manifest: JsonObject, context: RuleContext): void;
}

/** A DestinationRule rule: applies to the three served versions. */
export function drRule(spec: DrRuleSpec): ManifestRule {
  return {
    code: spec.code,
    name: spec.name,
    severity: spec.severity,
    appliesTo: DESTINATION_RULE,
    description: spec.description,
    upstream: spec.upstream ?? [spec.severity === Severity.ERROR ? 'IST0106' : 'IST0133'],
    check: spec.check,
  };
}
