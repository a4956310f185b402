/**
 * The CRD schemas say "at most one of these fields" (VirtualService StringMatch
 * `exact`/`prefix`/`regex`, fault `abort` and `delay`, redirect `port`/`derivePort`, direct
 * response `body`; DestinationRule load balancer `simple`/`consistentHash`/`backendUtilization`,
 * hash key and `ringHash`/`maglev`) as
 *
 *     oneOf: [{not: {anyOf: [{required: [a]}, {required: [b]}]}}, {required: [a]}, {required: [b]}]
 *
 * This rewrites each such oneOf into the equivalent `not: {anyOf: [{required: [a, b]}]}`
 * (one entry per pair). The verdicts are the same for every value, but ajv evaluates a `not`
 * without building error objects, where a oneOf builds several for each StringMatch of a
 * valid manifest: the rewrite halves the time spent on a large VirtualService. A oneOf inside
 * an `allOf` (two oneofs on one message, as in `consistentHash`) is rewritten in place too.
 */

type Schema = { [keyword: string]: unknown };

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The field of a branch that is exactly `{required: [field]}`. */
function onlyRequired(branch: unknown): string | undefined {
  if (!isSchema(branch) || Object.keys(branch).length !== 1) return undefined;
  const required = branch.required;
  return Array.isArray(required) && required.length === 1 && typeof required[0] === 'string' ? required[0] : undefined;
}

/** The fields of an "at most one of" oneOf, or undefined for any other oneOf. */
export function atMostOneOfFields(oneOf: unknown): string[] | undefined {
  if (!Array.isArray(oneOf) || oneOf.length < 3) return undefined;
  const [none, ...each] = oneOf;
  if (!isSchema(none) || Object.keys(none).length !== 1 || !isSchema(none.not)) return undefined;
  const anyOf = none.not.anyOf;
  if (Object.keys(none.not).length !== 1 || !Array.isArray(anyOf) || anyOf.length !== each.length) return undefined;
  const fields = each.map(onlyRequired);
  const listed = anyOf.map(onlyRequired);
  if (fields.some((field, i) => field === undefined || field !== listed[i])) return undefined;
  return fields as string[];
}

/** Rewrites, in place, every "at most one of" oneOf of a schema (see above). */
export function rewriteAtMostOneOf(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(rewriteAtMostOneOf);
    return;
  }
  if (!isSchema(node)) return;
  for (const value of Object.values(node)) rewriteAtMostOneOf(value);
  const fields = atMostOneOfFields(node.oneOf);
  if (!fields || node.not !== undefined) return;
  const pairs: Array<{ required: string[] }> = [];
  fields.forEach((a, i) => fields.slice(i + 1).forEach(b => pairs.push({ required: [a, b] })));
  delete node.oneOf;
  node.not = { anyOf: pairs };
}
