/**
 * Values from the input as the text report prints them (kept out of the public surface: the
 * describe index does not re-export this file).
 */
import { cut, escapeControl } from '../text/escape';

/** The longest cell or heading value the text report shows; longer ones end in an ellipsis. */
export const CELL_LENGTH = 200;

/**
 * A value as the text report prints it: cut to 200 characters, control characters (a line
 * break in a route name, an escape sequence in a host, a tab in a header value) escaped, so
 * each row stays one line and cannot drive the terminal.
 */
export function printable(text: string): string {
  return escapeControl(cut(text, CELL_LENGTH));
}
