import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { Diagnostic, Severity } from './diagnostic';
import { checkManifest, checkSet } from './engine';
import { formatDiagnostic } from './format-diagnostic';
import { ManifestEntry } from './rule';
import { ResolvedOptions, resolveOptions } from './options';
import { isObject } from './manifest';
import { CLUSTER_DOMAIN_CONTEXT } from './context-keys';

/** How a construct plugs its generated object into synth-time validation. */
export interface SynthValidationHooks {
  /** Cluster settings for this object's rules (for example its node port range). */
  readonly options?: () => ResolvedOptions;
  /** Problems only the construct can see (for example a selector it could not translate). */
  readonly constructDiagnostics?: () => Diagnostic[];
}

const printedWarnings = new Set<string>();

/**
 * Writes synth-time warnings to stderr, each line once: cdk8s validates the app again for
 * every chart it writes. Replaceable in tests.
 */
export let warningSink: (line: string) => void = line => {
  if (printedWarnings.has(line)) return;
  printedWarnings.add(line);
  process.stderr.write(`${line}\n`);
};

export function setWarningSink(sink: (line: string) => void): (line: string) => void {
  const previous = warningSink;
  warningSink = sink;
  return previous;
}

function renderForValidation(apiObject: ApiObject): { json?: unknown; diagnostic?: Diagnostic } {
  try {
    return { json: apiObject.toJson() };
  } catch (error) {
    return {
      diagnostic: {
        severity: Severity.ERROR,
        code: 'TRF002',
        rule: 'renderable',
        message: `the object could not be rendered: ${error instanceof Error ? error.message : String(error)}`,
        path: '',
        resource: `${apiObject.kind}/${apiObject.metadata.namespace ?? 'default'}/${apiObject.name}`,
        index: 0,
      },
    };
  }
}

/** Splits diagnostics into synth error lines; warnings go to the warning sink. */
function toErrors(scopePath: string, diagnostics: Diagnostic[], suffix: (d: Diagnostic) => string = () => ''): string[] {
  const errors: string[] = [];
  for (const d of diagnostics) {
    const line = `${formatDiagnostic(d)}${suffix(d)}`;
    if (d.severity === Severity.ERROR) {
      errors.push(line);
    } else {
      warningSink(`Warning: [${scopePath}] ${line}`);
    }
  }
  return errors;
}

/** Objects whose construct reports their set diagnostics itself. */
const claimed = new WeakSet<ApiObject>();
/** Set diagnostics per object, from the latest app-wide pass. */
const setDiagnostics = new WeakMap<ApiObject, Diagnostic[]>();
/** Roots that already run the app-wide checks. */
const checkedRoots = new WeakSet<IConstruct>();

/**
 * Registers synth-time validation for an object a construct generates: the same rules
 * `validateManifests()` runs, on the object's own output, plus what the app-wide checks
 * found about it. Also makes sure the app-wide checks run once per validation pass.
 */
export function validateOnSynth(construct: IConstruct, apiObject: ApiObject, hooks: SynthValidationHooks = {}): void {
  claimed.add(apiObject);
  construct.node.addValidation({
    validate: () => {
      const options = hooks.options?.() ?? resolveOptions();
      const { json, diagnostic } = renderForValidation(apiObject);
      const diagnostics = diagnostic ? [diagnostic] : checkManifest(json, 0, options);
      diagnostics.push(...(hooks.constructDiagnostics?.() ?? []));
      diagnostics.push(...(setDiagnostics.get(apiObject) ?? []));
      return toErrors(construct.node.path, diagnostics);
    },
  });
  const root = construct.node.root;
  if (!checkedRoots.has(root)) {
    checkedRoots.add(root);
    root.node.addValidation({ validate: () => checkApp(root) });
  }
}

/**
 * Runs the set rules (duplicate node ports and other checks across objects) over every
 * ApiObject in the app. cdk8s validates the root first, so the results are ready when each
 * construct's own validation asks for them; objects no construct of this library owns are
 * reported here, with their construct path.
 */
function checkApp(root: IConstruct): string[] {
  const objects: ApiObject[] = [];
  const entries: ManifestEntry[] = [];
  for (const construct of root.node.findAll()) {
    if (!ApiObject.isApiObject(construct)) continue;
    setDiagnostics.delete(construct);
    const { json } = renderForValidation(construct);
    if (!isObject(json)) continue; // unrenderable objects are reported by their own validation
    entries.push({ index: objects.length, manifest: json });
    objects.push(construct);
  }
  const unclaimed: Diagnostic[] = [];
  const clusterDomain = root.node.tryGetContext(CLUSTER_DOMAIN_CONTEXT);
  const options = resolveOptions({ clusterDomain: typeof clusterDomain === 'string' ? clusterDomain : undefined });
  for (const d of checkSet(entries, options)) {
    const owner = objects[d.index];
    if (owner && claimed.has(owner)) {
      setDiagnostics.set(owner, [...(setDiagnostics.get(owner) ?? []), d]);
    } else {
      unclaimed.push(d);
    }
  }
  return toErrors(root.node.path, unclaimed, d => (objects[d.index] ? ` at ${objects[d.index].node.path}` : ''));
}
