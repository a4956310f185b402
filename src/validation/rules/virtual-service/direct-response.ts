/**
 * `spec.http[].directResponse` (validateHTTPDirectResponse, and the CRD's `required: status`
 * and oneOf on body string/bytes).
 */
import { Severity } from '../../diagnostic';
import { checkHttpStatus } from '../../format/http';
import { JsonObject, has, isObject, objectAt } from '../../manifest';
import { ManifestRule, RuleContext } from '../../rule';
import { httpRouteRule } from './http-routes';
import { describeKind } from './shape';

const KIB = 1024;
const MIB = 1024 * KIB;
/** Above this size the body is an error. */
export const MAX_BODY_BYTES = MIB;
/** Above this size the body is a warning. */
export const LARGE_BODY_BYTES = 100 * KIB;

/** A rule over the directResponse of each http route that has one. */
function directResponseRule(code: string, name: string, severity: Severity, description: string,
  checkResponse: (response: JsonObject, path: string, context: RuleContext) => void): ManifestRule {
  return httpRouteRule({
    code, name, severity, description,
    checkRoute({ route, path }, context) {
      const response = objectAt(route, 'directResponse');
      if (response) checkResponse(response, `${path}.directResponse`, context);
    },
  });
}

export const directResponseStatusRule: ManifestRule = directResponseRule('VS044', 'direct-response-status', Severity.ERROR,
  'directResponse.status is required and in 200..600 (validateHTTPDirectResponse: validateHTTPStatus)',
  (response, path, context) => {
    if (!has(response, 'status')) {
      context.report(`${path}.status`, 'directResponse.status is required: give the HTTP status code to answer with, in 200-600');
      return;
    }
    for (const problem of checkHttpStatus(response.status)) {
      context.report(`${path}.status`, `direct response ${problem}`, response.status);
    }
  });

/** The body's size in bytes as Istio counts it (Go `len`), with the field that holds it. */
interface BodySize {
  readonly field: 'string' | 'bytes';
  readonly bytes: number;
}

function bodySize(body: JsonObject): BodySize | undefined {
  if (typeof body.string === 'string') return { field: 'string', bytes: Buffer.byteLength(body.string, 'utf8') };
  if (typeof body.bytes === 'string') return { field: 'bytes', bytes: Buffer.from(body.bytes, 'base64').length };
  return undefined;
}

function formatSize(bytes: number): string {
  return bytes >= MIB ? `${(bytes / MIB).toFixed(1)} MiB` : `${(bytes / KIB).toFixed(1)} KiB`;
}

export const directResponseBodyRule: ManifestRule = directResponseRule('VS045', 'direct-response-body', Severity.ERROR,
  'a directResponse body sets one of string or bytes and is at most 1 MiB (validateHTTPDirectResponse)',
  (response, path, context) => {
    if (!has(response, 'body')) return;
    const body = response.body;
    const at = `${path}.body`;
    if (!isObject(body)) {
      context.report(at, `directResponse.body must be an object with string or bytes, got ${describeKind(body)}`, body);
      return;
    }
    if (has(body, 'string') && has(body, 'bytes')) {
      context.report(at, 'directResponse.body sets string and bytes: a body takes exactly one of them', body);
      return;
    }
    for (const field of ['string', 'bytes']) {
      if (has(body, field) && typeof body[field] !== 'string') {
        const what = field === 'bytes' ? 'a base64 string' : 'a string';
        context.report(`${at}.${field}`, `directResponse.body.${field} must be ${what}, got ${describeKind(body[field])}`, body[field]);
      }
    }
    const size = bodySize(body);
    if (size && size.bytes > MAX_BODY_BYTES) {
      context.report(`${at}.${size.field}`,
        `direct response body is ${formatSize(size.bytes)}: large direct_responses may impact control plane performance, must be less than 1MB (1 MiB); serve large bodies from a backend instead`);
    }
  });

export const directResponseBodySizeRule: ManifestRule = directResponseRule('VS046', 'direct-response-body-size', Severity.WARNING,
  'a directResponse body over 100 KiB may impact control plane performance (validateHTTPDirectResponse warning)',
  (response, path, context) => {
    const body = objectAt(response, 'body');
    const size = body && bodySize(body);
    if (!size || size.bytes <= LARGE_BODY_BYTES || size.bytes > MAX_BODY_BYTES) return;
    context.report(`${path}.body.${size.field}`,
      `direct response body is ${formatSize(size.bytes)}, over 100 KiB: large direct_responses may impact control plane performance, as istiod sends the body to every proxy in the route configuration`);
  });

/** VS044-VS046, in code order. */
export const DIRECT_RESPONSE_RULES: readonly ManifestRule[] = [
  directResponseStatusRule,
  directResponseBodyRule,
  directResponseBodySizeRule,
];
