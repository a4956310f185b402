import { compact } from '../util/json';

/**
 * Rewrites the path and/or authority before forwarding.
 */
export interface HttpRewrite {
  /**
   * Replaces the matched prefix (or the whole path for an exact match).
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
   * Rewrites the path with an RE2 regular expression; not with `uri`.
   *
   * @default - none
   */
  readonly uriRegexRewrite?: RegexRewrite;
}

/**
 * A regular-expression path rewrite.
 */
export interface RegexRewrite {
  /** The RE2 pattern. */
  readonly match: string;
  /** The replacement, with `\1`-style capture groups. */
  readonly rewrite: string;
}

/** @internal */
export function renderRewrite(rewrite: HttpRewrite | undefined): { [key: string]: unknown } | undefined {
  if (!rewrite) return undefined;
  return compact({
    uri: rewrite.uri,
    authority: rewrite.authority,
    uriRegexRewrite: rewrite.uriRegexRewrite ? { match: rewrite.uriRegexRewrite.match, rewrite: rewrite.uriRegexRewrite.rewrite } : undefined,
  });
}
