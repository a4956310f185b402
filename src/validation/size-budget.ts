/**
 * A budget on the values one manifest holds, counted as the rules see them: a value reachable
 * by several paths (a YAML alias, or one object shared in code) counts once per path. The YAML
 * reader refuses documents whose aliases expand beyond its own budget; this one guards the
 * library API, where objects built in code may share parts, so that no rule can be made to
 * visit exponentially many values. The count stops at the budget, so it costs at most that.
 */
import { Diagnostic, Severity } from './diagnostic';
import { resourceId } from './manifest';

/** The code of the check. */
export const MANIFEST_SIZE_CODE = 'TRF003';

/** How many values (objects, lists, scalars) a manifest may hold with shared parts expanded. */
export const MAX_MANIFEST_VALUES = 2_000_000;

/** How deeply objects and lists may nest in a manifest. */
export const MAX_MANIFEST_DEPTH = 1_000;

/** What is wrong with the size of a manifest, or undefined when it is within the budget. */
export function manifestSizeProblem(manifest: unknown): string | undefined {
  let count = 0;
  // an explicit stack of [value, depth]: no recursion on the data's depth
  const values: unknown[] = [manifest];
  const depths: number[] = [0];
  while (values.length > 0) {
    const value = values.pop();
    const depth = depths.pop() as number;
    if (++count > MAX_MANIFEST_VALUES) {
      return `the object holds more than ${MAX_MANIFEST_VALUES} values when its shared (aliased) parts are counted at every place they appear; it is not checked: write it without aliases, or split it`;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_MANIFEST_DEPTH) {
      return `objects and lists nest more than ${MAX_MANIFEST_DEPTH} levels deep; it is not checked: no Kubernetes or Istio object nests that deeply`;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        values.push(value[i]);
        depths.push(depth + 1);
      }
    } else {
      for (const key of Object.keys(value)) {
        values.push((value as { [key: string]: unknown })[key]);
        depths.push(depth + 1);
      }
    }
  }
  return undefined;
}

/** The finding for a manifest over the budget. */
export function manifestSizeDiagnostic(manifest: unknown, index: number, problem: string): Diagnostic {
  return {
    severity: Severity.ERROR,
    code: MANIFEST_SIZE_CODE,
    rule: 'manifest-size',
    message: problem,
    path: '',
    resource: resourceId(manifest),
    index,
  };
}
