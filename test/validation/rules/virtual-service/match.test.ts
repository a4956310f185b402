import { JsonObject } from '../../../../src/validation/manifest';
import { onlyRoute, routeWith, ruleTable } from './http-table';

/** A route with one match entry. */
const withMatch = (match: unknown): JsonObject => routeWith({ match: [match] });
/** A root route (delegate) with one match entry: matches are checked for every route type. */
const rootWithMatch = (match: unknown): JsonObject => onlyRoute({ delegate: { name: 'test', namespace: 'test' }, match: [match] });

describe('VS028 header-match-null', () => {
  ruleTable('VS028', [
    { name: 'a header presence match {}', manifest: withMatch({ headers: { 'x-user': {} } }) },
    // TestValidateHTTPRoute "match with nil element", "nil match"
    { name: 'a null match entry', manifest: routeWith({ match: [null] }) },
    { name: 'no match', manifest: routeWith({ match: null }) },
    { name: 'a null withoutHeaders value (not checked)', manifest: withMatch({ withoutHeaders: { 'x-user': null } }) },
  ], [
    {
      // TestValidateHTTPRoute "null header match"
      name: 'a header match is null',
      manifest: withMatch({ headers: { header: null } }),
      expected: [{ path: 'spec.http[0].match[0].headers["header"]', message: 'header match "header" cannot be null: write {} to match any value of the header' }],
    },
    {
      // TestValidateRootHTTPRoute "null header match"
      name: 'a header match of a root route is null',
      manifest: rootWithMatch({ headers: { header: null } }),
      expected: [{ path: 'spec.http[0].match[0].headers["header"]', message: 'cannot be null' }],
    },
  ]);
});

describe('VS029 header-match-names', () => {
  ruleTable('VS029', [
    // TestValidateHTTPHeaderName: "header1", "X-Requested-With", ":authority", "funky!$#_"
    { name: 'a plain header', manifest: withMatch({ headers: { header1: { exact: 'a' } } }) },
    { name: 'a mixed-case header', manifest: withMatch({ headers: { 'X-Requested-With': { exact: 'a' } } }) },
    { name: 'a pseudo-header', manifest: withMatch({ headers: { ':authority': { exact: 'a' } } }) },
    { name: 'token punctuation', manifest: withMatch({ withoutHeaders: { 'funky!$#_': {} } }) },
    { name: 'a JWT claim with a dot', manifest: withMatch({ headers: { '@request.auth.claims.group': { exact: 'admin' } } }) },
    { name: 'a nested JWT claim in brackets', manifest: withMatch({ headers: { '@request.auth.claims[nested][key]': { exact: 'a' } } }) },
  ], [
    {
      // TestValidateHTTPHeaderName ""
      name: 'a header name is empty',
      manifest: withMatch({ headers: { '': { exact: 'a' } } }),
      expected: [{ path: 'spec.http[0].match[0].headers[""]', message: 'header name cannot be empty' }],
    },
    {
      // TestValidateHTTPHeaderName "::"
      name: 'a header name is "::"',
      manifest: withMatch({ headers: { '::': { exact: 'a' } } }),
      expected: [{ path: 'spec.http[0].match[0].headers["::"]', message: 'header name "::" is not a valid header name: use RFC 7230 token characters' }],
    },
    {
      // TestValidateHTTPHeaderName "illegal\"char"
      name: 'a withoutHeaders name has a quote',
      manifest: withMatch({ withoutHeaders: { 'illegal"char': {} } }),
      expected: [{ path: 'spec.http[0].match[0].withoutHeaders["illegal\\"char"]', message: 'header name "illegal\\"char" is not a valid header name' }],
    },
    {
      name: 'a header name has a space',
      manifest: withMatch({ headers: { 'x user': { exact: 'a' } } }),
      expected: [{ path: 'spec.http[0].match[0].headers["x user"]', message: 'a pseudo-header (:method, :scheme, :authority, :path, :status) or a JWT claim key (@request.auth.claims.<claim>)' }],
    },
    {
      name: 'a JWT claim key has no claim',
      manifest: withMatch({ headers: { '@request.auth.claims.': { exact: 'a' } } }),
      expected: [{ path: 'spec.http[0].match[0].headers["@request.auth.claims."]', message: 'is not a valid header name' }],
    },
  ]);
});

describe('VS030 string-match', () => {
  ruleTable('VS030', [
    { name: 'uri prefix, exact and regex', manifest: routeWith({ match: [{ uri: { prefix: '/a' } }, { uri: { exact: '/b' } }, { uri: { regex: '/c/[0-9]+' } }] }) },
    { name: 'an empty uri prefix (Envoy allows it)', manifest: withMatch({ uri: { prefix: '' } }) },
    { name: 'an empty uri exact', manifest: withMatch({ uri: { exact: '' } }) },
    { name: 'a method, scheme and authority', manifest: withMatch({ method: { exact: 'GET' }, scheme: { prefix: 'http' }, authority: { regex: '.*\\.example\\.com' } }) },
    // TestValidateRootHTTPRoute "prefix header match", "exact header match", "regex header match", "regex uri match", "prefix queryParams match"...
    { name: 'header prefix, exact and regex matches', manifest: withMatch({ headers: { a: { prefix: 'test' }, b: { exact: 'test' }, c: { regex: 'test' } } }) },
    { name: 'query parameter matches', manifest: withMatch({ queryParams: { q: { prefix: 'test' }, r: { exact: '' } } }) },
    { name: 'a header presence match {}', manifest: withMatch({ headers: { a: {} } }) },
    { name: 'withoutHeaders regex "*" (a presence match, not RE2)', manifest: withMatch({ withoutHeaders: { 'x-debug': { regex: '*' } } }) },
    { name: 'a regex match on a root route', manifest: rootWithMatch({ uri: { regex: 'test' } }) },
    { name: 'a regex of 1024 characters', manifest: withMatch({ uri: { regex: 'a'.repeat(1024) } }) },
  ], [
    {
      // TestValidateHTTPRoute "empty prefix header match"
      name: 'a header prefix is empty',
      manifest: withMatch({ headers: { emptyprefix: { prefix: '' } } }),
      expected: [{ path: 'spec.http[0].match[0].headers["emptyprefix"].prefix', message: 'header "emptyprefix" prefix string match should not be empty: Envoy rejects an empty prefix; write {} to match any value' }],
    },
    {
      name: 'the scheme prefix is empty',
      manifest: withMatch({ scheme: { prefix: '' } }),
      expected: [{ path: 'spec.http[0].match[0].scheme.prefix', message: 'scheme prefix string match should not be empty: Envoy rejects an empty prefix; omit the field to match any value' }],
    },
    {
      name: 'a query parameter prefix is empty',
      manifest: withMatch({ queryParams: { q: { prefix: '' } } }),
      expected: [{ path: 'spec.http[0].match[0].queryParams["q"].prefix', message: 'query parameter "q" prefix string match should not be empty' }],
    },
    {
      // TestValidateRootHTTPRoute "empty regex match in method"
      name: 'the method regex is empty',
      manifest: withMatch({ method: { regex: '' } }),
      expected: [{ path: 'spec.http[0].match[0].method.regex', message: 'invalid method regex: regex must not be empty' }],
    },
    {
      // TestValidateRootHTTPRoute "empty regex match in uri"
      name: 'the uri regex is empty',
      manifest: withMatch({ uri: { regex: '' } }),
      expected: [{ path: 'spec.http[0].match[0].uri.regex', message: 'invalid uri regex: regex must not be empty' }],
    },
    {
      // TestValidateRootHTTPRoute "empty regex match in query"
      name: 'a query parameter regex is empty',
      manifest: withMatch({ queryParams: { q: { regex: '' } } }),
      expected: [{ path: 'spec.http[0].match[0].queryParams["q"].regex', message: 'invalid query parameter "q" regex' }],
    },
    {
      // TestValidateRootHTTPRoute "empty regex match in scheme"
      name: 'the scheme regex is empty',
      manifest: withMatch({ scheme: { regex: '' } }),
      expected: [{ path: 'spec.http[0].match[0].scheme.regex', message: 'invalid scheme regex' }],
    },
    {
      name: 'a uri regex does not compile',
      manifest: withMatch({ uri: { regex: '/api/(v1' } }),
      expected: [{ path: 'spec.http[0].match[0].uri.regex', message: 'invalid uri regex: regex "/api/(v1" is invalid' }],
    },
    {
      name: 'a header regex uses a lookahead (not RE2)',
      manifest: withMatch({ headers: { 'x-a': { regex: '(?!foo).*' } } }),
      expected: [{ path: 'spec.http[0].match[0].headers["x-a"].regex', message: 'invalid header "x-a" regex' }],
    },
    {
      name: 'a withoutHeaders regex is invalid (other than "*")',
      manifest: withMatch({ withoutHeaders: { 'x-a': { regex: '*a' } } }),
      expected: [{ path: 'spec.http[0].match[0].withoutHeaders["x-a"].regex', message: 'invalid withoutHeaders "x-a" regex' }],
    },
    {
      name: 'a regex is longer than 1024 characters',
      manifest: withMatch({ authority: { regex: 'a'.repeat(1025) } }),
      expected: [{ path: 'spec.http[0].match[0].authority.regex', message: 'max length allowed is 1024' }],
    },
    {
      name: 'a StringMatch sets exact and prefix (CRD oneOf)',
      manifest: withMatch({ uri: { exact: '/a', prefix: '/a' } }),
      expected: [{ path: 'spec.http[0].match[0].uri', message: 'uri sets exact and prefix: a StringMatch takes exactly one of exact, prefix or regex' }],
    },
    {
      name: 'the uri is a plain string',
      manifest: withMatch({ uri: '/api' }),
      expected: [{ path: 'spec.http[0].match[0].uri', message: 'uri must be a StringMatch object with one of exact, prefix or regex (for example {prefix: "/api"}), got a string "/api"' }],
    },
    {
      name: 'an exact value is a number',
      manifest: withMatch({ headers: { 'x-version': { exact: 2 } } }),
      expected: [{ path: 'spec.http[0].match[0].headers["x-version"].exact', message: 'header "x-version" exact must be a string, got a number 2' }],
    },
  ]);
});

describe('VS031 match-port', () => {
  ruleTable('VS031', [
    { name: 'port 8080', manifest: withMatch({ port: 8080 }) },
    { name: 'port 0 (unset)', manifest: withMatch({ port: 0 }) },
    { name: 'port 65535', manifest: withMatch({ port: 65535 }) },
  ], [
    // TestValidatePort: 65536 and -1
    { name: 'port is 65536', manifest: withMatch({ port: 65536 }), expected: [{ path: 'spec.http[0].match[0].port', message: 'match port must be a whole number between 1 and 65535, got a number 65536' }] },
    { name: 'port is -1', manifest: withMatch({ port: -1 }), expected: [{ path: 'spec.http[0].match[0].port', message: 'got a number -1' }] },
    { name: 'port is a string', manifest: withMatch({ port: '80' }), expected: [{ path: 'spec.http[0].match[0].port', message: 'got a string "80"' }] },
  ]);
});

describe('VS032 source-labels', () => {
  ruleTable('VS032', [
    { name: 'plain labels', manifest: withMatch({ sourceLabels: { app: 'reviews', version: 'v1' } }) },
    { name: 'a prefixed key and an empty value', manifest: withMatch({ sourceLabels: { 'app.kubernetes.io/name': '' } }) },
  ], [
    {
      // TestValidateWorkloadGroup "invalid" (labels {".": "~"})
      name: 'the key and value are punctuation',
      manifest: withMatch({ sourceLabels: { '.': '~' } }),
      expected: [
        { path: 'spec.http[0].match[0].sourceLabels["."]', message: 'sourceLabels key "." is not a valid label key' },
        { path: 'spec.http[0].match[0].sourceLabels["."]', message: 'sourceLabels value "~" for "." is not a valid label value' },
      ],
    },
    {
      name: 'a value is a number',
      manifest: withMatch({ sourceLabels: { version: 2 } }),
      expected: [{ path: 'spec.http[0].match[0].sourceLabels["version"]', message: 'sourceLabels value for "version" must be a string, got a number 2' }],
    },
    {
      name: 'a key name is longer than 63 characters',
      manifest: withMatch({ sourceLabels: { ['a'.repeat(64)]: 'x' } }),
      expected: [{ path: `spec.http[0].match[0].sourceLabels["${'a'.repeat(64)}"]`, message: 'name part must be no more than 63 characters' }],
    },
  ]);
});

describe('VS033 source-namespace', () => {
  ruleTable('VS033', [
    // TestValidateChainingVirtualService "delegate with sourceNamespace"
    { name: 'a namespace name', manifest: withMatch({ sourceNamespace: 'test' }) },
    { name: 'an empty sourceNamespace (unset)', manifest: withMatch({ sourceNamespace: '' }) },
  ], [
    {
      name: 'the namespace has a dot',
      manifest: withMatch({ sourceNamespace: 'team.a' }),
      expected: [{ path: 'spec.http[0].match[0].sourceNamespace', message: 'sourceNamespace match "team.a" is invalid: must not contain dots' }],
    },
    {
      name: 'the namespace has an underscore',
      manifest: withMatch({ sourceNamespace: 'team_a' }),
      expected: [{ path: 'spec.http[0].match[0].sourceNamespace', message: 'must be a lowercase RFC 1123 label' }],
    },
    {
      name: 'the namespace is a number',
      manifest: withMatch({ sourceNamespace: 42 }),
      expected: [{ path: 'spec.http[0].match[0].sourceNamespace', message: 'sourceNamespace must be a namespace name, got a number 42' }],
    },
  ]);
});
