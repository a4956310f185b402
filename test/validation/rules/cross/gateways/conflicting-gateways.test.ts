import { Severity } from '../../../../../src/validation/diagnostic';
import { ruleCatalogue } from '../../../../../src/validation/engine';
import { findings, setTable } from '../helpers';
import { gateway, pod, server } from '../istio-helpers';

const INGRESS = { istio: 'ingressgateway' };

describe('XR031 conflicting-gateways', () => {
  it('is an error, as istioctl classes IST0145', () => {
    expect(ruleCatalogue().find(r => r.code === 'XR031')).toMatchObject({ severity: Severity.ERROR, upstream: ['IST0145', 'KIA0301'] });
  });

  setTable('XR031', 'errors', [
    // analyzers_test.go "gateways with different port are non-conflicting"
    { name: 'the same host on different ports', manifests: [gateway('beta', INGRESS, [server(443, ['foo.bar'], {}, 'TCP')], null), gateway('alpha', INGRESS, [server(80, ['foo.bar'])], null)] },
    // "conflicting gateways detect: no port"
    { name: 'servers without port', manifests: [gateway('beta', INGRESS, [{ hosts: ['foo.bar'] }], null), gateway('alpha', INGRESS, [{ hosts: ['bar.bar'] }], null)] },
    { name: 'different hosts on one port', manifests: [gateway('a', INGRESS, [server(80, ['a.example.com'])]), gateway('b', INGRESS, [server(80, ['b.example.com'])])] },
    { name: 'a wildcard and a name (hosts compared as written, as istiod merges them)', manifests: [gateway('a', INGRESS, [server(80, ['*'])]), gateway('b', INGRESS, [server(80, ['foo.bar'])])] },
    { name: 'different binds', manifests: [gateway('a', INGRESS, [server(80, ['foo.bar'], { bind: '10.0.0.1' })]), gateway('b', INGRESS, [server(80, ['foo.bar'], { bind: '10.0.0.2' })])] },
    { name: 'different selectors without a shared workload', manifests: [gateway('a', INGRESS, [server(80, ['foo.bar'])]), gateway('b', { istio: 'egressgateway' }, [server(80, ['foo.bar'])]), pod('i', INGRESS, 'istio-system')] },
    { name: 'selectors that contain one another, without a workload that both select', manifests: [gateway('a', { istio: 'ingressgateway', tier: 'edge' }, [server(80, ['foo.bar'])]), gateway('b', INGRESS, [server(80, ['foo.bar'])])] },
    { name: 'one Gateway repeating a host (the webhook\'s concern)', manifests: [gateway('a', INGRESS, [server(80, ['foo.bar']), server(80, ['foo.bar'])])] },
    { name: 'a selector of a wrong type', manifests: [gateway('a', ['x'], [server(80, ['foo.bar'])]), gateway('b', ['x'], [server(80, ['foo.bar'])])] },
  ], [
    // analyzers_test.go "conflicting gateways detect" (conflicting-gateways.yaml)
    {
      name: 'two Gateways with one selector declare foo.bar on port 80',
      manifests: [gateway('beta', INGRESS, [server(80, ['foo.bar'], {}, 'TCP')], null), gateway('alpha', INGRESS, [server(80, ['foo.bar'])], null)],
      expected: [
        { index: 0, path: 'spec.servers[0].hosts[0]', message: 'server on port 80 for host "foo.bar" is also declared by Gateway/default/alpha (the same selector istio="ingressgateway"): the gateway proxy merges these Gateways and drops one' },
        { index: 1, path: 'spec.servers[0].hosts[0]', message: 'is also declared by Gateway/default/beta (the same selector istio="ingressgateway")' },
      ],
    },
    // "conflicting gateways with multiple port declarations"
    {
      name: 'the conflict is on the second server of each',
      manifests: [
        gateway('beta', INGRESS, [server(80, ['foo.bar'], {}, 'TCP'), server(90, ['foo.bar'], {}, 'TCP')], null),
        gateway('alpha', INGRESS, [server(70, ['foo.bar']), server(90, ['foo.bar'])], null),
      ],
      expected: [
        { index: 0, path: 'spec.servers[1].hosts[0]', message: 'server on port 90 for host "foo.bar"' },
        { index: 1, path: 'spec.servers[1].hosts[0]', message: 'server on port 90 for host "foo.bar"' },
      ],
    },
    // "conflicting gateways detect by sub selector": the selectors differ, and a Pod carries both
    {
      name: 'different selectors that a workload of the set both match',
      manifests: [
        gateway('beta', { istio: 'ingressgateway', app: 'istio-ingressgateway', cusKey: 'cusValue' }, [server(80, ['foo.bar'], {}, 'TCP')], null),
        gateway('alpha', { istio: 'ingressgateway', cusKey: 'cusValue' }, [server(80, ['foo.bar'])], null),
        pod('my-ingressgateway-1', { istio: 'ingressgateway', app: 'istio-ingressgateway', cusKey: 'cusValue' }, 'default'),
        pod('my-ingressgateway-2', { istio: 'ingressgateway', app: 'istio-ingressgateway', cusKey: 'cusValue' }, 'default'),
      ],
      expected: [
        { index: 0, path: 'spec.servers[0].hosts[0]', message: 'Gateway/default/alpha (both select Pod/default/my-ingressgateway-1)' },
        { index: 1, path: 'spec.servers[0].hosts[0]', message: 'Gateway/default/beta (both select Pod/default/my-ingressgateway-1)' },
      ],
    },
    // "Analyze conflicting gateway with list type": three Gateways, each reported
    {
      name: 'three Gateways declare the host',
      manifests: [
        gateway('alpha', INGRESS, [server(80, ['foo.bar'], {}, 'TCP')], null),
        gateway('beta-l', INGRESS, [server(80, ['foo.bar'], {}, 'TCP')], null),
        gateway('alpha-l', INGRESS, [server(80, ['foo.bar'])], null),
      ],
      expected: [
        { index: 0, path: 'spec.servers[0].hosts[0]', message: 'Gateway/default/beta-l (the same selector istio="ingressgateway"), Gateway/default/alpha-l' },
        { index: 1, path: 'spec.servers[0].hosts[0]', message: 'Gateway/default/alpha (the same selector' },
        { index: 2, path: 'spec.servers[0].hosts[0]', message: 'Gateway/default/alpha (the same selector istio="ingressgateway"), Gateway/default/beta-l' },
      ],
    },
    {
      name: 'the same bind and a host among others, across namespaces',
      manifests: [
        gateway('a', INGRESS, [server(443, ['a.example.com', 'shared.example.com'], { bind: '0.0.0.0' }, 'HTTPS')], 'team-a'),
        gateway('b', INGRESS, [server(443, ['shared.example.com'], { bind: '0.0.0.0' }, 'HTTPS')], 'team-b'),
      ],
      expected: [
        { index: 0, path: 'spec.servers[0].hosts[1]', message: 'server on port 443 bind "0.0.0.0" for host "shared.example.com" is also declared by Gateway/team-b/b' },
        { index: 1, path: 'spec.servers[0].hosts[0]', message: 'Gateway/team-a/a' },
      ],
    },
    {
      name: 'two Gateways without selector',
      manifests: [gateway('a', undefined, [server(80, ['foo.bar'])]), gateway('b', {}, [server(80, ['foo.bar'])])],
      expected: [
        { index: 0, path: 'spec.servers[0].hosts[0]', message: '(the same selector (none))' },
        { index: 1, path: 'spec.servers[0].hosts[0]', message: 'Gateway/istio-system/a' },
      ],
    },
  ]);

  it('names a few of many conflicting Gateways', () => {
    const many = Array.from({ length: 10 }, (_, i) => gateway(`g${i}`, INGRESS, [server(80, ['foo.bar'])]));
    const found = findings('XR031', many);
    expect(found).toHaveLength(10);
    expect(found[9].message).toContain('Gateway/istio-system/g0 (the same selector istio="ingressgateway"), Gateway/istio-system/g1');
    expect(found[9].message).toContain('and others');
  });
});
