/**
 * The pod templates of a set, by namespace, indexed by label so a Service selector finds
 * the templates it matches without scanning them all.
 *
 * A template carries the labels its pods will have: `spec.template.metadata.labels` of the
 * workloads, `spec.jobTemplate.spec.template.metadata.labels` of a CronJob, `metadata.labels`
 * of a Pod, plus the labels the controller adds to each pod (`pod-template-hash`,
 * `statefulset.kubernetes.io/pod-name`, `job-name`...), so selectors on those match too.
 */
import { JsonObject, isObject, objectAt, resourceId, stringAt, valueAt } from '../../../manifest';
import { ManifestEntry } from '../../../rule';
import { groupOf, nameOf, namespaceOf, setKinds } from './set-index';

/**
 * The values a label the controller sets per pod can take: any (a hash, a uid), a number (a
 * pod or completion index), or `<prefix>-<number>` (StatefulSet pod names, a CronJob's Jobs).
 */
type GeneratedValue =
  | { readonly kind: 'any' }
  | { readonly kind: 'number' }
  | { readonly kind: 'numbered'; readonly prefix: string };

const ANY: GeneratedValue = { kind: 'any' };
const NUMBER: GeneratedValue = { kind: 'number' };
const DIGITS = /^[0-9]+$/;

function numbered(name: string | undefined): GeneratedValue {
  return name === undefined ? ANY : { kind: 'numbered', prefix: name };
}

/** `<prefix>` of a `<prefix>-<number>` value, or undefined. */
function prefixOf(value: string): string | undefined {
  const dash = value.lastIndexOf('-');
  return dash > 0 && DIGITS.test(value.slice(dash + 1)) ? value.slice(0, dash) : undefined;
}

function generates(generated: GeneratedValue, value: string): boolean {
  switch (generated.kind) {
    case 'any': return true;
    case 'number': return DIGITS.test(value);
    case 'numbered': return prefixOf(value) === generated.prefix;
  }
}

/** The labels a controller adds to every pod it creates. */
interface ControllerLabels {
  /** Labels with a value known from the manifest. */
  readonly exact?: ReadonlyArray<[string, string]>;
  /** Labels whose value is set per pod. */
  readonly generated?: ReadonlyArray<[string, GeneratedValue]>;
}

interface WorkloadKind {
  readonly groups: readonly string[];
  /** The pod template (`spec.template`...), or the Pod itself: its `metadata.labels` are the pods' labels. */
  template(manifest: JsonObject): unknown;
  controllerLabels?(manifest: JsonObject, name: string | undefined): ControllerLabels;
}

const specTemplate = (manifest: JsonObject): unknown => valueAt(objectAt(manifest, 'spec'), 'template');

const JOB_POD_LABELS: ReadonlyArray<[string, GeneratedValue]> = [
  ['controller-uid', ANY],
  ['batch.kubernetes.io/controller-uid', ANY],
  ['batch.kubernetes.io/job-completion-index', NUMBER],
];

/** Kinds that create pods, by kind, with the API groups they are served in. */
const WORKLOAD_KINDS: ReadonlyMap<string, WorkloadKind> = new Map<string, WorkloadKind>([
  ['Deployment', { groups: ['apps', 'extensions'], template: specTemplate, controllerLabels: () => ({ generated: [['pod-template-hash', ANY]] }) }],
  ['ReplicaSet', { groups: ['apps', 'extensions'], template: specTemplate }],
  ['ReplicationController', { groups: [''], template: specTemplate }],
  ['StatefulSet', {
    groups: ['apps'],
    template: specTemplate,
    controllerLabels: (_, name) => ({
      generated: [
        ['controller-revision-hash', ANY],
        ['statefulset.kubernetes.io/pod-name', numbered(name)],
        ['apps.kubernetes.io/pod-index', NUMBER],
      ],
    }),
  }],
  ['DaemonSet', {
    groups: ['apps', 'extensions'],
    template: specTemplate,
    controllerLabels: () => ({ generated: [['controller-revision-hash', ANY], ['pod-template-generation', NUMBER]] }),
  }],
  ['Job', {
    groups: ['batch'],
    template: specTemplate,
    // the Job strategy adds these unless the selector is manual (generateSelector)
    controllerLabels: (manifest, name) => (valueAt(objectAt(manifest, 'spec'), 'manualSelector') === true || name === undefined
      ? {}
      : { exact: [['job-name', name], ['batch.kubernetes.io/job-name', name]], generated: JOB_POD_LABELS }),
  }],
  ['CronJob', {
    groups: ['batch'],
    template: manifest => valueAt(objectAt(objectAt(objectAt(manifest, 'spec'), 'jobTemplate'), 'spec'), 'template'),
    controllerLabels: (_, name) => ({
      generated: [['job-name', numbered(name)], ['batch.kubernetes.io/job-name', numbered(name)], ...JOB_POD_LABELS],
    }),
  }],
  ['Pod', { groups: [''], template: manifest => manifest }],
  ['Rollout', { groups: ['argoproj.io'], template: specTemplate, controllerLabels: () => ({ generated: [['rollouts-pod-template-hash', ANY]] }) }],
]);

/** The labels the pods of one workload get. */
export interface PodTemplate {
  readonly entry: ManifestEntry;
  readonly labels: ReadonlyMap<string, string>;
  readonly generated: ReadonlyMap<string, GeneratedValue>;
}

const NO_CONTROLLER_LABELS: ControllerLabels = {};

function podTemplateOf(entry: ManifestEntry): PodTemplate | undefined {
  const kind = WORKLOAD_KINDS.get(stringAt(entry.manifest, 'kind') ?? '');
  if (!kind || !kind.groups.includes(groupOf(entry.manifest))) return undefined;
  const template = kind.template(entry.manifest);
  // a workload without a template creates no pods (and the API server refuses it)
  if (!isObject(template)) return undefined;
  const controller = kind.controllerLabels?.(entry.manifest, nameOf(entry.manifest)) ?? NO_CONTROLLER_LABELS;
  const labels = new Map<string, string>(controller.exact);
  const templateLabels = objectAt(objectAt(template, 'metadata'), 'labels') ?? {};
  for (const key of Object.keys(templateLabels)) {
    const value = templateLabels[key];
    if (typeof value === 'string') labels.set(key, value);
  }
  return { entry, labels, generated: new Map(controller.generated) };
}

/** Whether the pods of a template carry `key=value`. */
function carries(template: PodTemplate, key: string, value: string): boolean {
  const generated = template.generated.get(key);
  return template.labels.get(key) === value || (generated !== undefined && generates(generated, value));
}

/** `app="reviews"` */
export function pair(key: string, value: string): string {
  return `${key}=${JSON.stringify(value)}`;
}

/** Why a selector matches no template of a namespace. */
export type SelectorMiss =
  /** No template carries this label; `others` are values templates have for the key (a pod's, for generated labels). */
  | { readonly kind: 'label'; readonly key: string; readonly value: string; readonly others: ReadonlyArray<[string, PodTemplate]> }
  /** Every label is carried by some template, but none carries them all. */
  | { readonly kind: 'combination'; readonly nearest: PodTemplate; readonly key: string; readonly value: string };

const HINT_LIMIT = 3;

/**
 * The pod templates of one namespace. A selector is answered by lookups, then a scan of the
 * templates that carry its rarest pair only, and remembered: in real sets that list is short
 * (a selector usually has one pair only a few workloads share). No index answers "is this
 * set of pairs contained in one of these label sets" in linear time for every input; a set
 * built so that every pair of every selector is common would make the scan long.
 */
export class NamespaceTemplates {
  /** Templates by label key, then value. */
  private readonly byPair = new Map<string, Map<string, PodTemplate[]>>();
  /** Templates whose controller sets a label to any value, by key. */
  private readonly byAnyValue = new Map<string, PodTemplate[]>();
  /** Templates whose controller sets a label to a number, by key. */
  private readonly byNumber = new Map<string, PodTemplate[]>();
  /** Templates whose controller sets a label to `<prefix>-<number>`, by key, then prefix. */
  private readonly byPrefix = new Map<string, Map<string, PodTemplate[]>>();
  /** For hints: up to a few values of each key, with the first template that has each. */
  private readonly valuesOf = new Map<string, Map<string, PodTemplate>>();
  /** Results by selector, since many Services repeat a selector. */
  private readonly cache = new Map<string, SelectorMiss | undefined>();

  public add(template: PodTemplate): void {
    for (const [key, value] of template.labels) {
      pushAt(this.byPair, key, value, template);
      this.addHint(key, value, template);
    }
    for (const [key, generated] of template.generated) {
      if (generated.kind === 'numbered') {
        pushAt(this.byPrefix, key, generated.prefix, template);
        this.addHint(key, `${generated.prefix}-0`, template);
      } else {
        push(generated.kind === 'any' ? this.byAnyValue : this.byNumber, key, template);
      }
    }
  }

  private addHint(key: string, value: string, template: PodTemplate): void {
    let values = this.valuesOf.get(key);
    if (!values) {
      values = new Map<string, PodTemplate>();
      this.valuesOf.set(key, values);
    }
    if (values.size < HINT_LIMIT && !values.has(value)) values.set(value, template);
  }

  /** The lists of templates whose pods carry `key=value`, found by lookups only. */
  private carriers(key: string, value: string): ReadonlyArray<readonly PodTemplate[]> {
    const prefix = prefixOf(value);
    return [
      this.byPair.get(key)?.get(value) ?? NONE,
      this.byAnyValue.get(key) ?? NONE,
      DIGITS.test(value) ? this.byNumber.get(key) ?? NONE : NONE,
      prefix === undefined ? NONE : this.byPrefix.get(key)?.get(prefix) ?? NONE,
    ];
  }

  /**
   * Why no template carries every pair of the selector, or undefined when one does. Only
   * the templates that carry the selector's rarest pair are looked at.
   */
  public miss(selector: ReadonlyArray<[string, string]>): SelectorMiss | undefined {
    const cacheKey = selectorKey(selector);
    if (this.cache.has(cacheKey)) return this.cache.get(cacheKey);
    const result = this.findMiss(selector);
    this.cache.set(cacheKey, result);
    return result;
  }

  private findMiss(selector: ReadonlyArray<[string, string]>): SelectorMiss | undefined {
    let rarest: { lists: ReadonlyArray<readonly PodTemplate[]>; size: number } | undefined;
    for (const [key, value] of selector) {
      const lists = this.carriers(key, value);
      const size = lists[0].length + lists[1].length + lists[2].length + lists[3].length;
      if (size === 0) return { kind: 'label', key, value, others: [...(this.valuesOf.get(key) ?? [])] };
      if (!rarest || size < rarest.size) rarest = { lists, size };
    }
    if (!rarest) return undefined;
    let nearest: SelectorMiss | undefined;
    for (const list of rarest.lists) {
      for (const template of list) {
        const lacking = selector.find(([key, value]) => !carries(template, key, value));
        if (!lacking) return undefined;
        nearest ??= { kind: 'combination', nearest: template, key: lacking[0], value: lacking[1] };
      }
    }
    return nearest;
  }
}

const NONE: readonly PodTemplate[] = [];

/** The same text for the same pairs in any order (JSON-quoted, so no two selectors share one). */
function selectorKey(selector: ReadonlyArray<[string, string]>): string {
  const pairs = selector.length > 1 ? [...selector].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : selector;
  let key = '';
  for (const [name, value] of pairs) key += `${JSON.stringify(name)}:${JSON.stringify(value)},`;
  return key;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function pushAt<V>(map: Map<string, Map<string, V[]>>, key: string, inner: string, value: V): void {
  let values = map.get(key);
  if (!values) {
    values = new Map<string, V[]>();
    map.set(key, values);
  }
  push(values, inner, value);
}

/** The pod templates of the set by namespace; namespaces without one are absent. */
export function indexPodTemplates(manifests: readonly ManifestEntry[]): Map<string, NamespaceTemplates> {
  const byNamespace = new Map<string, NamespaceTemplates>();
  for (const entry of setKinds(manifests).others) {
    const template = podTemplateOf(entry);
    if (!template) continue;
    const namespace = namespaceOf(entry.manifest);
    const templates = byNamespace.get(namespace) ?? new NamespaceTemplates();
    templates.add(template);
    byNamespace.set(namespace, templates);
  }
  return byNamespace;
}

/** `Deployment/shop/reviews` */
export function templateOwner(template: PodTemplate): string {
  return resourceId(template.entry.manifest);
}
