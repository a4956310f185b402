import { Diagnostic } from './diagnostic';

/** One line for a diagnostic: `SVC014 spec.ports[0].nodePort: message (node-port-range)`. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  return `${diagnostic.code} ${diagnostic.path || '(object)'}: ${diagnostic.message} (${diagnostic.rule})`;
}
