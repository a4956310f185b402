/**
 * Finding the Kubernetes object a workload construct renders, and its pod template, through
 * public cdk8s API only, so a workload of any cdk8s-plus version, a class `cdk8s import k8s`
 * generates, or a plain ApiObject all work the same.
 */
import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { JsonObject, isObject, objectAt, stringAt } from '../validation/manifest';

/** Kinds whose objects create pods; used only to choose among several objects of one construct. */
const WORKLOAD_KINDS = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob']);

/** How many construct paths a message lists at most. */
const LISTED = 5;

/** The object a construct renders its pods from, or why there is none. */
export type WorkloadLookup =
  | { readonly object: ApiObject; readonly problem?: undefined }
  | { readonly object?: undefined; readonly problem: string };

/** The part of a rendered workload a Service selector is made from. */
export interface PodTemplate {
  /** `metadata.labels` of the pod template (of the Pod itself for a Pod). */
  readonly labels: JsonObject;
  /** The workload's own selector (`spec.selector`), if it renders one. */
  readonly selector?: unknown;
}

/**
 * The ApiObject a construct renders its pods from: the construct itself when it is an
 * ApiObject (a generated `KubeDeployment`), else its default child (`Resource` of a cdk8s-plus
 * workload, what `ApiObject.of` finds), else its only ApiObject descendant, or its only
 * descendant of a kind that creates pods.
 */
export function findWorkloadObject(construct: IConstruct): WorkloadLookup {
  if (ApiObject.isApiObject(construct)) return { object: construct };
  const defaultChild = defaultApiObject(construct);
  if (defaultChild) return { object: defaultChild };
  const objects = construct.node.findAll().filter((c): c is ApiObject => ApiObject.isApiObject(c));
  if (objects.length === 1) return { object: objects[0] };
  const path = construct.node.path;
  if (objects.length === 0) {
    return { problem: `construct ${path} renders no Kubernetes object to select pods from; expected a workload (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob), a Pod, or an ApiObject with spec.template` };
  }
  const workloads = objects.filter(o => WORKLOAD_KINDS.has(o.kind));
  if (workloads.length === 1) return { object: workloads[0] };
  const listed = (workloads.length > 1 ? workloads : objects);
  const described = listed.slice(0, LISTED).map(o => `${o.node.path} (${o.kind})`).join(', ') + (listed.length > LISTED ? ', ...' : '');
  return {
    problem: workloads.length > 1
      ? `construct ${path} renders ${workloads.length} workloads and has no default child to choose by: ${described}; pass the one whose pods to select`
      : `construct ${path} renders ${objects.length} objects, none of them a workload or Pod, and has no default child: ${described}; expected a workload, a Pod, or an ApiObject with spec.template`,
  };
}

/** The ApiObject `ApiObject.of` finds through the default child, or undefined. */
function defaultApiObject(construct: IConstruct): ApiObject | undefined {
  if (!construct.node.defaultChild) return undefined;
  try {
    return ApiObject.of(construct);
  } catch {
    return undefined;
  }
}

/**
 * The pod template of a rendered object: `spec.template` of a workload,
 * `spec.jobTemplate.spec.template` of a CronJob, the Pod itself for a Pod; undefined for an
 * object without one.
 */
export function podTemplateOf(manifest: unknown): PodTemplate | undefined {
  const kind = stringAt(manifest, 'kind');
  const apiVersion = stringAt(manifest, 'apiVersion') ?? '';
  const spec = objectAt(manifest, 'spec');
  if (kind === 'Pod' && apiVersion === 'v1') {
    return { labels: labelsOf(manifest) };
  }
  if (kind === 'CronJob' && apiVersion.startsWith('batch/')) {
    const jobSpec = objectAt(objectAt(spec, 'jobTemplate'), 'spec');
    const template = objectAt(jobSpec, 'template');
    return template ? { labels: labelsOf(template), selector: jobSpec?.selector } : undefined;
  }
  const template = objectAt(spec, 'template');
  return template ? { labels: labelsOf(template), selector: spec?.selector } : undefined;
}

/** `metadata.labels` of an object or template; empty when it has none. */
function labelsOf(object: unknown): JsonObject {
  const labels = objectAt(objectAt(object, 'metadata'), 'labels');
  return isObject(labels) ? labels : {};
}

/** `kind (apiVersion)` of a rendered object, for messages. */
export function describeKind(manifest: unknown): string {
  return `${stringAt(manifest, 'kind') ?? 'object without a kind'} (${stringAt(manifest, 'apiVersion') ?? 'no apiVersion'})`;
}
