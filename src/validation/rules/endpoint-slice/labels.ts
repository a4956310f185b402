import { Severity } from '../../diagnostic';
import { ENDPOINT_SLICE } from '../../kinds';
import { show } from '../../manifest';
import { ManifestRule } from '../../rule';
import { KUBERNETES_CONTROLLERS, MANAGED_BY_LABEL, SERVICE_NAME_LABEL, labelOf, labelPath } from './walk';

/** EPS021: a slice without the service-name label belongs to no Service. */
export const SERVICE_NAME_LABEL_RULE: ManifestRule = {
  code: 'EPS021',
  name: 'service-name-label',
  severity: Severity.WARNING,
  appliesTo: [ENDPOINT_SLICE],
  description: 'a slice has the kubernetes.io/service-name label, or it belongs to no Service and kube-proxy never routes to it (discoveryv1.LabelServiceName)',
  check(manifest, context) {
    if (labelOf(manifest, SERVICE_NAME_LABEL)) return;
    context.report(
      labelPath(SERVICE_NAME_LABEL),
      `the EndpointSlice has no ${SERVICE_NAME_LABEL} label, so it belongs to no Service and receives no Service traffic: set it to the name of the Service it backs`,
    );
  },
};

/** EPS022: a user-written slice claims to be managed by one of Kubernetes' own controllers. */
export const MANAGED_BY_CONTROLLER: ManifestRule = {
  code: 'EPS022',
  name: 'managed-by-controller',
  severity: Severity.WARNING,
  appliesTo: [ENDPOINT_SLICE],
  description: "a hand-written slice does not claim a Kubernetes controller in endpointslice.kubernetes.io/managed-by, or that controller may delete or overwrite it (discoveryv1.LabelManagedBy)",
  check(manifest, context) {
    const managedBy = labelOf(manifest, MANAGED_BY_LABEL);
    if (managedBy === undefined || !KUBERNETES_CONTROLLERS.includes(managedBy)) return;
    context.report(
      labelPath(MANAGED_BY_LABEL),
      `${MANAGED_BY_LABEL} ${show(managedBy)} is reserved for Kubernetes' own controllers, which may delete or overwrite this EndpointSlice: use your tool's name, such as "cdk8s-traffic"`,
      managedBy,
    );
  },
};
