import { Severity } from '../../../../src/validation/diagnostic';
import { JsonObject } from '../../../../src/validation/manifest';
import { Case, CleanCase, expectClean, expectFindings, findings, httpRoute, virtualService, withHttp } from './helpers';

// Upstream: analyzeUnreachableHTTPRules / analyzeUnreachableTCPRules / analyzeUnreachableTLSRules
// and genMatchHTTPRoutes / coveredValidation in pkg/config/validation/validation.go; cases from
// TestValidateVirtualService ("non-method-get", "uri-with-prefix-exact").

const route = [{ destination: { host: 'foo.baz' } }];
const prefix = (value: string, extra: JsonObject = {}) => ({ uri: { prefix: value }, ...extra });

function tcp(routes: unknown[]): JsonObject {
  return virtualService({ spec: { hosts: ['foo.bar'], tcp: routes } });
}

function tls(routes: unknown[]): JsonObject {
  return virtualService({ spec: { hosts: ['foo.bar', 'baz.bar'], tls: routes } });
}

describe('VS013 unreachable-rule', () => {
  const clean: CleanCase[] = [
    { name: 'one rule without match', manifest: withHttp([httpRoute()]) },
    { name: 'a rule without match last', manifest: withHttp([httpRoute([prefix('/api')]), httpRoute()]) },
    { name: 'distinct matches', manifest: withHttp([httpRoute([prefix('/a')]), httpRoute([prefix('/b'), { method: { exact: 'POST' } }])]) },
    { name: 'a rule with one new match among duplicates', manifest: withHttp([httpRoute([prefix('/a')]), httpRoute([prefix('/a'), prefix('/b')])]) },
    { name: 'distinct tcp ports', manifest: tcp([{ match: [{ port: 1 }], route }, { match: [{ port: 2 }], route }, { route }]) },
    { name: 'null routes', manifest: withHttp([null, httpRoute()]) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('VS013', manifest));

  const invalid: Case[] = [
    { name: 'two http rules have no match', manifest: withHttp([httpRoute(), httpRoute(undefined, { name: 'fallback' })]),
      expected: [{ path: 'spec.http[1]', message: 'http rule #1 ("fallback") is never used: only the last rule can have no matches, and rule #0 before it has none' }] },
    { name: 'a rule follows a rule without match', manifest: withHttp([httpRoute(undefined, { name: 'all' }), httpRoute([prefix('/api')])]),
      expected: [{ path: 'spec.http[1]', message: 'http rule #1 is never used: rule #0 ("all") before it has no match and takes all traffic (route without matches defined before)' }] },
    { name: 'an empty match list counts as no match', manifest: withHttp([httpRoute([]), httpRoute([prefix('/api')]), httpRoute()]),
      expected: [
        { path: 'spec.http[1]', message: 'http rule #1 is never used: rule #0 before it has no match' },
        { path: 'spec.http[2]', message: 'http rule #2 is never used: only the last rule can have no matches' },
      ] },
    { name: 'every match of a rule repeats an earlier one', manifest: withHttp([
      httpRoute([prefix('/a'), prefix('/b')]),
      httpRoute([{ name: 'again', uri: { prefix: '/b' } }, prefix('/a')]),
    ]), expected: [{ path: 'spec.http[1]', message: 'http rule #1 is never used: all matches used by prior rules' }] },
    { name: 'a tcp rule follows a rule without match', manifest: tcp([{ route }, { match: [{ port: 1 }], route }]),
      expected: [{ path: 'spec.tcp[1]', message: 'tcp rule #1 is never used' }] },
    { name: 'a tls rule repeats an earlier match', manifest: tls([
      { match: [{ sniHosts: ['foo.bar'] }], route },
      { match: [{ sniHosts: ['foo.bar'] }], route },
    ]), expected: [{ path: 'spec.tls[1]', message: 'tls rule #1 is never used: all matches used by prior rules' }] },
  ];
  it.each(invalid)('warns when $name', ({ manifest, expected }) => {
    expectFindings('VS013', manifest, expected);
    expect(findings('VS013', manifest).every(d => d.severity === Severity.WARNING)).toBe(true);
  });
});

describe('VS014 ineffective-match', () => {
  const clean: CleanCase[] = [
    // TestValidateVirtualService "uri-with-prefix-exact"
    { name: 'a prefix before an exact uri', manifest: withHttp([httpRoute([prefix('/'), { uri: { exact: '/' }, method: { exact: 'GET' } }])]) },
    { name: 'a longer prefix first', manifest: withHttp([httpRoute([prefix('/api/v1')]), httpRoute([prefix('/api')])]) },
    { name: 'different ports', manifest: withHttp([httpRoute([prefix('/api', { port: 8080 })]), httpRoute([prefix('/api/v1', { port: 9090 })])]) },
    { name: 'a header only on the later match', manifest: withHttp([httpRoute([prefix('/api')]), httpRoute([prefix('/api/v1', { headers: { 'x-canary': { exact: 'yes' } } })])]) },
    { name: 'an earlier method that does not cover the later one', manifest: withHttp([httpRoute([prefix('/api', { method: { exact: 'POST' } })]), httpRoute([prefix('/api/v1')])]) },
    { name: 'equal prefixes with other fields', manifest: withHttp([httpRoute([prefix('/api', { headers: { a: { exact: '1' } } })]), httpRoute([prefix('/api')])]) },
    { name: 'regex uris', manifest: withHttp([httpRoute([{ uri: { regex: '/a.*' } }]), httpRoute([{ uri: { regex: '/a.*' }, port: 1 }])]) },
    { name: 'the same match on tcp and tls routes', manifest: virtualService({ spec: {
      hosts: ['foo.bar'],
      tcp: [{ match: [{ port: 1 }], route }],
      tls: [{ match: [{ port: 1, sniHosts: ['foo.bar'] }], route }],
    } }) },
    { name: 'a header presence match and no header', manifest: withHttp([httpRoute([{ headers: { 'x-a': {} } }]), httpRoute([{ headers: {} }])]) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('VS014', manifest));

  const invalid: Case[] = [
    // TestValidateVirtualService "non-method-get" (valid, with a warning)
    { name: 'a shorter prefix without method comes before a GET match', manifest: withHttp([httpRoute([
      prefix('/api/v1/product'),
      prefix('/api/v1/products', { method: { exact: 'GET' } }),
    ])]), expected: [{ path: 'spec.http[0].match[1]',
      message: 'match #1 of http rule #0 (uri prefix "/api/v1/products") is never used: match #0 of http rule #0 (uri prefix "/api/v1/product") comes first and takes the same requests (overlapping match)' }] },
    { name: 'a catch-all prefix comes first', manifest: withHttp([
      httpRoute([prefix('/')], { name: 'slash' }),
      httpRoute([{ name: 'api', uri: { prefix: '/api' } }], { name: 'slash-api' }),
    ]), expected: [{ path: 'spec.http[1].match[0]',
      message: 'match #0 ("api") of http rule #1 ("slash-api") (uri prefix "/api") is never used: match #0 of http rule #0 ("slash") (uri prefix "/")' }] },
    { name: 'a match repeats one of an earlier rule, names aside', manifest: withHttp([
      httpRoute([{ name: 'first', uri: { exact: '/a' }, headers: { b: { exact: '2' }, a: { exact: '1' } } }]),
      httpRoute([{ uri: { exact: '/a' }, headers: { a: { exact: '1' }, b: { exact: '2' } }, ignoreUriCase: false }, prefix('/new')]),
    ]), expected: [{ path: 'spec.http[1].match[0]', message: 'match #0 of http rule #1 is never used: it repeats match #0 ("first") of rule #0 (duplicate match)' }] },
    { name: 'a match repeats one of the same rule', manifest: withHttp([httpRoute([{ uri: { exact: '/a' } }, { uri: { exact: '/b' } }, { uri: { exact: '/a' }, port: 0 }])]),
      expected: [{ path: 'spec.http[0].match[2]', message: 'match #2 of http rule #0 is never used: it repeats match #0 of rule #0' }] },
    { name: 'all matches of a rule repeat earlier ones', manifest: withHttp([httpRoute([{ uri: { exact: '/a' } }]), httpRoute([{ uri: { exact: '/a' } }])]),
      expected: [{ path: 'spec.http[1].match[0]', message: 'it repeats match #0 of rule #0' }] },
    { name: 'an earlier authority covers a later match without authority (Istio\'s heuristic)', manifest: withHttp([
      httpRoute([prefix('/a', { authority: { exact: 'x.com' } })]),
      httpRoute([prefix('/a/b')]),
    ]), expected: [{ path: 'spec.http[1].match[0]', message: '(uri prefix "/a/b") is never used' }] },
    { name: 'headers, query parameters and withoutHeaders cover the later ones', manifest: withHttp([
      httpRoute([prefix('/a', { headers: { h: { prefix: 'v' } }, queryParams: { q: { exact: '1' } }, withoutHeaders: { w: { exact: 'z' } } })]),
      httpRoute([prefix('/a/b', { headers: { h: { prefix: 'v' } }, queryParams: { q: { exact: '1' } }, withoutHeaders: { w: { exact: 'z' } } })]),
    ]), expected: [{ path: 'spec.http[1].match[0]', message: 'comes first and takes the same requests' }] },
    { name: 'a tcp match repeats an earlier one', manifest: tcp([
      { match: [{ port: 5432, sourceLabels: { app: 'a' } }], route },
      { match: [{ sourceLabels: { app: 'a' }, port: 5432 }, { port: 5433 }], route },
    ]), expected: [{ path: 'spec.tcp[1].match[0]', message: 'match #0 of tcp rule #1 is never used: it repeats match #0 of rule #0' }] },
    { name: 'a tls match repeats an earlier one', manifest: tls([
      { match: [{ sniHosts: ['foo.bar'] }, { sniHosts: ['baz.bar'] }], route },
      { match: [{ sniHosts: ['baz.bar'] }], route },
    ]), expected: [{ path: 'spec.tls[1].match[0]', message: 'match #0 of tls rule #1 is never used: it repeats match #1 of rule #0' }] },
  ];
  it.each(invalid)('warns when $name', ({ manifest, expected }) => {
    expectFindings('VS014', manifest, expected);
    expect(findings('VS014', manifest).every(d => d.severity === Severity.WARNING)).toBe(true);
  });

  it('does not analyse matches after a rule without match', () => {
    expectClean('VS014', withHttp([httpRoute(), httpRoute([prefix('/a')]), httpRoute([prefix('/a')])]));
  });
});
