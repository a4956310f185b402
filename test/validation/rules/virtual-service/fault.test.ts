import { JsonObject } from '../../../../src/validation/manifest';
import { routeWith, ruleTable } from './http-table';

/** A route with `fault`. */
const fault = (fields: unknown): JsonObject => routeWith({ fault: fields });
/** A route with a fault abort. */
const abort = (fields: JsonObject): JsonObject => fault({ abort: fields });
/** A route with a fault delay. */
const delay = (fields: JsonObject): JsonObject => fault({ delay: fields });

describe('VS053 fault-empty', () => {
  ruleTable('VS053', [
    { name: 'an abort', manifest: abort({ httpStatus: 503, percentage: { value: 10 } }) },
    { name: 'a delay', manifest: delay({ fixedDelay: '5s', percentage: { value: 10 } }) },
    { name: 'both', manifest: fault({ abort: { httpStatus: 503 }, delay: { fixedDelay: '1s' } }) },
    { name: 'fault: null', manifest: fault(null) },
  ], [
    { name: 'the fault is empty', manifest: fault({}), expected: [{ path: 'spec.http[0].fault', message: 'HTTP fault injection must have an abort and/or a delay' }] },
    { name: 'abort and delay are null', manifest: fault({ abort: null, delay: null }), expected: [{ path: 'spec.http[0].fault', message: 'must have an abort and/or a delay' }] },
    { name: 'the fault is a string', manifest: fault('delay'), expected: [{ path: 'spec.http[0].fault', message: 'fault must be an object with abort and/or delay, got a string "delay"' }] },
  ]);
});

describe('VS054 fault-percentage', () => {
  ruleTable('VS054', [
    // TestValidateHTTPFaultInjectionAbort "valid", "valid percentage"; TestValidateHTTPFaultInjectionDelay "valid fixed", "valid fractional percentage"
    { name: 'abort 20%', manifest: abort({ httpStatus: 200, percentage: { value: 20 } }) },
    { name: 'abort 0.001%', manifest: abort({ httpStatus: 200, percentage: { value: 0.001 } }) },
    { name: 'delay 20%', manifest: delay({ fixedDelay: '3s', percentage: { value: 20 } }) },
    { name: 'delay 0.001%', manifest: delay({ fixedDelay: '3s', percentage: { value: 0.001 } }) },
    { name: 'delay 0% and abort 100%', manifest: fault({ delay: { fixedDelay: '3s', percentage: { value: 0 } }, abort: { httpStatus: 500, percentage: { value: 100 } } }) },
    { name: 'the smallest step, 0.0001%', manifest: abort({ httpStatus: 500, percentage: { value: 0.0001 } }) },
  ], [
    {
      // TestValidateHTTPFaultInjectionAbort "invalid fractional percent"
      name: 'the abort percentage is -10',
      manifest: abort({ httpStatus: 200, percentage: { value: -10 } }),
      expected: [{ path: 'spec.http[0].fault.abort.percentage.value', message: 'invalid abort percentage: percentage -10 is neither 0 nor in range [0.0001, 100]' }],
    },
    {
      // TestValidateHTTPFaultInjectionDelay "invalid percent"
      name: 'the delay percentage is 101',
      manifest: delay({ fixedDelay: '3s', percentage: { value: 101 } }),
      expected: [{ path: 'spec.http[0].fault.delay.percentage.value', message: 'invalid delay percentage: percentage 101 is neither 0 nor in range [0.0001, 100]' }],
    },
    {
      // TestValidateHTTPFaultInjectionDelay "invalid fractional percentage"
      name: 'the delay percentage is -10',
      manifest: delay({ fixedDelay: '3s', percentage: { value: -10 } }),
      expected: [{ path: 'spec.http[0].fault.delay.percentage.value', message: 'percentage -10 is neither 0' }],
    },
    {
      name: 'the delay percentage is below 0.0001',
      manifest: delay({ fixedDelay: '3s', percentage: { value: 0.00001 } }),
      expected: [{ path: 'spec.http[0].fault.delay.percentage.value', message: 'is neither 0 nor in range [0.0001, 100] (Envoy counts in steps of 0.0001%)' }],
    },
    {
      name: 'the percentage is a number, not a Percent object',
      manifest: abort({ httpStatus: 500, percentage: 50 }),
      expected: [{ path: 'spec.http[0].fault.abort.percentage', message: 'abort percentage must be an object such as {value: 10}, got a number 50' }],
    },
  ]);
});

describe('VS055 abort-http-status', () => {
  ruleTable('VS055', [
    // TestValidateHTTPFaultInjectionAbort "valid", "valid default"
    { name: 'status 200', manifest: abort({ httpStatus: 200, percentage: { value: 20 } }) },
    { name: 'status 503 without a percentage', manifest: abort({ httpStatus: 503 }) },
    { name: 'status 600', manifest: abort({ httpStatus: 600 }) },
    { name: 'a gRPC status', manifest: abort({ grpcStatus: 'UNAVAILABLE' }) },
  ], [
    // TestValidateHTTPFaultInjectionAbort "invalid http status", "invalid low http status"
    { name: 'the status is 9000', manifest: abort({ httpStatus: 9000, percentage: { value: 20 } }), expected: [{ path: 'spec.http[0].fault.abort.httpStatus', message: 'abort HTTP status 9000 is not in range 200-600' }] },
    { name: 'the status is 100', manifest: abort({ httpStatus: 100 }), expected: [{ path: 'spec.http[0].fault.abort.httpStatus', message: 'HTTP status 100 is not in range 200-600' }] },
    { name: 'the status is a string', manifest: abort({ httpStatus: '503' }), expected: [{ path: 'spec.http[0].fault.abort.httpStatus', message: 'must be an integer' }] },
    {
      name: 'the abort sets httpStatus and grpcStatus (CRD oneOf)',
      manifest: abort({ httpStatus: 503, grpcStatus: 'UNAVAILABLE' }),
      expected: [{ path: 'spec.http[0].fault.abort', message: 'abort sets httpStatus and grpcStatus: an abort takes exactly one of httpStatus, grpcStatus or http2Error' }],
    },
  ]);
});

describe('VS056 abort-grpc-status', () => {
  ruleTable('VS056', [
    // TestValidateHTTPFaultInjectionAbort "grpc: valid", "grpc: valid default percentage", "grpc: valid percentage"
    { name: 'DEADLINE_EXCEEDED', manifest: abort({ grpcStatus: 'DEADLINE_EXCEEDED', percentage: { value: 20 } }) },
    { name: 'INTERNAL', manifest: abort({ grpcStatus: 'INTERNAL', percentage: { value: 0.001 } }) },
    { name: 'OK', manifest: abort({ grpcStatus: 'OK' }) },
  ], [
    {
      // TestValidateHTTPFaultInjectionAbort "grpc: invalid status"
      name: 'the status is BAD_STATUS',
      manifest: abort({ grpcStatus: 'BAD_STATUS', percentage: { value: 20 } }),
      expected: [{ path: 'spec.http[0].fault.abort.grpcStatus', message: 'gRPC status "BAD_STATUS" is not supported: must be one of OK, CANCELLED, UNKNOWN, INVALID_ARGUMENT, DEADLINE_EXCEEDED' }],
    },
    {
      name: 'the status is in lower case',
      manifest: abort({ grpcStatus: 'unavailable' }),
      expected: [{ path: 'spec.http[0].fault.abort.grpcStatus', message: 'gRPC status "unavailable" is not supported (names are upper case: "UNAVAILABLE")' }],
    },
    {
      name: 'the status is the code 14',
      manifest: abort({ grpcStatus: 14 }),
      expected: [{ path: 'spec.http[0].fault.abort.grpcStatus', message: 'gRPC status a number 14 is not supported (use the name: 14 is "UNAVAILABLE")' }],
    },
  ]);
});

describe('VS057 abort-http2', () => {
  ruleTable('VS057', [
    { name: 'an HTTP status abort', manifest: abort({ httpStatus: 503 }) },
  ], [
    { name: 'the abort uses http2Error', manifest: abort({ http2Error: 'REFUSED_STREAM' }), expected: [{ path: 'spec.http[0].fault.abort.http2Error', message: 'HTTP/2 abort fault injection not supported yet: use httpStatus or grpcStatus' }] },
  ]);
});

describe('VS058 abort-error-type', () => {
  ruleTable('VS058', [
    { name: 'an abort with httpStatus', manifest: abort({ httpStatus: 503 }) },
    { name: 'an abort with grpcStatus', manifest: abort({ grpcStatus: 'UNAVAILABLE' }) },
    { name: 'an abort with http2Error (VS057 reports it)', manifest: abort({ http2Error: 'x' }) },
  ], [
    {
      name: 'the abort has only a percentage',
      manifest: abort({ percentage: { value: 50 } }),
      expected: [{ path: 'spec.http[0].fault.abort', message: 'abort configured, but error type not set: Istio drops this abort, so no request is aborted; set httpStatus (for example 503)' }],
    },
    { name: 'the abort is empty', manifest: abort({}), expected: [{ path: 'spec.http[0].fault.abort', message: 'abort configured, but error type not set' }] },
  ]);
});

describe('VS059 delay-fixed-delay', () => {
  ruleTable('VS059', [
    // TestValidateHTTPFaultInjectionDelay "valid fixed", "valid default"
    { name: 'a 3s delay', manifest: delay({ fixedDelay: '3s', percentage: { value: 20 } }) },
    { name: 'a 1.5s delay', manifest: delay({ fixedDelay: '1.5s' }) },
  ], [
    {
      // TestValidateHTTPFaultInjectionDelay "invalid delay" (3s + 42ns)
      name: 'the delay is not whole milliseconds',
      manifest: delay({ fixedDelay: '3.000000042s', percentage: { value: 20 } }),
      expected: [{ path: 'spec.http[0].fault.delay.fixedDelay', message: 'fixedDelay "3.000000042s" is invalid: only durations to ms precision are supported' }],
    },
    { name: 'the delay is 0s', manifest: delay({ fixedDelay: '0s' }), expected: [{ path: 'spec.http[0].fault.delay.fixedDelay', message: 'fixedDelay "0s" is invalid: duration must be greater than 1ms' }] },
    { name: 'the delay is a number', manifest: delay({ fixedDelay: 5 }), expected: [{ path: 'spec.http[0].fault.delay.fixedDelay', message: 'fixedDelay must be a duration string, got a number 5: durations are strings with a unit, such as "5s"' }] },
    { name: 'the delay is "5 seconds"', manifest: delay({ fixedDelay: '5 seconds' }), expected: [{ path: 'spec.http[0].fault.delay.fixedDelay', message: 'fixedDelay "5 seconds" is not a valid duration' }] },
  ]);
});

describe('VS060 delay-exponential', () => {
  ruleTable('VS060', [
    { name: 'a fixed delay', manifest: delay({ fixedDelay: '1s' }) },
  ], [
    { name: 'the delay is exponential', manifest: delay({ exponentialDelay: '1s' }), expected: [{ path: 'spec.http[0].fault.delay.exponentialDelay', message: 'exponentialDelay not supported yet: use fixedDelay' }] },
  ]);
});
