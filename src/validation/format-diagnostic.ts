import { escapeControl, safeMessage } from '../text/escape';
import { Diagnostic } from './diagnostic';

/**
 * One line for a diagnostic: `SVC014 spec.ports[0].nodePort: message (node-port-range)`.
 * Control characters are escaped and quoted values cut to 80 characters, so a value from the
 * input can neither break the line nor drive the terminal or a CI log.
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  return `${escapeControl(diagnostic.code)} ${diagnostic.path ? safeMessage(diagnostic.path) : '(object)'}: ${safeMessage(diagnostic.message)} (${escapeControl(diagnostic.rule)})`;
}
