import { validateRegex } from '../../../src/validation/format/re2';

describe('validateRegex', () => {
  it.each([
    '.*', '^/api/v[0-9]+/.*$', '.*\\.(js|css)$', '(?i)^/Reviews', '(?i:abc)', '(?P<version>v[0-9]+)', '(?<version>v[0-9]+)',
    '[[:alpha:]]+', '\\pL+', '\\p{Greek}', '\\x{10FFFF}', '\\Q*.*\\E', '\\bword\\b', '\\z', 'a{1000}', 'a{,5}',
    '(?s).', '(?m)^a$', '(?U)a+', '\u00e4+', 'a|b|c', '[a-z0-9-]+\\.example\\.com',
    'x'.repeat(1024),
  ].map(p => [JSON.stringify(p).replace(/(.)\1{9,}/g, m => `${m[0]}×${m.length}`), p]))('accepts %s', (_, pattern) => {
    expect(validateRegex(pattern)).toEqual([]);
  });

  // RE2 (Go regexp) refuses Perl and PCRE extensions
  it.each<[string, string]>([
    ['(', 'missing closing ): `(`'],
    ['ab)', 'unexpected ): `ab)`'],
    ['[', 'missing closing ]'],
    ['[z-a]', 'invalid character class range: `z-a`'],
    ['*', 'missing argument to repetition operator: `*`'],
    ['a|*', 'missing argument to repetition operator: `*`'],
    ['a**', 'invalid nested repetition operator: `**`'],
    ['a++', 'invalid nested repetition operator: `++`'],
    ['x{2}{3}', 'invalid nested repetition operator'],
    ['a{1001}', 'invalid repeat count: `{1001}`'],
    ['(?=x)', 'invalid or unsupported Perl syntax'],
    ['(?!x)', 'invalid or unsupported Perl syntax'],
    ['(a)\\1', 'invalid escape sequence: `\\1`'],
    ['\\Z', 'invalid escape sequence: `\\Z`'],
    ['\\C', 'invalid escape sequence: `\\C`'],
    ['\\', 'trailing backslash at end of expression'],
  ])('errors when the pattern is %j', (pattern, reason) => {
    const problems = validateRegex(pattern);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^regex ${escapeForRegExp(JSON.stringify(pattern))} is invalid: `));
    expect(problems[0]).toContain(reason);
    expect(problems[0]).toContain('Istio uses RE2 syntax');
  });

  it('errors when the pattern is empty', () => {
    expect(validateRegex('')).toEqual(['regex must not be empty']);
  });

  it('errors when the pattern is longer than 1024 bytes', () => {
    expect(validateRegex('x'.repeat(1025))).toEqual(['regex is too large (1025 bytes), max length allowed is 1024']);
  });

  it('measures the length in UTF-8 bytes, as Go does', () => {
    expect(validateRegex('\u00e4'.repeat(512))).toEqual([]);
    expect(validateRegex('\u00e4'.repeat(513))).toEqual(['regex is too large (1026 bytes), max length allowed is 1024']);
  });
});

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
