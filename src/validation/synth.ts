import { ApiObject } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { Diagnostic, Severity } from './diagnostic';
import { checkManifest, checkSet } from './engine';
import { formatDiagnostic } from './format-diagnostic';
import { ManifestEntry } from './rule';
import { ResolvedOptions, resolveOptions } from './options';
import { isObject } from './manifest';

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

/**
 * Registers synth-time validation for an object a construct generates: the same rules
 * `validateManifests()` runs, on the object's own output. Also makes sure the app-wide
 * checks run once per app.
 */
export function validateOnSynth(construct: IConstruct, apiObject: ApiObject, hooks: SynthValidationHooks = {}): void {
  construct.node.addValidation({
    validate: () => {
      const options = hooks.options?.() ?? resolveOptions();
      const { json, diagnostic } = renderForValidation(apiObject);
      const diagnostics = diagnostic ? [diagnostic] : checkManifest(json, 0, options);
      diagnostics.push(...(hooks.constructDiagnostics?.() ?? []));
      return toErrors(construct.node.path, diagnostics);
    },
  });
  AppChecks.ensure(construct);
}

/**
 * Runs the set rules (duplicate node ports and other checks across objects) over every
 * ApiObject in the app, once per synth. Errors name the construct path of each object.
 */
export class AppChecks extends Construct {
  /** Id of the checks construct under the app root. */
  public static readonly ID = 'cdk8s-traffic-app-checks';

  public static ensure(scope: IConstruct): void {
    const root = scope.node.root;
    if (!root.node.tryFindChild(AppChecks.ID)) {
      new AppChecks(root as Construct, AppChecks.ID);
    }
  }

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    this.node.addValidation({ validate: () => this.check() });
  }

  private check(): string[] {
    const objects: ApiObject[] = [];
    const entries: ManifestEntry[] = [];
    for (const construct of this.node.root.node.findAll()) {
      if (!ApiObject.isApiObject(construct)) continue;
      const { json } = renderForValidation(construct);
      if (!isObject(json)) continue; // unrenderable objects are reported by their own validation
      entries.push({ index: objects.length, manifest: json });
      objects.push(construct);
    }
    const diagnostics = checkSet(entries, resolveOptions());
    return toErrors(this.node.path, diagnostics, d => (d.index >= 0 ? ` at ${objectPath(objects[d.index])}` : ''));
  }
}

/** The path users know: the construct that owns the generated `Resource`. */
function objectPath(apiObject: ApiObject): string {
  const scope = apiObject.node.scope;
  return apiObject.node.id === 'Resource' && scope ? scope.node.path : apiObject.node.path;
}
