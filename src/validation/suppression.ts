/**
 * Which rules run, and which findings an object opts out of: the one place the CLI, the cdk8s
 * plugin, the constructs at synth and `validateManifests()` decide what is reported.
 *
 * - A run selects rules by code: `disable` turns rules off, `enable` keeps only the rules it
 *   names (as kube-linter's `--include` / `--exclude` and kubeconform's `-skip` do).
 * - One object opts out of rules with the annotation `cdk8s-traffic.io/suppress` (comma-separated
 *   codes, or `*` for every rule), and of what istioctl analyze reports with
 *   `galley.istio.io/analyze-suppress` (comma-separated `IST....` codes, or `*`): a rule whose
 *   `upstream` codes include a suppressed IST code is suppressed too, as istioctl would be.
 */
import { TrafficValidationError } from './errors';
import { objectAt, valueAt } from './manifest';

/** The annotation that suppresses this library's rules for one object: `"XR004,SVC014"` or `"*"`. */
export const SUPPRESS_ANNOTATION = 'cdk8s-traffic.io/suppress';

/** istioctl analyze's annotation (`galley.istio.io/analyze-suppress`), honoured through each rule's `upstream` codes. */
export const ISTIO_SUPPRESS_ANNOTATION = 'galley.istio.io/analyze-suppress';

/** A rule as suppression sees it: its code and the upstream codes it corresponds to. */
export interface SuppressibleRule {
  readonly code: string;
  readonly upstream?: readonly string[];
}

/** Which rule codes a run reports. */
export interface RuleSelection {
  /** Whether the rule with this code runs. */
  isEnabled(code: string): boolean;
}

/** Every rule runs. */
export const ALL_RULES: RuleSelection = { isEnabled: () => true };

const CODE = /^[A-Z]{2,4}\d{3}$/;

/** The codes of the checks that always run: TRF001 (a manifest is an object), TRF003 (the size budget)... */
const ALWAYS_ON_PREFIX = 'TRF';

/** How messages name the two settings: `options.disable` for validateManifests(), a context key at synth. */
export interface SelectionNames {
  readonly disable: string;
  readonly enable: string;
}

const OPTION_NAMES: SelectionNames = { disable: 'options.disable', enable: 'options.enable' };

/**
 * The selection `disable` and `enable` describe. Codes must be rule codes (`SVC014`); a code no
 * rule has is refused, so a typo does not silently keep a rule on.
 *
 * @param known every code a rule or construct check has
 * @param names how messages name the two settings
 * @throws TrafficValidationError when a code is malformed or unknown, or a list is not a list of strings
 */
export function selectRules(disable: unknown, enable: unknown, known: ReadonlySet<string>, names: SelectionNames = OPTION_NAMES): RuleSelection {
  const off = codeSet(names.disable, disable, known, true);
  const only = codeSet(names.enable, enable, known, false);
  if (off.size === 0 && only.size === 0) return ALL_RULES;
  return { isEnabled: code => !off.has(code) && (only.size === 0 || only.has(code)) };
}

/** The codes of one list; empty when not given (an empty `enable` list selects every rule). */
function codeSet(option: string, value: unknown, known: ReadonlySet<string>, turnsOff: boolean): Set<string> {
  if (value === undefined || value === null) return new Set();
  if (!Array.isArray(value)) {
    throw new TrafficValidationError('TRF004', `${option} expects a list of rule codes such as ["XR004", "SVC014"], got ${describe(value)}`);
  }
  const codes = new Set<string>();
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (typeof item !== 'string') {
      throw new TrafficValidationError('TRF004', `${option}[${i}] expects a rule code such as "SVC014", got ${describe(item)}`);
    }
    const code = item.trim().toUpperCase();
    if (!CODE.test(code) || !known.has(code)) {
      throw new TrafficValidationError('TRF004', `${option}[${i}] ${JSON.stringify(clip(item))} is not a rule code of this library: see \`cdk8s-traffic rules\` or docs/rules.md`);
    }
    if (turnsOff && code.startsWith(ALWAYS_ON_PREFIX)) {
      throw new TrafficValidationError('TRF004', `${option}[${i}] ${code} cannot be turned off: the TRF checks are of the input itself (a manifest that is an object, within the size budget, arguments of the right kind), and the other rules rely on them`);
    }
    codes.add(code);
  }
  return codes;
}

/**
 * The codes one object suppresses, read from its annotations, or undefined when it suppresses
 * nothing. Never throws: annotations of the wrong type suppress nothing (the schema rules
 * report them).
 */
export interface ObjectSuppression {
  /** Codes of this library's rules, from `cdk8s-traffic.io/suppress`. */
  readonly codes: ReadonlySet<string>;
  /** IST codes, from `galley.istio.io/analyze-suppress`. */
  readonly istioCodes: ReadonlySet<string>;
  /** Whether `*` was given in either annotation. */
  readonly all: boolean;
}

export function suppressionOf(manifest: unknown): ObjectSuppression | undefined {
  const annotations = objectAt(objectAt(manifest, 'metadata'), 'annotations');
  if (!annotations) return undefined;
  const ours = annotationCodes(valueAt(annotations, SUPPRESS_ANNOTATION));
  const istio = annotationCodes(valueAt(annotations, ISTIO_SUPPRESS_ANNOTATION));
  if (!ours && !istio) return undefined;
  const codes = ours ?? new Set<string>();
  const istioCodes = istio ?? new Set<string>();
  return { codes, istioCodes, all: codes.has('*') || istioCodes.has('*') };
}

/**
 * A setting of rule codes as cdk8s.yaml, a context value or an environment variable gives it:
 * a list, or one comma-separated string. Anything else is returned as it is, for
 * `selectRules` to refuse with a clear message.
 */
export function codeListOf(value: unknown): unknown {
  return typeof value === 'string' ? [...(annotationCodes(value) ?? [])] : value;
}

/** Comma-separated codes; entries trimmed and upper-cased, empty entries dropped. */
export function annotationCodes(value: unknown): Set<string> | undefined {
  if (typeof value !== 'string') return undefined;
  const codes = new Set<string>();
  // split on commas without a regular expression: the value is untrusted and may be long
  let start = 0;
  for (let i = 0; i <= value.length; i++) {
    if (i === value.length || value.charCodeAt(i) === 44 /* , */) {
      const code = value.slice(start, i).trim().toUpperCase();
      if (code.length > 0) codes.add(code);
      start = i + 1;
    }
  }
  return codes.size > 0 ? codes : undefined;
}

/** Whether an object's suppression covers a rule. */
export function isSuppressed(suppression: ObjectSuppression | undefined, rule: SuppressibleRule): boolean {
  if (!suppression) return false;
  if (suppression.all || suppression.codes.has(rule.code)) return true;
  if (suppression.istioCodes.size === 0 || !rule.upstream) return false;
  for (const code of rule.upstream) {
    if (suppression.istioCodes.has(code)) return true;
  }
  return false;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(clip(value))}`;
  return typeof value === 'object' ? 'an object' : `the ${typeof value} ${String(value)}`;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}
