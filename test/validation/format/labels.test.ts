import { isLabelValue, isQualifiedName } from '../../../src/validation/format/labels';

/** Rows for it.each titled readably: long runs of one character print as `"a"×64`. */
function rows(values: string[]): Array<[string, string]> {
  return values.map(v => [JSON.stringify(v).replace(/(.)\1{9,}/g, m => `${m[0]}×${m.length}`), v]);
}

describe('isQualifiedName', () => {
  // apimachinery validation_test.go TestIsQualifiedName, successCases
  it.each(rows([
    'simple',
    'now-with-dashes',
    '1-starts-with-num',
    '1234',
    'simple/simple',
    'now-with-dashes/simple',
    'now-with-dashes/now-with-dashes',
    'now.with.dots/simple',
    'now-with.dashes-and.dots/simple',
    '1-num.2-num/3-num',
    '1234/5678',
    '1.2.3.4/5678',
    'Uppercase_Is_OK_123',
    'example.com/Uppercase_Is_OK_123',
    'requests.storage-foo',
    'a'.repeat(63),
    `${'a'.repeat(253)}/${'b'.repeat(63)}`,
    // not in the upstream table
    'app.kubernetes.io/name',
    'a',
    'a_b.c-d',
  ]))('accepts %s', (_, value) => {
    expect(isQualifiedName(value)).toEqual([]);
  });

  // TestIsQualifiedName, errorCases, with the message each gets here
  it.each([
    ['nospecialchars%^=@', 'name part must consist of'],
    ['cantendwithadash-', 'name part must consist of'],
    ['-cantstartwithadash-', 'name part must consist of'],
    ['only/one/slash', 'a qualified name must consist of'],
    ['Example.com/abc', 'prefix part must be a lowercase RFC 1123 subdomain'],
    ['example_com/abc', 'prefix part must be a lowercase RFC 1123 subdomain'],
    ['example.com/', 'name part must be non-empty'],
    ['/simple', 'prefix part must be non-empty'],
    ['a'.repeat(64), 'name part must be no more than 63 characters'],
    [`${'a'.repeat(254)}/abc`, 'prefix part must be no more than 253 characters'],
    // TestValidateServiceCreate "invalid label"
    ['NoUppercaseOrSpecialCharsLike=Equals', 'name part must consist of'],
    // not in the upstream table
    ['', 'name part must be non-empty'],
    ['/', 'prefix part must be non-empty'],
    ['a b', 'name part must consist of'],
    ['example.com/-abc', 'name part must consist of'],
    ['example.com/_abc', 'name part must consist of'],
  ])('errors when the value is %j', (value, message) => {
    const problems = isQualifiedName(value);
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining(message)]));
  });

  it('reports the prefix and the name problems together', () => {
    expect(isQualifiedName('/')).toEqual(['prefix part must be non-empty', 'name part must be non-empty']);
  });
});

describe('isLabelValue', () => {
  // TestIsValidLabelValue, successCases, and meta/v1 TestValidateLabels ("123_-.BaR")
  it.each(rows([
    'simple',
    'now-with-dashes',
    '1-starts-with-num',
    'end-with-num-1',
    '1234',
    'a'.repeat(63),
    '',
    '123_-.BaR',
    // not in the upstream table
    'v1.2.3',
    'A',
    'true',
  ]))('accepts %s', (_, value) => {
    expect(isLabelValue(value)).toEqual([]);
  });

  // TestIsValidLabelValue, errorCases, and meta/v1 TestValidateLabels labelValueErrorCases
  it.each(rows([
    'nospecialchars%^=@',
    'Tama-nui-te-rā.is.Māori.sun',
    '\\backslashes\\are\\bad',
    '-starts-with-dash',
    'ends-with-dash-',
    '.starts.with.dot',
    'ends.with.dot.',
    'some\\bad\\value',
    'bad,value',
    '?#$notsogood',
    // not in the upstream tables
    'a b',
    ' a',
    'a\n',
    '_',
  ]))('errors when the value is %s', (_, value) => {
    expect(isLabelValue(value)).toEqual([expect.stringContaining('a label value must be empty or consist of')]);
  });

  it('errors with the length alone for 64 valid characters', () => {
    // TestIsValidLabelValue "over the limit", meta/v1 TestValidateLabels "toolongvalue"
    expect(isLabelValue('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
  });
});
