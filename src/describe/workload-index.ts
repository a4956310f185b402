/**
 * Label selectors against the workloads of a set, without scanning every workload for every
 * selector: each workload is filed under each of its pod labels (per namespace), and a
 * selector reads the shortest of its labels' lists and checks the rest of its labels there.
 */
import { entriesAt } from '../validation/manifest';
import { WorkloadSummary } from './workloads';

/** A label map read from a manifest: string, number and boolean values as text, own keys only. */
export type LabelMap = Readonly<Record<string, string>>;

/**
 * The labels at `parent[key]` (a selector, `subsets[].labels`, `workloadSelector.labels`):
 * scalar values as text, anything else skipped. Built with `Object.fromEntries`, so a
 * `__proto__` key is an ordinary own key.
 */
export function labelsAt(parent: unknown, key: string): LabelMap {
  const entries: Array<[string, string]> = [];
  for (const [name, value] of entriesAt(parent, key)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') entries.push([name, String(value)]);
  }
  return Object.fromEntries(entries);
}

/** The value of an own label, or undefined (never an inherited property such as `constructor`). */
export function labelValue(labels: LabelMap, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(labels, key) ? labels[key] : undefined;
}

/**
 * Two selectors as one (a Service's selector and a subset's labels): every label of both, or
 * undefined when they want different values for one key (then nothing can match).
 */
export function combineSelectors(first: LabelMap, second: LabelMap): LabelMap | undefined {
  const entries = Object.entries(first);
  for (const [key, value] of Object.entries(second)) {
    const existing = labelValue(first, key);
    if (existing === undefined) entries.push([key, value]);
    else if (existing !== value) return undefined;
  }
  return Object.fromEntries(entries);
}

/** The workloads of a set, filed by namespace and pod label. */
export class WorkloadIndex {
  private readonly byLabel = new Map<string, WorkloadSummary[]>();

  /** @param workloads in display order; every answer keeps that order */
  public constructor(public readonly workloads: readonly WorkloadSummary[]) {
    for (const workload of workloads) {
      for (const [key, value] of Object.entries(workload.podLabels)) {
        const slot = labelSlot(workload.namespace, key, value);
        const list = this.byLabel.get(slot);
        if (list) list.push(workload);
        else this.byLabel.set(slot, [workload]);
      }
    }
  }

  /** Whether the set has any workload. */
  public get isEmpty(): boolean {
    return this.workloads.length === 0;
  }

  /**
   * The workloads of `namespace` whose pods carry every label of `selector`. An empty
   * selector selects nothing (a Service without a selector gets its endpoints some other way).
   */
  public select(namespace: string, selector: LabelMap): WorkloadSummary[] {
    const entries = Object.entries(selector);
    if (entries.length === 0) return [];
    let shortest: WorkloadSummary[] | undefined;
    for (const [key, value] of entries) {
      const list = this.byLabel.get(labelSlot(namespace, key, value));
      if (!list) return [];
      if (!shortest || list.length < shortest.length) shortest = list;
    }
    return (shortest ?? []).filter(workload => entries.every(([key, value]) => labelValue(workload.podLabels, key) === value));
  }
}

/** A key no two (namespace, key, value) triples share: the parts JSON-quoted. */
function labelSlot(namespace: string, key: string, value: string): string {
  return JSON.stringify([namespace, key, value]);
}
