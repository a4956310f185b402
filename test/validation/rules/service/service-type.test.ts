import { JsonObject } from '../../../../src/validation/manifest';
import { effectiveClusterIps, serviceShape } from '../../../../src/validation/rules/service/service-type';
import { service } from './helpers';

describe('serviceShape', () => {
  const cases: Array<[string, JsonObject, JsonObject]> = [
    ['no type', {}, { type: 'ClusterIP', headless: false, headlessClusterIp: false, externallyAccessible: false, needsHealthCheck: false }],
    ['an empty type', { type: '' }, { type: 'ClusterIP' }],
    ['an unknown type', { type: 'Foo' }, { type: undefined, externallyAccessible: false }],
    ['a ClusterIP service with externalIPs', { externalIPs: ['1.2.3.4'] }, { externallyAccessible: true }],
    ['a ClusterIP service with an empty externalIPs list', { externalIPs: [] }, { externallyAccessible: false }],
    ['a NodePort service', { type: 'NodePort' }, { externallyAccessible: true, needsHealthCheck: false }],
    ['a LoadBalancer service with policy Local', { type: 'LoadBalancer', externalTrafficPolicy: 'Local' }, { externallyAccessible: true, needsHealthCheck: true }],
    ['a NodePort service with policy Local', { type: 'NodePort', externalTrafficPolicy: 'Local' }, { needsHealthCheck: false }],
    ['an ExternalName service', { type: 'ExternalName' }, { type: 'ExternalName', externallyAccessible: false }],
    ['clusterIP None', { clusterIP: 'None' }, { headless: true, headlessClusterIp: true }],
    ['clusterIPs ["None"]', { clusterIPs: ['None'] }, { headless: true }],
    ['clusterIP None with other clusterIPs', { clusterIP: 'None', clusterIPs: ['10.0.0.1'] }, { headless: false }],
    ['a headless NodePort service', { type: 'NodePort', clusterIP: 'None' }, { headless: true, headlessClusterIp: false }],
  ];

  it.each(cases)('describes %s', (_name, spec, expected) => {
    expect(serviceShape(service(spec))).toEqual(expect.objectContaining(expected));
  });

  it('never throws on a manifest without a usable spec', () => {
    for (const manifest of [null, 5, 'x', [], {}, { spec: null }, { spec: [] }]) {
      expect(serviceShape(manifest)).toEqual(expect.objectContaining({ spec: undefined, type: 'ClusterIP', headless: false }));
    }
  });
});

describe('effectiveClusterIps', () => {
  it.each([
    [{}, []],
    [{ clusterIP: '' }, []],
    [{ clusterIP: '10.0.0.1' }, ['10.0.0.1']],
    [{ clusterIP: '10.0.0.1', clusterIPs: [] }, ['10.0.0.1']],
    [{ clusterIP: '10.0.0.1', clusterIPs: ['10.0.0.1', 'fd00::1'] }, ['10.0.0.1', 'fd00::1']],
    [{ clusterIPs: ['None'] }, ['None']],
  ])('reads %j as %j (NormalizeClusterIPs)', (spec, expected) => {
    expect(effectiveClusterIps(spec)).toEqual(expected);
  });
});
