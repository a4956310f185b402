/**
 * Shared helpers for the tests of the shared Istio checks (rules/istio-common): run a check
 * with a report callback that records what it reports.
 */
import { Report } from '../../../../src/validation/rules/istio-common/report';

/** One reported problem. */
export interface Reported {
  readonly path: string;
  readonly message: string;
  readonly value?: unknown;
}

/** Runs `check` with a recording report callback and returns what it reported, in order. */
export function collect(check: (report: Report) => void): Reported[] {
  const found: Reported[] = [];
  check((path, message, value) => found.push({ path, message, ...(value === undefined ? {} : { value }) }));
  return found;
}

/** What a test expects: the path and a distinctive part of the message. */
export interface Expected {
  readonly path: string;
  readonly message: string;
}

/** Asserts that exactly `expected` was reported, in order, with messages containing the given text. */
export function expectReported(found: readonly Reported[], expected: readonly Expected[]): void {
  expect(found.map(f => ({ path: f.path, message: f.message })))
    .toEqual(expected.map(e => ({ path: e.path, message: expect.stringContaining(e.message) })));
}
