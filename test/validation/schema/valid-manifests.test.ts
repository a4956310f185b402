import { JsonObject } from '../../../src/validation/manifest';
import { SCHEMA_RULES } from '../../../src/validation/schema';
import {
  endpointSlice, everyFieldVirtualService, fooDelayVirtualService, fooRetryVirtualService, fooService, fullLoadBalancer,
  schemaDiagnostics, service,
} from './manifests';

describe('valid manifests get no schema diagnostics', () => {
  it.each<[string, JsonObject]>([
    ['the seed\'s foo-service', fooService()],
    ['a LoadBalancer with every spec field (and a status)', fullLoadBalancer()],
    ['an ExternalName service', service({ type: 'ExternalName', externalName: 'db.example.com.', selector: undefined, ports: undefined })],
    ['a headless service without ports', service({ type: undefined, clusterIP: 'None', ports: undefined })],
    ['a service with a named targetPort', service({ type: 'ClusterIP', ports: [{ name: 'http', port: 80, targetPort: 'http' }] })],
    ['an EndpointSlice with every field', endpointSlice()],
    ['an FQDN EndpointSlice', endpointSlice({ addressType: 'FQDN', endpoints: [{ addresses: ['db.example.com'] }] })],
    ['the seed\'s foo-retry-virtualservice', fooRetryVirtualService()],
    ['the seed\'s foo-delay-virtualservice', fooDelayVirtualService()],
    ['a v1 VirtualService with every field, including those added after Istio 1.18', everyFieldVirtualService('networking.istio.io/v1')],
    ['the same in v1beta1', everyFieldVirtualService('networking.istio.io/v1beta1')],
    ['the same in v1alpha3', everyFieldVirtualService('networking.istio.io/v1alpha3')],
    ['a delegate VirtualService (no hosts)', { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'd' }, spec: { http: [{ route: [{ destination: { host: 'a' } }] }] } }],
    ['a VirtualService with null fields (pruned by the API server)', {
      apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'n' },
      spec: { hosts: ['a'], gateways: null, http: [{ match: [{ uri: null, headers: { 'x-a': {} } }], route: [{ destination: { host: 'a' }, weight: null }], retries: null }] },
    }],
  ])('%s', (_name, manifest) => {
    expect(schemaDiagnostics(manifest)).toEqual([]);
  });

  it('other kinds are not checked', () => {
    expect(schemaDiagnostics({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { replicas: 'three' } })).toEqual([]);
  });
});

describe('the schema rule set', () => {
  it('has one rule per code, SCH001 to SCH005, for Services, EndpointSlices and every VirtualService version', () => {
    expect(SCHEMA_RULES.map(r => `${r.code} ${r.name} ${r.severity}`)).toEqual([
      'SCH001 schema-type error',
      'SCH002 schema-enum error',
      'SCH003 schema-required error',
      'SCH004 unknown-field warning',
      'SCH005 schema error',
    ]);
    for (const rule of SCHEMA_RULES) {
      expect(rule.appliesTo).toEqual([
        'v1/Service',
        'discovery.k8s.io/v1/EndpointSlice',
        'networking.istio.io/v1/VirtualService',
        'networking.istio.io/v1beta1/VirtualService',
        'networking.istio.io/v1alpha3/VirtualService',
      ]);
    }
  });
});
