/**
 * Column layout as kubectl prints it: left-aligned cells, each column as wide as its widest
 * cell plus three spaces (Go's tabwriter with kubectl's settings), no trailing spaces.
 */
import { printable } from './printable';

/** Spaces between two columns (kubectl's tabwriter padding). */
const PADDING = 3;

/** Renders a header row and data rows as aligned columns, one line each, ending in a newline. */
export function renderTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const all = [headers, ...rows].map(row => row.map(printable));
  // loops, not Math.max(...list): a spread of a very long list overflows the call stack
  let columns = 0;
  for (const row of all) columns = Math.max(columns, row.length);
  const widths: number[] = new Array<number>(columns).fill(0);
  for (const row of all) {
    for (let column = 0; column < row.length; column++) widths[column] = Math.max(widths[column], width(row[column]));
  }
  const lines = all.map(row => {
    const cells: string[] = [];
    for (let column = 0; column < columns; column++) {
      const cell = row[column] ?? '';
      cells.push(column === columns - 1 ? cell : cell + ' '.repeat(widths[column] - width(cell) + PADDING));
    }
    return cells.join('').replace(/\s+$/, '');
  });
  return lines.join('\n') + '\n';
}

/** Display width: code points, which is right for the ASCII and Latin text manifests hold. */
function width(text: string): number {
  return [...text].length;
}
