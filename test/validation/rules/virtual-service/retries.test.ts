import { JsonObject } from '../../../../src/validation/manifest';
import { routeWith, ruleTable } from './http-table';

/** A route with `retries`. */
const retries = (fields: unknown): JsonObject => routeWith({ retries: fields });

describe('VS049 retry-attempts', () => {
  ruleTable('VS049', [
    // TestValidateHTTPRetry "valid", "disable retries", "valid default"
    { name: 'attempts 10 with a policy', manifest: retries({ attempts: 10, perTryTimeout: '2s', retryOn: '5xx,gateway-error' }) },
    { name: 'attempts 0', manifest: retries({ attempts: 0 }) },
    { name: 'attempts 10 alone', manifest: retries({ attempts: 10 }) },
    { name: 'no attempts', manifest: retries({}) },
  ], [
    {
      // TestValidateHTTPRetry "invalid attempts"
      name: 'attempts is -1',
      manifest: retries({ attempts: -1, perTryTimeout: '2s' }),
      expected: [{ path: 'spec.http[0].retries.attempts', message: 'attempts cannot be negative (got -1): use 0 to disable retries, or the number of retries to allow' }],
    },
    { name: 'attempts has a fraction', manifest: retries({ attempts: 1.5 }), expected: [{ path: 'spec.http[0].retries.attempts', message: 'retries.attempts must be a whole number, got a number 1.5' }] },
    { name: 'attempts is a string', manifest: retries({ attempts: '3' }), expected: [{ path: 'spec.http[0].retries.attempts', message: 'got a string "3"' }] },
  ]);
});

describe('VS050 retry-disabled', () => {
  ruleTable('VS050', [
    // TestValidateHTTPRetry "disable retries"
    { name: 'attempts 0 alone', manifest: retries({ attempts: 0 }) },
    { name: 'attempts 0 with backoff and retryIgnorePreviousHosts (not part of the check)', manifest: retries({ attempts: 0, backoff: '25ms', retryIgnorePreviousHosts: false }) },
    { name: 'attempts 0 with an empty retryOn', manifest: retries({ attempts: 0, retryOn: '' }) },
    { name: 'attempts 3 with a policy', manifest: retries({ attempts: 3, perTryTimeout: '2s', retryOn: 'reset', retryRemoteLocalities: true }) },
    { name: 'negative attempts (VS049 reports it)', manifest: retries({ attempts: -1, perTryTimeout: '2s' }) },
  ], [
    {
      // TestValidateHTTPRetry "invalid, retry policy configured but attempts set to zero"
      name: 'attempts 0 with perTryTimeout and retryOn',
      manifest: retries({ attempts: 0, perTryTimeout: '2s', retryOn: '5xx,gateway-error' }),
      expected: [{ path: 'spec.http[0].retries.attempts', message: 'http retry policy configured when attempts are set to 0 (disabled): perTryTimeout, retryOn are set but attempts is 0; set attempts to the number of retries, or remove them' }],
    },
    {
      // TestValidateHTTPRetry "invalid, retryRemoteLocalities configured but attempts set to zero"
      name: 'attempts 0 with retryRemoteLocalities false',
      manifest: retries({ attempts: 0, retryRemoteLocalities: false }),
      expected: [{ path: 'spec.http[0].retries.attempts', message: 'retryRemoteLocalities is set but attempts is 0' }],
    },
    {
      name: 'no attempts with perTryTimeout',
      manifest: retries({ perTryTimeout: '2s' }),
      expected: [{ path: 'spec.http[0].retries', message: 'perTryTimeout is set but attempts is not set (0); set attempts to the number of retries, or remove it' }],
    },
  ]);
});

describe('VS051 retry-durations', () => {
  ruleTable('VS051', [
    { name: 'perTryTimeout 2s and backoff 25ms', manifest: retries({ attempts: 3, perTryTimeout: '2s', backoff: '25ms' }) },
    { name: 'perTryTimeout 1.5s', manifest: retries({ attempts: 3, perTryTimeout: '1.5s' }) },
  ], [
    {
      // TestValidateHTTPRetry "invalid timeout" (2s + 1ns)
      name: 'perTryTimeout is not whole milliseconds',
      manifest: retries({ attempts: 10, perTryTimeout: '2.000000001s' }),
      expected: [{ path: 'spec.http[0].retries.perTryTimeout', message: 'perTryTimeout "2.000000001s" is invalid: only durations to ms precision are supported' }],
    },
    {
      // TestValidateHTTPRetry "timeout too small" (999ns)
      name: 'perTryTimeout is 999ns',
      manifest: retries({ attempts: 10, perTryTimeout: '999ns' }),
      expected: [{ path: 'spec.http[0].retries.perTryTimeout', message: 'perTryTimeout "999ns" is invalid: duration must be greater than 1ms' }],
    },
    {
      // TestValidateHTTPRetry "invalid backoff" (999ns)
      name: 'backoff is 999ns',
      manifest: retries({ attempts: 10, backoff: '999ns' }),
      expected: [{ path: 'spec.http[0].retries.backoff', message: 'backoff "999ns" is invalid: duration must be greater than 1ms' }],
    },
    {
      name: 'perTryTimeout is a number',
      manifest: retries({ attempts: 3, perTryTimeout: 2 }),
      expected: [{ path: 'spec.http[0].retries.perTryTimeout', message: 'perTryTimeout must be a duration string, got a number 2: durations are strings with a unit, such as "2s"' }],
    },
    {
      name: 'backoff has no unit',
      manifest: retries({ attempts: 3, backoff: '25' }),
      expected: [{ path: 'spec.http[0].retries.backoff', message: 'backoff "25" is not a valid duration' }],
    },
  ]);
});

const ALLOWED_TAIL = 'allowed: 5xx, gateway-error, reset, reset-before-request, connect-failure, retriable-4xx, refused-stream, retriable-status-codes, retriable-headers, envoy-ratelimited, http3-post-connect-failure, cancelled, deadline-exceeded, internal, resource-exhausted, unavailable, or an HTTP status code such as 503';

describe('VS052 retry-on', () => {
  ruleTable('VS052', [
    // TestValidateHTTPRetry "valid", "valid http status retryOn"
    { name: 'two policies', manifest: retries({ attempts: 10, retryOn: '5xx,gateway-error' }) },
    { name: 'a status code and a policy', manifest: retries({ attempts: 10, retryOn: '503,connect-failure' }) },
    { name: 'every gRPC policy', manifest: retries({ attempts: 2, retryOn: 'cancelled,deadline-exceeded,internal,resource-exhausted,unavailable' }) },
    { name: 'status 200 (Go has a text for it)', manifest: retries({ attempts: 2, retryOn: '200' }) },
    { name: 'a signed status code (Go Atoi accepts it)', manifest: retries({ attempts: 2, retryOn: '+503' }) },
    { name: 'an empty retryOn', manifest: retries({ attempts: 2, retryOn: '' }) },
  ], [
    {
      // TestValidateHTTPRetry "invalid policy retryOn"
      name: 'a policy has a space',
      manifest: retries({ attempts: 10, retryOn: '5xx,invalid policy' }),
      expected: [{ path: 'spec.http[0].retries.retryOn', message: `"invalid policy" is not a valid retryOn policy; ${ALLOWED_TAIL}` }],
    },
    {
      // TestValidateHTTPRetry "invalid http status retryOn"
      name: 'the status code 600 has no text',
      manifest: retries({ attempts: 10, retryOn: '600,connect-failure' }),
      expected: [{ path: 'spec.http[0].retries.retryOn', message: '"600" is not a valid retryOn policy: 600 is not a known HTTP status code' }],
    },
    {
      name: 'entries are separated by a comma and a space',
      manifest: retries({ attempts: 3, retryOn: '5xx, reset' }),
      expected: [{ path: 'spec.http[0].retries.retryOn', message: '" reset" is not a valid retryOn policy (remove the spaces: Istio does not trim the comma-separated entries)' }],
    },
    {
      name: 'a trailing comma',
      manifest: retries({ attempts: 3, retryOn: '5xx,' }),
      expected: [{ path: 'spec.http[0].retries.retryOn', message: '"" is not a valid retryOn policy (an empty entry: remove the extra comma)' }],
    },
    {
      name: 'a policy in upper case',
      manifest: retries({ attempts: 3, retryOn: '5XX,Reset' }),
      expected: [
        { path: 'spec.http[0].retries.retryOn', message: '"5XX" is not a valid retryOn policy (policies are case-sensitive: did you mean "5xx"?)' },
        { path: 'spec.http[0].retries.retryOn', message: '"Reset" is not a valid retryOn policy (policies are case-sensitive: did you mean "reset"?)' },
      ],
    },
    {
      name: 'status codes 306, 420 and 509',
      manifest: retries({ attempts: 3, retryOn: '306,420,509' }),
      expected: ['306', '420', '509'].map(code => ({ path: 'spec.http[0].retries.retryOn', message: `"${code}" is not a valid retryOn policy: ${code} is not a known HTTP status code` })),
    },
    {
      name: 'retryOn is a list',
      manifest: retries({ attempts: 3, retryOn: ['5xx'] }),
      expected: [{ path: 'spec.http[0].retries.retryOn', message: 'retryOn must be a comma-separated string such as "5xx,reset", got an array' }],
    },
  ]);
});
