import { JsonObject } from '../../../../src/validation/manifest';
import { routeWith, ruleTable } from './http-table';

/** The valid policy of TestValidateCORSPolicy "valid". */
const VALID = { allowMethods: ['GET', 'POST'], allowHeaders: ['header1', 'header2'], exposeHeaders: ['header3'], maxAge: '2s' };
/** A route with a CORS policy: the valid one with `fields` replaced. */
const cors = (fields: JsonObject): JsonObject => routeWith({ corsPolicy: { ...VALID, ...fields } });

describe('VS061 cors-origins', () => {
  ruleTable('VS061', [
    // TestValidateCORSPolicy "non empty matchType AllowOrigins"
    { name: 'exact, prefix and regex origins', manifest: cors({ allowOrigins: [{ exact: 'exact' }, { prefix: 'prefix' }, { regex: 'regex' }] }) },
    { name: 'a regex origin', manifest: cors({ allowOrigins: [{ regex: 'https://.*\\.example\\.com' }] }) },
    { name: 'the deprecated allowOrigin (not validated)', manifest: cors({ allowOrigin: [''] }) },
  ], [
    {
      // TestValidateCORSPolicy "empty matchType AllowOrigins"
      name: 'the origins are empty strings',
      manifest: cors({ allowOrigins: [{ exact: '' }, { prefix: '' }, { regex: '' }] }),
      expected: [
        { path: 'spec.http[0].corsPolicy.allowOrigins[0].exact', message: "'' is not a valid match type for CORS allow origins: an empty exact matches no origin" },
        { path: 'spec.http[0].corsPolicy.allowOrigins[1].prefix', message: "'' is not a valid match type for CORS allow origins" },
        { path: 'spec.http[0].corsPolicy.allowOrigins[2].regex', message: "'' is not a valid match type for CORS allow origins" },
      ],
    },
    {
      name: 'an origin is {}',
      manifest: cors({ allowOrigins: [{}] }),
      expected: [{ path: 'spec.http[0].corsPolicy.allowOrigins[0]', message: 'allowOrigins entry needs one of exact, prefix or regex' }],
    },
    {
      name: 'an origin regex does not compile',
      manifest: cors({ allowOrigins: [{ regex: 'https://(foo' }] }),
      expected: [{ path: 'spec.http[0].corsPolicy.allowOrigins[0].regex', message: 'invalid allowOrigins entry regex: regex "https://(foo" is invalid' }],
    },
    {
      name: 'an origin is a plain string',
      manifest: cors({ allowOrigins: ['https://example.com'] }),
      expected: [{ path: 'spec.http[0].corsPolicy.allowOrigins[0]', message: 'allowOrigins entry must be a StringMatch such as {exact: "https://example.com"}, got a string "https://example.com"' }],
    },
    {
      name: 'an origin sets exact and regex',
      manifest: cors({ allowOrigins: [{ exact: 'a', regex: 'b' }] }),
      expected: [{ path: 'spec.http[0].corsPolicy.allowOrigins[0]', message: 'allowOrigins entry sets exact and regex' }],
    },
  ]);
});

describe('VS062 cors-methods', () => {
  ruleTable('VS062', [
    // TestValidateCORSPolicy "valid"
    { name: 'GET and POST', manifest: cors({}) },
    { name: 'every method and *', manifest: cors({ allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', '*'] }) },
  ], [
    {
      // TestValidateCORSPolicy "bad method"
      name: 'a method is PUTT',
      manifest: cors({ allowMethods: ['GET', 'PUTT'] }),
      expected: [{ path: 'spec.http[0].corsPolicy.allowMethods[1]', message: '"PUTT" is not a supported HTTP method: must be one of GET, HEAD, POST, PUT, PATCH, DELETE, CONNECT, OPTIONS, TRACE, *' }],
    },
    {
      name: 'a method is in lower case',
      manifest: cors({ allowMethods: ['get'] }),
      expected: [{ path: 'spec.http[0].corsPolicy.allowMethods[0]', message: '"get" is not a supported HTTP method (methods are case-sensitive: "GET")' }],
    },
  ]);
});

describe('VS063 cors-headers', () => {
  ruleTable('VS063', [
    { name: 'plain headers', manifest: cors({}) },
    { name: 'a wildcard', manifest: cors({ allowHeaders: ['*'], exposeHeaders: ['*'] }) },
  ], [
    {
      // TestValidateCORSPolicy "bad header"
      name: 'an expose header is empty',
      manifest: cors({ exposeHeaders: [''] }),
      expected: [{ path: 'spec.http[0].corsPolicy.exposeHeaders[0]', message: 'header name cannot be empty: remove the empty exposeHeaders entry' }],
    },
    {
      name: 'an allowed header has a space',
      manifest: cors({ allowHeaders: ['x-a', 'x b'] }),
      expected: [{ path: 'spec.http[0].corsPolicy.allowHeaders[1]', message: 'header name "x b" is not a valid header name: use RFC 7230 token characters' }],
    },
    {
      name: 'several headers are written as one comma-separated string',
      manifest: cors({ allowHeaders: ['x-a,x-b'] }),
      expected: [{ path: 'spec.http[0].corsPolicy.allowHeaders[0]', message: 'header name "x-a,x-b" is not a valid header name' }],
    },
  ]);
});

describe('VS064 cors-max-age', () => {
  ruleTable('VS064', [
    { name: '2s', manifest: cors({}) },
    { name: '24h', manifest: cors({ maxAge: '24h' }) },
    { name: 'no maxAge', manifest: cors({ maxAge: undefined }) },
  ], [
    {
      // TestValidateCORSPolicy "bad max age" (2s + 42ns)
      name: 'maxAge is not whole milliseconds',
      manifest: cors({ maxAge: '2.000000042s' }),
      expected: [{ path: 'spec.http[0].corsPolicy.maxAge', message: 'maxAge "2.000000042s" is invalid: only durations to ms precision are supported' }],
    },
    {
      name: 'maxAge is 500ms',
      manifest: cors({ maxAge: '500ms' }),
      expected: [{ path: 'spec.http[0].corsPolicy.maxAge', message: 'maxAge "500ms" is invalid: max_age duration is accurate only to seconds precision; use whole seconds such as "1s"' }],
    },
    {
      name: 'maxAge is 1.5s',
      manifest: cors({ maxAge: '1.5s' }),
      expected: [{ path: 'spec.http[0].corsPolicy.maxAge', message: 'accurate only to seconds precision; use whole seconds such as "2s"' }],
    },
    { name: 'maxAge is 0s', manifest: cors({ maxAge: '0s' }), expected: [{ path: 'spec.http[0].corsPolicy.maxAge', message: 'maxAge "0s" is invalid: duration must be greater than 1ms' }] },
    { name: 'maxAge is a number', manifest: cors({ maxAge: 86400 }), expected: [{ path: 'spec.http[0].corsPolicy.maxAge', message: 'maxAge must be a duration string, got a number 86400: durations are strings with a unit, such as "86400s"' }] },
  ]);
});
