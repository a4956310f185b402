/**
 * HTTP formats Istio checks in VirtualServices: status codes (`validateHTTPStatus`, Go's
 * `net/http.StatusText`), header names (RFC 7230 tokens) and Envoy header values
 * (`ValidateHTTPHeaderValue`).
 */
import { show } from '../manifest';

/** The codes Go's `net/http.StatusText` has a text for (Go 1.22+). */
const STATUS_CODES_WITH_TEXT: ReadonlySet<number> = new Set([
  100, 101, 102, 103,
  200, 201, 202, 203, 204, 205, 206, 207, 208, 226,
  300, 301, 302, 303, 304, 305, 307, 308,
  400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418,
  421, 422, 423, 424, 425, 426, 428, 429, 431, 451,
  500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
]);

/**
 * Whether Go's `net/http.StatusText(code)` is non-empty: the test Istio's
 * `agent.ValidateHTTPRetry` applies to numeric `retryOn` tokens. `503` and `200` pass;
 * `306`, `420`, `509` and `600` do not.
 */
export function isHttpStatusWithText(code: number): boolean {
  return STATUS_CODES_WITH_TEXT.has(code);
}

/**
 * Istio's `validateHTTPStatus` for fault `abort.httpStatus` and `directResponse.status`:
 * an integer in 200..600. (Istio's message says 200-599, but 600 passes.)
 */
export function checkHttpStatus(code: unknown): string[] {
  if (typeof code !== 'number' || !Number.isInteger(code)) return [`HTTP status ${show(code)} must be an integer`];
  if (code < 200 || code > 600) return [`HTTP status ${code} is not in range 200-600`];
  return [];
}

const TOKEN = /^[!#$%&'*+\-.^_`|~A-Za-z0-9]+$/;

/** RFC 7230 `token`: a non-empty run of ``!#$%&'*+-.^_`|~``, letters and digits. */
export function isHeaderToken(name: string): boolean {
  return TOKEN.test(name);
}

/** Control characters other than TAB, refused in header values (from protoc-gen-validate). */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/** The states of Envoy's header-value parser (Envoy `header_parser.cc`, ported by Istio). */
enum State {
  Literal,
  VariableName,
  ExpectArray,
  ExpectString,
  String,
  ExpectArrayDelimiterOrEnd,
  ExpectArgsEnd,
  ExpectVariableEnd,
}

/** Envoy's parser only skips plain spaces. */
function isSpace(ch: string): boolean {
  return ch === ' ';
}

/** The first syntax problem in an Envoy header value, or undefined. */
function headerValueSyntax(value: string): string | undefined {
  let state = State.Literal;
  for (let pos = 0; pos < value.length; pos++) {
    const ch = value[pos];
    const hasNext = pos + 1 < value.length;
    switch (state) {
      case State.Literal:
        if (ch !== '%') break;
        if (!hasNext) return 'un-escaped % at the end: write %% for a literal %';
        if (value[pos + 1] === '%') {
          pos++; // an escaped %
          break;
        }
        state = State.VariableName;
        break;
      case State.VariableName:
        if (ch === '%') state = State.Literal;
        else if (ch === '(') state = State.ExpectArray;
        break;
      case State.ExpectArray:
        if (ch === '[') state = State.ExpectString;
        else if (!isSpace(ch)) state = State.String;
        break;
      case State.ExpectArrayDelimiterOrEnd:
        if (ch === ',') state = State.ExpectString;
        else if (ch === ']') state = State.ExpectArgsEnd;
        else if (!isSpace(ch)) return `expecting ',', ']' or a space at position ${pos}, found '${ch}'`;
        break;
      case State.ExpectString:
        if (ch === '"') state = State.String;
        else if (!isSpace(ch)) return `expecting '"' at position ${pos}, found '${ch}'`;
        break;
      case State.String:
        if (ch === '\\') {
          if (!hasNext) return 'un-terminated backslash in a JSON string';
          pos++; // skip the escaped character
        } else if (ch === ')') {
          state = State.ExpectVariableEnd;
        } else if (ch === '"') {
          state = State.ExpectArrayDelimiterOrEnd;
        }
        break;
      case State.ExpectArgsEnd:
        if (ch === ')') state = State.ExpectVariableEnd;
        else if (!isSpace(ch)) return `expecting ')' or a space at position ${pos}, found '${ch}'`;
        break;
      case State.ExpectVariableEnd:
        if (ch === '%') state = State.Literal;
        else if (!isSpace(ch)) return `expecting '%' or a space at position ${pos}, found '${ch}'`;
        break;
    }
  }
  if (state !== State.Literal) return 'un-terminated variable expression: write %% for a literal %, or %VARIABLE% for a variable';
  return undefined;
}

/**
 * Istio's `ValidateHTTPHeaderValue` for header values a route sets or adds: no control
 * characters other than TAB, and Envoy's custom-header syntax, where `%%` is a literal `%`
 * and `%VAR%` or `%VAR(args)%` is a variable. `100%%`, `%HOSTNAME%` and
 * `%REQ(x-user)%` are fine; `abc%123` and `%START_TIME%%` are not. Variable names are not
 * checked against Envoy's list.
 */
export function checkHeaderValue(value: string): string[] {
  if (CONTROL.test(value)) {
    return [`header value ${JSON.stringify(value)} must not contain control characters other than TAB`];
  }
  const problem = headerValueSyntax(value);
  return problem === undefined ? [] : [`header value ${JSON.stringify(value)} is invalid: ${problem}`];
}
