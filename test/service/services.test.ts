import { ApiObject, Duration, Testing, Yaml } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { parse } from 'yaml';
import {
  ClusterIpService, ExternalNameService, ExternalTrafficPolicy, HeadlessService, InternalTrafficPolicy, IpFamily,
  IpFamilyPolicy, LoadBalancerService, NodePortRange, NodePortService, Protocol, ServiceSelector, SessionAffinity,
  TargetPort, TrafficDistribution,
} from '../../src';
import { manifestsOf, newChart, synthErrors } from '../util';

const app = ServiceSelector.fromLabels({ app: 'web' });

describe('ClusterIpService', () => {
  test('renders only what was set, leaving type to the API server default', () => {
    const { chart } = newChart();
    new ClusterIpService(chart, 'web', {
      metadata: { name: 'web' },
      selector: app,
      ports: [{ port: 80, targetPort: TargetPort.named('http') }],
    });
    expect(manifestsOf(chart, 'Service')).toEqual([{
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] },
    }]);
  });

  test('renders every ClusterIP field', () => {
    const { chart } = newChart();
    new ClusterIpService(chart, 'web', {
      metadata: { name: 'web' },
      selector: app,
      ports: [{ name: 'dns', port: 53, protocol: Protocol.UDP, appProtocol: 'dns' }],
      clusterIp: '10.96.0.10',
      clusterIps: ['10.96.0.10', 'fd00::10'],
      ipFamilies: [IpFamily.IPV4, IpFamily.IPV6],
      ipFamilyPolicy: IpFamilyPolicy.REQUIRE_DUAL_STACK,
      sessionAffinity: SessionAffinity.clientIp(Duration.minutes(30)),
      internalTrafficPolicy: InternalTrafficPolicy.LOCAL,
      trafficDistribution: TrafficDistribution.PREFER_SAME_ZONE,
      publishNotReadyAddresses: true,
      externalIps: ['198.51.100.7'],
      externalTrafficPolicy: ExternalTrafficPolicy.LOCAL,
    });
    expect(manifestsOf(chart, 'Service')[0].spec).toEqual({
      selector: { app: 'web' },
      ports: [{ name: 'dns', port: 53, protocol: 'UDP', appProtocol: 'dns' }],
      clusterIP: '10.96.0.10',
      clusterIPs: ['10.96.0.10', 'fd00::10'],
      ipFamilies: ['IPv4', 'IPv6'],
      ipFamilyPolicy: 'RequireDualStack',
      sessionAffinity: 'ClientIP',
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 1800 } },
      internalTrafficPolicy: 'Local',
      trafficDistribution: 'PreferSameZone',
      publishNotReadyAddresses: true,
      externalIPs: ['198.51.100.7'],
      externalTrafficPolicy: 'Local',
    });
  });

  test('ports can be added after construction and are seen by other constructs', () => {
    const { chart } = newChart();
    const svc = new ClusterIpService(chart, 'web', { selector: app });
    svc.addPort({ name: 'http', port: 80, targetPort: TargetPort.number(8080) });
    svc.addPort({ name: 'grpc', port: 9090, protocol: Protocol.TCP });
    expect(svc.ports).toEqual([
      { name: 'http', port: 80, protocol: 'TCP', targetPortNumber: 8080, targetPortName: undefined, appProtocol: undefined, nodePort: undefined },
      { name: 'grpc', port: 9090, protocol: 'TCP', targetPortNumber: undefined, targetPortName: undefined, appProtocol: undefined, nodePort: undefined },
    ]);
    expect(manifestsOf(chart, 'Service')[0].spec.ports).toHaveLength(2);
  });

  test('does not accept a nodePort (compile time)', () => {
    const { chart } = newChart();
    // @ts-expect-error nodePort does not exist on a ClusterIP port
    const port: Parameters<ClusterIpService['addPort']>[0] = { port: 80, nodePort: 30080 };
    expect(port.port).toBe(80);
    // @ts-expect-error loadBalancerSourceRanges is a LoadBalancer field
    new ClusterIpService(chart, 'x', { loadBalancerSourceRanges: ['10.0.0.0/8'] });
  });

  test('exposes name, namespace and DNS name', () => {
    const { chart } = newChart({ namespace: 'shop' });
    const svc = new ClusterIpService(chart, 'web', { metadata: { name: 'web' }, selector: app, ports: [{ port: 80 }] });
    expect(svc.name).toBe('web');
    expect(svc.namespace).toBe('shop');
    expect(svc.dnsName).toBe('web.shop.svc.cluster.local');
  });

  test('uses namespace default and a generated name when none is given', () => {
    const { chart } = newChart();
    const svc = new ClusterIpService(chart, 'web', { selector: app, ports: [{ port: 80 }] });
    expect(svc.namespace).toBe('default');
    expect(svc.name).toMatch(/^test-web-c8[0-9a-f]{6}$/);
    expect(svc.dnsName).toBe(`${svc.name}.default.svc.cluster.local`);
  });

  test('takes the cluster domain from the props or the app context', () => {
    const { chart } = newChart({ context: { 'cdk8s-traffic:clusterDomain': 'corp.internal' } });
    const fromContext = new ClusterIpService(chart, 'a', { metadata: { name: 'a' }, ports: [{ port: 80 }] });
    const fromProps = new ClusterIpService(chart, 'b', { metadata: { name: 'b' }, ports: [{ port: 80 }], clusterDomain: 'example.local.' });
    expect(fromContext.dnsName).toBe('a.default.svc.corp.internal');
    expect(fromProps.dnsName).toBe('b.default.svc.example.local');
  });

  test('errors when the cluster domain is not a DNS name', () => {
    const { chart } = newChart();
    expect(() => new ClusterIpService(chart, 'a', { clusterDomain: 'Cluster Local' })).toThrow(/TRF010 cluster domain "Cluster Local" is not a DNS subdomain/);
  });

  test('the generated ApiObject is the escape hatch child "Resource"', () => {
    const { chart } = newChart();
    const svc = new ClusterIpService(chart, 'web', { selector: app, ports: [{ port: 80 }] });
    expect(svc.node.defaultChild).toBe(svc.apiObject);
    expect(svc.apiObject.node.id).toBe('Resource');
  });
});

describe('HeadlessService', () => {
  test('renders clusterIP None and may have no ports', () => {
    const { app: cdkApp, chart } = newChart();
    new HeadlessService(chart, 'peers', { metadata: { name: 'peers' }, selector: app, publishNotReadyAddresses: true });
    expect(manifestsOf(chart, 'Service')[0].spec).toEqual({ clusterIP: 'None', selector: { app: 'web' }, publishNotReadyAddresses: true });
    expect(synthErrors(cdkApp)).toBeUndefined();
  });
});

describe('NodePortService', () => {
  test("reproduces the reference's foo-service exactly", () => {
    const { app: cdkApp, chart } = newChart();
    new NodePortService(chart, 'foo', {
      metadata: { name: 'foo-service' },
      selector: ServiceSelector.fromLabels({ app: 'foo' }),
      ports: [{ port: 80, targetPort: TargetPort.number(80), nodePort: 30007 }],
    });
    expect(manifestsOf(chart, 'Service')).toEqual([{
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'foo-service' },
      spec: { type: 'NodePort', selector: { app: 'foo' }, ports: [{ port: 80, targetPort: 80, nodePort: 30007 }] },
    }]);
    expect(synthErrors(cdkApp)).toBeUndefined();
  });

  test('renders externalTrafficPolicy and leaves nodePort to the cluster when not given', () => {
    const { chart } = newChart();
    new NodePortService(chart, 'web', { selector: app, ports: [{ port: 80 }], externalTrafficPolicy: ExternalTrafficPolicy.LOCAL });
    expect(manifestsOf(chart, 'Service')[0].spec).toEqual({
      type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }], externalTrafficPolicy: 'Local',
    });
  });

  test('errors when a nodePort is outside the node port range, naming path, field, value and code', () => {
    const { app: cdkApp, chart } = newChart();
    new NodePortService(chart, 'web', { selector: app, ports: [{ port: 80, nodePort: 99999 }] });
    expect(synthErrors(cdkApp)).toContain('[test/web] SVC014 spec.ports[0].nodePort: nodePort 99999 is outside the node port range 30000-32767');
  });

  test('checks nodePorts against a configured range', () => {
    const { app: cdkApp, chart } = newChart();
    new NodePortService(chart, 'web', { selector: app, ports: [{ port: 80, nodePort: 31000 }], nodePortRange: NodePortRange.of(20000, 22767) });
    expect(synthErrors(cdkApp)).toContain('nodePort 31000 is outside the node port range 20000-22767');
  });

  test('takes the node port range from the app context', () => {
    const { app: cdkApp, chart } = newChart({ context: { 'cdk8s-traffic:nodePortRange': '20000-22767' } });
    new NodePortService(chart, 'web', { selector: app, ports: [{ port: 80, nodePort: 20001 }] });
    expect(synthErrors(cdkApp)).toBeUndefined();
  });

  test('lists every error of every Service at once', () => {
    const { app: cdkApp, chart } = newChart();
    new NodePortService(chart, 'a', { selector: app, ports: [{ port: 0, nodePort: 99999 }, { port: 80 }] });
    new ClusterIpService(chart, 'b', { selector: app });
    const errors = synthErrors(cdkApp) ?? '';
    expect(errors).toContain('[test/a] SVC009 spec.ports[0].port');
    expect(errors).toContain('[test/a] SVC014 spec.ports[0].nodePort');
    expect(errors).toContain('[test/a] SVC006 spec.ports[0].name');
    expect(errors).toContain('[test/b] SVC005 spec.ports');
    expect(errors).not.toMatch(/TypeError|Failed serializing/);
  });

  test('errors when two Services in the app claim the same nodePort', () => {
    const { app: cdkApp, chart } = newChart();
    new NodePortService(chart, 'a', { metadata: { name: 'a' }, selector: app, ports: [{ port: 80, nodePort: 30007 }] });
    new NodePortService(chart, 'b', { metadata: { name: 'b' }, selector: app, ports: [{ port: 81, nodePort: 30007 }] });
    const errors = synthErrors(cdkApp) ?? '';
    expect(errors).toMatch(/\[test\/b\] SVC050 spec\.ports\[0\]\.nodePort: nodePort 30007 is already used by Service\/default\/a/);
    expect(errors).not.toContain('[test/a] SVC050');
  });

  test('errors when a plain ApiObject elsewhere in the app claims the same nodePort', () => {
    const { app: cdkApp, chart } = newChart();
    new NodePortService(chart, 'a', { metadata: { name: 'a' }, selector: app, ports: [{ port: 80, nodePort: 30007 }] });
    new ApiObject(chart, 'raw', {
      apiVersion: 'v1', kind: 'Service', metadata: { name: 'raw' },
      spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 30007 }] },
    });
    expect(synthErrors(cdkApp)).toMatch(/\[\] SVC050 spec\.ports\[0\]\.nodePort: nodePort 30007 is already used by Service\/default\/a.* at test\/raw/);
  });
});

describe('LoadBalancerService', () => {
  test('renders the load balancer fields and cloud annotations', () => {
    const { app: cdkApp, chart } = newChart();
    new LoadBalancerService(chart, 'lb', {
      metadata: { name: 'lb', annotations: { 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal' } },
      selector: app,
      ports: [{ name: 'https', port: 443, targetPort: TargetPort.number(8443), nodePort: 30443 }],
      loadBalancerSourceRanges: ['10.0.0.0/8'],
      loadBalancerClass: 'service.k8s.aws/nlb',
      allocateLoadBalancerNodePorts: false,
      externalTrafficPolicy: ExternalTrafficPolicy.LOCAL,
      healthCheckNodePort: 30100,
    });
    const [svc] = manifestsOf(chart, 'Service');
    expect(svc.metadata.annotations).toEqual({ 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal' });
    expect(svc.spec).toEqual({
      type: 'LoadBalancer',
      selector: { app: 'web' },
      ports: [{ name: 'https', port: 443, targetPort: 8443, nodePort: 30443 }],
      loadBalancerSourceRanges: ['10.0.0.0/8'],
      loadBalancerClass: 'service.k8s.aws/nlb',
      allocateLoadBalancerNodePorts: false,
      externalTrafficPolicy: 'Local',
      healthCheckNodePort: 30100,
    });
    expect(synthErrors(cdkApp)).toBeUndefined();
  });

  test('errors when healthCheckNodePort is set without externalTrafficPolicy Local', () => {
    const { app: cdkApp, chart } = newChart();
    new LoadBalancerService(chart, 'lb', { selector: app, ports: [{ port: 443 }], healthCheckNodePort: 30100 });
    expect(synthErrors(cdkApp)).toContain('[test/lb] SVC032 spec.healthCheckNodePort');
  });

  test('errors when a source range is not a CIDR', () => {
    const { app: cdkApp, chart } = newChart();
    new LoadBalancerService(chart, 'lb', { selector: app, ports: [{ port: 443 }], loadBalancerSourceRanges: ['10.0.0.0/33'] });
    expect(synthErrors(cdkApp)).toContain('[test/lb] SVC027 spec.loadBalancerSourceRanges[0]');
  });
});

describe('ExternalNameService', () => {
  test('renders the CNAME target and no selector', () => {
    const { app: cdkApp, chart } = newChart();
    const svc = new ExternalNameService(chart, 'db', { metadata: { name: 'db' }, externalName: 'db.example.com', ports: [{ name: 'pg', port: 5432 }] });
    expect(manifestsOf(chart, 'Service')[0].spec).toEqual({ type: 'ExternalName', externalName: 'db.example.com', ports: [{ name: 'pg', port: 5432 }] });
    expect(svc.dnsName).toBe('db.default.svc.cluster.local');
    expect(synthErrors(cdkApp)).toBeUndefined();
  });

  test('offers no selector and no nodePort (compile time)', () => {
    const { chart } = newChart();
    // @ts-expect-error an ExternalName Service has no selector
    new ExternalNameService(chart, 'a', { externalName: 'a.example.com', selector: app });
    // @ts-expect-error an ExternalName port has no nodePort
    new ExternalNameService(chart, 'b', { externalName: 'b.example.com', ports: [{ port: 80, nodePort: 30080 }] });
    expect((ExternalNameService.prototype as unknown as Record<string, unknown>).select).toBeUndefined();
  });

  test('errors when the target is an IP address', () => {
    const { app: cdkApp, chart } = newChart();
    new ExternalNameService(chart, 'db', { externalName: '10.1.2.3' });
    expect(synthErrors(cdkApp)).toContain('[test/db] SVC025 spec.externalName');
  });

  test('errors when the target is not a DNS name', () => {
    const { app: cdkApp, chart } = newChart();
    new ExternalNameService(chart, 'db', { externalName: 'not a host' });
    expect(synthErrors(cdkApp)).toContain('[test/db] SVC024 spec.externalName');
  });
});

describe('value classes check themselves when created', () => {
  test('errors when a target port number is out of range', () => {
    expect(() => TargetPort.number(70000)).toThrow('SVC011 targetPort 70000 must be between 1 and 65535, inclusive');
  });

  test('errors when a target port name is not an IANA service name', () => {
    expect(() => TargetPort.named('8080')).toThrow(/SVC011 targetPort "8080" is not a valid port name: .*at least one letter/);
    expect(() => TargetPort.named('very-long-port-name')).toThrow(/no more than 15 characters/);
  });

  test('errors when a ClientIP affinity timeout is outside 1s..1 day', () => {
    expect(() => SessionAffinity.clientIp(Duration.days(2))).toThrow('SVC003 session affinity timeout 172800s must be a whole number of seconds from 1 to 86400');
    expect(() => SessionAffinity.clientIp(Duration.millis(1500))).toThrow(/SVC003/);
    expect(SessionAffinity.clientIp()._render()).toEqual({ sessionAffinity: 'ClientIP' });
  });

  test('errors when a node port range is malformed', () => {
    expect(() => NodePortRange.parse('32767-30000')).toThrow(/SVC014 node port range 32767-30000 is empty/);
    expect(() => NodePortRange.parse('abc')).toThrow(/must look like 30000-32767/);
    expect(NodePortRange.parse('30000-32767').toString()).toBe('30000-32767');
  });
});

test('synthesised Services snapshot', () => {
  const { chart } = newChart({ namespace: 'snap' });
  new ClusterIpService(chart, 'c', { metadata: { name: 'c' }, selector: app, ports: [{ port: 80 }] });
  new HeadlessService(chart, 'h', { metadata: { name: 'h' }, selector: app });
  new NodePortService(chart, 'n', { metadata: { name: 'n' }, selector: app, ports: [{ port: 80, nodePort: 30080 }] });
  new LoadBalancerService(chart, 'l', { metadata: { name: 'l' }, selector: app, ports: [{ port: 443 }] });
  new ExternalNameService(chart, 'e', { metadata: { name: 'e' }, externalName: 'e.example.com' });
  expect(Testing.synth(chart)).toMatchSnapshot();
});

test('writes strings that YAML 1.1 readers (kubectl) keep as strings', () => {
  const { app: cdkApp, chart } = newChart();
  new ClusterIpService(chart, 'web', {
    metadata: { name: 'web', labels: { enabled: 'yes', mode: 'on', version: '1.10', octal: '0755' } },
    selector: ServiceSelector.fromLabels({ canary: 'no', build: '012' }),
    ports: [{ port: 80, targetPort: TargetPort.named('http') }],
  });
  const doc = parse(cdkApp.synthYaml(), { version: '1.1' });
  expect(doc.metadata.labels).toEqual({ enabled: 'yes', mode: 'on', version: '1.10', octal: '0755' });
  expect(doc.spec.selector).toEqual({ canary: 'no', build: '012' });
  expect(doc.spec.ports).toEqual([{ port: 80, targetPort: 'http' }]);
});

describe('synth sessions', () => {
  test('each synth sees the changes made since the previous one (rendering and validation are not reused)', () => {
    const { app: cdkApp, chart } = newChart();
    const svc = new NodePortService(chart, 'web', { metadata: { name: 'web' }, selector: app, ports: [{ name: 'http', port: 80 }] });
    expect(synthErrors(cdkApp)).toBeUndefined();
    expect(manifestsOf(chart, 'Service')[0].spec.ports).toHaveLength(1);
    svc.addPort({ name: 'https', port: 443 });
    expect(manifestsOf(chart, 'Service')[0].spec.ports).toHaveLength(2);
    svc.addPort({ name: 'bad', port: 81, nodePort: 99999 });
    expect(synthErrors(cdkApp)).toContain('[test/web] SVC014 spec.ports[2].nodePort');
  });

  test('a selector added, or a workload relabelled, after a synth is seen by the next one', () => {
    const { app: cdkApp, chart } = newChart();
    const deployment = new kplus.Deployment(chart, 'api', { podMetadata: { labels: { app: 'api' } }, containers: [{ image: 'api', securityContext: { ensureNonRoot: false } }] });
    const svc = new ClusterIpService(chart, 'web', { metadata: { name: 'web' }, ports: [{ port: 80 }] });
    expect(synthErrors(cdkApp)).toBeUndefined();
    expect(manifestsOf(chart, 'Service')[0].spec.selector).toBeUndefined();
    svc.addSelector(ServiceSelector.fromWorkload(deployment));
    expect(manifestsOf(chart, 'Service')[0].spec.selector).toEqual({ app: 'api' });
    deployment.podMetadata.addLabel('app', 'web');
    expect(manifestsOf(chart, 'Service')[0].spec.selector).toEqual({ app: 'web' });
    svc.addSelector(app);
    expect(manifestsOf(chart, 'Service')[0].spec.selector).toEqual({ app: 'web' });
    deployment.podMetadata.addLabel('app', 'api');
    expect(synthErrors(cdkApp)).toContain('[test/web] SEL004');
  });

  test('restores the objects and the YAML writer after a synth, also when it fails', () => {
    const { app: cdkApp, chart } = newChart();
    const svc = new NodePortService(chart, 'web', { selector: app, ports: [{ port: 80, nodePort: 99999 }] });
    const stringify = Yaml.stringify;
    expect(synthErrors(cdkApp)).toBeDefined();
    expect(Object.prototype.hasOwnProperty.call(svc.apiObject, 'toJson')).toBe(false);
    expect(Yaml.stringify).toBe(stringify);
  });
});
