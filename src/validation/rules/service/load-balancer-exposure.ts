/**
 * SVC049: a LoadBalancer Service that accepts traffic from any address. Without source
 * ranges the cloud opens the load balancer to 0.0.0.0/0, and on most clouds it gets a
 * public address unless an annotation asks for an internal one.
 */
import { Severity } from '../../diagnostic';
import { SERVICE } from '../../kinds';
import { stringAt, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { annotation } from './fields';
import { SOURCE_RANGES_ANNOTATION } from './load-balancer';
import { isSet, serviceShape } from './service-type';

const AWS_INTERNAL = 'service.beta.kubernetes.io/aws-load-balancer-internal';
const AWS_SCHEME = 'service.beta.kubernetes.io/aws-load-balancer-scheme';
const AWS_TYPE = 'service.beta.kubernetes.io/aws-load-balancer-type';
/** The loadBalancerClass that hands a Service to the AWS Load Balancer Controller. */
const AWS_LBC_CLASS = 'service.k8s.aws/nlb';

/** Annotations that make the cloud provision an internal (private) load balancer, and the values that do. */
const INTERNAL_ANNOTATIONS: ReadonlyArray<[string, (value: string) => boolean]> = [
  // the in-tree AWS provider takes any value but "false" (the AWS Load Balancer Controller wants "true")
  [AWS_INTERNAL, v => v !== '' && v.toLowerCase() !== 'false'],
  [AWS_SCHEME, v => v === 'internal'],
  ['networking.gke.io/load-balancer-type', v => v.toLowerCase() === 'internal'],
  ['cloud.google.com/load-balancer-type', v => v.toLowerCase() === 'internal'],
  ['service.beta.kubernetes.io/azure-load-balancer-internal', v => v.toLowerCase() === 'true'],
  ['service.beta.kubernetes.io/oci-load-balancer-internal', v => v.toLowerCase() === 'true'],
  ['oci-network-load-balancer.oraclecloud.com/internal', v => v.toLowerCase() === 'true'],
  ['service.beta.kubernetes.io/openstack-internal-load-balancer', v => v.toLowerCase() === 'true'],
  ['service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type', v => v.toLowerCase() === 'private'],
  ['service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type', v => v.toLowerCase() === 'intranet'],
  ['service.kubernetes.io/qcloud-loadbalancer-internal-subnetid', v => v !== ''],
  ['load-balancer.hetzner.cloud/disable-public-network', v => v.toLowerCase() === 'true'],
];

/** Annotations that restrict who may connect, other than the source ranges. */
const RESTRICTING_ANNOTATIONS: readonly string[] = [
  SOURCE_RANGES_ANNOTATION,
  'service.beta.kubernetes.io/azure-allowed-ip-ranges',
  'service.beta.kubernetes.io/azure-allowed-service-tags',
  // the security groups replace the ones the cloud would open to 0.0.0.0/0
  'service.beta.kubernetes.io/aws-load-balancer-security-groups',
];

function annotationText(manifest: unknown, key: string): string | undefined {
  const { value } = annotation(manifest, key);
  return typeof value === 'string' ? value.trim() : undefined;
}

/**
 * The AWS Load Balancer Controller (type `external` or `nlb-ip`, or its loadBalancerClass)
 * provisions internal NLBs unless the scheme says `internet-facing`.
 */
function awsControllerInternal(manifest: unknown, loadBalancerClass: string | undefined): boolean {
  const type = annotationText(manifest, AWS_TYPE);
  if (type !== 'external' && type !== 'nlb-ip' && loadBalancerClass !== AWS_LBC_CLASS) return false;
  const scheme = annotationText(manifest, AWS_SCHEME);
  if (scheme !== undefined) return scheme === 'internal';
  const internal = annotationText(manifest, AWS_INTERNAL);
  return internal === undefined || internal.toLowerCase() !== 'false';
}

export const loadBalancerOpenRule: ManifestRule = {
  code: 'SVC049',
  name: 'load-balancer-open',
  severity: Severity.WARNING,
  appliesTo: [SERVICE],
  description: 'a LoadBalancer service restricts its clients with loadBalancerSourceRanges (or the service.beta.kubernetes.io/load-balancer-source-ranges annotation), unless a cloud annotation makes the load balancer internal; without them the cloud allows 0.0.0.0/0 (library check; service.md "Restricting client access")',
  check(manifest, context) {
    const shape = serviceShape(manifest);
    if (shape.type !== 'LoadBalancer') return;
    const ranges = valueAt(shape.spec, 'loadBalancerSourceRanges');
    // a malformed value is SVC027's; any list entry counts as a choice made
    if (isSet(ranges) && !(Array.isArray(ranges) && ranges.length === 0)) return;
    if (RESTRICTING_ANNOTATIONS.some(key => (annotationText(manifest, key) ?? '') !== '')) return;
    if (INTERNAL_ANNOTATIONS.some(([key, internal]) => {
      const value = annotationText(manifest, key);
      return value !== undefined && internal(value);
    })) return;
    if (awsControllerInternal(manifest, stringAt(shape.spec, 'loadBalancerClass'))) return;
    context.report('spec.loadBalancerSourceRanges',
      'this LoadBalancer service accepts connections from any address: without loadBalancerSourceRanges the cloud opens the load balancer to 0.0.0.0/0, and gives it a public address unless it is internal; list the client CIDRs in spec.loadBalancerSourceRanges, or make it internal with your cloud\'s annotation (service.beta.kubernetes.io/aws-load-balancer-scheme: internal, networking.gke.io/load-balancer-type: Internal, service.beta.kubernetes.io/azure-load-balancer-internal: "true"...)');
  },
};

export const LOAD_BALANCER_EXPOSURE_RULES: readonly ManifestRule[] = [loadBalancerOpenRule];
