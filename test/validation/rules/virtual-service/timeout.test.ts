import { routeWith, ruleTable } from './http-table';

describe('VS023 timeout', () => {
  ruleTable('VS023', [
    { name: 'no timeout', manifest: routeWith({}) },
    { name: 'a timeout in seconds', manifest: routeWith({ timeout: '10s' }) },
    { name: 'a fractional Go duration', manifest: routeWith({ timeout: '1.5s' }) },
    { name: 'a compound Go duration', manifest: routeWith({ timeout: '1m30s' }) },
    { name: 'exactly 1ms', manifest: routeWith({ timeout: '1ms' }) },
    { name: 'timeout: null (unset)', manifest: routeWith({ timeout: null }) },
  ], [
    {
      name: 'the timeout is 0s',
      manifest: routeWith({ timeout: '0s' }),
      expected: [{ path: 'spec.http[0].timeout', message: 'timeout "0s" is invalid: timeout: 0s is rejected; omit the field for no timeout' }],
    },
    {
      name: 'the timeout is a bare 0',
      manifest: routeWith({ timeout: '0' }),
      expected: [{ path: 'spec.http[0].timeout', message: 'timeout: 0s is rejected; omit the field for no timeout' }],
    },
    {
      name: 'the timeout is negative',
      manifest: routeWith({ timeout: '-1s' }),
      expected: [{ path: 'spec.http[0].timeout', message: 'timeout "-1s" is invalid: duration must be greater than 1ms' }],
    },
    {
      name: 'the timeout is below 1ms',
      manifest: routeWith({ timeout: '500us' }),
      expected: [{ path: 'spec.http[0].timeout', message: 'timeout "500us" is invalid: duration must be greater than 1ms' }],
    },
    {
      name: 'the timeout is not whole milliseconds',
      manifest: routeWith({ timeout: '1.0005s' }),
      expected: [{ path: 'spec.http[0].timeout', message: 'timeout "1.0005s" is invalid: only durations to ms precision are supported' }],
    },
    {
      name: 'the timeout has no unit',
      manifest: routeWith({ timeout: '10' }),
      expected: [{ path: 'spec.http[0].timeout', message: 'timeout "10" is not a valid duration: write a number with a unit (ns, us, ms, s, m or h), such as "5s", "250ms" or "1m30s"' }],
    },
    {
      name: 'the timeout uses days',
      manifest: routeWith({ timeout: '1d' }),
      expected: [{ path: 'spec.http[0].timeout', message: 'timeout "1d" is not a valid duration' }],
    },
    {
      name: 'the timeout has a space',
      manifest: routeWith({ timeout: '5 s' }),
      expected: [{ path: 'spec.http[0].timeout', message: 'timeout "5 s" is not a valid duration' }],
    },
    {
      name: 'the timeout is a YAML number',
      manifest: routeWith({ timeout: 10 }),
      expected: [{ path: 'spec.http[0].timeout', message: 'timeout must be a duration string, got a number 10: durations are strings with a unit, such as "10s"' }],
    },
    {
      name: 'the timeout is an object',
      manifest: routeWith({ timeout: { seconds: 10 } }),
      expected: [{ path: 'spec.http[0].timeout', message: 'timeout must be a duration string, got an object' }],
    },
  ]);
});
