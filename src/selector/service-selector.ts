import { IConstruct } from 'constructs';
import { assertSelectorLabels } from './label-syntax';
import { ResolvedSelector } from './resolved-selector';
import { resolveWorkload } from './workload-selector';

/**
 * Which pods a Service sends traffic to. A Service selects by label equality only
 * (`app: foo`); match expressions cannot be expressed and are reported at synth.
 */
export class ServiceSelector {
  /**
   * Selects pods carrying all of these labels. Keys and values are checked at once.
   *
   * @param labels label keys and the values the pods must carry
   */
  public static fromLabels(labels: { [key: string]: string }): ServiceSelector {
    assertSelectorLabels(labels);
    const copy = { ...labels };
    return new ServiceSelector(() => ({ labels: copy, problems: [] }));
  }

  /**
   * Selects the pods of a workload: any construct that renders a pod template.
   *
   * That is a workload or Pod of any cdk8s-plus version, a class `cdk8s import k8s` generates
   * (`KubeDeployment`, `KubeStatefulSet`, `KubeDaemonSet`, `KubeReplicaSet`, `KubeJob`,
   * `KubeCronJob`, `KubePod`), or any ApiObject with `spec.template` or of kind Pod.
   *
   * When the pod template carries labels of the user's own (`app: nginx`), the Service selects
   * by those, as `kubectl expose` does; otherwise by the workload's own `spec.selector` (for
   * cdk8s-plus, the generated `cdk8s.io/metadata.addr` label). Read from what the workload
   * renders at synth, so labels added later count. A construct that renders no pod template
   * fails synth with SEL005, a workload in another namespace with SEL002.
   *
   * @param workload the workload, Pod, or ApiObject whose pods to select
   */
  public static fromWorkload(workload: IConstruct): ServiceSelector {
    return new ServiceSelector(namespace => resolveWorkload(workload, namespace));
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
