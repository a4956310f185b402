import {
  Destination, DestinationRule, Host, IstioNetworkingApiVersion, IstioProtocol, ServiceEntry, ServiceEntryLocation, ServiceEntryResolution,
  VirtualService,
} from '../../src';
import { manifestsOf, newChart, synthErrors } from '../util';

describe('ServiceEntry', () => {
  test('renders an external API reached by DNS', () => {
    const { app, chart } = newChart({ namespace: 'shop' });
    const entry = new ServiceEntry(chart, 'se', {
      metadata: { name: 'payments' },
      hosts: ['api.payments.example.com'],
      ports: [{ number: 443, protocol: IstioProtocol.TLS }],
      location: ServiceEntryLocation.MESH_EXTERNAL,
      resolution: ServiceEntryResolution.DNS,
    });
    expect(manifestsOf(chart, 'ServiceEntry')).toEqual([{
      apiVersion: 'networking.istio.io/v1',
      kind: 'ServiceEntry',
      metadata: { name: 'payments', namespace: 'shop' },
      spec: {
        hosts: ['api.payments.example.com'],
        ports: [{ number: 443, protocol: 'TLS', name: 'tls-443' }],
        location: 'MESH_EXTERNAL',
        resolution: 'DNS',
      },
    }]);
    expect(entry.name).toBe('payments');
    expect(entry.namespace).toBe('shop');
    expect(synthErrors(app)).toBeUndefined();
  });

  test('renders every field, with items added later', () => {
    const { chart } = newChart();
    const entry = new ServiceEntry(chart, 'se', {
      apiVersion: IstioNetworkingApiVersion.V1BETA1,
      hosts: ['db.internal'],
      addresses: ['10.0.0.10'],
      ports: [{ number: 5432, name: 'tls-postgres', protocol: IstioProtocol.TLS, targetPort: 15432 }],
      location: ServiceEntryLocation.MESH_INTERNAL,
      resolution: ServiceEntryResolution.STATIC,
      endpoints: [{
        address: '10.1.0.1',
        ports: { 'tls-postgres': 5433 },
        labels: { version: 'v1' },
        network: 'vm-net',
        locality: 'us-east/zone1',
        weight: 3,
        serviceAccount: 'db',
      }],
      exportTo: ['.'],
      subjectAltNames: ['spiffe://cluster.local/ns/db/sa/db'],
    });
    entry.addHost('db.internal.example.com');
    entry.addAddress('10.0.0.11');
    entry.addPort({ number: 8080, protocol: IstioProtocol.HTTP });
    entry.addEndpoint({ address: '10.1.0.2' });
    const [manifest] = manifestsOf(chart, 'ServiceEntry');
    expect(manifest.apiVersion).toBe('networking.istio.io/v1beta1');
    expect(manifest.spec).toEqual({
      hosts: ['db.internal', 'db.internal.example.com'],
      addresses: ['10.0.0.10', '10.0.0.11'],
      ports: [{ number: 5432, protocol: 'TLS', name: 'tls-postgres', targetPort: 15432 }, { number: 8080, protocol: 'HTTP', name: 'http-8080' }],
      location: 'MESH_INTERNAL',
      resolution: 'STATIC',
      endpoints: [
        { address: '10.1.0.1', ports: { 'tls-postgres': 5433 }, labels: { version: 'v1' }, network: 'vm-net', locality: 'us-east/zone1', weight: 3, serviceAccount: 'db' },
        { address: '10.1.0.2' },
      ],
      exportTo: ['.'],
      subjectAltNames: ['spiffe://cluster.local/ns/db/sa/db'],
    });
    expect(entry.hosts).toEqual(['db.internal', 'db.internal.example.com']);
    expect(entry.ports.map(p => p.number)).toEqual([5432, 8080]);
  });

  test('selects workloads of the mesh with workloadSelector', () => {
    const { chart } = newChart();
    new ServiceEntry(chart, 'se', {
      hosts: ['vm.shop.svc.cluster.local'],
      ports: [{ number: 80, protocol: IstioProtocol.HTTP, name: 'http' }, { number: 9000 }],
      location: ServiceEntryLocation.MESH_INTERNAL,
      resolution: ServiceEntryResolution.STATIC,
      workloadSelector: { app: 'legacy' },
      exportTo: ['~'],
    });
    expect(manifestsOf(chart, 'ServiceEntry')[0].spec).toEqual({
      hosts: ['vm.shop.svc.cluster.local'],
      ports: [{ number: 80, protocol: 'HTTP', name: 'http' }, { number: 9000, name: 'port-9000' }],
      location: 'MESH_INTERNAL',
      resolution: 'STATIC',
      workloadSelector: { labels: { app: 'legacy' } },
      exportTo: ['~'],
    });
  });

  test('is a host and destination of VirtualServices and DestinationRules', () => {
    // given an external service with two hosts
    const { app, chart } = newChart();
    const entry = new ServiceEntry(chart, 'se', {
      hosts: ['api.example.com', 'api-eu.example.com'],
      ports: [{ number: 80, protocol: IstioProtocol.HTTP, name: 'http' }],
      resolution: ServiceEntryResolution.DNS,
    });
    const rule = new DestinationRule(chart, 'dr', { host: Host.serviceEntry(entry) });
    const primary = rule.addSubset('primary', { labels: { version: 'v1' } });

    // when a VirtualService routes to its hosts
    new VirtualService(chart, 'vs', {
      hosts: [Host.serviceEntry(entry)],
      http: [{
        route: [
          { destination: Destination.serviceEntry(entry, { port: 80, subset: primary }), weight: 80 },
          { destination: Destination.serviceEntry(entry, { host: 'api-eu.example.com' }), weight: 20 },
        ],
      }],
    });

    // then they render the entry's hosts
    const vs = manifestsOf(chart, 'VirtualService')[0];
    expect(vs.spec).toEqual({
      hosts: ['api.example.com'],
      http: [{
        route: [
          { destination: { host: 'api.example.com', subset: 'primary', port: { number: 80 } }, weight: 80 },
          { destination: { host: 'api-eu.example.com' }, weight: 20 },
        ],
      }],
    });
    expect(manifestsOf(chart, 'DestinationRule')[0].spec.host).toBe('api.example.com');
    expect(Destination.serviceEntry(entry).targetHost).toBe('api.example.com');
    expect(synthErrors(app)).toBeUndefined();
  });

  test('sees hosts added to the entry after the reference', () => {
    const { chart } = newChart();
    const entry = new ServiceEntry(chart, 'se', { hosts: [], ports: [{ number: 80, protocol: IstioProtocol.HTTP, name: 'http' }], resolution: ServiceEntryResolution.DNS });
    const destination = Destination.serviceEntry(entry, { host: 'late.example.com' });
    entry.addHost('early.example.com');
    entry.addHost('late.example.com');
    expect(destination.targetHost).toBe('late.example.com');
    expect(Host.serviceEntry(entry).name).toBe('early.example.com');
  });

  test('errors at synth when a route names a host the entry does not have', () => {
    const { app, chart } = newChart();
    const entry = new ServiceEntry(chart, 'se', { hosts: ['api.example.com'], ports: [{ number: 80, protocol: IstioProtocol.HTTP, name: 'http' }], resolution: ServiceEntryResolution.DNS });
    new VirtualService(chart, 'vs', { hosts: [Host.of('api.example.com')], http: [{ route: [{ destination: Destination.serviceEntry(entry, { host: 'other.example.com' }) }] }] });
    expect(synthErrors(app)).toMatch(/\[test\/vs\] TRF002 .*ServiceEntry test\/se has no host "other\.example\.com"; its hosts are \["api\.example\.com"\]/);
  });

  test('errors at synth when the entry has no hosts to refer to', () => {
    const { app, chart } = newChart();
    const entry = new ServiceEntry(chart, 'se', { hosts: [] });
    new DestinationRule(chart, 'dr', { host: Host.serviceEntry(entry) });
    expect(synthErrors(app)).toContain('ServiceEntry test/se has no hosts to refer to');
  });
});
