/**
 * Values of the wrong kind, as plain JavaScript or another jsii language can pass them where
 * a typed value is expected: the error names the field, the value and the builder (TRF012),
 * with the construct path where a construct is known.
 */
import { App, Chart, Duration } from 'cdk8s';
import {
  ClusterIpService, Destination, Fault, Host, Percent, Retry, ServiceSelector, StringMatch, TargetPort, VirtualService,
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
    })).toThrow('TRF012 [shop/web] ports[0].targetPort expects a TargetPort, got the string "8080": create it with TargetPort.number(8080) or TargetPort.named(\'http\')');
  });

  it('names the selector given as a plain object of labels', () => {
    const { chart: c } = chart();
    expect(() => new ClusterIpService(c, 'web', {
      selector: untyped<ServiceSelector>({ app: 'web' }),
      ports: [{ port: 80 }],
    })).toThrow('TRF012 [shop/web] selector expects a ServiceSelector, got a plain object {"app":"web"}: create it with ServiceSelector.fromLabels');
  });

  it('reports a plain object given as a URI match at synth, with the construct path', () => {
    const { app, chart: c } = chart();
    new VirtualService(c, 'routes', {
      hosts: [Host.of('reviews')],
      http: [{ match: [{ uri: untyped<StringMatch>({ prefix: '/api' }) }], route: [{ destination: Destination.host('reviews') }] }],
    });
    expect(() => app.synth()).toThrow('[shop/routes] TRF012 (object): http[0].match[0].uri expects a StringMatch, got a plain object {"prefix":"/api"}: create it with StringMatch.exact(), StringMatch.prefix() or StringMatch.regex() (value-kind)');
  });

  it('reports a header match map entry of the wrong kind', () => {
    const { app, chart: c } = chart();
    new VirtualService(c, 'routes', {
      hosts: [Host.of('reviews')],
      http: [{ match: [{ headers: { 'x-user': untyped<StringMatch>('jason') } }], route: [{ destination: Destination.host('reviews') }] }],
    });
    expect(() => app.synth()).toThrow('http[0].match[0].headers["x-user"] expects a StringMatch, got the string "jason"');
  });

  it('reports a destination given as a plain object', () => {
    const { app, chart: c } = chart();
    new VirtualService(c, 'routes', {
      hosts: [Host.of('reviews')],
      http: [{ route: [{ destination: Destination.host('reviews') }, { destination: untyped<Destination>({ host: 'reviews', subset: 'v2' }) }] }],
    });
    expect(() => app.synth()).toThrow('[shop/routes] TRF012 (object): http[0].route[1].destination expects a Destination, got a plain object {"host":"reviews","subset":"v2"}');
  });

  it('reports a host given as a string, a timeout as a string and retries as an object', () => {
    const { app, chart: c } = chart();
    new VirtualService(c, 'hosts', { hosts: [untyped<Host>('reviews')], http: [{ route: [{ destination: Destination.host('reviews') }] }] });
    expect(() => app.synth()).toThrow('[shop/hosts] TRF012 (object): hosts[0] expects a Host, got the string "reviews": create it with Host.of(\'reviews\') or Host.service(service)');

    const second = chart();
    new VirtualService(second.chart, 'timeout', {
      hosts: [Host.of('reviews')],
      http: [{ route: [{ destination: Destination.host('reviews') }], timeout: untyped<Duration>('5s') }],
    });
    expect(() => second.app.synth()).toThrow('http[0].timeout expects a Duration, got the string "5s": create it with Duration.seconds(5)');

    const third = chart();
    new VirtualService(third.chart, 'retries', {
      hosts: [Host.of('reviews')],
      http: [{ route: [{ destination: Destination.host('reviews') }], retries: untyped<Retry>({ attempts: 3 }) }],
    });
    expect(() => third.app.synth()).toThrow('http[0].retries expects a Retry, got a plain object {"attempts":3}');
  });

  it('reports a mirror percentage given as a number', () => {
    const { app, chart: c } = chart();
    new VirtualService(c, 'routes', {
      hosts: [Host.of('reviews')],
      http: [{ route: [{ destination: Destination.host('reviews') }], mirror: Destination.host('reviews-shadow'), mirrorPercentage: untyped<Percent>(10) }],
    });
    expect(() => app.synth()).toThrow('http[0].mirrorPercentage expects a Percent, got the number 10: create it with Percent.of(10) or Percent.all()');
  });

  it('refuses a fault percentage and delay of the wrong kind when the fault is built', () => {
    expect(() => Fault.delay({ fixedDelay: Duration.seconds(5), percentage: untyped<Percent>(10) }))
      .toThrow('TRF012 Fault.delay() percentage expects a Percent, got the number 10');
    expect(() => Fault.delay({ fixedDelay: untyped<Duration>('5s'), percentage: Percent.of(10) }))
      .toThrow('TRF012 Fault.delay() fixedDelay expects a Duration, got the string "5s"');
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
    expect(() => Percent.of(untyped<number>('50'))).toThrow('TRF013 Percent.of("50"): percentage "50" must be a number');
  });

  it('a fault percentage Envoy cannot express is the fault rule VS054', () => {
    expect(() => Fault.abort({ httpStatus: 503, percentage: Percent.of(0.00001) })).toThrow(/^VS054 abort percentage/);
  });

  it('TargetPort.named with a number in a string is the targetPort rule SVC011', () => {
    expect(() => TargetPort.named('8080')).toThrow(/^SVC011 targetPort "8080" is not a valid port name/);
  });
});
