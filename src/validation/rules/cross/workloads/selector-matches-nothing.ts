/**
 * XR003: a Service whose selector matches none of the pod templates of its namespace, when
 * the set holds some there. The Service then gets no endpoints; Kubernetes does not check
 * this relation (see the reference, "Implication for the library").
 */
import { Severity } from '../../../diagnostic';
import { JsonObject, objectAt, show } from '../../../manifest';
import { SetRule } from '../../../rule';
import { serviceShape } from '../../service/service-type';
import { NamespaceTemplates, SelectorMiss, indexPodTemplates, pair, templateOwner } from '../indexes/pod-templates';
import { namespaceOf, setKinds } from '../indexes/set-index';

/** The selector's pairs, or undefined when it is empty or holds a non-string value (SVC rules report those). */
function selectorPairs(selector: JsonObject | undefined): Array<[string, string]> | undefined {
  const entries = Object.entries(selector ?? {});
  if (entries.length === 0 || entries.some(([, value]) => typeof value !== 'string')) return undefined;
  return entries as Array<[string, string]>;
}

function explain(miss: SelectorMiss, namespace: string): string {
  if (miss.kind === 'combination') {
    const has = miss.nearest.labels.get(miss.key);
    const nearest = has === undefined
      ? `${templateOwner(miss.nearest)} lacks ${pair(miss.key, miss.value)}`
      : `${templateOwner(miss.nearest)} has ${pair(miss.key, has)}, not ${pair(miss.key, miss.value)}`;
    return `no single workload there has all of these labels (${nearest})`;
  }
  const others = miss.others.map(([value, template]) => `${templateOwner(template)} has ${pair(miss.key, value)}`);
  const seen = others.length > 0 ? others.join(', ') : `no pod template in ${namespace} has a label ${JSON.stringify(miss.key)}`;
  return `no workload there labels its pods ${pair(miss.key, miss.value)} (${seen})`;
}

export const selectorMatchesNothingRule: SetRule = {
  code: 'XR003',
  name: 'selector-matches-nothing',
  severity: Severity.WARNING,
  description: 'a Service selector matches the pod template of some workload in its namespace (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, Pod, Argo Rollout), when the set holds any there; Kubernetes does not check this, and the Service gets no endpoints',
  check(manifests, context) {
    let templates: Map<string, NamespaceTemplates> | undefined;
    for (const entry of setKinds(manifests).services) {
      const shape = serviceShape(entry.manifest);
      // an ExternalName service has no endpoints whatever its selector
      if (shape.type === 'ExternalName') continue;
      const selector = objectAt(shape.spec, 'selector');
      const pairs = selectorPairs(selector);
      if (!pairs) continue;
      templates ??= indexPodTemplates(manifests);
      const namespace = namespaceOf(entry.manifest);
      const here = templates.get(namespace);
      // no workload of this namespace in the set: its pods are described elsewhere
      if (!here) continue;
      const miss = here.miss(pairs);
      if (!miss) continue;
      context.report(entry, 'spec.selector',
        `selector ${show(selector)} matches no pod template in namespace ${namespace}: ${explain(miss, namespace)}; the Service gets no endpoints unless its pods come from outside the set (the set may be incomplete)`,
        selector);
    }
  },
};
