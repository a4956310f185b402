import {
  isDns1035Label,
  isDns1035Prefix,
  isDns1123Label,
  isDns1123LabelPrefix,
  isDns1123Subdomain,
  isDns1123SubdomainPrefix,
} from '../../../src/validation/format/dns';

/** Rows for it.each titled readably: long runs of one character print as `"a"×64`. */
function rows(values: string[]): Array<[string, string]> {
  return values.map(v => [JSON.stringify(v).replace(/(.)\1{9,}/g, m => `${m[0]}×${m.length}`), v]);
}

const LABEL_SHAPE = 'must be a lowercase RFC 1123 label';
const SUBDOMAIN_SHAPE = 'must be a lowercase RFC 1123 subdomain';
const DNS1035_SHAPE = 'must be a DNS-1035 label';

describe('isDns1123Label', () => {
  // apimachinery validation_test.go TestIsDNS1123Label, goodValues
  it.each(rows([
    'a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b',
    '0', '01', '012', '1a', '1-a', '1--a--b--2',
    'a'.repeat(63),
  ]))('accepts %s', (_, value) => {
    expect(isDns1123Label(value)).toEqual([]);
  });

  // TestIsDNS1123Label, badValues
  it.each(rows([
    '', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A',
    '-', 'a-', '-a', '1-', '-1',
    '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2',
    '.', 'a.', '.a', 'a.b', '1.', '.1', '1.2',
    ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2',
    'a'.repeat(64),
    // not in the upstream table
    'a\n', 'é', 'a\u0000b',
  ]))('errors when the value is %s', (_, value) => {
    expect(isDns1123Label(value).length).toBeGreaterThan(0);
  });

  it('errors with "must not contain dots" for a valid subdomain', () => {
    expect(isDns1123Label('a.b')).toEqual(['must not contain dots']);
    expect(isDns1123Label('1.2')).toEqual(['must not contain dots']);
  });

  it('errors with the label shape when the value is not a subdomain either', () => {
    expect(isDns1123Label('a_b')).toEqual([expect.stringContaining(LABEL_SHAPE)]);
    expect(isDns1123Label('a.')).toEqual([expect.stringContaining(LABEL_SHAPE)]);
  });

  it('errors with the length alone for 64 valid characters', () => {
    expect(isDns1123Label('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
  });

  it('errors with both the length and the shape', () => {
    expect(isDns1123Label('A'.repeat(64))).toEqual([
      'must be no more than 63 characters',
      expect.stringContaining(LABEL_SHAPE),
    ]);
  });
});

describe('isDns1123Subdomain', () => {
  // TestIsDNS1123Subdomain, goodValues
  it.each(rows([
    'a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b',
    '0', '01', '012', '1a', '1-a', '1--a--b--2',
    'a.a', 'ab.a', 'abc.a', 'a1.a', 'a-1.a', 'a--1--2--b.a',
    'a.1', 'ab.1', 'abc.1', 'a1.1', 'a-1.1', 'a--1--2--b.1',
    '0.a', '01.a', '012.a', '1a.a', '1-a.a', '1--a--b--2',
    '0.1', '01.1', '012.1', '1a.1', '1-a.1', '1--a--b--2.1',
    'a.b.c.d.e', 'aa.bb.cc.dd.ee', '1.2.3.4.5', '11.22.33.44.55',
    'a'.repeat(253),
    // not in the upstream table: labels longer than 63 are fine inside a subdomain
    `${'a'.repeat(100)}.${'b'.repeat(100)}`,
  ]))('accepts %s', (_, value) => {
    expect(isDns1123Subdomain(value)).toEqual([]);
  });

  // TestIsDNS1123Subdomain, badValues
  it.each(rows([
    '', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A',
    '-', 'a-', '-a', '1-', '-1',
    '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2',
    '.', 'a.', '.a', 'a..b', '1.', '.1', '1..2',
    ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2',
    'A.a', 'aB.a', 'ab.A', 'A1.a', 'a1.A',
    'A.1', 'aB.1', 'A1.1', '1A.1',
    '0.A', '01.A', '012.A', '1A.a', '1a.A',
    'A.B.C.D.E', 'AA.BB.CC.DD.EE', 'a.B.c.d.e', 'aa.bB.cc.dd.ee',
    'a@b', 'a,b', 'a_b', 'a;b',
    'a:b', 'a%b', 'a?b', 'a$b',
    'a'.repeat(254),
    // not in the upstream table
    'a.-b', 'a-.b', '*.example.com',
  ]))('errors when the value is %s', (_, value) => {
    expect(isDns1123Subdomain(value).length).toBeGreaterThan(0);
  });

  it('names the shape and the length in its messages', () => {
    expect(isDns1123Subdomain('a_b')).toEqual([expect.stringContaining(SUBDOMAIN_SHAPE)]);
    expect(isDns1123Subdomain('a'.repeat(254))).toEqual(['must be no more than 253 characters']);
  });
});

describe('isDns1035Label', () => {
  // TestIsDNS1035Label, goodValues
  it.each(rows(['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', 'a'.repeat(63)]))('accepts %s', (_, value) => {
    expect(isDns1035Label(value)).toEqual([]);
  });

  // TestIsDNS1035Label, badValues
  it.each(rows([
    '0', '01', '012', '1a', '1-a', '1--a--b--2',
    '', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A',
    '-', 'a-', '-a', '1-', '-1',
    '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2',
    '.', 'a.', '.a', 'a.b', '1.', '.1', '1.2',
    ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2',
    'a'.repeat(64),
  ]))('errors when the value is %s', (_, value) => {
    expect(isDns1035Label(value).length).toBeGreaterThan(0);
  });

  it('errors on a leading digit with the DNS-1035 shape', () => {
    expect(isDns1035Label('123-abc')).toEqual([expect.stringContaining(DNS1035_SHAPE)]);
    expect(isDns1035Label('123-abc')[0]).toContain('starting with a letter');
  });

  it('errors with the length alone for 64 valid characters', () => {
    expect(isDns1035Label('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
  });
});

// The prefix variants follow apimachinery's maskTrailingDash (api/validation/generic.go): a
// value longer than one character that ends with '-' has its last TWO characters replaced
// by 'a' before the name check; a lone '-' is checked as it is.
describe('isDns1035Prefix', () => {
  it.each(rows([
    'foo-', // TestValidateObjectMetaTrimsTrailingSlash (there with NameIsDNSSubdomain)
    'foo',
    'a-',
    'my-service-',
    'a'.repeat(63),
    // the quirk: "1-" masks to "a", "A-" to "a"
    '1-',
    'A-',
    // 64 characters ending with '-' mask to 63
    `${'a'.repeat(63)}-`,
  ]))('accepts %s', (_, value) => {
    expect(isDns1035Prefix(value)).toEqual([]);
  });

  it.each(rows([
    '-123', // TestValidateServiceCreate "invalid generateName"
    'a'.repeat(64), // TestValidateServiceCreate "too long generateName"
    '-', // too short to be masked
    '1a-', // masks to "1a"
    'Foo-', // masks to "Fa"
    'a_b-',
    'a.b-',
  ]))('errors when the prefix is %s', (_, value) => {
    expect(isDns1035Prefix(value).length).toBeGreaterThan(0);
  });
});

describe('isDns1123SubdomainPrefix', () => {
  it.each(rows(['foo-', 'foo', 'a-', '1-', 'foo.bar-', 'a..-', 'a'.repeat(253), `${'a'.repeat(253)}-`]))('accepts %s', (_, value) => {
    expect(isDns1123SubdomainPrefix(value)).toEqual([]);
  });

  it.each(rows(['-', '-123', 'a'.repeat(254), 'Foo-', 'foo_-x', '.foo-']))('errors when the prefix is %s', (_, value) => {
    expect(isDns1123SubdomainPrefix(value).length).toBeGreaterThan(0);
  });
});

describe('isDns1123LabelPrefix', () => {
  it.each(rows(['foo-', '1-', '123-abc-', 'foo']))('accepts %s', (_, value) => {
    expect(isDns1123LabelPrefix(value)).toEqual([]);
  });

  it.each([
    ['-', expect.stringContaining(LABEL_SHAPE)],
    ['foo.bar-', 'must not contain dots'],
    ['Foo-', expect.stringContaining(LABEL_SHAPE)],
  ])('errors when the prefix is %j', (value, message) => {
    expect(isDns1123LabelPrefix(value)).toEqual([message]);
  });
});
