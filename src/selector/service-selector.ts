import * as kplus from 'cdk8s-plus-28';
import { assertSelectorLabels } from './label-syntax';

/** Labels cdk8s and cdk8s-plus generate themselves (the address label `cdk8s.io/metadata.addr`). */
const GENERATED_LABEL_PREFIX = 'cdk8s.io/';

/** A problem found while turning a selector source into equality labels. */
export interface SelectorProblem {
  /** Stable code, SEL001 and up. */
  readonly code: string;
  /** Kebab-case rule name. */
  readonly rule: string;
  readonly message: string;
}

/** The equality labels a selector resolved to, and what could not be expressed. */
export interface ResolvedSelector {
  readonly labels: Record<string, string>;
  readonly problems: SelectorProblem[];
}

interface KubeLabelSelector {
  readonly matchLabels?: Record<string, string>;
  readonly matchExpressions?: ReadonlyArray<{ key: string; operator: string; values?: string[] }>;
}

/**
 * Which pods a Service sends traffic to. A Service selects by label equality only
 * (`app: foo`); match expressions cannot be expressed and are reported at synth.
 */
export class ServiceSelector {
  /**
   * Selects pods carrying all of these labels. Keys and values are checked at once.
   */
  public static fromLabels(labels: { [key: string]: string }): ServiceSelector {
    assertSelectorLabels(labels);
    const copy = { ...labels };
    return new ServiceSelector(() => ({ labels: copy, problems: [] }));
  }

  /**
   * Selects the pods of a cdk8s-plus workload (Deployment, StatefulSet, DaemonSet, Job) or Pod.
   *
   * When the pod template carries labels of the user's own (`app: nginx`), the Service selects
   * by those, as `kubectl expose` does; otherwise by the workload's own selector (cdk8s's
   * generated `cdk8s.io/metadata.addr` label). Resolved at synth, so labels added later count.
   */
  public static fromWorkload(workload: kplus.AbstractPod): ServiceSelector {
    return new ServiceSelector(namespace => resolveWorkload(workload, namespace));
  }

  /**
   * Selects what a cdk8s-plus pod selector selects (for example `Pods.select(...)`).
   * Only equality labels (and `In` with a single value) can be expressed.
   */
  public static fromPods(pods: kplus.IPodSelector): ServiceSelector {
    return new ServiceSelector(() => {
      const config = pods.toPodSelectorConfig();
      const problems: SelectorProblem[] = [];
      if (config.namespaces) {
        problems.push({
          code: 'SEL002',
          rule: 'selector-namespace',
          message: `pod selector ${pods.node.path} selects pods in other namespaces; a Service selects pods in its own namespace only`,
        });
      }
      const resolved = fromKubeSelector(kubeSelectorOf(config.labelSelector), pods.node.path);
      return { labels: resolved.labels, problems: [...problems, ...resolved.problems] };
    });
  }

  private constructor(private readonly resolver: (serviceNamespace: string | undefined) => ResolvedSelector) {}

  /**
   * The labels this selector resolves to for a Service in the given namespace.
   * @internal
   */
  public _resolve(serviceNamespace: string | undefined): ResolvedSelector {
    return this.resolver(serviceNamespace);
  }
}

function kubeSelectorOf(selector: kplus.LabelSelector): KubeLabelSelector {
  // cdk8s-plus keeps a LabelSelector's content private; `_toKube()` is its rendering.
  const renderable = selector as unknown as { _toKube?: () => KubeLabelSelector };
  return typeof renderable._toKube === 'function' ? renderable._toKube() : {};
}

function resolveWorkload(workload: kplus.AbstractPod, serviceNamespace: string | undefined): ResolvedSelector {
  const problems: SelectorProblem[] = [];
  const workloadNamespace = workload.metadata.namespace;
  if ((workloadNamespace ?? 'default') !== (serviceNamespace ?? 'default')) {
    problems.push({
      code: 'SEL002',
      rule: 'selector-namespace',
      message: `workload ${workload.node.path} is in namespace ${JSON.stringify(workloadNamespace ?? 'default')} but the Service is in ${JSON.stringify(serviceNamespace ?? 'default')}; a Service selects pods in its own namespace only`,
    });
  }
  const templateLabels: Record<string, string> = workload.podMetadata.toJson().labels ?? {};
  const userLabels = Object.fromEntries(Object.entries(templateLabels).filter(([key]) => !key.startsWith(GENERATED_LABEL_PREFIX)));
  if (Object.keys(userLabels).length > 0) {
    return { labels: userLabels, problems };
  }
  const resolved = workload instanceof kplus.Workload
    ? fromKubeSelector({ matchLabels: workload.matchLabels, matchExpressions: workload.matchExpressions }, workload.node.path)
    : { labels: templateLabels, problems: [] };
  if (Object.keys(resolved.labels).length === 0 && resolved.problems.length === 0) {
    problems.push({
      code: 'SEL003',
      rule: 'selector-empty',
      message: `workload ${workload.node.path} has no pod labels to select its pods by; add podMetadata labels or keep its default selector`,
    });
  }
  return { labels: resolved.labels, problems: [...problems, ...resolved.problems] };
}

/** Turns a LabelSelector into equality labels; `In` with one value is equality, anything else is reported. */
function fromKubeSelector(selector: KubeLabelSelector, source: string): ResolvedSelector {
  const labels: Record<string, string> = { ...(selector.matchLabels ?? {}) };
  const problems: SelectorProblem[] = [];
  for (const expression of selector.matchExpressions ?? []) {
    const values = expression.values ?? [];
    if (expression.operator === 'In' && values.length === 1) {
      labels[expression.key] = values[0];
      continue;
    }
    problems.push({
      code: 'SEL001',
      rule: 'selector-expressible',
      message: `the selector of ${source} has the expression "${expression.key} ${expression.operator}${values.length ? ` (${values.join(', ')})` : ''}", which a Service cannot express: a Service selects by label equality only (use labels, or In with a single value)`,
    });
  }
  return { labels, problems };
}
