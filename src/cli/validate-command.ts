/**
 * `cdk8s-traffic validate PATH...`: the library's rules over any YAML.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { Severity } from '../validation/diagnostic';
import { isKnownKind, ruleCatalogue, validateManifests } from '../validation/engine';
import { isDns1123Subdomain } from '../validation/format/dns';
import { stringAt } from '../validation/manifest';
import { NodePortRange } from '../validation/node-port-range';
import { shortenValues } from '../text/escape';
import { SourceDocument } from '../yaml/documents';
import { EXIT_ERRORS, EXIT_INPUT, EXIT_OK } from './errors';
import { DEFAULT_DIAGNOSTIC_LIMITS, DEFAULT_INPUT_LIMITS, formatSize, parseCount, parseFileSize, parseSize } from './limits';
import { LocatedDiagnostic, ValidationSummary, capDiagnostics, formatInputError, formatJson, formatSummary, formatTextReport } from './output';
import { InputLimitOptions, readDocuments } from './read-documents';
import { applyConfig, parseCodesOption } from './config';
import { CI_FORMATS, CiFormat, FailOn, failsRun, formatCiReport, isCiFormat, reportObjects } from './formats';

/** Options of one `validate` run. */
export interface ValidateOptions extends InputLimitOptions {
  readonly format: 'text' | 'json' | CiFormat;
  /** `--fail-on`: what makes the exit status 1, errors (the default) or warnings too. */
  readonly failOn?: FailOn;
  /** `--disable`, `--enable`: rule codes not to run, or the only ones to run. */
  readonly disable?: string[];
  readonly enable?: string[];
  /** `--config`: the settings file (else `.cdk8s-traffic.yaml` or `.json` in the working directory, if any). */
  readonly config?: string;
  /** Print errors only: no warnings, no summary line. */
  readonly quiet?: boolean;
  readonly nodePortRange: NodePortRange;
  readonly clusterDomain: string;
  /** `--max-diagnostics-per-file`: diagnostics printed per file (the rest counted in one line). @default 100 */
  readonly maxDiagnosticsPerFile?: number;
  /** `--max-diagnostics`: diagnostics printed in all. @default 1000 */
  readonly maxDiagnostics?: number;
}

/** Where a run reads standard input and writes its report. */
export interface ValidateIo {
  readonly readStdin?: () => string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check Services, EndpointSlices and Istio VirtualServices, DestinationRules, Gateways and ServiceEntries (networking.istio.io v1, v1beta1, v1alpha3) in YAML against the rules of the Kubernetes API server and Istio\'s webhook, and across resources as istioctl analyze and Kiali do')
    .argument('<paths...>', 'YAML files, folders (searched recursively for *.yaml and *.yml) or - for standard input')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', ...CI_FORMATS]).default('text'))
    .addOption(new Option('--fail-on <severity>', 'exit 1 on errors only, or on warnings too (default: error)').choices(['error', 'warning']))
    .option('--disable <codes>', 'rule codes not to run, comma-separated (repeatable)', parseCodesOption)
    .option('--enable <codes>', 'run only these rule codes, comma-separated (repeatable)', parseCodesOption)
    .option('--config <file>', 'settings file (default: .cdk8s-traffic.yaml, .yml or .json in the working directory, if present); flags override it')
    .hook('preAction', (_program, command) => applyConfig(command))
    .option('-q, --quiet', 'print errors only (no warnings, no summary)')
    .addOption(new Option('--node-port-range <range>', 'the cluster\'s node port range (the API server\'s --service-node-port-range)')
      .argParser(parseNodePortRange).default(NodePortRange.DEFAULT, NodePortRange.DEFAULT.toString()))
    .option('--cluster-domain <domain>', 'the cluster\'s DNS domain, used to match VirtualService hosts to Services', parseClusterDomain, 'cluster.local')
    .addOption(new Option('--max-input-size <size>', 'read no file (or standard input) larger than this, such as 32MiB or 512KiB').argParser(parseFileSize)
      .default(DEFAULT_INPUT_LIMITS.maxFileBytes, formatSize(DEFAULT_INPUT_LIMITS.maxFileBytes).replace(' ', '')))
    .addOption(new Option('--max-total-input-size <size>', 'read no more than this in all inputs together').argParser(parseSize)
      .default(DEFAULT_INPUT_LIMITS.maxTotalBytes, formatSize(DEFAULT_INPUT_LIMITS.maxTotalBytes).replace(' ', '')))
    .addOption(new Option('--max-diagnostics-per-file <count>', 'print at most this many diagnostics per file, and how many more there are').argParser(parseCount)
      .default(DEFAULT_DIAGNOSTIC_LIMITS.perFile))
    .addOption(new Option('--max-diagnostics <count>', 'print at most this many diagnostics in all').argParser(parseCount).default(DEFAULT_DIAGNOSTIC_LIMITS.total))
    .addHelpText('after', '\nExit status: 0 no errors (warnings allowed unless --fail-on warning), 1 errors found (or warnings with --fail-on warning), 2 a usage error, an input that could not be read (the other inputs are still checked) or an internal error (--debug prints its stack trace).')
    .action((paths: string[], options: ValidateOptions) => {
      ignoreClosedStdout();
      process.exitCode = runValidate(paths, options, {
        stdout: text => process.stdout.write(text),
        stderr: text => process.stderr.write(text),
      });
    });
}

/** `validate ... | head` closes the pipe early: that is no error, and must not print a stack trace. */
function ignoreClosedStdout(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') process.stderr.write(`error: cannot write the report: ${error.message}\n`);
  });
}

function parseNodePortRange(value: string): NodePortRange {
  try {
    return NodePortRange.parse(value);
  } catch (error) {
    throw new InvalidArgumentError(error instanceof Error ? error.message.replace(/^SVC014 /, '') : String(error));
  }
}

function parseClusterDomain(value: string): string {
  const domain = value.replace(/\.$/, '');
  const problems = isDns1123Subdomain(domain);
  if (problems.length > 0) throw new InvalidArgumentError(`cluster domain ${JSON.stringify(value)} is not a DNS subdomain: ${problems.join('; ')}`);
  return domain;
}

/**
 * Reads the inputs, validates every object they hold as one set, and writes the report.
 *
 * An input that cannot be read is reported (on standard error, and in the JSON report) and the
 * others are still checked.
 *
 * @returns the exit code: 0 without errors, 1 with errors, 2 when an input could not be read
 */
export function runValidate(paths: readonly string[], options: ValidateOptions, io: ValidateIo): number {
  const read = readDocuments(paths, options, io.readStdin);
  const documents = read.documents;
  for (const notice of read.notices) io.stderr(`${formatInputError(notice, 'note')}\n`);

  const manifests = documents.map(document => document.manifest);
  const all = validateManifests(manifests, { nodePortRange: options.nodePortRange, clusterDomain: options.clusterDomain, disable: options.disable, enable: options.enable });
  const errors = all.filter(d => d.severity === Severity.ERROR).length;
  const quiet = options.quiet === true;
  const shown = quiet ? all.filter(d => d.severity === Severity.ERROR) : all;

  // input order, then position; set-wide findings without a document last
  const located = shown
    .map((diagnostic, order) => {
      const document = documents[diagnostic.index];
      const at = document ? document.locate(diagnostic.path) : { line: 0, column: 0 };
      const entry: LocatedDiagnostic = {
        file: document ? document.file : '',
        line: at.line,
        column: at.column,
        severity: diagnostic.severity,
        code: diagnostic.code,
        rule: diagnostic.rule,
        path: shortenValues(diagnostic.path),
        resource: shortenValues(diagnostic.resource),
        message: shortenValues(diagnostic.message),
        ...(diagnostic.value === undefined ? {} : { value: diagnostic.value }),
        upstream: upstreamCodes(diagnostic.code),
      };
      return { entry, documentOrder: document ? diagnostic.index : documents.length, order };
    })
    .sort((a, b) => a.documentOrder - b.documentOrder || a.entry.line - b.entry.line || a.entry.column - b.entry.column || a.order - b.order)
    .map(x => x.entry);

  const summary = summarise(read.files, documents, errors, all.length - errors);
  const limits = { perFile: options.maxDiagnosticsPerFile ?? DEFAULT_DIAGNOSTIC_LIMITS.perFile, total: options.maxDiagnostics ?? DEFAULT_DIAGNOSTIC_LIMITS.total };
  const capped = capDiagnostics(located, limits);
  for (const error of read.errors) io.stderr(`${formatInputError(error)}\n`);
  if (isCiFormat(options.format)) {
    io.stdout(formatCiReport(options.format, { diagnostics: capped.shown, inputErrors: read.errors, objects: reportObjects(documents), failOn: options.failOn ?? 'error' }));
  } else if (options.format === 'json') {
    io.stdout(formatJson(capped.shown, summary, { inputErrors: read.errors, omitted: capped.omitted }));
  } else {
    io.stdout(formatTextReport(capped, limits));
    if (!quiet) io.stderr(`${formatSummary(summary, read.errors.length)}\n`);
  }
  if (read.errors.length > 0) return EXIT_INPUT;
  return failsRun(all, options.failOn) ? EXIT_ERRORS : EXIT_OK;
}

function summarise(files: number, documents: readonly SourceDocument[], errors: number, warnings: number): ValidationSummary {
  // a Map, then own properties: a kind such as `__proto__` or `constructor` is a kind like any other
  const skippedKinds = new Map<string, number>();
  let skipped = 0;
  for (const document of documents) {
    if (isKnownKind(document.manifest)) continue;
    skipped++;
    const label = kindLabel(document.manifest);
    skippedKinds.set(label, (skippedKinds.get(label) ?? 0) + 1);
  }
  return { files, documents: documents.length, checked: documents.length - skipped, skipped, skippedKinds: Object.fromEntries(skippedKinds), errors, warnings };
}

let upstreamByCode: Map<string, readonly string[]> | undefined;
const NO_UPSTREAM: readonly string[] = [];

/** The upstream codes (IST..., KIA...) of the rule with this code, from the catalogue; empty when none. */
function upstreamCodes(code: string): readonly string[] {
  upstreamByCode ??= new Map(ruleCatalogue().map(rule => [rule.code, rule.upstream]));
  return upstreamByCode.get(code) ?? NO_UPSTREAM;
}

let knownKindNames: Set<string> | undefined;

/**
 * The kind, or `apiVersion/kind` when a rule knows that kind under another apiVersion (so a
 * `networking.istio.io/v1alpha2/VirtualService` does not read as a skipped VirtualService), or
 * `(no kind)`.
 */
function kindLabel(manifest: unknown): string {
  const kind = stringAt(manifest, 'kind');
  if (!kind) return '(no kind)';
  knownKindNames ??= new Set(ruleCatalogue().flatMap(rule => rule.appliesTo.map(key => key.slice(key.lastIndexOf('/') + 1))));
  return knownKindNames.has(kind) ? `${stringAt(manifest, 'apiVersion') ?? '(no apiVersion)'}/${kind}` : kind;
}
