import { checkIstioDuration, parseGoDuration } from '../../../src/validation/format/go-duration';

const MS = 1_000_000;
const S = 1_000 * MS;
const M = 60 * S;
const H = 60 * M;

describe('parseGoDuration', () => {
  // Go src/time/time_test.go parseDurationTests (the valid rows)
  it.each<[string, number]>([
    ['0', 0],
    ['5s', 5 * S],
    ['30s', 30 * S],
    ['1478s', 1478 * S],
    ['-5s', -5 * S],
    ['+5s', 5 * S],
    ['-0', 0],
    ['+0', 0],
    ['5.0s', 5 * S],
    ['5.6s', 5 * S + 600 * MS],
    ['5.s', 5 * S],
    ['.5s', 500 * MS],
    ['1.0s', S],
    ['1.00s', S],
    ['1.004s', S + 4 * MS],
    ['1.0040s', S + 4 * MS],
    ['100.00100s', 100 * S + MS],
    ['10ns', 10],
    ['11us', 11_000],
    ['12\u00b5s', 12_000],
    ['12\u03bcs', 12_000],
    ['13ms', 13 * MS],
    ['14s', 14 * S],
    ['15m', 15 * M],
    ['16h', 16 * H],
    ['3h30m', 3 * H + 30 * M],
    ['10.5s4m', 4 * M + 10 * S + 500 * MS],
    ['-2m3.4s', -(2 * M + 3 * S + 400 * MS)],
    ['1h2m3s4ms5us6ns', H + 2 * M + 3 * S + 4 * MS + 5_000 + 6],
    ['39h9m14.425s', 39 * H + 9 * M + 14 * S + 425 * MS],
    ['52763797000ns', 52_763_797_000],
    ['0.3333333333333333333h', 20 * M],
    ['9007199254740993ns', Number(9007199254740993n)],
    ['9223372036854775807ns', Number(9223372036854775807n)],
    ['9223372036854775.807us', Number(9223372036854775807n)],
    ['9223372036s854ms775us807ns', Number(9223372036854775807n)],
    ['-9223372036854775808ns', -Number(9223372036854775808n)],
    ['-9223372036854775.808us', -Number(9223372036854775808n)],
    ['-9223372036s854ms775us808ns', -Number(9223372036854775808n)],
    ['-2562047h47m16.854775808s', -Number(9223372036854775808n)],
    ['0.100000000000000000000h', 6 * M],
    // the Istio reference's examples
    ['1m30s', 90 * S],
    ['1.5h', 90 * M],
    ['1.s', S],
    ['100ms', 100 * MS],
    ['24h', 24 * H],
    ['0s', 0],
    ['-0s', 0],
  ])('parses %j', (text, expected) => {
    expect(parseGoDuration(text)).toBe(expected);
  });

  // Go parseDurationErrorTests and the invalid rows of parseDurationTests
  it.each([
    '', '3', '-', 's', '.', '-.', '.s', '+.s', '1d', '\u0085\u0085', '\u00ffff', 'hello \u00ffff world',
    '9223372036854775810ns', // overflow
    '9223372036854775808ns', // overflow
    '9223372036854775.808us', // overflow
    '9223372036854ms775us808ns', // overflow
    '-9223372036854775809ns', // overflow
    '3000000h', // overflow
    // not in the upstream tables
    '00', '1 s', ' 1s', '1s ', '1S', '1H', '1e3s', '5s5', '1.5', 'ms', '1sec', '1m-30s', '--1s', 'P1D',
  ])('errors when the text is %j', text => {
    expect(parseGoDuration(text)).toBeUndefined();
  });

  it('returns 0, not -0, for negative zero', () => {
    expect(Object.is(parseGoDuration('-0s'), 0)).toBe(true);
    expect(Object.is(parseGoDuration('-0'), 0)).toBe(true);
  });
});

describe('checkIstioDuration', () => {
  // istio pkg/config/validation/agent/validation_test.go TestValidateDuration
  it.each<[string, number]>([
    ['{Seconds: 1}', S],
    // not in the upstream table
    ['1ms', MS],
    ['100ms', 100 * MS],
    ['24h', 24 * H],
  ])('accepts %s', (_, nanos) => {
    expect(checkIstioDuration(nanos)).toEqual([]);
  });

  // TestValidateDuration, invalid rows
  it.each<[string, number, string]>([
    ['{Seconds: 1, Nanos: -1}', S - 1, 'only durations to ms precision are supported'],
    ['{Seconds: -11, Nanos: -1}', -11 * S - 1, 'duration must be greater than 1ms'],
    ['{Nanos: 1}', 1, 'duration must be greater than 1ms'],
    ['{Seconds: 1, Nanos: 1}', S + 1, 'only durations to ms precision are supported'],
    // not in the upstream table: the reference's notes (timeout: 0s is rejected)
    ['0s', 0, 'duration must be greater than 1ms'],
    ['999us', 999_000, 'duration must be greater than 1ms'],
    ['1.5ms', 1_500_000, 'only durations to ms precision are supported'],
    ['NaN', Number.NaN, 'duration must be greater than 1ms'],
  ])('errors when the duration is %s', (_, nanos, message) => {
    expect(checkIstioDuration(nanos)).toEqual([message]);
  });

  it('works with parseGoDuration', () => {
    expect(checkIstioDuration(parseGoDuration('1.5s')!)).toEqual([]);
    expect(checkIstioDuration(parseGoDuration('1.0001s')!)).toEqual(['only durations to ms precision are supported']);
  });
});
