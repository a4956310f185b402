import { Severity } from '../../../../../src/validation/diagnostic';
import { validateManifests } from '../../../../../src/validation/engine';
import { setTable, virtualService } from '../helpers';

describe('XR012 gateway-reference-legacy-form', () => {
  setTable('XR012', 'warns', [
    // kiali no_gateway_checker_test.go TestNewIstioGatewayNameFormat, TestFoundRemoteGateway
    { name: 'namespace/name', manifests: [virtualService('a', { hosts: ['*'], gateways: ['istio-system/my-gateway', 'remote/my-gateway'] })] },
    { name: 'a short name and mesh', manifests: [virtualService('a', { hosts: ['*'], gateways: ['my-gateway', 'mesh'] })] },
    { name: 'a dotted name after the namespace', manifests: [virtualService('a', { hosts: ['*'], gateways: ['istio-system/my.gateway'] })] },
  ], [
    // kiali TestFoundGatewayTwoPartNaming, TestFQDNFoundGateway, TestFQDNFoundOtherNamespaceGateway
    {
      name: 'the old name.namespace and FQDN forms',
      manifests: [virtualService('a', { hosts: ['*'], gateways: ['my-gateway.test', 'my-gateway.istio-system.svc.cluster.local', 'mesh'] })],
      expected: [
        { index: 0, path: 'spec.gateways[0]', message: 'gateway "my-gateway.test" uses the old name.namespace form, which Istio reads as Gateway/test/my-gateway but istioctl analyze and other tools read as a short name; write "test/my-gateway"' },
        { index: 0, path: 'spec.gateways[1]', message: 'write "istio-system/my-gateway"' },
      ],
    },
    {
      name: 'an http match uses the old form',
      manifests: [virtualService('a', { hosts: ['*'], gateways: ['istio-system/public'], http: [{ match: [{ gateways: ['public.istio-system'] }] }] })],
      expected: [{ index: 0, path: 'spec.http[0].match[0].gateways[0]', message: 'write "istio-system/public"' }],
    },
  ]);

  it('warns (Kiali shows it as info)', () => {
    const found = validateManifests([virtualService('a', { hosts: ['*'], gateways: ['web.shop'] })]).filter(d => d.code === 'XR012');
    expect(found).toEqual([expect.objectContaining({ severity: Severity.WARNING, code: 'XR012', rule: 'gateway-reference-legacy-form', value: 'web.shop' })]);
  });
});
