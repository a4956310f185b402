/**
 * Topology-aware routing annotations. The deprecation warning for the old one is in
 * `warnings.ts`.
 */
import { Severity } from '../../diagnostic';
import { SERVICE } from '../../kinds';
import { show } from '../../manifest';
import { ManifestRule } from '../../rule';
import { annotation } from './fields';

export const TOPOLOGY_MODE_ANNOTATION = 'service.kubernetes.io/topology-mode';
/** Deprecated in favour of {@link TOPOLOGY_MODE_ANNOTATION}. */
export const TOPOLOGY_HINTS_ANNOTATION = 'service.kubernetes.io/topology-aware-hints';

export const topologyAnnotationsRule: ManifestRule = {
  code: 'SVC035',
  name: 'topology-annotations',
  severity: Severity.ERROR,
  appliesTo: [SERVICE],
  description: `the ${TOPOLOGY_MODE_ANNOTATION} and ${TOPOLOGY_HINTS_ANNOTATION} annotations hold the same value when both are set (ValidateService)`,
  check(manifest, context) {
    const mode = annotation(manifest, TOPOLOGY_MODE_ANNOTATION);
    const hints = annotation(manifest, TOPOLOGY_HINTS_ANNOTATION);
    if (!mode.present || !hints.present || mode.value === hints.value) return;
    context.report(mode.path,
      `annotation ${TOPOLOGY_MODE_ANNOTATION} ${show(mode.value)} must match annotation ${TOPOLOGY_HINTS_ANNOTATION} ${show(hints.value)} when both are set: keep only ${TOPOLOGY_MODE_ANNOTATION}`,
      mode.value);
  },
};

export const TOPOLOGY_RULES: readonly ManifestRule[] = [topologyAnnotationsRule];
