import { Diagnostic, Severity } from '../validation/diagnostic';
import { validateManifests } from '../validation/engine';
import { NodePortRange } from '../validation/node-port-range';
import { TrafficValidationError } from '../validation/errors';
import { show, stringAt, objectAt } from '../validation/manifest';
import { codeListOf } from '../validation/suppression';

/**
 * Settings of the validation plugin, from `properties:` in cdk8s.yaml.
 */
export interface TrafficValidationProperties {
  /**
   * The cluster's node port range, as `30000-32767`.
   *
   * @default 30000-32767
   */
  readonly nodePortRange?: string;

  /**
   * The cluster DNS domain.
   *
   * @default cluster.local
   */
  readonly clusterDomain?: string;

  /**
   * Whether warnings fail synth too.
   *
   * @default false
   */
  readonly failOnWarnings?: boolean;

  /**
   * What fails synth: `error` (errors only) or `warning` (warnings too), as
   * `cdk8s-traffic validate --fail-on`. `failOnWarnings: true` is the same as `warning`.
   *
   * @default error
   */
  readonly failOn?: string;

  /**
   * Rule codes not to run, for example `['XR004']` (in cdk8s.yaml a list, or one
   * comma-separated string). One object suppresses rules with the annotation
   * `cdk8s-traffic.io/suppress`.
   *
   * @default - every rule runs
   */
  readonly disable?: string[];

  /**
   * The only rule codes to run (a list, or one comma-separated string).
   *
   * @default - every rule runs
   */
  readonly enable?: string[];
}

/** One offending resource, as cdk8s-cli's validation report takes it. */
export interface PluginViolatingResource {
  readonly resourceName: string;
  readonly locations: string[];
  readonly manifestPath: string;
}

/** One violation, as cdk8s-cli's validation report takes it. */
export interface PluginViolation {
  readonly ruleName: string;
  readonly recommendation: string;
  readonly fix: string;
  readonly violatingResources: PluginViolatingResource[];
}

/** The report of cdk8s-cli's ValidationContext: where the plugin's violations go. */
export interface IPluginValidationReport {
  /** Adds one violation to the report. */
  addViolation(violation: PluginViolation): void;
  /** Ends the report with `success` or `failure` and a few counts. */
  submit(status: string, metadata?: { [key: string]: string }): void;
}

/** The part of cdk8s-cli's ValidationContext the plugin uses. */
export interface IPluginValidationContext {
  /** Paths of the synthesised manifest files. */
  readonly manifests: string[];
  /** The report violations go to. */
  readonly report: IPluginValidationReport;
  /** Parses one manifest file into its documents. */
  parseManifest(manifestPath: string): any[];
}

const RULES_DOC = 'https://github.com/cdk8s-traffic/cdk8s-traffic/blob/main/docs/rules.md';

/**
 * A cdk8s validation plugin running this library's rules (Kubernetes Service, EndpointSlice
 * and Istio VirtualService checks, and the app-wide checks) on every synthesised manifest,
 * whether or not the app uses this library's constructs. List it in cdk8s.yaml:
 *
 * ```yaml
 * validations:
 *   - package: ./node_modules/cdk8s-traffic
 *     version: 0.1.0
 *     class: TrafficValidation
 *     properties:
 *       nodePortRange: 30000-32767
 *       disable: [XR004]
 *       failOn: error
 * ```
 *
 * `cdk8s synth` then fails on errors and names the construct path of each bad object.
 */
export class TrafficValidation {
  private readonly properties: TrafficValidationProperties;

  constructor(properties: TrafficValidationProperties = {}) {
    this.properties = properties;
  }

  /** Called by cdk8s-cli after synth. */
  public async validate(context: IPluginValidationContext): Promise<void> {
    const documents: Array<{ manifest: unknown; manifestPath: string }> = [];
    for (const manifestPath of context.manifests) {
      for (const manifest of context.parseManifest(manifestPath)) {
        if (manifest !== null && manifest !== undefined) documents.push({ manifest, manifestPath });
      }
    }
    // disable, enable and the suppression annotations are applied by the engine, as for the CLI
    const diagnostics = validateManifests(documents.map(d => d.manifest), {
      nodePortRange: this.properties.nodePortRange ? NodePortRange.parse(this.properties.nodePortRange) : undefined,
      clusterDomain: this.properties.clusterDomain,
      disable: codeList(this.properties.disable),
      enable: codeList(this.properties.enable),
    });
    const warningsFail = this.properties.failOnWarnings === true || failOnOf(this.properties.failOn) === 'warning';
    let failed = false;
    for (const diagnostic of diagnostics) {
      const document = documents[diagnostic.index];
      const failing = diagnostic.severity === Severity.ERROR || warningsFail;
      failed = failed || failing;
      context.report.addViolation(toViolation(diagnostic, document?.manifest, document?.manifestPath ?? ''));
    }
    const count = (severity: Severity) => String(diagnostics.filter(d => d.severity === severity).length);
    context.report.submit(failed ? 'failure' : 'success', {
      errors: count(Severity.ERROR),
      warnings: count(Severity.WARNING),
      documents: String(documents.length),
    });
  }
}

/** A list of codes as cdk8s.yaml may give it: a list, or one comma-separated string. */
function codeList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  return codeListOf(value) as string[]; // anything else is checked (and refused with a clear message) by the engine
}

function failOnOf(value: unknown): 'error' | 'warning' {
  if (value === undefined || value === null || value === 'error') return 'error';
  if (value === 'warning') return 'warning';
  throw new TrafficValidationError('TRF004', `the plugin's failOn must be "error" or "warning", got ${show(value)}`);
}

function toViolation(diagnostic: Diagnostic, manifest: unknown, manifestPath: string): PluginViolation {
  const name = stringAt(objectAt(manifest, 'metadata'), 'name') ?? diagnostic.resource;
  return {
    ruleName: `${diagnostic.severity} ${diagnostic.code} ${diagnostic.rule}`,
    recommendation: `${diagnostic.resource} ${diagnostic.path || '(object)'}: ${diagnostic.message}`,
    fix: `see ${RULES_DOC}#${diagnostic.code.toLowerCase()}, or suppress it for this object with the annotation cdk8s-traffic.io/suppress: "${diagnostic.code}"`,
    violatingResources: [{ resourceName: name, locations: [diagnostic.path || '(object)'], manifestPath }],
  };
}
