/**
 * Locality-aware load balancing: `loadBalancer.localityLbSetting`
 * (agent.ValidateLocalityLbSetting, agent.validateLocalities) and `zoneAwareLbSetting`
 * (agent.ValidateZoneAwareLbSetting), and the rule that a load balancer sets only one of
 * them (validateLoadBalancer).
 *
 * ValidateLocalityLbSetting stops at its first problem of some kinds (distribute together
 * with failover, a topology label in failoverPriority, a bad weight); the problems are worked
 * out once per manifest in that order and each rule reports its kind.
 */
import { Severity } from '../../diagnostic';
import { arrayAt, isObject, JsonObject, keyPath, objectAt, show, valueAt } from '../../manifest';
import { memoizePerManifest } from '../../memo';
import { ManifestRule } from '../../rule';
import { drRule, isSet, settingsOf } from './shape';

/** The topology labels locality load balancing already orders by. */
const TOPOLOGY_LABELS: readonly string[] = ['topology.kubernetes.io/region', 'topology.kubernetes.io/zone', 'topology.istio.io/subzone'];

type Kind =
  | 'both-settings' | 'distribute-and-failover' | 'priority-topology' | 'weight' | 'locality'
  | 'failover' | 'zone-priority' | 'zone-failover' | 'no-outlier';

interface Problem {
  readonly kind: Kind;
  readonly path: string;
  readonly message: string;
  readonly value?: unknown;
}

function stringOr(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

/** `getLocalityParam`: region, zone and subzone, or undefined when a part is empty. */
function localityParts(locality: string): string[] | undefined {
  const first = locality.indexOf('/');
  const second = first < 0 ? -1 : locality.indexOf('/', first + 1);
  const parts = first < 0 ? [locality]
    : second < 0 ? [locality.slice(0, first), locality.slice(first + 1)]
      : [locality.slice(0, first), locality.slice(first + 1, second), locality.slice(second + 1)];
  return parts.some(part => part === '') ? undefined : parts;
}

const ANY = '*';

/**
 * `agent.validateLocalities`: each locality has at most one `*`, at its end, no empty part,
 * and does not overlap an earlier one. Returns the index and message of the first problem.
 */
export function localityProblem(localities: readonly string[]): { index: number; message: string } | undefined {
  const regions = new Map<string, Map<string, Map<string, boolean>>>();
  for (let index = 0; index < localities.length; index++) {
    const locality = localities[index];
    const overlap = { index, message: `locality ${show(locality)} overlap with previous specified ones: a locality may not repeat or lie inside an earlier one (a region covers its zones, "*" covers everything)` };
    const stars = locality.split(ANY).length - 1;
    if (stars > 0 && (stars > 1 || !locality.endsWith(ANY))) {
      return { index, message: `locality ${show(locality)} wildcard '*' number can not exceed 1 and must be in the end: write region/zone/*, such as "us-east1/*"` };
    }
    if (regions.has(ANY)) return overlap;
    const parts = localityParts(locality);
    if (parts === undefined) {
      return { index, message: `locality ${show(locality)} must not contain empty region/zone/subzone info: write region, region/zone or region/zone/subzone` };
    }
    const [region, zone, subzone] = parts;
    const zones = regions.get(region);
    if (parts.length === 1) {
      if (zones) return overlap;
      regions.set(region, new Map([[ANY, new Map([[ANY, true]])]]));
    } else if (parts.length === 2) {
      if (zones) {
        if (zones.has(ANY) || zones.has(zone)) return overlap;
        zones.set(zone, new Map([[ANY, true]]));
      } else {
        regions.set(region, new Map([[zone, new Map([[ANY, true]])]]));
      }
    } else if (zones) {
      if (zones.has(ANY)) return overlap;
      const subzones = zones.get(zone);
      if (subzones) {
        if (subzones.get(ANY) || subzones.get(subzone)) return overlap;
        subzones.set(subzone, true);
      } else {
        zones.set(zone, new Map([[subzone, true]]));
      }
    } else {
      regions.set(region, new Map([[zone, new Map([[subzone, true]])]]));
    }
  }
  return undefined;
}

/** `ValidateLocalityLbSetting`, in its order, stopping where it stops. */
function checkLocalitySetting(lb: JsonObject, path: string, hasOutlier: boolean, problems: Problem[]): void {
  const distribute = arrayAt(lb, 'distribute') ?? [];
  const failover = arrayAt(lb, 'failover') ?? [];
  const priority = arrayAt(lb, 'failoverPriority') ?? [];
  if (distribute.length > 0 && failover.length > 0) {
    problems.push({ kind: 'distribute-and-failover', path, message: 'can not simultaneously specify \'distribute\' and \'failover\': distribute sets fixed weights, failover an order of regions; keep one' });
    return;
  }
  if (failover.length > 0) {
    const index = priority.findIndex(label => typeof label === 'string' && TOPOLOGY_LABELS.includes(label));
    if (index >= 0) {
      problems.push({
        kind: 'priority-topology', path: `${path}.failoverPriority[${index}]`, value: priority[index],
        message: `can not simultaneously set 'failover' and topology label '${stringOr(priority[index])}' in 'failover_priority': remove the topology label, or the failover list`,
      });
      return;
    }
  }
  const sources: string[] = [];
  for (let i = 0; i < distribute.length; i++) {
    const entry = distribute[i];
    const at = `${path}.distribute[${i}]`;
    sources.push(stringOr(valueAt(entry, 'from')));
    const to = objectAt(entry, 'to');
    const targets: string[] = [];
    let total = 0;
    for (const [locality, weight] of to ? Object.entries(to) : []) {
      targets.push(locality);
      if (typeof weight !== 'number') continue;
      if (weight <= 0 || weight > 100) {
        problems.push({ kind: 'weight', path: keyPath(`${at}.to`, locality), value: weight, message: `locality weight must be in range [1, 100], got ${show(weight)} for ${show(locality)}` });
        return;
      }
      total += weight;
    }
    if (total !== 100) {
      problems.push({ kind: 'weight', path: `${at}.to`, value: to, message: `total locality weight ${total} != 100: the weights of one distribute entry are percentages and must add up to 100` });
      return;
    }
    const bad = localityProblem(targets);
    if (bad) problems.push({ kind: 'locality', path: keyPath(`${at}.to`, targets[bad.index]), value: targets[bad.index], message: bad.message });
  }
  const badSource = localityProblem(sources);
  if (badSource) problems.push({ kind: 'locality', path: `${path}.distribute[${badSource.index}].from`, value: sources[badSource.index], message: badSource.message });

  if ((failover.length > 0 || priority.length > 0) && !hasOutlier) {
    problems.push({ kind: 'no-outlier', path, message: 'outlier detection policy must be provided for failover: without outlierDetection in the same traffic policy, unhealthy endpoints are never ejected and failover never happens' });
  }
  failover.forEach((entry, i) => checkFailover(entry, `${path}.failover[${i}]`, 'failover', problems));
}

const FAILOVER_MESSAGES: Record<'failover' | 'zone-failover', readonly [string, string, string]> = {
  'failover': [
    'locality lb failover settings must specify different regions',
    'locality lb failover only specify region',
    'locality lb failover region should not contain \'*\' wildcard',
  ],
  'zone-failover': [
    'zone aware lb failover settings must specify different regions',
    'zone aware lb failover only specifies region; zone and subzone failover are handled automatically',
    'zone aware lb failover region should not contain \'*\' wildcard',
  ],
};

/** One `failover` entry: two different regions, without `/` or `*`. */
function checkFailover(entry: unknown, path: string, kind: 'failover' | 'zone-failover', problems: Problem[]): void {
  const from = stringOr(valueAt(entry, 'from'));
  const to = stringOr(valueAt(entry, 'to'));
  const [same, regionOnly, wildcard] = FAILOVER_MESSAGES[kind];
  const pair = `from ${show(from)} to ${show(to)}`;
  if (from === to) problems.push({ kind, path, value: entry, message: `${same}: ${pair} fails over to itself` });
  if (from.includes('/') || to.includes('/')) problems.push({ kind, path, value: entry, message: `${regionOnly}: ${pair}; name regions only, such as "us-east1"` });
  if (from.includes(ANY) || to.includes(ANY)) problems.push({ kind, path, value: entry, message: `${wildcard}: ${pair}; name each region` });
}

/** `ValidateZoneAwareLbSetting`. */
function checkZoneAwareSetting(lb: JsonObject, path: string, hasOutlier: boolean, problems: Problem[]): void {
  const failover = arrayAt(lb, 'failover') ?? [];
  const priority = arrayAt(lb, 'failoverPriority') ?? [];
  priority.forEach((label, i) => {
    if (typeof label !== 'string' || !TOPOLOGY_LABELS.includes(label)) return;
    problems.push({
      kind: 'zone-priority', path: `${path}.failoverPriority[${i}]`, value: label,
      message: `'failover_priority' for zone aware lb must not use topology label '${label}'; region- and zone-level routing are handled automatically: remove it`,
    });
  });
  if ((failover.length > 0 || priority.length > 0) && !hasOutlier) {
    problems.push({ kind: 'no-outlier', path, message: 'outlier detection policy must be provided for failover: without outlierDetection in the same traffic policy, unhealthy endpoints are never ejected and failover never happens' });
  }
  failover.forEach((entry, i) => checkFailover(entry, `${path}.failover[${i}]`, 'zone-failover', problems));
}

function readProblems(manifest: unknown): Problem[] {
  const problems: Problem[] = [];
  for (const { settings, path, owner } of settingsOf(manifest, 'loadBalancer')) {
    const hasOutlier = isSet(owner.policy, 'outlierDetection');
    const locality = valueAt(settings, 'localityLbSetting');
    const zoneAware = valueAt(settings, 'zoneAwareLbSetting');
    if (isSet(settings, 'localityLbSetting') && isSet(settings, 'zoneAwareLbSetting')) {
      problems.push({ kind: 'both-settings', path, message: 'only one of localityLbSetting and zoneAwareLbSetting can be set: keep one of them' });
    }
    if (isObject(locality)) checkLocalitySetting(locality, `${path}.localityLbSetting`, hasOutlier, problems);
    if (isObject(zoneAware)) checkZoneAwareSetting(zoneAware, `${path}.zoneAwareLbSetting`, hasOutlier, problems);
  }
  return problems;
}

const problemsOf = memoizePerManifest(readProblems);

function localityRule(code: string, name: string, severity: Severity, kinds: readonly Kind[], description: string): ManifestRule {
  return drRule({
    code, name, severity, description,
    check(manifest, context) {
      for (const problem of problemsOf(manifest)) {
        if (kinds.includes(problem.kind)) context.report(problem.path, problem.message, problem.value);
      }
    },
  });
}

export const LOCALITY_RULES: readonly ManifestRule[] = [
  localityRule('DR035', 'locality-and-zone-aware', Severity.ERROR, ['both-settings'],
    'a loadBalancer sets at most one of localityLbSetting and zoneAwareLbSetting (validateLoadBalancer)'),
  localityRule('DR036', 'locality-distribute-and-failover', Severity.ERROR, ['distribute-and-failover'],
    'localityLbSetting sets distribute or failover, not both (agent.ValidateLocalityLbSetting)'),
  localityRule('DR037', 'locality-failover-priority-topology', Severity.ERROR, ['priority-topology'],
    'with localityLbSetting.failover, failoverPriority lists no region, zone or subzone topology label (agent.ValidateLocalityLbSetting)'),
  localityRule('DR038', 'locality-weight', Severity.ERROR, ['weight'],
    'each localityLbSetting.distribute[].to weight is 1-100 and the weights of one entry add up to 100 (agent.ValidateLocalityLbSetting)'),
  localityRule('DR039', 'locality-name', Severity.ERROR, ['locality'],
    'distribute localities are region[/zone[/subzone]] with no empty part, at most one trailing "*", and no overlap with an earlier one (agent.validateLocalities)'),
  localityRule('DR040', 'locality-failover', Severity.ERROR, ['failover'],
    'each localityLbSetting.failover entry names two different regions, without "/" or "*" (agent.ValidateLocalityLbSetting)'),
  localityRule('DR041', 'zone-aware-failover-priority', Severity.ERROR, ['zone-priority'],
    'zoneAwareLbSetting.failoverPriority lists no region, zone or subzone topology label (agent.ValidateZoneAwareLbSetting)'),
  localityRule('DR042', 'zone-aware-failover', Severity.ERROR, ['zone-failover'],
    'each zoneAwareLbSetting.failover entry names two different regions, without "/" or "*" (agent.ValidateZoneAwareLbSetting)'),
  localityRule('DR043', 'failover-without-outlier-detection', Severity.WARNING, ['no-outlier'],
    'failover or failoverPriority comes with outlierDetection in the same traffic policy, without which failover never happens (agent.ValidateLocalityLbSetting, agent.ValidateZoneAwareLbSetting)'),
];
