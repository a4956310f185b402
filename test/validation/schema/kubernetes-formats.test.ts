import * as path from 'path';
import { formats } from '../../../src/validation/schema/kubernetes-formats';

/** The format table of @kubernetes-models/validate, as kubernetes-models 4.5.1 resolves it. */
function packageFormats(): { readonly [name: string]: { validate: (value: never) => boolean } } {
  const schemas = path.join(path.dirname(require.resolve('kubernetes-models/v1/Service')), '..', '_schemas');
  const entry = require.resolve('@kubernetes-models/validate', { paths: [schemas] });
  return (require(entry) as { formats: ReturnType<typeof packageFormats> }).formats;
}

const NUMBERS = [0, 1, -1, 1.5, -0.5, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 2 ** 53, 2 ** 53 + 2, 2 ** 64, -(2 ** 64), 1e300, Infinity, -Infinity, NaN, Number.EPSILON];

const DATE_TIMES = [
  '2024-01-01T00:00:00Z', '2024-01-01t00:00:00z', '2024-01-01 00:00:00Z', '2024-01-01\t00:00:00Z', '2024-01-01\n00:00:00Z',
  '2024-01-01T00:00:00', '2024-01-01T00:00:00.123456789Z', '2024-01-01T00:00:00.Z', '2024-01-01T00:00:00+01:00',
  '2024-01-01T00:00:00+0100', '2024-01-01T00:00:00+01', '2024-01-01T00:00:00-23:59', '2024-01-01T00:00:00+1',
  '2024-02-29T12:00:00Z', '2023-02-29T12:00:00Z', '1900-02-29T12:00:00Z', '2000-02-29T12:00:00Z', '2024-04-31T00:00:00Z',
  '2024-00-10T00:00:00Z', '2024-13-10T00:00:00Z', '2024-01-00T00:00:00Z', '2024-01-32T00:00:00Z', '0000-01-01T00:00:00Z',
  '2024-12-31T23:59:60Z', '2024-12-31T23:58:60Z', '2024-12-31T24:00:00Z', '2024-12-31T23:60:00Z', '2024-12-31T22:59:60Z',
  '2024-1-01T00:00:00Z', '24-01-01T00:00:00Z', '2024-01-01T0:00:00Z', '2024-01-01', '00:00:00Z', '', 'T', 'yesterday',
  '2024-01-01T00:00:00ZT', '2024-01-01TT00:00:00Z', '2024-01-01T00:00:00Z ', ' 2024-01-01T00:00:00Z', '２０２４-01-01T00:00:00Z',
  '2024-01-01T00:00:00\u00a0', '2024-01-01\u00a000:00:00Z', '2024-01-01T00:00:00.5+05:30',
];

describe('the Kubernetes formats give the verdicts of @kubernetes-models/validate', () => {
  const original = packageFormats();

  it.each(['int32', 'int64'] as const)('%s', name => {
    for (const value of NUMBERS) {
      expect([value, formats[name].validate(value)]).toEqual([value, original[name].validate(value as never)]);
    }
  });

  it('date-time', () => {
    for (const value of DATE_TIMES) {
      expect([value, formats['date-time'].validate(value)]).toEqual([value, original['date-time'].validate(value as never)]);
    }
  });
});
