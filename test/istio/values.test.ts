import { Duration } from 'cdk8s';
import { Destination, Fault, GrpcStatus, Percent, Retry, RetryOn, StringMatch, Subset } from '../../src';

describe('Retry', () => {
  test('renders attempts and the per-try timeout as an Istio duration', () => {
    expect(Retry.onFailure({ attempts: 3, perTryTimeout: Duration.seconds(2) })._render()).toEqual({ attempts: 3, perTryTimeout: '2s' });
    expect(Retry.onFailure({ attempts: 1, perTryTimeout: Duration.millis(500) })._render()).toEqual({ attempts: 1, perTryTimeout: '500ms' });
  });

  test('renders retryOn comma-joined without spaces, once per token, status codes as numbers', () => {
    const retry = Retry.onFailure({
      attempts: 2,
      retryOn: [RetryOn.FIVE_XX, RetryOn.RESET, RetryOn.FIVE_XX, RetryOn.statusCode(503), RetryOn.UNAVAILABLE],
      retryRemoteLocalities: true,
      retryIgnorePreviousHosts: false,
      backoff: Duration.millis(50),
    });
    expect(retry._render()).toEqual({
      attempts: 2, retryOn: '5xx,reset,503,unavailable', retryRemoteLocalities: true, retryIgnorePreviousHosts: false, backoff: '50ms',
    });
  });

  test('none() disables retries, including Istio\'s default ones', () => {
    expect(Retry.none()._render()).toEqual({ attempts: 0 });
  });

  test.each([
    ['onGatewayErrors', Retry.onGatewayErrors(), { attempts: 3, retryOn: 'gateway-error,connect-failure,refused-stream' }],
    ['onGatewayErrors with a per-try timeout', Retry.onGatewayErrors(2, Duration.seconds(1)), { attempts: 2, perTryTimeout: '1s', retryOn: 'gateway-error,connect-failure,refused-stream' }],
    ['onConnectionFailures', Retry.onConnectionFailures(), { attempts: 2, retryOn: 'connect-failure,refused-stream,reset-before-request' }],
    ['onGrpcUnavailable', Retry.onGrpcUnavailable(), { attempts: 3, retryOn: 'unavailable,connect-failure,refused-stream' }],
  ])('preset %s', (_name, retry, expected) => {
    expect(retry._render()).toEqual(expected);
  });

  test.each([
    ['attempts are negative', () => Retry.onFailure({ attempts: -1 }), 'VS049 retry attempts -1 must be a whole number of at least 1'],
    ['attempts are 0 (use none())', () => Retry.onFailure({ attempts: 0, perTryTimeout: Duration.seconds(1) }), 'use Retry.none() to disable retries'],
    ['attempts are fractional', () => Retry.onFailure({ attempts: 1.5 }), 'VS049'],
    ['perTryTimeout is under 1ms', () => Retry.onFailure({ attempts: 1, perTryTimeout: Duration.millis(0.5) }), 'VS051 perTryTimeout 500000ns: duration must be greater than 1ms'],
    ['perTryTimeout is not whole milliseconds', () => Retry.onFailure({ attempts: 1, perTryTimeout: Duration.millis(1.5) }), 'VS051 perTryTimeout 1500000ns: only durations to ms precision are supported'],
    ['backoff is zero', () => Retry.onFailure({ attempts: 1, backoff: Duration.millis(0) }), 'VS051 backoff'],
    ['a status code has no standard text', () => RetryOn.statusCode(509), 'VS052 retryOn status code 509'],
    ['a status code is out of range', () => RetryOn.statusCode(600), 'VS052'],
  ])('errors when %s', (_name, make, message) => {
    expect(make).toThrow(message);
  });
});

describe('Fault', () => {
  test('renders a delay with its percentage', () => {
    expect(Fault.delay({ fixedDelay: Duration.seconds(5), percentage: Percent.of(0.1) })._render()).toEqual({
      delay: { fixedDelay: '5s', percentage: { value: 0.1 } },
    });
  });

  test('renders an HTTP abort and a gRPC abort', () => {
    expect(Fault.abort({ httpStatus: 503, percentage: Percent.of(10) })._render()).toEqual({ abort: { httpStatus: 503, percentage: { value: 10 } } });
    expect(Fault.abort({ grpcStatus: GrpcStatus.UNAVAILABLE, percentage: Percent.all() })._render()).toEqual({ abort: { grpcStatus: 'UNAVAILABLE', percentage: { value: 100 } } });
  });

  test('renders a delay and an abort together', () => {
    expect(Fault.delayAndAbort(
      { fixedDelay: Duration.millis(250), percentage: Percent.of(50) },
      { httpStatus: 500, percentage: Percent.of(1) },
    )._render()).toEqual({
      delay: { fixedDelay: '250ms', percentage: { value: 50 } },
      abort: { httpStatus: 500, percentage: { value: 1 } },
    });
  });

  test.each([
    ['the delay is under 1ms', () => Fault.delay({ fixedDelay: Duration.millis(0), percentage: Percent.of(1) }), 'VS059 fixedDelay 0s: duration must be greater than 1ms'],
    ['an abort has no status', () => Fault.abort({ percentage: Percent.of(1) }), 'VS055 an abort needs exactly one of httpStatus and grpcStatus, got neither'],
    ['an abort has both statuses', () => Fault.abort({ httpStatus: 503, grpcStatus: GrpcStatus.INTERNAL, percentage: Percent.of(1) }), 'got both'],
    ['the HTTP status is out of range', () => Fault.abort({ httpStatus: 199, percentage: Percent.of(1) }), 'VS055 abort httpStatus 199'],
    ['the percentage is below what Envoy can express', () => Fault.abort({ httpStatus: 503, percentage: Percent.of(0.00001) }), 'VS054 abort percentage 0.00001'],
  ])('errors when %s', (_name, make, message) => {
    expect(make).toThrow(message);
  });
});

describe('Percent', () => {
  test.each([0, 0.1, 50, 100])('accepts %p', value => {
    expect(Percent.of(value)._render()).toEqual({ value });
  });

  test.each([150, -1, Number.NaN])('errors when the value is %p', value => {
    expect(() => Percent.of(value)).toThrow(/^TRF013 Percent.of\(/);
  });
});

describe('StringMatch', () => {
  test('renders exact, prefix and regex', () => {
    expect(StringMatch.exact('GET')._render()).toEqual({ exact: 'GET' });
    expect(StringMatch.prefix('/api')._render()).toEqual({ prefix: '/api' });
    expect(StringMatch.regex('^/v[0-9]+/.*')._render()).toEqual({ regex: '^/v[0-9]+/.*' });
  });

  test.each([
    ['a lookahead (not RE2)', '(?=x)'],
    ['an unclosed group', '(a'],
    ['an empty pattern', ''],
    ['a pattern over 1024 characters', 'a'.repeat(1025)],
  ])('errors when the regex has %s', (_name, pattern) => {
    expect(() => StringMatch.regex(pattern)).toThrow(/^VS030 regex/);
  });
});

describe('Destination', () => {
  test('renders host, subset and port', () => {
    expect(Destination.host('reviews', { subset: Subset.named('v2'), port: 9080 })._render()).toEqual({ host: 'reviews', subset: 'v2', port: { number: 9080 } });
    expect(Destination.host('foo')._render()).toEqual({ host: 'foo' });
  });

  test.each([
    ['the port is out of range', () => Destination.host('a', { port: 70000 }), 'VS037 destination port 70000 must be between 1 and 65535, inclusive'],
    ['the subset is not a DNS label', () => Destination.host('a', { subset: Subset.named('V_2') }), 'VS036 subset "V_2"'],
  ])('errors when %s', (_name, make, message) => {
    expect(make).toThrow(message);
  });
});
