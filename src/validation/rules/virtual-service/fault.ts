/**
 * `spec.http[].fault` (validateHTTPFaultInjection, validateHTTPFaultInjectionAbort,
 * validateHTTPFaultInjectionDelay).
 */
import { Severity } from '../../diagnostic';
import { checkHttpStatus } from '../../format/http';
import { GRPC_STATUS_NAMES } from '../../format/istio-vocabulary';
import { checkFaultPercentage } from '../../format/percent';
import { JsonObject, has, isObject, objectAt, show } from '../../manifest';
import { ManifestRule, RuleContext } from '../../rule';
import { durationProblems } from './http-duration';
import { httpRouteRule, isInteger } from './http-routes';
import { describeKind } from './shape';

/** The fault of one route, its abort and delay when they are objects, and their paths. */
export interface FaultParts {
  readonly fault: JsonObject;
  /** `spec.http[0].fault` */
  readonly path: string;
  readonly abort: JsonObject | undefined;
  readonly delay: JsonObject | undefined;
}

/** The fault of a route when it is an object. */
export function faultParts(route: JsonObject, routePath: string): FaultParts | undefined {
  const fault = objectAt(route, 'fault');
  if (!fault) return undefined;
  return { fault, path: `${routePath}.fault`, abort: objectAt(fault, 'abort'), delay: objectAt(fault, 'delay') };
}

/** A rule over the fault of each http route that has one. */
function faultRule(code: string, name: string, severity: Severity, description: string,
  checkFault: (parts: FaultParts, context: RuleContext) => void): ManifestRule {
  return httpRouteRule({
    code, name, severity, description,
    checkRoute({ route, path }, context) {
      const parts = faultParts(route, path);
      if (parts) checkFault(parts, context);
    },
  });
}

/** The error types of an abort; the CRD's oneOf allows one. */
const ABORT_TYPES = ['httpStatus', 'grpcStatus', 'http2Error'] as const;

export const faultEmptyRule: ManifestRule = httpRouteRule({
  code: 'VS053',
  name: 'fault-empty',
  severity: Severity.ERROR,
  description: 'a fault has an abort and/or a delay (validateHTTPFaultInjection)',
  checkRoute({ route, path }, context) {
    if (!has(route, 'fault')) return;
    const fault = route.fault;
    if (!isObject(fault)) {
      context.report(`${path}.fault`, `fault must be an object with abort and/or delay, got ${describeKind(fault)}`, fault);
    } else if (!has(fault, 'abort') && !has(fault, 'delay')) {
      context.report(`${path}.fault`,
        'HTTP fault injection must have an abort and/or a delay: for example {delay: {fixedDelay: "5s", percentage: {value: 10}}}',
        fault);
    }
  },
});

export const faultPercentageRule: ManifestRule = faultRule('VS054', 'fault-percentage', Severity.ERROR,
  'abort and delay percentage.value is 0 or in [0.0001, 100] (validatePercentage)',
  ({ fault, path }, context) => {
    for (const kind of ['abort', 'delay']) {
      const part = objectAt(fault, kind);
      if (!part || !has(part, 'percentage')) continue;
      const at = `${path}.${kind}.percentage`;
      const percentage = part.percentage;
      if (!isObject(percentage)) {
        context.report(at, `${kind} percentage must be an object such as {value: 10}, got ${describeKind(percentage)}`, percentage);
        continue;
      }
      for (const problem of checkFaultPercentage(percentage.value)) {
        context.report(`${at}.value`, `invalid ${kind} percentage: ${problem} (Envoy counts in steps of 0.0001%)`, percentage.value);
      }
    }
  });

export const abortHttpStatusRule: ManifestRule = faultRule('VS055', 'abort-http-status', Severity.ERROR,
  'abort.httpStatus is in 200..600, and an abort sets only one error type (validateHTTPStatus, CRD oneOf)',
  ({ abort, path }, context) => {
    if (!abort || !has(abort, 'httpStatus')) return;
    for (const problem of checkHttpStatus(abort.httpStatus)) {
      context.report(`${path}.abort.httpStatus`, `abort ${problem}`, abort.httpStatus);
    }
    const others = ABORT_TYPES.filter(type => type !== 'httpStatus' && has(abort, type));
    if (others.length > 0) {
      context.report(`${path}.abort`,
        `abort sets httpStatus and ${others.join(' and ')}: an abort takes exactly one of httpStatus, grpcStatus or http2Error`,
        abort);
    }
  });

export const abortGrpcStatusRule: ManifestRule = faultRule('VS056', 'abort-grpc-status', Severity.ERROR,
  'abort.grpcStatus is a gRPC status code name such as UNAVAILABLE (validateGRPCStatus)',
  ({ abort, path }, context) => {
    if (!abort || !has(abort, 'grpcStatus')) return;
    const status = abort.grpcStatus;
    if (typeof status === 'string' && GRPC_STATUS_NAMES.includes(status)) return;
    let hint = '';
    if (isInteger(status) && status >= 0 && status < GRPC_STATUS_NAMES.length) {
      hint = ` (use the name: ${status} is ${show(GRPC_STATUS_NAMES[status])})`;
    } else if (typeof status === 'string' && GRPC_STATUS_NAMES.includes(status.toUpperCase())) {
      hint = ` (names are upper case: ${show(status.toUpperCase())})`;
    }
    const shown = typeof status === 'string' ? show(status) : describeKind(status);
    context.report(`${path}.abort.grpcStatus`,
      `gRPC status ${shown} is not supported${hint}: must be one of ${GRPC_STATUS_NAMES.join(', ')}`,
      status);
  });

export const abortHttp2Rule: ManifestRule = faultRule('VS057', 'abort-http2', Severity.ERROR,
  'abort.http2Error is not supported (validateHTTPFaultInjectionAbort)',
  ({ abort, path }, context) => {
    if (!abort || !has(abort, 'http2Error')) return;
    context.report(`${path}.abort.http2Error`,
      'HTTP/2 abort fault injection not supported yet: use httpStatus or grpcStatus',
      abort.http2Error);
  });

export const abortErrorTypeRule: ManifestRule = faultRule('VS058', 'abort-error-type', Severity.WARNING,
  'an abort without httpStatus, grpcStatus or http2Error is dropped (validateHTTPFaultInjectionAbort warning)',
  ({ abort, path }, context) => {
    if (!abort || ABORT_TYPES.some(type => has(abort, type))) return;
    context.report(`${path}.abort`,
      'abort configured, but error type not set: Istio drops this abort, so no request is aborted; set httpStatus (for example 503) or grpcStatus (for example "UNAVAILABLE")',
      abort);
  });

export const delayFixedDelayRule: ManifestRule = faultRule('VS059', 'delay-fixed-delay', Severity.ERROR,
  'delay.fixedDelay is a Go duration of at least 1ms in whole milliseconds (agent.ValidateDuration)',
  ({ delay, path }, context) => {
    if (!delay || !has(delay, 'fixedDelay')) return;
    for (const problem of durationProblems(delay.fixedDelay, 'fixedDelay')) {
      context.report(`${path}.delay.fixedDelay`, problem, delay.fixedDelay);
    }
  });

export const delayExponentialRule: ManifestRule = faultRule('VS060', 'delay-exponential', Severity.ERROR,
  'delay.exponentialDelay is not supported (validateHTTPFaultInjectionDelay)',
  ({ delay, path }, context) => {
    if (!delay || !has(delay, 'exponentialDelay')) return;
    context.report(`${path}.delay.exponentialDelay`, 'exponentialDelay not supported yet: use fixedDelay', delay.exponentialDelay);
  });

/** VS053-VS060, in code order. */
export const FAULT_RULES: readonly ManifestRule[] = [
  faultEmptyRule,
  faultPercentageRule,
  abortHttpStatusRule,
  abortGrpcStatusRule,
  abortHttp2Rule,
  abortErrorTypeRule,
  delayFixedDelayRule,
  delayExponentialRule,
];
