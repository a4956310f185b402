import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { AddressType } from '../../src/service/address-type';
import { EndpointSlice } from '../../src/service/endpoint-slice';
import { IService, ServicePortInfo } from '../../src/service/i-service';
import { Protocol } from '../../src/service/protocol';
import { setWarningSink } from '../../src/synth';

/** A stand-in for the Service constructs: just what EndpointSlice reads. */
class FakeService extends Construct implements IService {
  public readonly dnsName: string;
  public readonly ports: ServicePortInfo[];

  constructor(scope: Construct, id: string, public readonly name: string, ports: ServicePortInfo[] = [], public readonly namespace = 'default') {
    super(scope, id);
    this.dnsName = `${name}.${namespace}.svc.cluster.local`;
    this.ports = [...ports];
  }
}

const HTTP: ServicePortInfo = { name: 'http', port: 80, protocol: Protocol.TCP, targetPortNumber: 8080 };

function setup(ports: ServicePortInfo[] = [HTTP], namespace = 'default'): { app: App; chart: Chart; service: FakeService } {
  const app = Testing.app();
  const chart = new Chart(app, 'test');
  const service = new FakeService(chart, 'svc', 'db', ports, namespace);
  return { app, chart, service };
}

/** The synthesised EndpointSlice manifest of a chart. */
function sliceOf(chart: Chart): Record<string, any> {
  const manifests = Testing.synth(chart).filter((m: { kind: string }) => m.kind === 'EndpointSlice');
  expect(manifests).toHaveLength(1);
  return manifests[0];
}

describe('EndpointSlice', () => {
  let warnings: string[];
  let restore: (line: string) => void;
  beforeEach(() => {
    warnings = [];
    restore = setWarningSink(line => warnings.push(line));
  });
  afterEach(() => setWarningSink(restore));

  it('renders a typical slice for a Service without a selector', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'test');
    const service = new FakeService(chart, 'postgres', 'postgres', [
      { name: 'postgres', port: 5432, protocol: Protocol.TCP, targetPortNumber: 5432 },
      { name: 'metrics', port: 9187, protocol: Protocol.TCP, appProtocol: 'http' },
    ], 'data');
    new EndpointSlice(chart, 'postgres-endpoints', {
      service,
      metadata: { name: 'postgres-1' },
      endpoints: [
        { addresses: ['10.0.0.12'], ready: true, hostname: 'pg-0', nodeName: 'node-a', zone: 'eu-west-1a' },
        { addresses: ['10.0.0.13'], ready: false, terminating: true },
      ],
    });

    expect(() => app.synth()).not.toThrow();
    expect(Testing.synth(chart)).toMatchSnapshot();
    expect(warnings).toEqual([]);
  });

  it('is the Resource child ApiObject, with discovery.k8s.io/v1 kind EndpointSlice', () => {
    const { chart, service } = setup();
    const slice = new EndpointSlice(chart, 'eps', { service, endpoints: [] });
    expect(ApiObject.of(slice)).toBe(slice.apiObject);
    expect(slice.apiObject.node.id).toBe('Resource');
    expect(sliceOf(chart)).toMatchObject({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice' });
  });

  it("labels the slice with the Service's name and the managed-by value, in the Service's namespace", () => {
    const { chart, service } = setup([HTTP], 'shop');
    const slice = new EndpointSlice(chart, 'eps', { service, endpoints: [], metadata: { name: 'db-1', labels: { team: 'data' } } });
    expect(sliceOf(chart).metadata).toEqual({
      name: 'db-1',
      namespace: 'shop',
      labels: {
        'endpointslice.kubernetes.io/managed-by': 'cdk8s-traffic',
        'kubernetes.io/service-name': 'db',
        'team': 'data',
      },
    });
    expect(slice.name).toBe('db-1');
    expect(slice.namespace).toBe('shop');
  });

  it('lets the user choose another managed-by value', () => {
    const { chart, service } = setup();
    new EndpointSlice(chart, 'eps', { service, endpoints: [], metadata: { labels: { 'endpointslice.kubernetes.io/managed-by': 'my-operator' } } });
    expect(sliceOf(chart).metadata.labels['endpointslice.kubernetes.io/managed-by']).toBe('my-operator');
  });

  it('defaults the address type to IPv4', () => {
    const { chart, service } = setup();
    const slice = new EndpointSlice(chart, 'eps', { service, endpoints: [] });
    expect(slice.addressType).toBe(AddressType.IPV4);
    expect(sliceOf(chart).addressType).toBe('IPv4');
  });

  it('renders an IPv6 slice', () => {
    const { app, chart, service } = setup();
    new EndpointSlice(chart, 'eps', { service, addressType: AddressType.IPV6, endpoints: [{ addresses: ['2001:db8::12'] }] });
    expect(() => app.synth()).not.toThrow();
    expect(sliceOf(chart)).toMatchObject({ addressType: 'IPv6', endpoints: [{ addresses: ['2001:db8::12'] }] });
  });

  it('renders conditions only when one is set', () => {
    const { chart, service } = setup();
    new EndpointSlice(chart, 'eps', {
      service,
      endpoints: [
        { addresses: ['10.0.0.1'] },
        { addresses: ['10.0.0.2'], serving: true },
        { addresses: ['10.0.0.3'], ready: false, serving: true, terminating: true },
      ],
    });
    expect(sliceOf(chart).endpoints).toEqual([
      { addresses: ['10.0.0.1'] },
      { addresses: ['10.0.0.2'], conditions: { serving: true } },
      { addresses: ['10.0.0.3'], conditions: { ready: false, serving: true, terminating: true } },
    ]);
  });

  it('renders an empty endpoints list (the field is required by the v1 schema)', () => {
    const { chart, service } = setup();
    new EndpointSlice(chart, 'eps', { service, endpoints: [] });
    expect(sliceOf(chart).endpoints).toEqual([]);
  });

  it('adds endpoints with addEndpoint()', () => {
    const { chart, service } = setup();
    const slice = new EndpointSlice(chart, 'eps', { service, endpoints: [{ addresses: ['10.0.0.1'] }] });
    slice.addEndpoint({ addresses: ['10.0.0.2'], zone: 'zone-b' });
    expect(sliceOf(chart).endpoints).toEqual([{ addresses: ['10.0.0.1'] }, { addresses: ['10.0.0.2'], zone: 'zone-b' }]);
  });

  describe('ports derived from the Service', () => {
    it('copies name, protocol and appProtocol and uses the target port number', () => {
      const { chart, service } = setup([
        { name: 'http', port: 80, protocol: Protocol.TCP, targetPortNumber: 8080, appProtocol: 'http' },
        { name: 'dns', port: 53, protocol: Protocol.UDP },
      ]);
      new EndpointSlice(chart, 'eps', { service, endpoints: [] });
      expect(sliceOf(chart).ports).toEqual([
        { name: 'http', port: 8080, appProtocol: 'http' },
        { name: 'dns', port: 53, protocol: 'UDP' },
      ]);
    });

    it('renders an unnamed port without a name', () => {
      const { chart, service } = setup([{ port: 443, protocol: Protocol.TCP }]);
      new EndpointSlice(chart, 'eps', { service, endpoints: [] });
      expect(sliceOf(chart).ports).toEqual([{ port: 443 }]);
    });

    it('sees ports added to the Service after the slice', () => {
      const { chart, service } = setup([HTTP]);
      new EndpointSlice(chart, 'eps', { service, endpoints: [] });
      service.ports.push({ name: 'grpc', port: 9090, protocol: Protocol.TCP });
      expect(sliceOf(chart).ports).toEqual([{ name: 'http', port: 8080 }, { name: 'grpc', port: 9090 }]);
    });

    it('leaves ports out when the Service has none', () => {
      const { chart, service } = setup([]);
      new EndpointSlice(chart, 'eps', { service, endpoints: [] });
      expect(sliceOf(chart).ports).toBeUndefined();
    });
  });

  it('renders explicit ports as given', () => {
    const { app, chart, service } = setup([{ name: 'http', port: 80, protocol: Protocol.TCP, targetPortName: 'web' }]);
    new EndpointSlice(chart, 'eps', {
      service,
      endpoints: [{ addresses: ['10.0.0.1'] }],
      ports: [{ name: 'http', port: 8080, protocol: Protocol.TCP, appProtocol: 'kubernetes.io/h2c' }],
    });
    expect(() => app.synth()).not.toThrow();
    expect(sliceOf(chart).ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP', appProtocol: 'kubernetes.io/h2c' }]);
  });

  describe('synth-time validation', () => {
    it('errors when a Service port has a named targetPort and no explicit ports are given', () => {
      const { app, chart, service } = setup([HTTP, { name: 'admin', port: 81, protocol: Protocol.TCP, targetPortName: 'admin' }]);
      const slice = new EndpointSlice(chart, 'eps', { service, endpoints: [{ addresses: ['10.0.0.1'] }] });
      // rendering still works, without the underivable port
      expect(slice.apiObject.toJson().ports).toEqual([{ name: 'http', port: 8080 }]);
      expect(() => app.synth()).toThrow(
        '[test/eps] EPS023 ports: cannot derive the port for port "admin" (81) of Service "db": its targetPort is the container port name "admin", which only pods have; give the EndpointSlice explicit ports (endpoint-port-underivable)',
      );
    });

    it('errors when an explicit port matches no Service port by name', () => {
      const { app, chart, service } = setup();
      new EndpointSlice(chart, 'eps', { service, endpoints: [{ addresses: ['10.0.0.1'] }], ports: [{ name: 'metrics', port: 9100 }] });
      expect(() => app.synth()).toThrow(
        '[test/eps] EPS024 ports[0].name: port name "metrics" with protocol TCP matches no port of Service "db" (it has "http"/TCP): kube-proxy pairs slice ports with Service ports by name and protocol, so no Service traffic reaches this port (endpoint-port-unmatched)',
      );
    });

    it('errors when an explicit port has the right name but another protocol', () => {
      const { app, chart, service } = setup([{ name: 'dns', port: 53, protocol: Protocol.UDP }]);
      new EndpointSlice(chart, 'eps', { service, endpoints: [{ addresses: ['10.0.0.1'] }], ports: [{ name: 'dns', port: 53 }] });
      expect(() => app.synth()).toThrow(/\[test\/eps\] EPS024 ports\[0\]\.name: port name "dns" with protocol TCP matches no port of Service "db" \(it has "dns"\/UDP\)/);
    });

    it('pairs an unnamed explicit port with an unnamed Service port', () => {
      const { app, chart, service } = setup([{ port: 443, protocol: Protocol.TCP }]);
      new EndpointSlice(chart, 'eps', { service, endpoints: [{ addresses: ['10.0.0.1'] }], ports: [{ port: 8443 }] });
      expect(() => app.synth()).not.toThrow();
    });

    it('errors when metadata.namespace differs from the Service namespace', () => {
      const { app, chart, service } = setup([HTTP], 'shop');
      const slice = new EndpointSlice(chart, 'eps', { service, endpoints: [], metadata: { name: 'db-1', namespace: 'other' } });
      expect(slice.apiObject.toJson().metadata.namespace).toBe('shop');
      expect(() => app.synth()).toThrow(
        '[test/eps] EPS025 metadata.namespace: namespace "other" differs from the namespace of Service "db" ("shop"): an EndpointSlice only serves a Service in its own namespace; leave metadata.namespace out (endpoint-slice-service-mismatch)',
      );
    });

    it('errors when the service-name label names another Service', () => {
      const { app, chart, service } = setup();
      const slice = new EndpointSlice(chart, 'eps', { service, endpoints: [], metadata: { labels: { 'kubernetes.io/service-name': 'web' } } });
      expect(slice.apiObject.toJson().metadata.labels['kubernetes.io/service-name']).toBe('db');
      expect(() => app.synth()).toThrow(/\[test\/eps\] EPS025 metadata\.labels\["kubernetes\.io\/service-name"\]: label kubernetes\.io\/service-name "web" differs from the service prop \("db"\)/);
    });

    it('errors with every rule failure at once, with the construct path', () => {
      const { app, chart, service } = setup();
      new EndpointSlice(chart, 'eps', {
        service,
        endpoints: [{ addresses: ['127.0.0.1', '2001:db8::1'], hostname: 'Web_0' }],
        ports: [{ name: 'http', port: 70000 }],
      });
      let message = '';
      try {
        app.synth();
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain('[test/eps] EPS006 endpoints[0].addresses[0]: address "127.0.0.1" may not be in the loopback range');
      expect(message).toContain('[test/eps] EPS005 endpoints[0].addresses[1]: address "2001:db8::1" must be a valid IPv4 address');
      expect(message).toContain('[test/eps] EPS008 endpoints[0].hostname: hostname "Web_0"');
      expect(message).toContain('[test/eps] EPS019 ports[0].port: port 70000 must be between 1 and 65535, inclusive');
    });

    it('errors when an address added later is invalid', () => {
      const { app, chart, service } = setup();
      const slice = new EndpointSlice(chart, 'eps', { service, endpoints: [] });
      slice.addEndpoint({ addresses: [] });
      expect(() => app.synth()).toThrow('[test/eps] EPS004 endpoints[0].addresses: endpoint must have at least 1 address (endpoint-addresses)');
    });

    it('warns, without failing, for an FQDN slice', () => {
      const { app, chart, service } = setup();
      new EndpointSlice(chart, 'eps', { service, addressType: AddressType.FQDN, endpoints: [{ addresses: ['db.example.com'] }] });
      expect(() => app.synth()).not.toThrow();
      // cdk8s validates once for the app and once per chart, so a warning may be written more than once
      expect(warnings.length).toBeGreaterThan(0);
      for (const warning of warnings) {
        expect(warning).toMatch(/^Warning: \[test\/eps\] EPS002 addressType: addressType "FQDN" is deprecated/);
      }
    });
  });
});
