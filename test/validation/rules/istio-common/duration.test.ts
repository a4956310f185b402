import { checkProtoDuration, protoDurationNanos } from '../../../../src/validation/rules/istio-common/duration';
import { collect, expectReported } from './helpers';

// Upstream: agent.ValidateDuration (pkg/config/validation/agent/validation.go) and the CRD's
// CEL rule duration(self) >= duration('1ms'); TestValidateConnectionPool's idleTimeout rows.

const PATH = 'spec.trafficPolicy.outlierDetection.interval';

describe('checkProtoDuration', () => {
  const run = (value: unknown, options?: Parameters<typeof checkProtoDuration>[3]) =>
    collect(report => checkProtoDuration(value, PATH, report, options));

  it.each(['1ms', '10s', '1.5s', '1h30m', '0.001s'])('accepts %s', value => expect(run(value)).toEqual([]));
  it.each([undefined, null])('skips %s', value => expect(run(value)).toEqual([]));

  it('errors when the duration is below 1ms', () => {
    expectReported(run('0s'), [{ path: PATH, message: 'interval "0s" is invalid: duration must be greater than 1ms' }]);
  });

  it('errors when the duration is negative', () => {
    expectReported(run('-1s'), [{ path: PATH, message: 'duration must be greater than 1ms' }]);
  });

  it('errors when the duration is not whole milliseconds', () => {
    expectReported(run('1.5ms'), [{ path: PATH, message: 'only durations to ms precision are supported' }]);
  });

  it('errors when the text is not a duration', () => {
    expectReported(run('10 seconds'), [{ path: PATH, message: 'interval "10 seconds" is not a valid duration' }]);
  });

  it('errors when the value is a number', () => {
    expectReported(run(10), [{ path: PATH, message: 'interval must be a duration string, got a number 10' }]);
  });

  describe('allowZero', () => {
    it.each(['0s', '0', '500us', '-999us'])('accepts %s (zero milliseconds disables the timeout)', value => {
      expect(run(value, { allowZero: true })).toEqual([]);
    });
    it('still errors on a negative duration of a millisecond or more', () => {
      expectReported(run('-1ms', { allowZero: true }), [{ path: PATH, message: 'duration must be greater than 1ms' }]);
    });
    it('still errors on sub-millisecond precision', () => {
      expectReported(run('1500us', { allowZero: true }), [{ path: PATH, message: 'only durations to ms precision are supported' }]);
    });
  });

  describe('celOnly', () => {
    it('accepts sub-millisecond precision above 1ms', () => expect(run('1.5ms', { celOnly: true })).toEqual([]));
    it('errors below 1ms with the CEL message', () => {
      expectReported(run('500us', { celOnly: true }), [{ path: PATH, message: 'must be a valid duration greater than 1ms' }]);
    });
    it('errors on text that is not a duration', () => {
      expectReported(run('soon', { celOnly: true }), [{ path: PATH, message: 'is not a valid duration' }]);
    });
  });

  it('protoDurationNanos reads valid durations only', () => {
    expect(protoDurationNanos('1.5s')).toBe(1_500_000_000);
    expect(protoDurationNanos('0s')).toBeUndefined();
    expect(protoDurationNanos(5)).toBeUndefined();
  });
});
