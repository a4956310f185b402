import { Severity } from '../../../../src/validation/diagnostic';
import { validateManifests } from '../../../../src/validation/engine';
import { JsonObject } from '../../../../src/validation/manifest';
import { service } from './helpers';

const CODE = 'SVC049';
const PATH = 'spec.loadBalancerSourceRanges';

function loadBalancer(spec: JsonObject = {}, annotations?: Record<string, unknown>): JsonObject {
  return service({ type: 'LoadBalancer', ...spec }, annotations);
}

function findings(manifest: unknown) {
  return validateManifests([manifest]).filter(d => d.code === CODE).map(d => ({ path: d.path, message: d.message }));
}

interface Row {
  readonly name: string;
  readonly spec?: JsonObject;
  readonly annotations?: Record<string, unknown>;
}

describe('SVC049 load-balancer-open', () => {
  it.each<Row>([
    { name: 'a ClusterIP service', spec: { type: 'ClusterIP' } },
    { name: 'a service without type (ClusterIP)', spec: { type: undefined } },
    { name: 'a NodePort service', spec: { type: 'NodePort' } },
    { name: 'an unknown type (SVC001\'s)', spec: { type: 'Loadbalancer' } },
    { name: 'source ranges', spec: { loadBalancerSourceRanges: ['203.0.113.0/24'] } },
    { name: 'source ranges that open everything on purpose', spec: { loadBalancerSourceRanges: ['0.0.0.0/0'] } },
    { name: 'source ranges of a wrong type (SVC027\'s)', spec: { loadBalancerSourceRanges: '10.0.0.0/8' } },
    { name: 'the source ranges annotation', annotations: { 'service.beta.kubernetes.io/load-balancer-source-ranges': '10.0.0.0/8,192.168.0.0/16' } },
    { name: 'Azure allowed IP ranges', annotations: { 'service.beta.kubernetes.io/azure-allowed-ip-ranges': '10.0.0.0/8' } },
    { name: 'Azure allowed service tags', annotations: { 'service.beta.kubernetes.io/azure-allowed-service-tags': 'AzureFrontDoor.Backend' } },
    { name: 'AWS security groups of its own', annotations: { 'service.beta.kubernetes.io/aws-load-balancer-security-groups': 'sg-0123' } },
    { name: 'an internal AWS load balancer', annotations: { 'service.beta.kubernetes.io/aws-load-balancer-internal': 'true' } },
    { name: 'an internal AWS load balancer, legacy CIDR value', annotations: { 'service.beta.kubernetes.io/aws-load-balancer-internal': '0.0.0.0/0' } },
    { name: 'the AWS internal scheme', annotations: { 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal' } },
    { name: 'the AWS Load Balancer Controller (type external), internal by default', annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'external' } },
    { name: 'the AWS Load Balancer Controller (type nlb-ip), internal by default', annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb-ip' } },
    { name: 'the AWS Load Balancer Controller class, internal by default', spec: { loadBalancerClass: 'service.k8s.aws/nlb' } },
    { name: 'an internal GKE load balancer', annotations: { 'networking.gke.io/load-balancer-type': 'Internal' } },
    { name: 'an internal GKE load balancer, legacy annotation', annotations: { 'cloud.google.com/load-balancer-type': 'internal' } },
    { name: 'an internal Azure load balancer', annotations: { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' } },
    { name: 'an internal OCI load balancer', annotations: { 'service.beta.kubernetes.io/oci-load-balancer-internal': 'true' } },
    { name: 'an internal OCI network load balancer', annotations: { 'oci-network-load-balancer.oraclecloud.com/internal': 'true' } },
    { name: 'an internal OpenStack load balancer', annotations: { 'service.beta.kubernetes.io/openstack-internal-load-balancer': 'true' } },
    { name: 'a private IBM Cloud load balancer', annotations: { 'service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type': 'private' } },
    { name: 'an intranet Alibaba Cloud load balancer', annotations: { 'service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type': 'intranet' } },
    { name: 'an internal Tencent Cloud load balancer', annotations: { 'service.kubernetes.io/qcloud-loadbalancer-internal-subnetid': 'subnet-12345678' } },
    { name: 'a Hetzner load balancer without public network', annotations: { 'load-balancer.hetzner.cloud/disable-public-network': 'true' } },
  ])('accepts $name', ({ spec, annotations }) => {
    expect(findings(loadBalancer(spec, annotations))).toEqual([]);
  });

  it.each<Row>([
    { name: 'a LoadBalancer service has no source ranges' },
    { name: 'the source ranges are an empty list', spec: { loadBalancerSourceRanges: [] } },
    { name: 'the source ranges annotation is empty', annotations: { 'service.beta.kubernetes.io/load-balancer-source-ranges': ' ' } },
    { name: 'the AWS internal annotation is "false"', annotations: { 'service.beta.kubernetes.io/aws-load-balancer-internal': 'false' } },
    { name: 'the AWS Load Balancer Controller is asked for internet-facing', annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'external', 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing' } },
    { name: 'the AWS Load Balancer Controller class with internal "false"', spec: { loadBalancerClass: 'service.k8s.aws/nlb' }, annotations: { 'service.beta.kubernetes.io/aws-load-balancer-internal': 'false' } },
    { name: 'an in-tree AWS NLB (internet-facing by default)', annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' } },
    { name: 'GKE is asked for an external load balancer', annotations: { 'networking.gke.io/load-balancer-type': 'External' } },
    { name: 'the Azure internal annotation is "false"', annotations: { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'false' } },
    { name: 'an internal annotation has a non-string value', annotations: { 'service.beta.kubernetes.io/azure-load-balancer-internal': true } },
  ])('warns when $name', ({ spec, annotations }) => {
    expect(findings(loadBalancer(spec, annotations))).toEqual([{ path: PATH, message: expect.stringContaining('this LoadBalancer service accepts connections from any address') }]);
  });

  it('warns with the whole message', () => {
    const found = validateManifests([loadBalancer()]).filter(d => d.code === CODE);
    expect(found).toEqual([{
      severity: Severity.WARNING,
      code: CODE,
      rule: 'load-balancer-open',
      message: 'this LoadBalancer service accepts connections from any address: without loadBalancerSourceRanges the cloud opens the load balancer to 0.0.0.0/0, and gives it a public address unless it is internal; list the client CIDRs in spec.loadBalancerSourceRanges, or make it internal with your cloud\'s annotation (service.beta.kubernetes.io/aws-load-balancer-scheme: internal, networking.gke.io/load-balancer-type: Internal, service.beta.kubernetes.io/azure-load-balancer-internal: "true"...)',
      path: PATH,
      resource: 'Service/default/my-service',
      index: 0,
    }]);
  });

  it('never throws on malformed metadata', () => {
    for (const metadata of [null, 'x', { annotations: 'x' }, { annotations: null }, { annotations: [] }]) {
      const manifest = { ...loadBalancer(), metadata };
      expect(validateManifests([manifest]).filter(d => d.code === 'TRF000')).toEqual([]);
    }
  });
});
