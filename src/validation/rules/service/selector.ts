/**
 * `spec.selector`: an equality-only map of label keys to label values.
 */
import { Severity } from '../../diagnostic';
import { SERVICE } from '../../kinds';
import { isLabelValue, isQualifiedName } from '../../format/labels';
import { isObject, show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { describeType, describeValue, keyPath } from './fields';
import { isSet, serviceShape } from './service-type';

export const selectorLabelsRule: ManifestRule = {
  code: 'SVC017',
  name: 'selector-labels',
  severity: Severity.ERROR,
  appliesTo: [SERVICE],
  description: 'spec.selector maps label keys (qualified names) to string label values, empty allowed (ValidateService, ValidateLabels)',
  check(manifest, context) {
    const selector = valueAt(serviceShape(manifest).spec, 'selector');
    if (!isSet(selector)) return;
    if (!isObject(selector)) {
      const hint = Array.isArray(selector) ? ': a Service selects pods by equality only, it has no matchLabels or matchExpressions' : '';
      context.report('spec.selector', `selector must be a map of label keys to values, got ${describeType(selector)}${hint}`, selector);
      return;
    }
    if (isObject(selector.matchLabels) || Array.isArray(selector.matchExpressions)) {
      context.report('spec.selector', 'a Service selector is a plain map of labels (app: foo), not a label selector with matchLabels or matchExpressions', selector);
      return;
    }
    for (const [key, value] of Object.entries(selector)) {
      const path = keyPath('spec.selector', key);
      const keyProblems = isQualifiedName(key);
      if (keyProblems.length > 0) context.report(path, `selector key ${show(key)} is not a valid label key: ${keyProblems.join(', ')}`, key);
      if (typeof value !== 'string') {
        const quote = typeof value === 'number' || typeof value === 'boolean'
          ? `: quote it (${key}: "${String(value)}") so YAML reads it as a string`
          : '';
        context.report(path, `selector value for ${show(key)} must be a string, got ${describeValue(value)}${quote}`, value);
        continue;
      }
      const valueProblems = isLabelValue(value);
      if (valueProblems.length > 0) context.report(path, `selector value ${show(value)} for ${show(key)} is not a valid label value: ${valueProblems.join(', ')}`, value);
    }
  },
};

export const SELECTOR_RULES: readonly ManifestRule[] = [selectorLabelsRule];
