/**
 * `cdk8s-traffic validate PATH...`: the library's rules over any YAML.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { Severity } from '../validation/diagnostic';
import { isKnownKind, ruleCatalogue, validateManifests } from '../validation/engine';
import { isDns1123Subdomain } from '../validation/format/dns';
import { stringAt } from '../validation/manifest';
import { NodePortRange } from '../validation/node-port-range';
import { SourceDocument, parseDocuments } from './documents';
import { EXIT_ERRORS, EXIT_OK } from './errors';
import { readInputs } from './input';
import { LocatedDiagnostic, ValidationSummary, formatJson, formatSummary, formatTextLine } from './output';

/** Options of one `validate` run. */
export interface ValidateOptions {
  readonly format: 'text' | 'json';
  /** Print errors only: no warnings, no summary line. */
  readonly quiet?: boolean;
  readonly nodePortRange: NodePortRange;
  readonly clusterDomain: string;
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
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-q, --quiet', 'print errors only (no warnings, no summary)')
    .addOption(new Option('--node-port-range <range>', 'the cluster\'s node port range (the API server\'s --service-node-port-range)')
      .argParser(parseNodePortRange).default(NodePortRange.DEFAULT, NodePortRange.DEFAULT.toString()))
    .option('--cluster-domain <domain>', 'the cluster\'s DNS domain, used to match VirtualService hosts to Services', parseClusterDomain, 'cluster.local')
    .addHelpText('after', '\nExit status: 0 no errors (warnings allowed), 1 errors found, 2 input could not be read.')
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
 * @returns the exit code: 0 without errors, 1 with errors
 * @throws InputError when an input cannot be read (exit code 2)
 */
export function runValidate(paths: readonly string[], options: ValidateOptions, io: ValidateIo): number {
  const inputs = readInputs(paths, io.readStdin);
  const documents: SourceDocument[] = [];
  for (const input of inputs) {
    for (const document of parseDocuments(input)) documents.push(document);
  }

  const manifests = documents.map(document => document.manifest);
  const all = validateManifests(manifests, { nodePortRange: options.nodePortRange, clusterDomain: options.clusterDomain });
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
        path: diagnostic.path,
        resource: diagnostic.resource,
        message: diagnostic.message,
        ...(diagnostic.value === undefined ? {} : { value: diagnostic.value }),
        upstream: upstreamCodes(diagnostic.code),
      };
      return { entry, documentOrder: document ? diagnostic.index : documents.length, order };
    })
    .sort((a, b) => a.documentOrder - b.documentOrder || a.entry.line - b.entry.line || a.entry.column - b.entry.column || a.order - b.order)
    .map(x => x.entry);

  const summary = summarise(inputs.length, documents, errors, all.length - errors);
  if (options.format === 'json') {
    io.stdout(formatJson(located, summary));
  } else {
    if (located.length > 0) io.stdout(`${located.map(formatTextLine).join('\n')}\n`);
    if (!quiet) io.stderr(`${formatSummary(summary)}\n`);
  }
  return errors > 0 ? EXIT_ERRORS : EXIT_OK;
}

function summarise(files: number, documents: readonly SourceDocument[], errors: number, warnings: number): ValidationSummary {
  const skippedKinds: Record<string, number> = {};
  let skipped = 0;
  for (const document of documents) {
    if (isKnownKind(document.manifest)) continue;
    skipped++;
    const label = kindLabel(document.manifest);
    skippedKinds[label] = (skippedKinds[label] ?? 0) + 1;
  }
  return { files, documents: documents.length, checked: documents.length - skipped, skipped, skippedKinds, errors, warnings };
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
