/**
 * Values of the wrong kind, as plain JavaScript or another jsii language can pass them where
 * a typed value is expected: the error names the field, the value and the builder (TRF012),
 * with the construct path where a construct is known.
 */
import { App, Chart, Duration } from 'cdk8s';
import {
  ClusterIpService, DestinationRule, Destination, EndpointSlice, Fault, Gateway, HeadlessService, Host, NodePortService, Percent, Protocol,
  Retry, ServiceEntry, ServiceSelector, StringMatch, TargetPort, VirtualService,
} from '../../src';

/** A value the compiler would refuse, as JavaScript passes it. */
function untyped<T>(value: unknown): T {
  return value as T;
}

function chart() {
  const app = new App();
  return { app, chart: new Chart(app, 'shop', { namespace: 'shop' }) };
}

describe('TRF012 value-kind', () => {
  it('names the port, the value and the builder when targetPort is a string', () => {
    const { chart: c } = chart();
    expect(() => new ClusterIpService(c, 'web', {
      selector: ServiceSelector.fromLabels({ app: 'web' }),
      ports: [{ port: 80, targetPort: untyped<TargetPort>('8080') }],
    })).toThrow('TRF012 [shop/web] ports[0].targetPort expects a TargetPort, got the string "8080": create it with TargetPort.named(name) or TargetPort.number(port)');
  });

  it('names the selector given as a plain object of labels', () => {
    const { chart: c } = chart();
    expect(() => new ClusterIpService(c, 'web', {
      selector: untyped<ServiceSelector>({ app: 'web' }),
      ports: [{ port: 80 }],
    })).toThrow('TRF012 [shop/web] selector expects a ServiceSelector, got a plain object {"app":"web"}: create it with ServiceSelector.fromLabels');
  });

  it('reports a plain object given as a URI match when the construct is created, with its path', () => {
    const { chart: c } = chart();
    expect(() => new VirtualService(c, 'routes', {
      hosts: [Host.of('reviews')],
      http: [{ match: [{ uri: untyped<StringMatch>({ prefix: '/api' }) }], route: [{ destination: Destination.host('reviews') }] }],
    })).toThrow('TRF012 [shop/routes] http[0].match[0].uri expects a StringMatch, got a plain object {"prefix":"/api"}: create it with StringMatch.exact(value), StringMatch.prefix(value) or StringMatch.regex(pattern)');
  });

  it('reports a value added later of the wrong kind at synth, with the construct path', () => {
    const { app, chart: c } = chart();
    const routes = new VirtualService(c, 'routes', { hosts: [Host.of('reviews')] });
    const route = { match: [{ uri: StringMatch.prefix('/api') }], route: [{ destination: Destination.host('reviews') }] };
    routes.addHttpRoute(route);
    // changed after it was added: only rendering sees it
    (route.match[0] as { uri: unknown }).uri = { prefix: '/api' };
    expect(() => app.synth()).toThrow('[shop/routes] TRF012 (object): http[0].match[0].uri expects a StringMatch, got a plain object {"prefix":"/api"}: create it with StringMatch.exact(), StringMatch.prefix() or StringMatch.regex() (value-kind)');
  });

  it('reports a header match map entry of the wrong kind', () => {
    const { chart: c } = chart();
    expect(() => new VirtualService(c, 'routes', {
      hosts: [Host.of('reviews')],
      http: [{ match: [{ headers: { 'x-user': untyped<StringMatch>('jason') } }], route: [{ destination: Destination.host('reviews') }] }],
    })).toThrow('http[0].match[0].headers["x-user"] expects a StringMatch, got the string "jason"');
  });

  it('reports a destination given as a plain object', () => {
    const { chart: c } = chart();
    expect(() => new VirtualService(c, 'routes', {
      hosts: [Host.of('reviews')],
      http: [{ route: [{ destination: Destination.host('reviews') }, { destination: untyped<Destination>({ host: 'reviews', subset: 'v2' }) }] }],
    })).toThrow('TRF012 [shop/routes] http[0].route[1].destination expects a Destination, got a plain object {"host":"reviews","subset":"v2"}: create it with Destination.host(host), Destination.service(service) or Destination.serviceEntry(entry)');
  });

  it('reports a host given as a string, a timeout as a string and retries as an object', () => {
    const { chart: c } = chart();
    expect(() => new VirtualService(c, 'hosts', { hosts: [untyped<Host>('reviews')], http: [{ route: [{ destination: Destination.host('reviews') }] }] }))
      .toThrow('TRF012 [shop/hosts] hosts[0] expects a Host, got the string "reviews": create it with Host.of(name), Host.service(service) or Host.serviceEntry(entry)');
    expect(() => new VirtualService(c, 'timeout', {
      hosts: [Host.of('reviews')],
      http: [{ route: [{ destination: Destination.host('reviews') }], timeout: untyped<Duration>('5s') }],
    })).toThrow('http[0].timeout expects a Duration, got the string "5s": create it with Duration.seconds(5)');
    expect(() => new VirtualService(c, 'retries', {
      hosts: [Host.of('reviews')],
      http: [{ route: [{ destination: Destination.host('reviews') }], retries: untyped<Retry>({ attempts: 3 }) }],
    })).toThrow('http[0].retries expects a Retry, got a plain object {"attempts":3}');
  });

  it('reports a mirror percentage given as a number', () => {
    const { chart: c } = chart();
    expect(() => new VirtualService(c, 'routes', {
      hosts: [Host.of('reviews')],
      http: [{ route: [{ destination: Destination.host('reviews') }], mirror: Destination.host('reviews-shadow'), mirrorPercentage: untyped<Percent>(10) }],
    })).toThrow('http[0].mirrorPercentage expects a Percent, got the number 10: create it with Percent.all() or Percent.of(value)');
  });

  it('refuses a fault percentage and delay of the wrong kind when the fault is built', () => {
    expect(() => Fault.delay({ fixedDelay: Duration.seconds(5), percentage: untyped<Percent>(10) }))
      .toThrow('TRF012 Fault.delay() options.percentage expects a Percent, got the number 10: create it with Percent.all() or Percent.of(value)');
    expect(() => Fault.delay({ fixedDelay: untyped<Duration>('5s'), percentage: Percent.of(10) }))
      .toThrow('TRF012 Fault.delay() options.fixedDelay expects a Duration, got the string "5s"');
  });

  it('shortens long values', () => {
    const { chart: c } = chart();
    expect(() => new ClusterIpService(c, 'web', {
      selector: ServiceSelector.fromLabels({ app: 'web' }),
      ports: [{ port: 80, targetPort: untyped<TargetPort>('x'.repeat(500)) }],
    })).toThrow(/got the string "x{59}\.\.\.: create it/);
  });
});

describe('builder errors carry the code of their check', () => {
  it('Percent.of out of range is TRF013, not a mirror or fault rule', () => {
    expect(() => Percent.of(150)).toThrow('TRF013 Percent.of(150): percentage 150 must be in range 0..100');
    // a value of another kind is TRF012, as everywhere
    expect(() => Percent.of(untyped<number>('50'))).toThrow('TRF012 Percent.of() value expects a number, got the string "50"');
  });

  it('a fault percentage Envoy cannot express is the fault rule VS054', () => {
    expect(() => Fault.abort({ httpStatus: 503, percentage: Percent.of(0.00001) })).toThrow(/^VS054 abort percentage/);
  });

  it('TargetPort.named with a number in a string is the targetPort rule SVC011', () => {
    expect(() => TargetPort.named('8080')).toThrow(/^SVC011 targetPort "8080" is not a valid port name/);
  });
});

describe('TRF012 for values of the wrong shape, checked against the types of the API when a construct is created', () => {
  const selector = () => ServiceSelector.fromLabels({ app: 'web' });

  it.each<[string, (c: Chart) => unknown, string]>([
    ['ports as an object', c => new ClusterIpService(c, 'web', { selector: selector(), ports: untyped({ port: 80 }) }),
      '[shop/web] ports expects a list (of ServicePort), got a plain object {"port":80}: write it in [ ]'],
    ['a port as a string', c => new ClusterIpService(c, 'web', { selector: selector(), ports: untyped(['80']) }),
      '[shop/web] ports[0] expects a mapping (ServicePort), got the string "80": write it in { }'],
    ['a port number as a string', c => new ClusterIpService(c, 'web', { selector: selector(), ports: [{ port: untyped('80') }] }),
      '[shop/web] ports[0].port expects a number, got the string "80"'],
    ['a port without its number', c => new ClusterIpService(c, 'web', { selector: selector(), ports: [untyped({ name: 'http' })] }),
      '[shop/web] ports[0].port expects a number, got undefined: it is required'],
    ['a protocol not of the enum', c => new ClusterIpService(c, 'web', { selector: selector(), ports: [{ port: 80, protocol: untyped('tcp') }] }),
      '[shop/web] ports[0].protocol expects a Protocol, got the string "tcp": use one of Protocol.TCP, Protocol.UDP, Protocol.SCTP'],
    ['props as a string', c => new ClusterIpService(c, 'web', untyped('web')),
      '[shop/web] props expects a mapping (ClusterIpServiceProps), got the string "web": write it in { }'],
    ['props as null', c => new NodePortService(c, 'web', untyped(null)),
      '[shop/web] props expects a mapping (NodePortServiceProps), got null'],
    ['metadata as a string', c => new ClusterIpService(c, 'web', { selector: selector(), ports: [{ port: 80 }], metadata: untyped('web') }),
      '[shop/web] metadata expects a mapping (ApiObjectMetadata), got the string "web"'],
    ['labels as a list', c => new HeadlessService(c, 'web', { selector: selector(), metadata: { labels: untyped(['web']) } }),
      '[shop/web] metadata.labels expects a mapping (of string), got an array ["web"]: write it in { }'],
    ['a label value as a number', c => new HeadlessService(c, 'web', { selector: selector(), metadata: { labels: untyped({ tier: 1 }) } }),
      '[shop/web] metadata.labels.tier expects a string, got the number 1'],
    ['hosts as a string', c => new VirtualService(c, 'routes', { hosts: untyped('reviews') }),
      '[shop/routes] hosts expects a list (of Host), got the string "reviews": write it in [ ]'],
    ['routes as an object', c => new VirtualService(c, 'routes', { hosts: [Host.of('reviews')], http: untyped({ route: [] }) }),
      '[shop/routes] http expects a list (of HttpRoute), got a plain object {"route":[]}: write it in [ ]'],
    ['ServiceEntry hosts as a string', c => new ServiceEntry(c, 'api', { hosts: untyped('api.example.com') }),
      '[shop/api] hosts expects a list (of string), got the string "api.example.com": write it in [ ]'],
    ['Gateway servers as an object', c => new Gateway(c, 'gw', { servers: untyped({ port: 80 }) }),
      '[shop/gw] servers expects a list (of Server), got a plain object {"port":80}: write it in [ ]'],
    ['EndpointSlice addresses as a string', c => new EndpointSlice(c, 'eps', {
      service: new HeadlessService(c, 'db', { selector: selector() }), endpoints: [{ addresses: untyped('10.0.0.1') }],
    }), '[shop/eps] endpoints[0].addresses expects a list (of string), got the string "10.0.0.1": write it in [ ]'],
    ['a DestinationRule without props', c => new DestinationRule(c, 'dr', untyped(undefined)),
      '[shop/dr] host expects a Host, got undefined: it is required'],
  ])('%s', (_name, create, message) => {
    const { chart: c } = chart();
    expect(() => create(c)).toThrow(`TRF012 ${message}`);
  });

  it('checks what is added later, naming the parameter', () => {
    const { chart: c } = chart();
    const web = new ClusterIpService(c, 'web', { selector: selector(), ports: [{ port: 80 }] });
    expect(() => web.addPort(untyped({ port: '81' }))).toThrow('TRF012 [shop/web] port.port expects a number, got the string "81"');
    const routes = new VirtualService(c, 'routes', { hosts: [Host.of('reviews')] });
    expect(() => routes.addHost(untyped('ratings'))).toThrow('TRF012 [shop/routes] host expects a Host, got the string "ratings"');
  });

  it('checks the props of a subclass against the class of this library it extends', () => {
    class WebService extends ClusterIpService {}
    const { chart: c } = chart();
    expect(() => new WebService(c, 'web', { ports: untyped({ port: 80 }) })).toThrow('TRF012 [shop/web] ports expects a list (of ServicePort)');
  });

  it('refuses labels that are not a mapping in ServiceSelector.fromLabels', () => {
    expect(() => ServiceSelector.fromLabels(untyped('app=web'))).toThrow('TRF012 ServiceSelector.fromLabels() labels expects a mapping (of string), got the string "app=web": write it in { }');
  });

  it('accepts what the types allow, including a value that holds itself', () => {
    const { chart: c } = chart();
    const metadata: { name: string; labels: { app: string }; self?: unknown } = { name: 'web', labels: { app: 'web' } };
    metadata.self = metadata;
    expect(() => new ClusterIpService(c, 'web', { selector: selector(), ports: [{ port: 80, protocol: Protocol.UDP }], metadata })).not.toThrow();
  });
});
