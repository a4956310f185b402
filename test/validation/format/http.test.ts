import { checkHeaderValue, checkHttpStatus, isHeaderToken, isHttpStatusWithText } from '../../../src/validation/format/http';

describe('isHttpStatusWithText', () => {
  // Go net/http status.go: the codes StatusText knows (the reference's §2.9 list)
  it.each([
    100, 101, 102, 103, 200, 204, 208, 226, 300, 305, 307, 308, 400, 404, 417, 418, 421, 425, 426, 428, 429, 431, 451,
    500, 503, 504, 508, 510, 511,
  ])('knows %j', code => {
    expect(isHttpStatusWithText(code)).toBe(true);
  });

  it.each([0, 99, 104, 209, 225, 299, 306, 309, 419, 420, 427, 430, 432, 450, 452, 499, 509, 512, 599, 600, 503.5, -503])(
    'does not know %j',
    code => {
      expect(isHttpStatusWithText(code)).toBe(false);
    },
  );
});

describe('checkHttpStatus', () => {
  // validateHTTPStatus: 200..600 (600 passes although the message says 200-599)
  it.each([200, 201, 404, 418, 503, 599, 600])('accepts %j', code => {
    expect(checkHttpStatus(code)).toEqual([]);
  });

  it.each<[unknown, string]>([
    [0, 'HTTP status 0 is not in range 200-600'],
    [199, 'HTTP status 199 is not in range 200-600'],
    [601, 'HTTP status 601 is not in range 200-600'],
    [-1, 'HTTP status -1 is not in range 200-600'],
    [100, 'HTTP status 100 is not in range 200-600'],
    [503.5, 'HTTP status 503.5 must be an integer'],
    ['503', 'HTTP status "503" must be an integer'],
    [null, 'HTTP status null must be an integer'],
    [undefined, 'HTTP status undefined must be an integer'],
    [{ code: 503 }, 'HTTP status {"code":503} must be an integer'],
    [Number.NaN, 'HTTP status NaN must be an integer'],
  ])('errors when the status is %j', (code, message) => {
    expect(checkHttpStatus(code)).toEqual([message]);
  });
});

describe('isHeaderToken', () => {
  it.each(['x-user', 'X-User', 'content-type', 'x_custom', "!#$%&'*+-.^_`|~", 'a1', 'x.y'])(
    'accepts %j',
    name => {
      expect(isHeaderToken(name)).toBe(true);
    },
  );

  it.each(['', ':authority', 'x user', 'x:y', 'a(b)', 'a,b', 'a/b', 'a;b', 'a=b', 'a"b', 'a\tb', 'a\nb', '\u00e4', '@request.auth.claims.sub', '[a]', '{a}'])(
    'refuses %j',
    name => {
      expect(isHeaderToken(name)).toBe(false);
    },
  );
});

describe('checkHeaderValue', () => {
  it.each([
    // the examples in Istio's ValidateHTTPHeaderValue doc comment
    'foo', '%HOSTNAME%', '100%%', 'prefix %HOSTNAME% suffix',
    // not in the upstream examples: Envoy's custom-header syntax
    '', 'a\tb', '%%%%', '%%HOSTNAME%%', '%REQ(x-user)%', '%UPSTREAM_METADATA(["envoy.lb", "version"])%',
    '%UPSTREAM_METADATA( [ "a" , "b" ] ) %', '%PER_REQUEST_STATE(a\\)b)%', '%START_TIME(%s.%3f)%',
    '%DOWNSTREAM_PEER_URI_SAN%', 'caf\u00e9', 'x%HOSTNAME%y%%z',
  ])('accepts %j', value => {
    expect(checkHeaderValue(value)).toEqual([]);
  });

  it.each<[string, string]>([
    // the examples in Istio's ValidateHTTPHeaderValue doc comment and the reference
    ['abc%123', 'header value "abc%123" is invalid: un-terminated variable expression'],
    ['%START_TIME%%', 'header value "%START_TIME%%" is invalid: un-escaped % at the end'],
    // not in the upstream examples
    ['100%', 'un-escaped % at the end'],
    ['%', 'un-escaped % at the end'],
    ['%%%', 'un-escaped % at the end'],
    ['%HOSTNAME', 'un-terminated variable expression'],
    ['50% off', 'un-terminated variable expression'],
    ['%REQ(x-user)', 'un-terminated variable expression'],
    ['%UPSTREAM_METADATA(["a" "b"])%', "expecting ',', ']' or a space at position 24, found '\"'"],
    ['%UPSTREAM_METADATA([a])%', "expecting '\"' at position 20, found 'a'"],
    ['%UPSTREAM_METADATA(["a"]x)%', "expecting ')' or a space at position 24, found 'x'"],
    ['%REQ(a)x%', "expecting '%' or a space at position 7, found 'x'"],
    ['%REQ("a\\', 'un-terminated backslash in a JSON string'],
  ])('errors when the value is %j', (value, message) => {
    const problems = checkHeaderValue(value);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });

  // protoc-gen-validate's header value pattern: no control characters but TAB
  it.each(['a\nb', 'a\rb', 'a\u0000b', 'a\u0001b', 'a\u001fb', 'a\u007fb', '\r\nX-Injected: 1'])(
    'errors when the value %j has a control character',
    value => {
      expect(checkHeaderValue(value)).toEqual([
        `header value ${JSON.stringify(value)} must not contain control characters other than TAB`,
      ]);
    },
  );
});
