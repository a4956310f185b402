import { isObject } from '../validation/manifest';
import { ResolvedSelector, SelectorProblem } from './resolved-selector';

/**
 * Turns a rendered workload selector into the equality labels a Service can use.
 *
 * A `LabelSelector` (`matchLabels`, `matchExpressions`): labels as they are, `In` with one
 * value as equality, every other expression reported as SEL001. A ReplicationController's
 * selector is a plain map of labels and is taken as it is.
 *
 * @param selector the rendered `spec.selector`
 * @param source the construct path named in problems
 */
export function equalityLabels(selector: unknown, source: string): ResolvedSelector {
  if (!isObject(selector)) return { labels: {}, problems: [] };
  if (!('matchLabels' in selector) && !('matchExpressions' in selector)) {
    return { labels: { ...(selector as Record<string, string>) }, problems: [] };
  }
  const labels: Record<string, string> = isObject(selector.matchLabels) ? { ...(selector.matchLabels as Record<string, string>) } : {};
  const problems: SelectorProblem[] = [];
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  for (const expression of expressions) {
    const key = isObject(expression) ? String(expression.key) : String(expression);
    const operator = isObject(expression) ? String(expression.operator) : '';
    const values = isObject(expression) && Array.isArray(expression.values) ? expression.values.map(String) : [];
    if (operator === 'In' && values.length === 1) {
      labels[key] = values[0];
      continue;
    }
    problems.push({
      code: 'SEL001',
      rule: 'selector-expressible',
      message: `the selector of ${source} has the expression "${key} ${operator}${values.length ? ` (${values.join(', ')})` : ''}", which a Service cannot express: a Service selects by label equality only (use labels, or In with a single value)`,
    });
  }
  return { labels, problems };
}
