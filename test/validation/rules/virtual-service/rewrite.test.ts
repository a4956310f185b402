import { JsonObject } from '../../../../src/validation/manifest';
import { routeWith, ruleTable } from './http-table';

/** A route with `rewrite`. */
const rewrite = (fields: unknown): JsonObject => routeWith({ rewrite: fields });
const REGEX_REWRITE = { match: '^/service/([^/]+)(/.*)$', rewrite: '\\2/instance/\\1' };

describe('VS047 rewrite-fields', () => {
  ruleTable('VS047', [
    // TestValidateHTTPRewrite "uri and authority", "uri", "authority", "uriRegexRewrite", "uriRegexRewrite and authority"
    { name: 'uri and authority', manifest: rewrite({ uri: '/path/to/resource', authority: 'foobar.org' }) },
    { name: 'uri', manifest: rewrite({ uri: '/path/to/resource' }) },
    { name: 'authority', manifest: rewrite({ authority: 'foobar.org' }) },
    { name: 'uriRegexRewrite', manifest: rewrite({ uriRegexRewrite: REGEX_REWRITE }) },
    { name: 'uriRegexRewrite and authority', manifest: rewrite({ authority: 'foobar.org', uriRegexRewrite: REGEX_REWRITE }) },
    { name: 'an empty uri with uriRegexRewrite', manifest: rewrite({ uri: '', uriRegexRewrite: REGEX_REWRITE }) },
  ], [
    {
      // TestValidateHTTPRewrite "uriRegexRewrite and uri"
      name: 'uri and uriRegexRewrite are both set',
      manifest: rewrite({ uri: '/path/to/resource', uriRegexRewrite: REGEX_REWRITE }),
      expected: [{ path: 'spec.http[0].rewrite.uriRegexRewrite', message: 'rewrite may only contain one of URI or UriRegexRewrite' }],
    },
    {
      // TestValidateHTTPRewrite "no uri, uriRegexRewrite, or authority"
      name: 'the rewrite is empty',
      manifest: rewrite({}),
      expected: [{ path: 'spec.http[0].rewrite', message: 'rewrite must specify at least one of URI, UriRegexRewrite, or authority: an empty rewrite does nothing' }],
    },
    {
      name: 'uri and authority are empty strings',
      manifest: rewrite({ uri: '', authority: '' }),
      expected: [{ path: 'spec.http[0].rewrite', message: 'rewrite must specify at least one of URI, UriRegexRewrite, or authority' }],
    },
    {
      // TestValidateUriRegexRewrite "uriRegexRewrite missing match"
      name: 'uriRegexRewrite has no match',
      manifest: rewrite({ uriRegexRewrite: { rewrite: '\\2/instance/\\1' } }),
      expected: [{ path: 'spec.http[0].rewrite.uriRegexRewrite', message: 'UriRegexRewrite requires both Rewrite and Match fields to be specified: match is missing or empty' }],
    },
    {
      // TestValidateUriRegexRewrite "uriRegexRewrite missing rewrite"
      name: 'uriRegexRewrite has no rewrite',
      manifest: rewrite({ uriRegexRewrite: { match: '^/service/([^/]+)(/.*)$' } }),
      expected: [{ path: 'spec.http[0].rewrite.uriRegexRewrite', message: 'rewrite is missing or empty' }],
    },
    {
      name: 'uriRegexRewrite is empty',
      manifest: rewrite({ uriRegexRewrite: {} }),
      expected: [{ path: 'spec.http[0].rewrite.uriRegexRewrite', message: 'match and rewrite are missing or empty' }],
    },
  ]);
});

describe('VS048 rewrite-regex', () => {
  ruleTable('VS048', [
    // TestValidateUriRegexRewrite "uriRegexRewrite happy path"
    { name: 'a valid regex', manifest: rewrite({ uriRegexRewrite: REGEX_REWRITE }) },
    { name: 'an empty match (VS047 reports it)', manifest: rewrite({ uriRegexRewrite: { match: '', rewrite: '/' } }) },
  ], [
    {
      // TestValidateUriRegexRewrite "uriRegexRewrite invalid regex patterns"
      name: 'the match does not compile',
      manifest: rewrite({ uriRegexRewrite: { match: '[', rewrite: '[' } }),
      expected: [{ path: 'spec.http[0].rewrite.uriRegexRewrite.match', message: 'invalid uriRegexRewrite.match: regex "[" is invalid' }],
    },
    {
      name: 'the match is longer than 1024 characters',
      manifest: rewrite({ uriRegexRewrite: { match: 'a'.repeat(1025), rewrite: '/' } }),
      expected: [{ path: 'spec.http[0].rewrite.uriRegexRewrite.match', message: 'max length allowed is 1024' }],
    },
  ]);
});
