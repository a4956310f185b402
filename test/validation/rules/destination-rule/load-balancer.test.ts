import { isEnvoyPrime } from '../../../../src/validation/rules/destination-rule/load-balancer';
import { Case, CleanCase, expectClean, expectFindings, verdict, withPolicy } from './helpers';

// Upstream: validateLoadBalancer (TestValidateLoadBalancer) and the CRD's oneOf of
// simple / consistentHash / backendUtilization.

const lb = (loadBalancer: unknown, extra: Record<string, unknown> = {}) => withPolicy({ loadBalancer, ...extra });
const AT = 'spec.trafficPolicy.loadBalancer';
const hash = (consistentHash: unknown) => lb({ consistentHash });

describe('upstream verdicts (TestValidateLoadBalancer)', () => {
  it.each([
    ['simple load balancing', { simple: 'ROUND_ROBIN' }, true],
    ['consistentHash with a cookie (and the deprecated ring size)', { consistentHash: { minimumRingSize: 1024, httpCookie: { name: 'test', ttl: '3600s' } } }, true],
    ['consistentHash cookie without name', { consistentHash: { minimumRingSize: 1024, httpCookie: { ttl: '3600s' } } }, false],
    ['maglev table size not prime', { consistentHash: { maglev: { tableSize: 1000 } } }, false],
    ['unique cookie attributes', { consistentHash: { httpCookie: { name: 'c', attributes: [{ name: 'SameSite', value: 'Strict' }, { name: 'Secure' }, { name: 'HttpOnly' }] } } }, true],
    ['duplicate cookie attribute names', { consistentHash: { httpCookie: { name: 'c', attributes: [{ name: 'SameSite', value: 'Strict' }, { name: 'SameSite', value: 'Lax' }] } } }, false],
    ['empty cookie attribute name', { consistentHash: { httpCookie: { name: 'c', attributes: [{ name: 'SameSite' }, { name: '', value: 'x' }] } } }, false],
    ['localityLbSetting and zoneAwareLbSetting both set', { localityLbSetting: {}, zoneAwareLbSetting: {} }, false],
    ['zoneAwareLbSetting only', { zoneAwareLbSetting: { failover: [{ from: 'us-east', to: 'eu-west' }] } }, true],
  ])('%s', (_name, settings, valid) => expect(verdict(lb(settings)).valid).toBe(valid));
});

describe('DR028 load-balancer-one-algorithm', () => {
  it('accepts one algorithm', () => expectClean('DR028', lb({ simple: 'LEAST_REQUEST', localityLbSetting: { enabled: true } })));
  it('errors on simple with consistentHash', () => {
    expectFindings('DR028', lb({ simple: 'ROUND_ROBIN', consistentHash: { useSourceIp: true } }),
      [{ path: AT, message: 'loadBalancer sets simple and consistentHash: it must set only one of simple, consistentHash or backendUtilization' }]);
  });
  it('checks policies the webhook does not inspect', () => {
    expectFindings('DR028', withPolicy({ tunnel: { targetHost: 'p', targetPort: 1 }, proxyProtocol: {}, loadBalancer: { simple: 'RANDOM', backendUtilization: {} } }),
      [{ path: AT, message: 'loadBalancer sets simple and backendUtilization' }]);
  });
});

describe('DR029 http-cookie-name', () => {
  it('accepts a name', () => expectClean('DR029', hash({ httpCookie: { name: 'user', ttl: '0s' } })));
  it('errors without a name', () => {
    expectFindings('DR029', hash({ httpCookie: { ttl: '3600s' } }),
      [{ path: `${AT}.consistentHash.httpCookie.name`, message: 'name required for HttpCookie' }]);
  });
});

describe('DR030 http-cookie-attributes', () => {
  it('errors on an empty and a repeated name', () => {
    expectFindings('DR030', hash({ httpCookie: { name: 'c', attributes: [{ name: 'SameSite' }, { name: '' }, { name: 'SameSite', value: 'Lax' }, null] } }), [
      { path: `${AT}.consistentHash.httpCookie.attributes[1].name`, message: 'cookie attribute name cannot be empty' },
      { path: `${AT}.consistentHash.httpCookie.attributes[2].name`, message: 'duplicate cookie attribute name: "SameSite"' },
      { path: `${AT}.consistentHash.httpCookie.attributes[3].name`, message: 'cookie attribute name cannot be empty' },
    ]);
  });
});

describe('DR031 minimum-ring-size-deprecated', () => {
  it('accepts ringHash', () => expectClean('DR031', hash({ useSourceIp: true, ringHash: { minimumRingSize: 1024 } })));
  it('warns on minimumRingSize', () => {
    expectFindings('DR031', hash({ useSourceIp: true, minimumRingSize: 1024 }),
      [{ path: `${AT}.consistentHash.minimumRingSize`, message: 'consistent hash MinimumRingSize is deprecated' }]);
  });
  it('reads a uint64 written as a string', () => {
    expectFindings('DR031', hash({ useSourceIp: true, minimumRingSize: '1024' }),
      [{ path: `${AT}.consistentHash.minimumRingSize`, message: 'ringHash: {minimumRingSize: 1024}' }]);
  });
});

describe('DR032 minimum-ring-size-with-hash-algorithm', () => {
  it('errors on minimumRingSize with maglev', () => {
    expectFindings('DR032', hash({ useSourceIp: true, minimumRingSize: 1024, maglev: { tableSize: 65537 } }),
      [{ path: `${AT}.consistentHash.minimumRingSize`, message: 'only one of MinimumRingSize or Maglev/Ringhash can be specified' }]);
  });
});

describe('DR033 maglev-table-size', () => {
  const clean: CleanCase[] = [
    { name: '65537', manifest: hash({ maglev: { tableSize: 65537 } }) },
    { name: '3 (Envoy counts 1-3 as prime)', manifest: hash({ maglev: { tableSize: 3 } }) },
    { name: '5000011 minus a prime gap (4999999)', manifest: hash({ maglev: { tableSize: 4999999 } }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('DR033', manifest));

  const invalid: Case[] = [
    { name: 'the size is missing', manifest: hash({ maglev: {} }),
      expected: [
        { path: `${AT}.consistentHash.maglev.tableSize`, message: 'tableSize must be set for maglev' },
        { path: `${AT}.consistentHash.maglev.tableSize`, message: 'tableSize must be a prime number for maglev, got 0' },
      ] },
    { name: 'the size is 1000', manifest: hash({ maglev: { tableSize: 1000 } }),
      expected: [{ path: `${AT}.consistentHash.maglev.tableSize`, message: 'tableSize must be a prime number for maglev, got 1000' }] },
    { name: 'the size is 5000011 (prime, but too large)', manifest: hash({ maglev: { tableSize: 5000011 } }),
      expected: [{ path: `${AT}.consistentHash.maglev.tableSize`, message: 'tableSize must be less than 5000011 for maglev' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('DR033', manifest, expected));

  it('refuses huge sizes without testing them for primality', () => {
    expectFindings('DR033', hash({ maglev: { tableSize: 9007199254740991 } }),
      [{ path: `${AT}.consistentHash.maglev.tableSize`, message: 'tableSize must be less than 5000011' }]);
  });

  it('isEnvoyPrime follows Envoy', () => {
    expect([0, 1, 2, 3, 4, 9, 65537, 1000].map(isEnvoyPrime)).toEqual([false, true, true, true, false, false, true, false]);
  });
});

describe('DR034 load-balancer-warmup', () => {
  it('accepts a warmup', () => expectClean('DR034', lb({ simple: 'ROUND_ROBIN', warmup: { duration: '60s', minimumPercent: 10, aggression: 1 } })));
  it('accepts a sub-millisecond warmupDurationSecs above 1ms (only the CEL rule applies)', () => {
    expectClean('DR034', lb({ simple: 'ROUND_ROBIN', warmupDurationSecs: '1.5ms' }));
  });
  const invalid: Case[] = [
    { name: 'the duration is missing', manifest: lb({ warmup: { minimumPercent: 10 } }),
      expected: [{ path: `${AT}.warmup.duration`, message: 'duration is required' }] },
    { name: 'the duration is below 1ms', manifest: lb({ warmup: { duration: '0s' } }),
      expected: [{ path: `${AT}.warmup.duration`, message: 'duration must be greater than 1ms' }] },
    { name: 'minimumPercent is above 100 and aggression 0', manifest: lb({ warmup: { duration: '1m', minimumPercent: 101, aggression: 0 } }),
      expected: [
        { path: `${AT}.warmup.minimumPercent`, message: 'minimumPercent value should be less than or equal to 100' },
        { path: `${AT}.warmup.aggression`, message: 'aggression should be greater than 0' },
      ] },
    { name: 'warmupDurationSecs is below 1ms', manifest: lb({ warmupDurationSecs: '0s' }),
      expected: [{ path: `${AT}.warmupDurationSecs`, message: 'must be a valid duration greater than 1ms' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('DR034', manifest, expected));
});
