/**
 * The workloads of a set that a selector picks, for the rules that need to know which
 * workloads a Gateway, a Service or a DestinationRule subset selects (not only whether one
 * does: for that, `pod-templates.ts` answers with the controller-set labels too).
 *
 * A workload is anything that renders a pod template: its pods carry the template's
 * `metadata.labels` (a Pod's own labels). Labels a controller adds per pod
 * (`pod-template-hash`...) are not known here, so a selector on them picks nothing; the rules
 * that read this index stay silent when a selector picks nothing.
 */
import { JsonObject, isObject, objectAt, resourceId, stringAt, valueAt } from '../../../manifest';
import { ManifestEntry } from '../../../rule';
import { groupOf, namespaceOf, setKinds } from './set-index';

/** The labels the pods of one workload carry. */
export interface Workload {
  readonly entry: ManifestEntry;
  readonly namespace: string;
  readonly labels: ReadonlyMap<string, string>;
  /** Where the pods' labels are written: `spec.template.metadata.labels`, `metadata.labels` of a Pod. */
  readonly labelsPath: string;
  /**
   * Whether the pods stay out of the mesh by choice: `sidecar.istio.io/inject: "false"` as a
   * pod label or annotation, or an Istio-managed waypoint (`gateway.istio.io/managed:
   * istio.io-mesh-controller` on the workload).
   */
  readonly outOfMesh: boolean;
  /**
   * Whether the pods ask for the mesh: `sidecar.istio.io/inject: "true"` as a pod label or
   * annotation, or a pod label `istio.io/rev` or `istio.io/dataplane-mode: ambient`.
   */
  readonly optedIn: boolean;
}

const INJECT = 'sidecar.istio.io/inject';

function own(map: JsonObject | undefined, key: string): unknown {
  return map !== undefined && Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}

function isOptedIn(template: JsonObject): boolean {
  const metadata = objectAt(template, 'metadata');
  const labels = objectAt(metadata, 'labels');
  if (own(labels, INJECT) === 'true' || own(objectAt(metadata, 'annotations'), INJECT) === 'true') return true;
  return typeof own(labels, 'istio.io/rev') === 'string' || own(labels, 'istio.io/dataplane-mode') === 'ambient';
}

function isOutOfMesh(manifest: JsonObject, template: JsonObject): boolean {
  const metadata = objectAt(template, 'metadata');
  if (own(objectAt(metadata, 'labels'), INJECT) === 'false' || own(objectAt(metadata, 'annotations'), INJECT) === 'false') return true;
  return own(objectAt(objectAt(manifest, 'metadata'), 'labels'), 'gateway.istio.io/managed') === 'istio.io-mesh-controller';
}

const specTemplate = (manifest: JsonObject): unknown => valueAt(objectAt(manifest, 'spec'), 'template');

/** Kinds that create pods, with the API groups they are served in and where their pod template is. */
interface PodTemplateKind {
  readonly groups: readonly string[];
  readonly template: (manifest: JsonObject) => unknown;
  readonly path: string;
}

const SPEC_TEMPLATE = 'spec.template';
const POD_TEMPLATES: ReadonlyMap<string, PodTemplateKind> = new Map<string, PodTemplateKind>([
  ['Deployment', { groups: ['apps', 'extensions'], template: specTemplate, path: SPEC_TEMPLATE }],
  ['ReplicaSet', { groups: ['apps', 'extensions'], template: specTemplate, path: SPEC_TEMPLATE }],
  ['ReplicationController', { groups: [''], template: specTemplate, path: SPEC_TEMPLATE }],
  ['StatefulSet', { groups: ['apps'], template: specTemplate, path: SPEC_TEMPLATE }],
  ['DaemonSet', { groups: ['apps', 'extensions'], template: specTemplate, path: SPEC_TEMPLATE }],
  ['Job', { groups: ['batch'], template: specTemplate, path: SPEC_TEMPLATE }],
  ['CronJob', {
    groups: ['batch'],
    template: m => valueAt(objectAt(objectAt(objectAt(m, 'spec'), 'jobTemplate'), 'spec'), 'template'),
    path: 'spec.jobTemplate.spec.template',
  }],
  ['Pod', { groups: [''], template: m => m, path: '' }],
  ['Rollout', { groups: ['argoproj.io'], template: specTemplate, path: SPEC_TEMPLATE }],
]);

function workloadOf(entry: ManifestEntry): Workload | undefined {
  const kind = POD_TEMPLATES.get(stringAt(entry.manifest, 'kind') ?? '');
  if (!kind || !kind.groups.includes(groupOf(entry.manifest))) return undefined;
  const template = kind.template(entry.manifest);
  if (!isObject(template)) return undefined;
  const labels = new Map<string, string>();
  const raw = objectAt(objectAt(template, 'metadata'), 'labels') ?? {};
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    if (typeof value === 'string') labels.set(key, value);
  }
  const labelsPath = kind.path === '' ? 'metadata.labels' : `${kind.path}.metadata.labels`;
  return { entry, namespace: namespaceOf(entry.manifest), labels, labelsPath, outOfMesh: isOutOfMesh(entry.manifest, template), optedIn: isOptedIn(template) };
}

/**
 * The pairs of a label map (a selector, subset labels), or undefined when a value is not a
 * string (the per-kind rules report that, and the app-wide rules do not guess).
 */
export function labelPairs(value: unknown): Array<[string, string]> | undefined {
  if (!isObject(value)) return value === undefined || value === null ? [] : undefined;
  const pairs: Array<[string, string]> = [];
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (typeof v !== 'string') return undefined;
    pairs.push([key, v]);
  }
  return pairs;
}

function sortedPairs(pairs: ReadonlyArray<[string, string]>): Array<[string, string]> {
  return [...pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Label pairs for a message, keys sorted: `app="reviews", version="v1"`. */
export function selectorText(pairs: ReadonlyArray<[string, string]>): string {
  return sortedPairs(pairs).map(([key, value]) => `${key}=${JSON.stringify(value)}`).join(', ');
}

/** The same key for the same pairs in any order, and distinct keys for distinct pairs (all JSON-quoted). */
export function selectorKey(pairs: ReadonlyArray<[string, string]>): string {
  return JSON.stringify(sortedPairs(pairs));
}

/** Merges label pairs; undefined when they give one key two values (nothing can match both). */
export function mergePairs(...lists: ReadonlyArray<ReadonlyArray<[string, string]>>): Array<[string, string]> | undefined {
  const merged = new Map<string, string>();
  for (const list of lists) {
    for (const [key, value] of list) {
      const existing = merged.get(key);
      if (existing !== undefined && existing !== value) return undefined;
      merged.set(key, value);
    }
  }
  return [...merged];
}

const ANY_NAMESPACE = '\n*';
const NONE: readonly Workload[] = [];

/** Workloads by label key, then value. */
type PairIndex = Map<string, Map<string, Workload[]>>;

/**
 * The workloads of a set by label pair, in each namespace and across all. `select` looks up
 * the selector's rarest pair and checks only the workloads that carry it, and remembers the
 * answer, since many objects repeat a selector.
 */
export class WorkloadIndex {
  /** The index of a set, built once per set array (a new array, or one whose length changed, afresh). */
  public static of(manifests: readonly ManifestEntry[]): WorkloadIndex {
    const cached = built.get(manifests);
    if (cached && cached.length === manifests.length) return cached.index;
    const index = new WorkloadIndex(manifests);
    built.set(manifests, { length: manifests.length, index });
    return index;
  }

  /** By scope (a namespace, or every namespace), then label pair. */
  private readonly byScope = new Map<string, { all: Workload[]; pairs: PairIndex }>();
  private readonly cache = new Map<string, readonly Workload[]>();

  private readonly everyWorkload: Workload[] = [];

  private constructor(manifests: readonly ManifestEntry[]) {
    for (const entry of setKinds(manifests).others) {
      const workload = workloadOf(entry);
      if (!workload) continue;
      this.everyWorkload.push(workload);
      this.add(workload.namespace, workload);
    }
  }

  private add(scope: string, workload: Workload): void {
    let index = this.byScope.get(scope);
    if (!index) {
      index = { all: [], pairs: new Map() };
      this.byScope.set(scope, index);
    }
    index.all.push(workload);
    for (const [key, value] of workload.labels) {
      let values = index.pairs.get(key);
      if (!values) {
        values = new Map();
        index.pairs.set(key, values);
      }
      const list = values.get(value);
      if (list) list.push(workload);
      else values.set(value, [workload]);
    }
  }

  /** The scope of every namespace, indexed when first asked for (only Gateways select across namespaces). */
  private scope(namespace: string | undefined): { all: Workload[]; pairs: PairIndex } | undefined {
    if (namespace !== undefined) return this.byScope.get(namespace);
    if (!this.byScope.has(ANY_NAMESPACE) && this.everyWorkload.length > 0) {
      for (const workload of this.everyWorkload) this.add(ANY_NAMESPACE, workload);
    }
    return this.byScope.get(ANY_NAMESPACE);
  }

  /** Whether the set holds a workload in `namespace` (in any namespace when undefined). */
  public hasWorkloads(namespace?: string): boolean {
    return namespace === undefined ? this.everyWorkload.length > 0 : this.byScope.has(namespace);
  }

  /**
   * The workloads whose pods carry every pair of `selector`, in `namespace` (in any namespace
   * when undefined). An empty selector picks every workload of the scope.
   */
  public select(selector: ReadonlyArray<[string, string]>, namespace?: string): readonly Workload[] {
    const index = this.scope(namespace);
    if (!index) return NONE;
    let rarest: readonly Workload[] | undefined;
    for (const [key, value] of selector) {
      const list = index.pairs.get(key)?.get(value) ?? NONE;
      if (!rarest || list.length < rarest.length) rarest = list;
      if (list.length === 0) return NONE;
    }
    if (!rarest) return index.all;
    // a short list is cheaper to check again than to remember
    if (selector.length === 1 || rarest.length <= 4) return filter(rarest, selector);
    const cacheKey = `${namespace ?? ANY_NAMESPACE}\n${selectorKey(selector)}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const result = filter(rarest, selector);
    this.cache.set(cacheKey, result);
    return result;
  }
}

function filter(candidates: readonly Workload[], selector: ReadonlyArray<[string, string]>): readonly Workload[] {
  if (selector.length <= 1) return candidates;
  return candidates.filter(w => selector.every(([key, value]) => w.labels.get(key) === value));
}

const built = new WeakMap<readonly ManifestEntry[], { length: number; index: WorkloadIndex }>();

/** `Deployment/shop/reviews` */
export function workloadName(workload: Workload): string {
  return resourceId(workload.entry.manifest);
}

/** "A, B and 3 more": a few names for a message. */
export function someNames(names: readonly string[], limit = 3): string {
  if (names.length <= limit) return names.join(', ');
  return `${names.slice(0, limit).join(', ')} and ${names.length - limit} more`;
}
