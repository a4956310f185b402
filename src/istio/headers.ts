/**
 * Header changes applied to a request or a response.
 */
export interface HeaderOperations {
  /**
   * Headers to set, replacing any present.
   *
   * @default - none
   */
  readonly set?: { [name: string]: string };

  /**
   * Headers to append.
   *
   * @default - none
   */
  readonly add?: { [name: string]: string };

  /**
   * Headers to remove.
   *
   * @default - none
   */
  readonly remove?: string[];
}

/**
 * Header manipulation for a route or a destination.
 */
export interface Headers {
  /**
   * Changes to the request before it is forwarded.
   *
   * @default - none
   */
  readonly request?: HeaderOperations;

  /**
   * Changes to the response before it is returned.
   *
   * @default - none
   */
  readonly response?: HeaderOperations;
}

type Json = { [key: string]: unknown };

function renderOperations(ops: HeaderOperations | undefined): Json | undefined {
  if (!ops) return undefined;
  const out: Json = {};
  if (ops.set && Object.keys(ops.set).length > 0) out.set = { ...ops.set };
  if (ops.add && Object.keys(ops.add).length > 0) out.add = { ...ops.add };
  if (ops.remove && ops.remove.length > 0) out.remove = [...ops.remove];
  return Object.keys(out).length > 0 ? out : undefined;
}

/** @internal */
export function renderHeaders(headers: Headers | undefined): Json | undefined {
  if (!headers) return undefined;
  const request = renderOperations(headers.request);
  const response = renderOperations(headers.response);
  if (!request && !response) return undefined;
  return { ...(request ? { request } : {}), ...(response ? { response } : {}) };
}
