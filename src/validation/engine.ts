import { Diagnostic, Severity } from './diagnostic';
import { JsonObject, isObject, resourceId } from './manifest';
import { ResolvedOptions, ValidationOptions, resolveOptions } from './options';
import { ManifestEntry, ManifestRule, SetRule } from './rule';
import { MANIFEST_RULES, SET_RULES } from './rules';
import { beginRun } from './memo';

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
  for (let i = 0; i < rules.length; i++) {
    rule = rules[i];
    try {
      rule.check(manifest, context);
    } catch (error) {
      diagnostics.push(internalError(rule, index, resource ??= resourceId(manifest), error));
    }
  }
  return diagnostics.length === 0 ? diagnostics : withoutSchemaRepeats(diagnostics);
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

/** Runs the set rules (those that need every manifest at once). */
export function checkSet(entries: readonly ManifestEntry[], options: ResolvedOptions, rules: readonly SetRule[] = SET_RULES): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    try {
      rule.check(entries, {
        options,
        report: (entry, path, message, value) => diagnostics.push({
          severity: rule.severity, code: rule.code, rule: rule.name, message, path,
          resource: resourceId(entry.manifest), index: entry.index,
          ...(value === undefined ? {} : { value }),
        }),
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
  beginRun();
  const resolved = resolveOptions(options);
  const diagnostics: Diagnostic[] = [];
  const entries: ManifestEntry[] = [];
  manifests.forEach((manifest, index) => {
    diagnostics.push(...checkManifest(manifest, index, resolved));
    if (isObject(manifest)) entries.push({ index, manifest });
  });
  diagnostics.push(...checkSet(entries, resolved));
  return diagnostics;
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
