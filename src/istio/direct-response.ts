/**
 * A fixed response instead of forwarding.
 */
export interface HttpDirectResponse {
  /** The HTTP status (200-600). */
  readonly status: number;

  /**
   * The response body, as text.
   *
   * @default - no body
   */
  readonly body?: string;
}

/** @internal */
export function renderDirectResponse(response: HttpDirectResponse | undefined): { [key: string]: unknown } | undefined {
  if (!response) return undefined;
  return {
    status: response.status,
    ...(response.body !== undefined ? { body: { string: response.body } } : {}),
  };
}
