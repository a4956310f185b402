import { isValidPortName, isValidPortNum } from '../../../src/validation/format/ports';

describe('isValidPortNum', () => {
  // apimachinery validation_test.go TestIsValidPortNum, goodValues
  it.each([1, 2, 1000, 16384, 32768, 65535])('accepts %j', value => {
    expect(isValidPortNum(value)).toEqual([]);
  });

  // TestIsValidPortNum, badValues, then values YAML may give that are not integers
  it.each([0, -1, 65536, 100000, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '80', null, undefined, true, [80]])(
    'errors when the value is %p',
    value => {
      expect(isValidPortNum(value)).toEqual(['must be between 1 and 65535, inclusive']);
    },
  );
});

describe('isValidPortName', () => {
  // TestIsValidPortName, goodValues
  it.each(['telnet', 're-mail-ck', 'pop3', 'a', 'a-1', '1-a', 'a-1-b-2-c', '1-a-2-b-3', 'a'.repeat(15)])(
    'accepts %j',
    value => {
      expect(isValidPortName(value)).toEqual([]);
    },
  );

  // TestIsValidPortName, badValues, with the messages apimachinery gives (in its order)
  it.each([
    ['longerthan15characters', ['must be no more than 15 characters']],
    ['', [
      'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'must contain at least one letter (a-z)',
    ]],
    ['a'.repeat(16), ['must be no more than 15 characters']],
    ['12345', ['must contain at least one letter (a-z)']],
    ['1-2-3-4', ['must contain at least one letter (a-z)']],
    ['-begin', ['must not begin or end with a hyphen']],
    ['end-', ['must not begin or end with a hyphen']],
    ['two--hyphens', ['must not contain consecutive hyphens']],
    ['whois++', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)']],
    // not in the upstream table
    ['HTTP', [
      'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'must contain at least one letter (a-z)',
    ]],
    ['8080', ['must contain at least one letter (a-z)']],
    ['-', [
      'must contain at least one letter (a-z)',
      'must not begin or end with a hyphen',
    ]],
  ])('errors when the name is %j', (value, messages) => {
    expect(isValidPortName(value)).toEqual(messages);
  });
});
