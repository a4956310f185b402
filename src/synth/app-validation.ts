import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { CLUSTER_DOMAIN_CONTEXT, DISABLE_CONTEXT, ENABLE_CONTEXT, VALIDATION_CONTEXT } from '../validation/context-keys';
import { Diagnostic, Severity } from '../validation/diagnostic';
import { CONSTRUCT_CHECKS } from '../validation/construct-checks';
import { checkManifest, checkSet, knownCodes, ruleCatalogue } from '../validation/engine';
import { TrafficValidationError } from '../validation/errors';
import { formatDiagnostic } from '../validation/format-diagnostic';
import { isObject } from '../validation/manifest';
import { ResolvedOptions, resolveOptions } from '../validation/options';
import { ManifestEntry } from '../validation/rule';
import { RuleSelection, codeListOf, isSuppressed, selectRules, suppressionOf } from '../validation/suppression';
import { currentSession, useSessions } from './session';
import { warn } from './warnings';

/** How a construct plugs its generated object into synth-time validation. */
export interface SynthValidationHooks {
  /** Cluster settings for this object's rules (for example its node port range). */
  readonly options?: () => ResolvedOptions;
  /** Problems only the construct can see (for example a selector it could not translate). */
  readonly constructDiagnostics?: () => Diagnostic[];
}

interface Owner {
  readonly construct: IConstruct;
  readonly hooks: SynthValidationHooks;
}

/** What one validation of the app found. */
interface AppResults {
  /** Errors per construct that owns a checked object. */
  readonly errors: Map<IConstruct, string[]>;
  /** Errors about objects no construct of this library owns, reported at the root. */
  readonly unowned: string[];
}

/** The library's objects, with the construct that reports on each. */
const owners = new WeakMap<ApiObject, Owner>();
/** Results of the latest validation pass per app root, for passes outside a session. */
const latest = new WeakMap<IConstruct, AppResults>();
/** Roots whose validation is registered. */
const roots = new WeakSet<IConstruct>();

/**
 * Registers synth-time validation for an object a construct generates: the rules
 * `validateManifests()` runs, on the object's own output, plus what the app-wide checks find
 * about it. The whole app is checked at once, at the root, which cdk8s validates first.
 */
export function validateOnSynth(construct: IConstruct, apiObject: ApiObject, hooks: SynthValidationHooks = {}): void {
  useSessions(construct);
  if (construct.node.tryGetContext(VALIDATION_CONTEXT) === 'off') return;
  owners.set(apiObject, { construct, hooks });
  const root = construct.node.root;
  if (!roots.has(root)) {
    roots.add(root);
    root.node.addValidation({ validate: () => resultsFor(root, true).unowned });
  }
  construct.node.addValidation({ validate: () => resultsFor(root, false).errors.get(construct) ?? [] });
}

/**
 * The app's results: once per session; outside one, computed by the root's validation (the
 * first of each pass) and read by the constructs' validations of the same pass.
 */
function resultsFor(root: IConstruct, atRoot: boolean): AppResults {
  const session = currentSession();
  if (session) {
    if (!session.results) session.results = checkApp(root);
    return session.results as AppResults;
  }
  if (atRoot || !latest.has(root)) latest.set(root, checkApp(root));
  return latest.get(root) as AppResults;
}

/** Why an object could not be rendered: a value refused while rendering (TRF012...) or anything else (TRF002). */
interface RenderFailure {
  readonly code: string;
  readonly message: string;
}

function render(apiObject: ApiObject): { json?: unknown; error?: RenderFailure } {
  try {
    return { json: apiObject.toJson() };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    // ApiObject.toJson() rethrows what a value's producer threw as a new Error whose message
    // ends with the original as text (`...: TrafficValidationError: TRF012 ...`), without a
    // cause; a value our builders refused while rendering keeps its own code this way.
    const ours = error instanceof TrafficValidationError ? `${error.name}: ${error.message}` : text;
    const marker = ours.indexOf(OUR_ERROR);
    if (marker >= 0) {
      const refused = /^([A-Z]{2,4}\d{3}) ([\s\S]*)$/.exec(ours.slice(marker + OUR_ERROR.length));
      if (refused) return { error: { code: refused[1], message: refused[2] } };
    }
    return { error: { code: 'TRF002', message: `the object could not be rendered: ${text}` } };
  }
}

const OUR_ERROR = 'TrafficValidationError: ';

function appOptions(root: IConstruct): ResolvedOptions {
  const clusterDomain = root.node.tryGetContext(CLUSTER_DOMAIN_CONTEXT);
  return {
    ...resolveOptions({ clusterDomain: typeof clusterDomain === 'string' ? clusterDomain : undefined }),
    rules: contextRuleSelection(root),
  };
}

/** The rules the app's `cdk8s-traffic:disable` and `cdk8s-traffic:enable` context values select. */
function contextRuleSelection(root: IConstruct): RuleSelection {
  const disable = codeListOf(root.node.tryGetContext(DISABLE_CONTEXT));
  const enable = codeListOf(root.node.tryGetContext(ENABLE_CONTEXT));
  return selectRules(disable, enable, knownCodes(), { disable: `context ${DISABLE_CONTEXT}`, enable: `context ${ENABLE_CONTEXT}` });
}

/** The problems a construct reports itself, without the codes the app turns off or the object suppresses. */
function selected(diagnostics: Diagnostic[], json: unknown, selection: RuleSelection | undefined): Diagnostic[] {
  if (diagnostics.length === 0) return diagnostics;
  const suppression = suppressionOf(json);
  return diagnostics.filter(d => (selection?.isEnabled(d.code) ?? true) && !isSuppressed(suppression, { code: d.code }));
}

/** A construct's own settings (a node port range...), with the app's rule selection. */
function ownerOptions(owner: Owner, app: ResolvedOptions): ResolvedOptions {
  const own = owner.hooks.options?.();
  return own ? { ...own, rules: app.rules } : app;
}

/** Renders every object once, runs the manifest rules on the library's and the set rules on all. */
function checkApp(root: IConstruct): AppResults {
  const options = appOptions(root);
  const objects: ApiObject[] = [];
  const entries: ManifestEntry[] = [];
  const found = new Map<IConstruct, Diagnostic[]>();
  const add = (construct: IConstruct, diagnostics: Diagnostic[]) => {
    if (diagnostics.length === 0) return;
    found.set(construct, [...(found.get(construct) ?? []), ...diagnostics]);
  };
  // Every object is rendered first, then checked: rendering is most of synth, and running the
  // rules between renders made the whole synth measurably slower (npm run bench).
  const rendered: Array<{ construct: ApiObject; owner: Owner | undefined; json?: unknown; error?: RenderFailure }> = [];
  for (const construct of root.node.findAll()) {
    if (!ApiObject.isApiObject(construct)) continue;
    const { json, error } = render(construct);
    rendered.push({ construct, owner: owners.get(construct), json, error });
  }
  for (const { construct, owner, json, error } of rendered) {
    if (owner) {
      const diagnostics = error !== undefined
        ? [renderError(construct, error)]
        : checkManifest(json, 0, ownerOptions(owner, options));
      add(owner.construct, diagnostics);
      add(owner.construct, selected(owner.hooks.constructDiagnostics?.() ?? [], json, options.rules));
    }
    if (isObject(json)) {
      entries.push({ index: objects.length, manifest: json });
      objects.push(construct);
    }
  }
  const unownedDiagnostics: Diagnostic[] = [];
  for (const d of checkSet(entries, options)) {
    const owner = owners.get(objects[d.index]);
    if (owner) add(owner.construct, [d]); else unownedDiagnostics.push(d);
  }
  const errors = new Map<IConstruct, string[]>();
  for (const [construct, diagnostics] of found) {
    errors.set(construct, toErrors(construct.node.path, diagnostics));
  }
  const unowned = toErrors(root.node.path, unownedDiagnostics, d => (objects[d.index] ? ` at ${objects[d.index].node.path}` : ''));
  return { errors, unowned };
}

function renderError(apiObject: ApiObject, failure: RenderFailure): Diagnostic {
  return {
    severity: Severity.ERROR,
    code: failure.code,
    rule: CONSTRUCT_CHECKS.find(check => check.code === failure.code)?.name ?? ruleCatalogue().find(rule => rule.code === failure.code)?.name ?? 'renderable',
    message: failure.message,
    path: '',
    resource: `${apiObject.kind}/${apiObject.metadata.namespace ?? 'default'}/${apiObject.name}`,
    index: 0,
  };
}

/** Error lines for cdk8s; warnings go to the warning sink now. */
function toErrors(scopePath: string, diagnostics: Diagnostic[], suffix: (d: Diagnostic) => string = () => ''): string[] {
  const errors: string[] = [];
  for (const d of diagnostics) {
    const line = `${formatDiagnostic(d)}${suffix(d)}`;
    if (d.severity === Severity.ERROR) errors.push(line); else warn(`Warning: [${scopePath}] ${line}`);
  }
  return errors;
}
