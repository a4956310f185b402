import { Diagnostic, Severity } from './diagnostic';
import { JsonObject, isObject, resourceId } from './manifest';
import { ResolvedOptions, ValidationOptions, resolveOptions } from './options';
import { ManifestEntry, ManifestRule, SetRule } from './rule';
import { MANIFEST_RULES, SET_RULES } from './rules';
import { beginRun } from './memo';
import { expectManifestList, expectValidationOptions } from './api-arguments';
import { manifestSizeDiagnostic, manifestSizeProblem } from './size-budget';
import { CONSTRUCT_CHECKS } from './construct-checks';
import { ALL_RULES, ObjectSuppression, RuleSelection, isSuppressed, selectRules, suppressionOf } from './suppression';

/** The rules by apiVersion, then kind: no key is built per manifest. */
let rulesByVersion: Map<string, Map<string, ManifestRule[]>> | undefined;
const NO_RULES: readonly ManifestRule[] = [];

function buildIndex(): Map<string, Map<string, ManifestRule[]>> {
  const index = new Map<string, Map<string, ManifestRule[]>>();
  for (const rule of MANIFEST_RULES) {
    for (const type of rule.appliesTo) {
      const slash = type.lastIndexOf('/');
      const version = type.slice(0, slash);
      const kind = type.slice(slash + 1);
      const kinds = index.get(version) ?? new Map<string, ManifestRule[]>();
      kinds.set(kind, [...(kinds.get(kind) ?? []), rule]);
      index.set(version, kinds);
    }
  }
  return index;
}

/** The rules of a manifest's `apiVersion` and `kind`. */
function rulesOf(manifest: JsonObject): readonly ManifestRule[] {
  rulesByVersion ??= buildIndex();
  const { apiVersion, kind } = manifest;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return NO_RULES;
  return rulesByVersion.get(apiVersion)?.get(kind) ?? NO_RULES;
}

/** Whether any rule knows this manifest's `apiVersion/kind`. */
export function isKnownKind(manifest: unknown): boolean {
  return isObject(manifest) && rulesOf(manifest).length > 0;
}

function internalError(rule: { code: string; name: string }, index: number, resource: string, error: unknown): Diagnostic {
  return {
    severity: Severity.ERROR,
    code: 'TRF000',
    rule: 'internal-error',
    message: `rule ${rule.code} (${rule.name}) could not check this object: ${error instanceof Error ? error.message : String(error)}`,
    path: '',
    resource,
    index,
  };
}

/** Runs every per-manifest rule that applies to one manifest. */
export function checkManifest(manifest: unknown, index: number, options: ResolvedOptions): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  if (!isObject(manifest)) {
    diagnostics.push({
      severity: Severity.ERROR,
      code: 'TRF001',
      rule: 'manifest-is-object',
      message: `a manifest must be an object with apiVersion, kind and metadata, got ${Array.isArray(manifest) ? 'an array' : typeof manifest}`,
      path: '',
      resource: resourceId(manifest),
      index,
    });
    return diagnostics;
  }
  // This runs for every object of an app at synth: plain loops, and the resource id is built
  // only when there is something to report.
  const rules = rulesOf(manifest);
  const tooLarge = rules.length > 0 ? manifestSizeProblem(manifest) : undefined;
  if (tooLarge !== undefined) return [manifestSizeDiagnostic(manifest, index, tooLarge)];
  let resource: string | undefined;
  let rule: ManifestRule | undefined;
  const context = {
    options,
    report: (path: string, message: string, value?: unknown) => {
      const current = rule as ManifestRule;
      resource ??= resourceId(manifest);
      diagnostics.push({
        severity: current.severity, code: current.code, rule: current.name, message, path, resource, index,
        ...(value === undefined ? {} : { value }),
      });
    },
  };
  const selection = options.rules ?? ALL_RULES;
  for (let i = 0; i < rules.length; i++) {
    rule = rules[i];
    if (!selection.isEnabled(rule.code)) continue;
    try {
      rule.check(manifest, context);
    } catch (error) {
      diagnostics.push(internalError(rule, index, resource ??= resourceId(manifest), error));
    }
  }
  if (diagnostics.length === 0) return diagnostics;
  return withoutSuppressed(withoutSchemaRepeats(diagnostics), manifest, rules, selection);
}

/** Drops what the object's suppression annotations cover (src/validation/suppression.ts), and internal errors of disabled codes. */
function withoutSuppressed(diagnostics: Diagnostic[], manifest: JsonObject, rules: readonly ManifestRule[], selection: RuleSelection): Diagnostic[] {
  const suppression = suppressionOf(manifest);
  if (!suppression && selection === ALL_RULES) return diagnostics;
  const upstream = new Map(rules.map(r => [r.code, r.upstream]));
  return diagnostics.filter(d => selection.isEnabled(d.code) && !isSuppressed(suppression, { code: d.code, upstream: upstream.get(d.code) }));
}

const SCHEMA_PREFIX = 'SCH';

/**
 * Drops a schema error at a path a semantic rule already reports on: the rule's message is
 * the more specific one (`port: "80"` gets SVC009's advice, not also a bare type error).
 * Unknown-field warnings are kept.
 */
function withoutSchemaRepeats(diagnostics: Diagnostic[]): Diagnostic[] {
  const hasSchemaError = diagnostics.some(d => d.severity === Severity.ERROR && d.code.startsWith(SCHEMA_PREFIX));
  if (!hasSchemaError) return diagnostics;
  const ruled = new Set(diagnostics.filter(d => !d.code.startsWith(SCHEMA_PREFIX)).map(d => d.path));
  return diagnostics.filter(d => !(d.severity === Severity.ERROR && d.code.startsWith(SCHEMA_PREFIX) && ruled.has(d.path)));
}

/** Each object's suppression annotations, read once per set check. */
class SuppressionCache {
  private readonly read = new Map<JsonObject, ObjectSuppression | undefined>();

  public of(manifest: JsonObject): ObjectSuppression | undefined {
    if (!this.read.has(manifest)) this.read.set(manifest, suppressionOf(manifest));
    return this.read.get(manifest);
  }
}

/** Runs the set rules (those that need every manifest at once). */
export function checkSet(entries: readonly ManifestEntry[], options: ResolvedOptions, rules: readonly SetRule[] = SET_RULES): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const selection = options.rules ?? ALL_RULES;
  const suppressions = new SuppressionCache();
  for (const rule of rules) {
    if (!selection.isEnabled(rule.code)) continue;
    try {
      rule.check(entries, {
        options,
        report: (entry, path, message, value) => {
          if (isSuppressed(suppressions.of(entry.manifest), rule)) return;
          diagnostics.push({
            severity: rule.severity, code: rule.code, rule: rule.name, message, path,
            resource: resourceId(entry.manifest), index: entry.index,
            ...(value === undefined ? {} : { value }),
          });
        },
      });
    } catch (error) {
      diagnostics.push(internalError(rule, -1, '', error));
    }
  }
  return diagnostics;
}

/**
 * Validates plain manifest objects (as parsed from YAML, or as `ApiObject.toJson()` returns
 * them) with every rule: each manifest on its own, then the set as a whole.
 *
 * Kinds no rule knows are skipped. Diagnostics come in input order, per-manifest rules first.
 */
export function validateManifests(manifests: unknown[], options?: ValidationOptions): Diagnostic[] {
  expectManifestList(manifests);
  expectValidationOptions(options);
  beginRun();
  const resolved = resolveOptions(options, (disable, enable) => selectRules(disable, enable, knownCodes()));
  const diagnostics: Diagnostic[] = [];
  const entries: ManifestEntry[] = [];
  // no push(...list): a spread of a very long list overflows the stack
  for (let index = 0; index < manifests.length; index++) {
    const manifest: unknown = manifests[index];
    for (const diagnostic of checkManifest(manifest, index, resolved)) diagnostics.push(diagnostic);
    if (isObject(manifest)) entries.push({ index, manifest });
  }
  for (const diagnostic of checkSet(entries, resolved)) diagnostics.push(diagnostic);
  return diagnostics;
}

let allCodes: Set<string> | undefined;

/** Every code a rule or construct check has: what `disable` and `enable` may name. */
export function knownCodes(): ReadonlySet<string> {
  allCodes ??= new Set([...MANIFEST_RULES, ...SET_RULES, ...CONSTRUCT_CHECKS].map(r => r.code));
  return allCodes;
}

/** One line of the rule catalogue. */
export interface RuleInfo {
  readonly code: string;
  readonly name: string;
  readonly severity: Severity;
  readonly description: string;
  /** The `apiVersion/kind` keys it applies to; empty for rules over the whole set. */
  readonly appliesTo: string[];
  /** The codes of the upstream checks it corresponds to (istioctl analyze `IST…`, Kiali `KIA…`); empty when none. */
  readonly upstream: string[];
}

/** Every rule the engine runs, in code order. */
export function ruleCatalogue(): RuleInfo[] {
  const all: RuleInfo[] = [
    ...MANIFEST_RULES.map(r => ({ code: r.code, name: r.name, severity: r.severity, description: r.description, appliesTo: [...r.appliesTo], upstream: [...(r.upstream ?? [])] })),
    ...SET_RULES.map(r => ({ code: r.code, name: r.name, severity: r.severity, description: r.description, appliesTo: [], upstream: [...(r.upstream ?? [])] })),
  ];
  return all.sort((a, b) => a.code.localeCompare(b.code));
}
