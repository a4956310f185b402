import { routeWith, ruleTable } from './http-table';

const ABORT = { httpStatus: 503, percentage: { value: 10 } };
const DELAY = { fixedDelay: '5s', percentage: { value: 10 } };

describe('VS080 fault-disables-retries', () => {
  ruleTable('VS080', [
    { name: 'a fault alone', manifest: routeWith({ fault: { abort: ABORT } }) },
    { name: 'retries and a timeout without fault', manifest: routeWith({ retries: { attempts: 3 }, timeout: '10s' }) },
    { name: 'a fault with retries disabled', manifest: routeWith({ fault: { delay: DELAY }, retries: { attempts: 0 } }) },
    { name: 'an empty fault (VS053 reports it)', manifest: routeWith({ fault: {}, timeout: '1s' }) },
  ], [
    {
      name: 'a route has a fault and retries',
      manifest: routeWith({ fault: { abort: ABORT }, retries: { attempts: 3, perTryTimeout: '2s' } }),
      expected: [{ path: 'spec.http[0].fault', message: 'this route injects faults and also sets retries: Istio does not enable timeouts and retries while client-side faults are enabled' }],
    },
    {
      name: 'a route has a fault, retries and a timeout',
      manifest: routeWith({ fault: { delay: DELAY }, retries: { attempts: 2 }, timeout: '10s' }),
      expected: [{ path: 'spec.http[0].fault', message: 'sets retries and a timeout: Istio does not enable timeouts and retries while client-side faults are enabled ("timeouts or retries will not be enabled when faults are enabled on the client side"), so retries and a timeout will not take effect as written' }],
    },
    {
      name: 'a route has a fault and a timeout',
      manifest: routeWith({ fault: { delay: DELAY }, timeout: '10s' }),
      expected: [{ path: 'spec.http[0].fault', message: 'only this library reports it' }],
    },
  ]);
});

describe('VS081 retry-exceeds-timeout', () => {
  ruleTable('VS081', [
    // the reference's seed example: retries without a route timeout
    { name: 'retries without a timeout', manifest: routeWith({ retries: { attempts: 3, perTryTimeout: '2s' } }) },
    { name: 'retries that fit the timeout exactly', manifest: routeWith({ retries: { attempts: 3, perTryTimeout: '2s' }, timeout: '8s' }) },
    { name: 'retries without perTryTimeout', manifest: routeWith({ retries: { attempts: 5 }, timeout: '1s' }) },
    { name: 'disabled retries', manifest: routeWith({ retries: { attempts: 0 }, timeout: '1s' }) },
    { name: 'an invalid timeout (VS023 reports it)', manifest: routeWith({ retries: { attempts: 3, perTryTimeout: '2s' }, timeout: '0s' }) },
  ], [
    {
      name: '4 tries of 2s exceed a 5s timeout',
      manifest: routeWith({ retries: { attempts: 3, perTryTimeout: '2s' }, timeout: '5s' }),
      expected: [{ path: 'spec.http[0].retries.perTryTimeout', message: 'retries can take up to 4 x 2s = 8s (the first try and 3 retries, each up to perTryTimeout), longer than the route timeout 5s: the timeout covers all tries, so it cuts off the later retries; raise timeout, or lower perTryTimeout or attempts' }],
    },
    {
      name: 'one retry of 750ms exceeds a 1s timeout',
      manifest: routeWith({ retries: { attempts: 1, perTryTimeout: '750ms' }, timeout: '1s' }),
      expected: [{ path: 'spec.http[0].retries.perTryTimeout', message: 'retries can take up to 2 x 750ms = 1500ms (the first try and 1 retry' }],
    },
  ]);
});

describe('VS084 fault-percentage-missing', () => {
  ruleTable('VS084', [
    // the reference's seed example
    { name: 'a delay with a percentage', manifest: routeWith({ fault: { delay: { percentage: { value: 0.1 }, fixedDelay: '5s' } } }) },
    { name: 'an abort with a percentage', manifest: routeWith({ fault: { abort: ABORT } }) },
    { name: 'a delay with the deprecated integer percent', manifest: routeWith({ fault: { delay: { percent: 10, fixedDelay: '5s' } } }) },
    { name: 'an explicit 0% delay', manifest: routeWith({ fault: { delay: { percentage: { value: 0 }, fixedDelay: '5s' } } }) },
    { name: 'an exponential delay (VS060 reports it)', manifest: routeWith({ fault: { delay: { percentage: { value: 1 }, exponentialDelay: '1s' } } }) },
  ], [
    {
      name: 'a delay has no percentage',
      manifest: routeWith({ fault: { delay: { fixedDelay: '5s' } } }),
      expected: [{ path: 'spec.http[0].fault.delay', message: 'fault delay has no percentage, so it delays no request (Istio: "If left unspecified, no request will be delayed"): set percentage, for example {value: 100} to delay every request' }],
    },
    {
      name: 'an abort has no percentage',
      manifest: routeWith({ fault: { abort: { httpStatus: 503 } } }),
      expected: [{ path: 'spec.http[0].fault.abort', message: 'fault abort has no percentage, so it aborts no request (Istio: "If not specified, no request will be aborted")' }],
    },
    {
      name: 'an abort uses the removed percent field',
      manifest: routeWith({ fault: { abort: { httpStatus: 503, percent: 50 } } }),
      expected: [{ path: 'spec.http[0].fault.abort', message: 'abort.percent was removed from the API and is ignored' }],
    },
    {
      name: 'a delay has no fixedDelay',
      manifest: routeWith({ fault: { delay: { percentage: { value: 50 } } } }),
      expected: [{ path: 'spec.http[0].fault.delay', message: 'fault delay has no fixedDelay, so Istio silently drops it: set fixedDelay, for example "5s"' }],
    },
    {
      name: 'a delay is empty',
      manifest: routeWith({ fault: { delay: {} } }),
      expected: [
        { path: 'spec.http[0].fault.delay', message: 'fault delay has no percentage' },
        { path: 'spec.http[0].fault.delay', message: 'fault delay has no fixedDelay' },
      ],
    },
  ]);
});
