/**
 * Workloads and the labels of the pods they run, so a Service selector can be matched against
 * them without a cluster.
 */
import { objectAt, stringAt } from '../validation/manifest';
import { refOf } from './resources';
import { labelValue, labelsAt } from './workload-index';

/** A workload of the set and the labels its pods carry. */
export interface WorkloadSummary {
  /** Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob or Pod. */
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly podLabels: Readonly<Record<string, string>>;
}

/** Kinds whose pods come from `spec.template`. */
const TEMPLATE_KINDS: readonly string[] = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job'];

/** The workload a manifest describes, or undefined when it runs no pods. */
export function workloadOf(manifest: unknown): WorkloadSummary | undefined {
  const kind = stringAt(manifest, 'kind');
  if (kind === undefined) return undefined;
  let podMetadata: unknown;
  if (kind === 'Pod') podMetadata = objectAt(manifest, 'metadata');
  else if (kind === 'CronJob') podMetadata = objectAt(objectAt(objectAt(objectAt(objectAt(manifest, 'spec'), 'jobTemplate'), 'spec'), 'template'), 'metadata');
  else if (TEMPLATE_KINDS.includes(kind)) podMetadata = objectAt(objectAt(objectAt(manifest, 'spec'), 'template'), 'metadata');
  else return undefined;
  return { kind, ...refOf(manifest), podLabels: labelsAt(podMetadata, 'labels') };
}

/**
 * Whether a Service selector picks a workload's pods: same namespace, and every selector
 * label present with the same value. An empty selector selects nothing (a Service without a
 * selector gets its endpoints some other way).
 */
export function selects(serviceNamespace: string, selector: Readonly<Record<string, string>>, workload: WorkloadSummary): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && workload.namespace === serviceNamespace && entries.every(([key, value]) => labelValue(workload.podLabels, key) === value);
}
