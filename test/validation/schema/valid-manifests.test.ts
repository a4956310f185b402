import { JsonObject } from '../../../src/validation/manifest';
import { SCHEMA_RULES } from '../../../src/validation/schema';
import {
  circuitBreakingDestinationRule, destinationRule, egressServiceEntry, endpointSlice, everyFieldDestinationRule, everyFieldGateway,
  everyFieldServiceEntry, everyFieldVirtualService, fooDelayVirtualService, fooRetryVirtualService, fooService, fullLoadBalancer,
  schemaDiagnostics, secureIngressGateway, service, serviceEntry,
} from './manifests';

const VERSIONS = ['networking.istio.io/v1', 'networking.istio.io/v1beta1', 'networking.istio.io/v1alpha3'];

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

  describe.each(VERSIONS)('Istio kinds in %s', apiVersion => {
    it.each<[string, JsonObject]>([
      ['the circuit-breaking DestinationRule of Istio\'s docs', circuitBreakingDestinationRule(apiVersion)],
      ['a DestinationRule with every field, including those added after Istio 1.18', everyFieldDestinationRule(apiVersion)],
      ['a DestinationRule with only a host', destinationRule({ trafficPolicy: undefined }, apiVersion)],
      ['the SIMPLE TLS ingress Gateway of Istio\'s docs', secureIngressGateway(apiVersion)],
      ['a Gateway with every field, including those added after Istio 1.18', everyFieldGateway(apiVersion)],
      ['the DNS egress ServiceEntry of Istio\'s docs', egressServiceEntry(apiVersion)],
      ['a ServiceEntry with every field', everyFieldServiceEntry(apiVersion)],
      ['a DYNAMIC_DNS ServiceEntry (added after Istio 1.18)', serviceEntry({ hosts: ['*.example.com'], resolution: 'DYNAMIC_DNS', ports: [{ number: 443, name: 'tls', protocol: 'TLS' }] }, apiVersion)],
      ['a ServiceEntry with a workload selector', serviceEntry({ location: 'MESH_INTERNAL', resolution: 'STATIC', workloadSelector: { labels: { app: 'db' } } }, apiVersion)],
    ])('%s', (_name, manifest) => {
      expect(schemaDiagnostics(manifest)).toEqual([]);
    });
  });

  it('treat null fields of the Istio kinds as not set (pruned by the API server)', () => {
    const manifest = destinationRule({ trafficPolicy: { loadBalancer: { simple: null, consistentHash: { httpHeaderName: 'x' } }, tls: null }, subsets: null });
    expect(schemaDiagnostics(manifest)).toEqual([]);
  });

  it('other kinds are not checked', () => {
    expect(schemaDiagnostics({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { replicas: 'three' } })).toEqual([]);
  });
});

describe('the schema rule set', () => {
  it('has one rule per code, SCH001 to SCH005, for Services, EndpointSlices and every version of the Istio kinds', () => {
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
        ...['DestinationRule', 'Gateway', 'ServiceEntry'].flatMap(kind => VERSIONS.map(version => `${version}/${kind}`)),
      ]);
    }
  });
});
