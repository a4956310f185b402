import { compact } from '../util/json';

/**
 * Which port a redirect sends the client to when no port is given.
 */
export enum RedirectPortSelection {
  /** 80 for http, 443 for https. */
  FROM_PROTOCOL_DEFAULT = 'FROM_PROTOCOL_DEFAULT',
  /** The port the request arrived on. */
  FROM_REQUEST_PORT = 'FROM_REQUEST_PORT',
}

/**
 * An HTTP redirect (301 by default) instead of forwarding.
 */
export interface HttpRedirect {
  /**
   * Replaces the whole path.
   *
   * @default - the path is kept
   */
  readonly uri?: string;

  /**
   * Replaces the authority (host).
   *
   * @default - the authority is kept
   */
  readonly authority?: string;

  /**
   * The port to redirect to.
   *
   * @default - see `derivePort`
   */
  readonly port?: number;

  /**
   * How the port is chosen when `port` is not set.
   *
   * @default - the request's port is kept
   */
  readonly derivePort?: RedirectPortSelection;

  /**
   * The scheme, `http` or `https`.
   *
   * @default - the request's scheme
   */
  readonly scheme?: string;

  /**
   * The redirect status code (300-399).
   *
   * @default 301
   */
  readonly redirectCode?: number;
}

/** @internal */
export function renderRedirect(redirect: HttpRedirect | undefined): { [key: string]: unknown } | undefined {
  if (!redirect) return undefined;
  return compact({
    uri: redirect.uri,
    authority: redirect.authority,
    port: redirect.port,
    derivePort: redirect.derivePort,
    scheme: redirect.scheme,
    redirectCode: redirect.redirectCode,
  });
}
