/**
 * The callback the shared Istio checks report through: a field path, a message, and the
 * offending value when there is one (the shape of `RuleContext.report`).
 */
export type Report = (path: string, message: string, value?: unknown) => void;
