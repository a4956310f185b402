/**
 * Kubernetes types in the shape `cdk8s import k8s` generates (plain `ApiObject` subclasses with a
 * static GVK, the props spread into the object, and a `toJson()` that renders through
 * `super.toJson()`), trimmed to what the selector and expose tests need.
 */
import { ApiObject, ApiObjectMetadata, GroupVersionKind } from 'cdk8s';
import { Construct } from 'constructs';

/** Props of the generated types here: metadata and a loosely typed spec. */
export interface GeneratedProps {
  readonly metadata?: ApiObjectMetadata;
  readonly spec?: any;
}

function render(gvk: GroupVersionKind, resolved: any): any {
  const { metadata, spec } = resolved;
  return Object.fromEntries(Object.entries({ ...gvk, metadata, spec }).filter(([, value]) => value !== undefined));
}

export class KubeDeployment extends ApiObject {
  public static readonly GVK: GroupVersionKind = { apiVersion: 'apps/v1', kind: 'Deployment' };

  public constructor(scope: Construct, id: string, props: GeneratedProps = {}) {
    super(scope, id, { ...KubeDeployment.GVK, ...props });
  }

  public toJson(): any {
    return render(KubeDeployment.GVK, super.toJson());
  }
}

export class KubeCronJob extends ApiObject {
  public static readonly GVK: GroupVersionKind = { apiVersion: 'batch/v1', kind: 'CronJob' };

  public constructor(scope: Construct, id: string, props: GeneratedProps = {}) {
    super(scope, id, { ...KubeCronJob.GVK, ...props });
  }

  public toJson(): any {
    return render(KubeCronJob.GVK, super.toJson());
  }
}

export class KubePod extends ApiObject {
  public static readonly GVK: GroupVersionKind = { apiVersion: 'v1', kind: 'Pod' };

  public constructor(scope: Construct, id: string, props: GeneratedProps = {}) {
    super(scope, id, { ...KubePod.GVK, ...props });
  }

  public toJson(): any {
    return render(KubePod.GVK, super.toJson());
  }
}

export class KubeConfigMap extends ApiObject {
  public static readonly GVK: GroupVersionKind = { apiVersion: 'v1', kind: 'ConfigMap' };

  public constructor(scope: Construct, id: string, props: { metadata?: ApiObjectMetadata; data?: { [key: string]: string } } = {}) {
    super(scope, id, { ...KubeConfigMap.GVK, ...props });
  }
}

/** A pod spec with one container, for templates. */
export const POD_SPEC = { containers: [{ name: 'app', image: 'nginx:1.27' }] };

/** A generated Deployment whose pods carry `labels` and which selects them by `selector`. */
export function kubeDeployment(scope: Construct, id: string, options: { name?: string; namespace?: string; labels?: Record<string, string>; selector?: any }): KubeDeployment {
  return new KubeDeployment(scope, id, {
    metadata: { name: options.name ?? id, namespace: options.namespace },
    spec: {
      selector: options.selector ?? { matchLabels: options.labels ?? {} },
      template: { metadata: { labels: options.labels }, spec: POD_SPEC },
    },
  });
}
