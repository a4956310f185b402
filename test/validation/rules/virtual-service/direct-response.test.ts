import { JsonObject } from '../../../../src/validation/manifest';
import { onlyRoute, ruleTable } from './http-table';

const KIB = 1024;
const MIB = 1024 * KIB;

/** A route that answers with `directResponse`. */
const respond = (directResponse: JsonObject): JsonObject => onlyRoute({ directResponse });
/** The base64 text of `bytes` bytes. */
const base64Of = (bytes: number): string => Buffer.alloc(bytes, 'a').toString('base64');

describe('VS044 direct-response-status', () => {
  ruleTable('VS044', [
    // TestValidateHTTPDirectResponse "status 200"
    { name: 'status 200', manifest: respond({ status: 200 }) },
    { name: 'status 600 (accepted, though the message says 599)', manifest: respond({ status: 600 }) },
    { name: 'status 503 with a body', manifest: respond({ status: 503, body: { string: 'unavailable' } }) },
  ], [
    // TestValidateHTTPDirectResponse "status 100" (199), "status 600" (601)
    { name: 'the status is 199', manifest: respond({ status: 199 }), expected: [{ path: 'spec.http[0].directResponse.status', message: 'direct response HTTP status 199 is not in range 200-600' }] },
    { name: 'the status is 601', manifest: respond({ status: 601 }), expected: [{ path: 'spec.http[0].directResponse.status', message: 'HTTP status 601 is not in range 200-600' }] },
    { name: 'the status is missing (CRD required)', manifest: respond({ body: { string: 'x' } }), expected: [{ path: 'spec.http[0].directResponse.status', message: 'directResponse.status is required: give the HTTP status code to answer with, in 200-600' }] },
    { name: 'the status is a string', manifest: respond({ status: '200' }), expected: [{ path: 'spec.http[0].directResponse.status', message: 'must be an integer' }] },
  ]);
});

describe('VS045 direct-response-body', () => {
  ruleTable('VS045', [
    // TestValidateHTTPDirectResponse "with string body", "with bytes body", "... over 100kb" (a warning only)
    { name: 'a string body', manifest: respond({ status: 200, body: { string: 'hello' } }) },
    { name: 'a bytes body', manifest: respond({ status: 200, body: { bytes: Buffer.from('hello').toString('base64') } }) },
    { name: 'a string body of 101 KiB', manifest: respond({ status: 200, body: { string: 'a'.repeat(101 * KIB) } }) },
    { name: 'a string body of exactly 1 MiB', manifest: respond({ status: 200, body: { string: 'a'.repeat(MIB) } }) },
  ], [
    {
      // TestValidateHTTPDirectResponse "with string body over 1mb"
      name: 'a string body is 2 MiB',
      manifest: respond({ status: 200, body: { string: 'a'.repeat(2 * MIB) } }),
      expected: [{ path: 'spec.http[0].directResponse.body.string', message: 'direct response body is 2.0 MiB: large direct_responses may impact control plane performance, must be less than 1MB' }],
    },
    {
      // TestValidateHTTPDirectResponse "with bytes body over 1mb": the decoded size counts
      name: 'a bytes body decodes to 1 MiB + 1 byte',
      manifest: respond({ status: 200, body: { bytes: base64Of(MIB + 1) } }),
      expected: [{ path: 'spec.http[0].directResponse.body.bytes', message: 'must be less than 1MB' }],
    },
    {
      name: 'multi-byte characters push a string body over 1 MiB',
      manifest: respond({ status: 200, body: { string: '\u00e9'.repeat(MIB / 2 + 1) } }),
      expected: [{ path: 'spec.http[0].directResponse.body.string', message: 'must be less than 1MB' }],
    },
    {
      name: 'the body sets string and bytes (CRD oneOf)',
      manifest: respond({ status: 200, body: { string: 'a', bytes: 'YQ==' } }),
      expected: [{ path: 'spec.http[0].directResponse.body', message: 'directResponse.body sets string and bytes: a body takes exactly one of them' }],
    },
    {
      name: 'the body is a plain string',
      manifest: respond({ status: 200, body: 'hello' }),
      expected: [{ path: 'spec.http[0].directResponse.body', message: 'directResponse.body must be an object with string or bytes, got a string "hello"' }],
    },
    {
      name: 'body.bytes is a list',
      manifest: respond({ status: 200, body: { bytes: [104, 105] } }),
      expected: [{ path: 'spec.http[0].directResponse.body.bytes', message: 'directResponse.body.bytes must be a base64 string, got an array' }],
    },
  ]);
});

describe('VS046 direct-response-body-size', () => {
  ruleTable('VS046', [
    { name: 'a small body', manifest: respond({ status: 200, body: { string: 'hello' } }) },
    { name: 'a body of exactly 100 KiB', manifest: respond({ status: 200, body: { string: 'a'.repeat(100 * KIB) } }) },
    { name: 'a body over 1 MiB (VS045 reports it)', manifest: respond({ status: 200, body: { string: 'a'.repeat(2 * MIB) } }) },
  ], [
    {
      // TestValidateHTTPDirectResponse "with string body over 100kb"
      name: 'a string body is 101 KiB',
      manifest: respond({ status: 200, body: { string: 'a'.repeat(101 * KIB) } }),
      expected: [{ path: 'spec.http[0].directResponse.body.string', message: 'direct response body is 101.0 KiB, over 100 KiB: large direct_responses may impact control plane performance' }],
    },
    {
      // TestValidateHTTPDirectResponse "with bytes body over 100kb"
      name: 'a bytes body decodes to 100 KiB + 1 byte',
      manifest: respond({ status: 200, body: { bytes: base64Of(100 * KIB + 1) } }),
      expected: [{ path: 'spec.http[0].directResponse.body.bytes', message: 'over 100 KiB' }],
    },
  ]);
});
