/**
 * Annotations Istio's webhook refuses on a VirtualService (validateMetadata).
 */
import { Severity } from '../../diagnostic';
import { VIRTUAL_SERVICE } from '../../kinds';
import { isObject, objectAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { keyPath } from './shape';

const DRY_RUN = 'istio.io/dry-run';
const INTERNAL_ANNOTATIONS: readonly string[] = [
  'istio.io/alwaysReject',
  'internal.istio.io/parent-namespace',
  'internal.istio.io/parent-names',
];

function annotationsOf(manifest: unknown): Record<string, unknown> {
  const annotations = objectAt(objectAt(manifest, 'metadata'), 'annotations');
  return isObject(annotations) ? annotations : {};
}

export const dryRunAnnotationRule: ManifestRule = {
  code: 'VS001',
  name: 'dry-run-annotation',
  severity: Severity.ERROR,
  appliesTo: VIRTUAL_SERVICE,
  description: 'the istio.io/dry-run annotation is refused on a VirtualService; only AuthorizationPolicy supports it (validateMetadata, checkDryRunAnnotation)',
  check(manifest, context) {
    const annotations = annotationsOf(manifest);
    if (!(DRY_RUN in annotations)) return;
    context.report(keyPath('metadata.annotations', DRY_RUN),
      `annotation "${DRY_RUN}" is not supported on a VirtualService (only AuthorizationPolicy supports it): remove the annotation`,
      annotations[DRY_RUN]);
  },
};

export const internalAnnotationsRule: ManifestRule = {
  code: 'VS002',
  name: 'internal-annotations',
  severity: Severity.ERROR,
  appliesTo: VIRTUAL_SERVICE,
  description: 'the internal annotations istio.io/alwaysReject, internal.istio.io/parent-namespace and internal.istio.io/parent-names are refused (validateMetadata)',
  check(manifest, context) {
    const annotations = annotationsOf(manifest);
    for (const name of INTERNAL_ANNOTATIONS) {
      if (!(name in annotations)) continue;
      context.report(keyPath('metadata.annotations', name),
        `annotation "${name}" is internal to Istio and its webhook rejects any object that carries it: remove the annotation`,
        annotations[name]);
    }
  },
};

export const VS_METADATA_RULES: readonly ManifestRule[] = [dryRunAnnotationRule, internalAnnotationsRule];
