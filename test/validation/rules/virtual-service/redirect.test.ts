import { JsonObject } from '../../../../src/validation/manifest';
import { onlyRoute, ruleTable } from './http-table';

/** A route that only redirects. */
const redirect = (fields: JsonObject, extra: JsonObject = {}): JsonObject => onlyRoute({ redirect: fields, ...extra });

describe('VS040 redirect-fields', () => {
  ruleTable('VS040', [
    // TestValidateHTTPRedirect "empty authority", "empty uri", "normal redirect"
    { name: 'only uri', manifest: redirect({ uri: 't', authority: '' }) },
    { name: 'only authority', manifest: redirect({ uri: '', authority: 't' }) },
    { name: 'uri, authority and a code', manifest: redirect({ uri: 't', authority: 't', redirectCode: 308 }) },
    { name: 'only scheme', manifest: redirect({ scheme: 'https' }) },
    { name: 'only port', manifest: redirect({ port: 8443 }) },
    { name: 'port 0 (the oneof is still set)', manifest: redirect({ port: 0 }) },
    { name: 'only derivePort', manifest: redirect({ derivePort: 'FROM_REQUEST_PORT' }) },
    {
      name: 'prefixRewrite with prefix uri matches and a match without uri',
      manifest: redirect({ prefixRewrite: '/v2/' }, { match: [{ uri: { prefix: '/v1/' } }, { headers: { a: { exact: 'b' } } }] }),
    },
  ], [
    {
      // TestValidateHTTPRedirect "empty uri and authority"
      name: 'uri and authority are empty',
      manifest: redirect({ uri: '', authority: '' }),
      expected: [{ path: 'spec.http[0].redirect', message: 'redirect must specify URI, authority, scheme, or port: set at least one of uri, prefixRewrite, authority, port, derivePort or scheme' }],
    },
    {
      name: 'the redirect is empty',
      manifest: redirect({}),
      expected: [{ path: 'spec.http[0].redirect', message: 'redirect must specify URI, authority, scheme, or port' }],
    },
    {
      name: 'uri and prefixRewrite are both set',
      manifest: redirect({ uri: '/a', prefixRewrite: '/b' }),
      expected: [{ path: 'spec.http[0].redirect.prefixRewrite', message: 'redirect uri and prefixRewrite are mutually exclusive' }],
    },
    {
      name: 'prefixRewrite with an exact uri match',
      manifest: redirect({ prefixRewrite: '/v2/' }, { match: [{ uri: { prefix: '/v1/' } }, { uri: { exact: '/old' } }] }),
      expected: [{ path: 'spec.http[0].match[1].uri', message: 'redirect prefixRewrite needs every uri match to be a prefix match, but this one uses exact' }],
    },
    {
      name: 'prefixRewrite with a regex uri match',
      manifest: redirect({ prefixRewrite: '/v2/' }, { match: [{ uri: { regex: '/v1/.*' } }] }),
      expected: [{ path: 'spec.http[0].match[0].uri', message: 'but this one uses regex' }],
    },
    {
      name: 'port and derivePort are both set (CRD oneOf)',
      manifest: redirect({ port: 8443, derivePort: 'FROM_PROTOCOL_DEFAULT' }),
      expected: [{ path: 'spec.http[0].redirect.derivePort', message: 'redirect port and derivePort are mutually exclusive' }],
    },
    {
      name: 'derivePort is not a known value',
      manifest: redirect({ derivePort: 'FROM_HEADER' }),
      expected: [{ path: 'spec.http[0].redirect.derivePort', message: 'redirect derivePort "FROM_HEADER" is not supported: must be FROM_PROTOCOL_DEFAULT or FROM_REQUEST_PORT' }],
    },
  ]);
});

describe('VS041 redirect-code', () => {
  ruleTable('VS041', [
    // TestValidateHTTPRedirect "empty redirect code", "normal redirect"
    { name: 'no code (301 by default)', manifest: redirect({ uri: 't', authority: 't', redirectCode: 0 }) },
    { name: 'code 308', manifest: redirect({ uri: 't', redirectCode: 308 }) },
    { name: 'code 300', manifest: redirect({ uri: 't', redirectCode: 300 }) },
    { name: 'code 399', manifest: redirect({ uri: 't', redirectCode: 399 }) },
  ], [
    // TestValidateHTTPRedirect "too small redirect code", "too large redirect code"
    { name: 'the code is 299', manifest: redirect({ uri: 't', redirectCode: 299 }), expected: [{ path: 'spec.http[0].redirect.redirectCode', message: '299 is not a valid redirect code, must be 3xx (300-399; 301 is the default)' }] },
    { name: 'the code is 400', manifest: redirect({ uri: 't', redirectCode: 400 }), expected: [{ path: 'spec.http[0].redirect.redirectCode', message: '400 is not a valid redirect code' }] },
    { name: 'the code is a string', manifest: redirect({ uri: 't', redirectCode: '301' }), expected: [{ path: 'spec.http[0].redirect.redirectCode', message: 'a string "301" is not a valid redirect code' }] },
  ]);
});

describe('VS042 redirect-scheme', () => {
  ruleTable('VS042', [
    { name: 'https', manifest: redirect({ scheme: 'https' }) },
    { name: 'http', manifest: redirect({ scheme: 'http', uri: '/' }) },
    { name: 'an empty scheme', manifest: redirect({ scheme: '', uri: '/' }) },
  ], [
    { name: 'the scheme is upper case', manifest: redirect({ scheme: 'HTTPS' }), expected: [{ path: 'spec.http[0].redirect.scheme', message: 'invalid redirect scheme "HTTPS", must be "http" or "https" (lower case)' }] },
    { name: 'the scheme is ftp', manifest: redirect({ scheme: 'ftp' }), expected: [{ path: 'spec.http[0].redirect.scheme', message: 'invalid redirect scheme "ftp", must be "http" or "https"' }] },
  ]);
});

describe('VS043 redirect-port', () => {
  ruleTable('VS043', [
    { name: 'port 443', manifest: redirect({ port: 443 }) },
    { name: 'port 65535', manifest: redirect({ port: 65535 }) },
  ], [
    { name: 'the port is 65536', manifest: redirect({ port: 65536 }), expected: [{ path: 'spec.http[0].redirect.port', message: 'redirect port number 65536 must be in the range 1..65535' }] },
    { name: 'the port is negative', manifest: redirect({ port: -1 }), expected: [{ path: 'spec.http[0].redirect.port', message: 'redirect port must be a whole number between 1 and 65535, got a number -1' }] },
    { name: 'the port is a string', manifest: redirect({ port: '443' }), expected: [{ path: 'spec.http[0].redirect.port', message: 'got a string "443"' }] },
  ]);
});
