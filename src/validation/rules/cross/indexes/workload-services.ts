/**
 * The Services of a set that select each workload: a Service selects the workloads of its
 * own namespace whose pod labels carry every pair of its (non-empty) selector. ExternalName
 * Services select nothing. Built once per set; XR033, XR037 and XR038 read it.
 *
 * Services with the same selector are matched once. To keep the cost in proportion to the
 * set whatever the input, a selector is followed to its first {@link MAX_WORKLOADS}
 * workloads, and a workload keeps its first {@link MAX_SERVICES} Services: real sets stay
 * far below both, and a set beyond them is checked for that part only.
 */
import { JsonObject, objectAt } from '../../../manifest';
import { ManifestEntry } from '../../../rule';
import { serviceShape } from '../../service/service-type';
import { namespaceOf, setKinds } from './set-index';
import { Workload, WorkloadIndex, labelPairs, selectorKey } from './workload-index';

/** How many workloads of one selector are followed. */
export const MAX_WORKLOADS = 1000;
/** How many Services of one workload are kept. */
export const MAX_SERVICES = 100;

/** One Service that selects a workload. */
export interface SelectingService {
  readonly entry: ManifestEntry;
  readonly spec: JsonObject | undefined;
}

const computed = new WeakMap<readonly ManifestEntry[], { length: number; result: ReadonlyMap<Workload, readonly SelectingService[]> }>();

/** The workloads of the set that Services select, each with those Services in input order. */
export function servicesByWorkload(manifests: readonly ManifestEntry[]): ReadonlyMap<Workload, readonly SelectingService[]> {
  const cached = computed.get(manifests);
  if (cached && cached.length === manifests.length) return cached.result;
  const workloads = WorkloadIndex.of(manifests);
  // Services by namespace and selector, in input order
  const groups = new Map<string, { namespace: string; selector: Array<[string, string]>; services: SelectingService[] }>();
  for (const entry of setKinds(manifests).services) {
    const shape = serviceShape(entry.manifest);
    if (shape.type === 'ExternalName') continue;
    const selector = labelPairs(objectAt(shape.spec, 'selector'));
    if (!selector || selector.length === 0) continue;
    const namespace = namespaceOf(entry.manifest);
    if (!workloads.hasWorkloads(namespace)) continue;
    const key = `${namespace}\n${selectorKey(selector)}`;
    const group = groups.get(key) ?? { namespace, selector, services: [] };
    groups.set(key, group);
    group.services.push({ entry, spec: shape.spec });
  }
  const result = new Map<Workload, SelectingService[]>();
  for (const { namespace, selector, services } of groups.values()) {
    const selected = workloads.select(selector, namespace);
    const count = Math.min(selected.length, MAX_WORKLOADS);
    for (let i = 0; i < count; i++) {
      const list = result.get(selected[i]) ?? [];
      result.set(selected[i], list);
      for (const service of services) {
        if (list.length >= MAX_SERVICES) break;
        list.push(service);
      }
    }
  }
  // in input order of the Services, as upstream lists them
  for (const list of result.values()) list.sort((a, b) => a.entry.index - b.entry.index);
  computed.set(manifests, { length: manifests.length, result });
  return result;
}
