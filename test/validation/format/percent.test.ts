import { checkFaultPercentage, checkMirrorPercentage } from '../../../src/validation/format/percent';

describe('checkFaultPercentage', () => {
  // validatePercentage: 0, or in [0.0001, 100]; absent means the proto default 0
  it.each<[unknown]>([[0], [0.0001], [0.001], [0.5], [1], [50], [99.9999], [100], [undefined], [null]])('accepts %j', value => {
    expect(checkFaultPercentage(value)).toEqual([]);
  });

  it.each<[unknown, string]>([
    [-1, 'percentage -1 is neither 0 nor in range [0.0001, 100]'],
    [-0.0001, 'percentage -0.0001 is neither 0 nor in range [0.0001, 100]'],
    [0.00001, 'percentage 0.00001 is neither 0 nor in range [0.0001, 100]'],
    [100.0001, 'percentage 100.0001 is neither 0 nor in range [0.0001, 100]'],
    [150, 'percentage 150 is neither 0 nor in range [0.0001, 100]'],
    ['50', 'percentage "50" must be a number'],
    ['50%', 'percentage "50%" must be a number'],
    [true, 'percentage true must be a number'],
    [{ value: 50 }, 'percentage {"value":50} must be a number'],
    [Number.NaN, 'percentage NaN must be a finite number'],
    [Number.POSITIVE_INFINITY, 'percentage Infinity must be a finite number'],
  ])('errors when the value is %j', (value, message) => {
    expect(checkFaultPercentage(value)).toEqual([message]);
  });
});

describe('checkMirrorPercentage', () => {
  // validateHTTPRoute / validateHTTPMirrors: a plain 0..100 check, tiny values included
  it.each<[unknown]>([[0], [0.00001], [0.0001], [1e-9], [50], [100], [undefined], [null]])('accepts %j', value => {
    expect(checkMirrorPercentage(value)).toEqual([]);
  });

  it.each<[unknown, string]>([
    [-1, 'percentage -1 must be in range 0..100'],
    [-0.5, 'percentage -0.5 must be in range 0..100'],
    [100.5, 'percentage 100.5 must be in range 0..100'],
    [101, 'percentage 101 must be in range 0..100'],
    ['10', 'percentage "10" must be a number'],
    [[10], 'percentage [10] must be a number'],
    [Number.NEGATIVE_INFINITY, 'percentage -Infinity must be a finite number'],
  ])('errors when the value is %j', (value, message) => {
    expect(checkMirrorPercentage(value)).toEqual([message]);
  });
});
