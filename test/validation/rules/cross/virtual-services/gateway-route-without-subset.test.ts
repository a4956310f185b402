import { Severity } from '../../../../../src/validation/diagnostic';
import { validateManifests } from '../../../../../src/validation/engine';
import { JsonObject } from '../../../../../src/validation/manifest';
import { setTable, virtualService } from '../helpers';
import { destinationRule } from '../istio-helpers';

const HOST = 'spec.http[0].route[0].destination.host';

/** The mesh VirtualService `ratings-01` of `default` that pins ratings to subset v1. */
function meshSplit(namespace = 'default', gateways?: string[]): JsonObject {
  return virtualService('ratings-01', { hosts: ['ratings'], ...(gateways ? { gateways } : {}), http: [{ route: [{ destination: { host: 'ratings', subset: 'v1' } }] }] }, namespace);
}

/** A VirtualService of `default` for `testing-01.com` on `gateways`, routing to `destination`. */
function ingress(name: string, destination: JsonObject, gateways: string[] = ['istio-system/testing-gateway-01-test-01']): JsonObject {
  return virtualService(name, { hosts: ['testing-01.com'], gateways, http: [{ route: [{ destination }] }] }, 'default');
}

const RULE = destinationRule('ratings', { host: 'ratings', subsets: [{ name: 'v1', labels: { version: 'v1' } }] }, 'default');

describe('XR014 gateway-route-without-subset', () => {
  setTable('XR014', 'warns', [
    // istio analyzer testdata virtualservice_route_rule_no_effects_ingress.yaml: "testing-service-02-test-02"
    { name: 'the gateway VirtualService names the subset too', manifests: [RULE, meshSplit(), ingress('testing-service-02-test-02', { host: 'ratings', subset: 'v1' })] },
    { name: 'no mesh VirtualService splits the host', manifests: [RULE, ingress('a', { host: 'ratings' })] },
    { name: 'a mesh VirtualService routes the host without subsets', manifests: [virtualService('ratings-01', { hosts: ['ratings'], http: [{ route: [{ destination: { host: 'ratings' } }] }] }, 'default'), ingress('a', { host: 'ratings' })] },
    { name: 'the subset routing is for another host', manifests: [virtualService('x', { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'ratings', subset: 'v1' } }] }] }, 'default'), ingress('a', { host: 'ratings' })] },
    { name: 'the subset routing is on a gateway only', manifests: [meshSplit('default', ['istio-system/other']), ingress('a', { host: 'ratings' })] },
    { name: 'the short name means another Service in the other namespace', manifests: [meshSplit('other'), ingress('a', { host: 'ratings' })] },
    { name: 'the VirtualService without subset is on the mesh only', manifests: [meshSplit(), ingress('a', { host: 'ratings' }, ['mesh'])] },
  ], [
    // istio testdata "testing-service-01-test-01"
    {
      name: 'a gateway VirtualService routes to a host a mesh VirtualService pins to a subset',
      manifests: [RULE, meshSplit(), ingress('testing-service-01-test-01', { host: 'ratings' })],
      expected: [{ index: 2, path: HOST, message: 'destination host "ratings" names no subset, while VirtualService/default/ratings-01 routes ratings.default.svc.cluster.local by subset for the mesh: a gateway applies only the VirtualServices bound to it, so requests through istio-system/testing-gateway-01-test-01 reach every version of the host and the subset routing does not apply to them; name the subsets here as well' }],
    },
    {
      name: 'the hosts are written differently (short name and FQDN)',
      manifests: [meshSplit('default', ['mesh', 'istio-system/other']), ingress('a', { host: 'ratings.default.svc.cluster.local' })],
      expected: [{ index: 1, path: HOST, message: 'destination host "ratings.default.svc.cluster.local" names no subset, while VirtualService/default/ratings-01' }],
    },
  ]);

  it('warns with the whole diagnostic', () => {
    const found = validateManifests([meshSplit(), ingress('a', { host: 'ratings' })]).filter(d => d.code === 'XR014');
    expect(found).toEqual([expect.objectContaining({ severity: Severity.WARNING, code: 'XR014', rule: 'gateway-route-without-subset', path: HOST, resource: 'VirtualService/default/a', value: 'ratings' })]);
  });
});
