const printedWarnings = new Set<string>();

/** Writes a synth-time warning line to stderr, each line once per process. */
function printOnce(line: string): void {
  if (printedWarnings.has(line)) return;
  printedWarnings.add(line);
  process.stderr.write(`${line}\n`);
}

let sink: (line: string) => void = printOnce;

/** Where synth-time warnings go (stderr by default). */
export function warn(line: string): void {
  sink(line);
}

/** Replaces the warning sink (for tests); returns the previous one. */
export function setWarningSink(next: (line: string) => void): (line: string) => void {
  const previous = sink;
  sink = next;
  return previous;
}
