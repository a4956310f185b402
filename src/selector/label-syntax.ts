import { TrafficValidationError } from '../validation/errors';
import { isLabelValue, isQualifiedName } from '../validation/format/labels';

/**
 * Throws when a selector label is not valid Kubernetes label syntax. The same format
 * primitives back the SVC017 rule that checks `spec.selector` in any manifest.
 */
export function assertSelectorLabels(labels: Record<string, string>): void {
  for (const [key, value] of Object.entries(labels)) {
    const keyProblems = isQualifiedName(key);
    if (keyProblems.length > 0) {
      throw new TrafficValidationError('SVC017', `selector key ${JSON.stringify(key)} is not a valid label key: ${keyProblems.join('; ')}`);
    }
    if (typeof value !== 'string') {
      throw new TrafficValidationError('SVC017', `selector value for ${JSON.stringify(key)} must be a string, got ${typeof value}`);
    }
    const valueProblems = isLabelValue(value);
    if (valueProblems.length > 0) {
      throw new TrafficValidationError('SVC017', `selector value ${JSON.stringify(value)} for key ${JSON.stringify(key)} is not a valid label value: ${valueProblems.join('; ')}`);
    }
  }
}
