import { Case, expectClean, expectFindings, verdict, withPolicy } from './helpers';

// Upstream: validateOutlierDetection (TestValidateOutlierDetection).

const outlier = (settings: Record<string, unknown>) => withPolicy({ outlierDetection: settings });
const AT = 'spec.trafficPolicy.outlierDetection';

describe('upstream verdicts (TestValidateOutlierDetection)', () => {
  it.each([
    ['valid outlier detection', { interval: '2s', baseEjectionTime: '2s', maxEjectionPercent: 50 }, true, false],
    ['bad interval', { interval: '2.000000005s' }, false, false],
    ['bad base ejection time', { baseEjectionTime: '2.000000005s' }, false, false],
    ['bad max ejection percent', { maxEjectionPercent: 105 }, false, false],
    ['panic threshold too low', { minHealthPercent: -1 }, false, false],
    ['panic threshold too high', { minHealthPercent: 101 }, false, false],
    ['deprecated ConsecutiveErrors', { consecutiveErrors: 101 }, true, true],
    ['local origin failures without split', { consecutiveLocalOriginFailures: 10 }, false, false],
  ])('%s', (_name, settings, valid, warning) => {
    const result = verdict(outlier(settings));
    expect({ valid: result.valid, warning: result.warning }).toEqual({ valid, warning });
  });
});

describe('DR019 outlier-detection-duration', () => {
  it('accepts whole milliseconds', () => expectClean('DR019', outlier({ interval: '1.5s', baseEjectionTime: '30s' })));
  const invalid: Case[] = [
    { name: 'the interval is below 1ms', manifest: outlier({ interval: '0s' }),
      expected: [{ path: `${AT}.interval`, message: 'interval "0s" is invalid: duration must be greater than 1ms' }] },
    { name: 'the base ejection time has nanoseconds', manifest: outlier({ baseEjectionTime: '2.000000005s' }),
      expected: [{ path: `${AT}.baseEjectionTime`, message: 'only durations to ms precision are supported' }] },
    { name: 'the interval is not a duration', manifest: outlier({ interval: '10' }),
      expected: [{ path: `${AT}.interval`, message: 'is not a valid duration' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('DR019', manifest, expected));
});

describe('DR020 outlier-consecutive-errors-deprecated', () => {
  it('accepts 0', () => expectClean('DR020', outlier({ consecutiveErrors: 0 })));
  it('warns on a count', () => {
    expectFindings('DR020', outlier({ consecutiveErrors: 5 }),
      [{ path: `${AT}.consecutiveErrors`, message: 'outlier detection consecutive errors is deprecated' }]);
  });
});

describe('DR021 outlier-local-origin-without-split', () => {
  it('accepts the count with split set', () => {
    expectClean('DR021', outlier({ consecutiveLocalOriginFailures: 10, splitExternalLocalOriginErrors: true }));
  });
  it('accepts 0', () => expectClean('DR021', outlier({ consecutiveLocalOriginFailures: 0 })));
  it('errors on the count without split', () => {
    expectFindings('DR021', outlier({ consecutiveLocalOriginFailures: 10, splitExternalLocalOriginErrors: false }),
      [{ path: `${AT}.consecutiveLocalOriginFailures`, message: 'split external local origin errors is set to false' }]);
  });
});

describe('DR022 outlier-detection-percent', () => {
  it('accepts 0 and 100', () => expectClean('DR022', outlier({ maxEjectionPercent: 100, minHealthPercent: 0 })));
  it('errors on 105 and -1', () => {
    expectFindings('DR022', outlier({ maxEjectionPercent: 105, minHealthPercent: -1 }), [
      { path: `${AT}.maxEjectionPercent`, message: 'percentage 105 is not in range 0..100' },
      { path: `${AT}.minHealthPercent`, message: 'percentage -1 is not in range 0..100' },
    ]);
  });
  it('checks port-level policies', () => {
    expectFindings('DR022', withPolicy({ portLevelSettings: [{ port: { number: 80 }, outlierDetection: { minHealthPercent: 101 } }] }),
      [{ path: 'spec.trafficPolicy.portLevelSettings[0].outlierDetection.minHealthPercent', message: 'percentage 101' }]);
  });
});
