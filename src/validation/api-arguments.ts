/**
 * Checks of what the library API is given. From TypeScript the compiler sees to the types; from
 * JavaScript, or from Python, Java, Go and .NET through jsii, anything can arrive: `null`, a
 * string, an object where a list is expected. Without these checks such a value fails deep
 * inside a rule with a bare TypeError; with them, the message says what was expected.
 */
import { Diagnostic } from './diagnostic';
import { TrafficValidationError } from './errors';
import { formatDiagnostic } from './format-diagnostic';
import { NodePortRange } from './node-port-range';
import { ValidationOptions } from './options';
import { describeValue } from '../util/typed-value';

/** The code of the check (listed in the rule catalogue as a construct check). */
export const API_ARGUMENT_CODE = 'TRF004';

function refuse(message: string): never {
  throw new TrafficValidationError(API_ARGUMENT_CODE, message);
}

/** `validateManifests(manifests)`: a list (of anything: each item is checked by the rules). */
export function expectManifestList(manifests: unknown): asserts manifests is unknown[] {
  if (!Array.isArray(manifests)) {
    refuse(`validateManifests expects a list of manifests (plain objects, as parsed from YAML or rendered by chart.toJson()), got ${describeValue(manifests)}: wrap a single manifest in a list`);
  }
}

/** `validateManifests(manifests, options)`: no options, or an object whose fields have their types. */
export function expectValidationOptions(options: unknown): asserts options is ValidationOptions | undefined {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    refuse(`validateManifests options must be an object such as { clusterDomain: 'cluster.local' } or left out, got ${describeValue(options)}`);
  }
  const { nodePortRange, clusterDomain } = options as { nodePortRange?: unknown; clusterDomain?: unknown };
  if (nodePortRange !== undefined && !(nodePortRange instanceof NodePortRange)) {
    refuse(`options.nodePortRange expects a NodePortRange, got ${describeValue(nodePortRange)}: create it with NodePortRange.of(30000, 32767) or NodePortRange.parse('30000-32767')`);
  }
  if (clusterDomain !== undefined && typeof clusterDomain !== 'string') {
    refuse(`options.clusterDomain expects a string such as "cluster.local", got ${describeValue(clusterDomain)}`);
  }
}

/** `formatDiagnostic(diagnostic)`: an object with at least a code and a message. */
export function expectDiagnostic(diagnostic: unknown): asserts diagnostic is Diagnostic {
  const d = diagnostic as { code?: unknown; message?: unknown; path?: unknown; rule?: unknown } | null;
  if (typeof d !== 'object' || d === null || Array.isArray(d) || typeof d.code !== 'string' || typeof d.message !== 'string'
    || (d.path !== undefined && typeof d.path !== 'string') || (d.rule !== undefined && typeof d.rule !== 'string')) {
    refuse(`formatDiagnostic expects a diagnostic as validateManifests returns it (an object with string code, message, path and rule), got ${describeValue(diagnostic)}`);
  }
}

/** {@link formatDiagnostic} that refuses what is not a diagnostic with a TrafficValidationError. */
export function formatCheckedDiagnostic(diagnostic: Diagnostic): string {
  expectDiagnostic(diagnostic);
  return formatDiagnostic({ ...diagnostic, path: diagnostic.path ?? '', rule: diagnostic.rule ?? '' });
}
