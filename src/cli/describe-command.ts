/**
 * `cdk8s-traffic describe PATH...`: the Services, ServiceEntries, Gateways, VirtualService
 * routes, DestinationRules and traffic graph of any YAML, as kubectl would show them after the
 * API server's defaults, without a cluster.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { describeManifests, hasTextSections, renderDescription } from '../describe/describe';
import { renderMermaid } from '../describe/mermaid';
import { isDns1123Subdomain } from '../validation/format/dns';
import { EXIT_INPUT, EXIT_OK } from './errors';
import { DEFAULT_INPUT_LIMITS, formatSize, parseFileSize, parseSize } from './limits';
import { formatInputError, inputErrorJson } from './output';
import { InputLimitOptions, readDocuments } from './read-documents';

/** Options of one `describe` run. */
export interface DescribeCommandOptions extends InputLimitOptions {
  readonly format: 'text' | 'json';
  /** Print the traffic graph in this notation instead of the tables (with `--format json`: add it). */
  readonly graph?: 'mermaid';
  readonly clusterDomain: string;
}

/** Where a run reads standard input and writes its report. */
export interface DescribeIo {
  readonly readStdin?: () => string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export function registerDescribe(program: Command): void {
  program
    .command('describe')
    .description('show the Services, ServiceEntries, Gateways, VirtualService routes, DestinationRules and traffic graph in YAML, as kubectl would after the API server\'s defaults')
    .argument('<paths...>', 'YAML files, folders (searched recursively for *.yaml and *.yml) or - for standard input')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(new Option('--graph <notation>', 'print the traffic graph (Gateways -> VirtualServices -> Services and ServiceEntry hosts -> subsets -> workloads) instead of the tables').choices(['mermaid']))
    .option('--cluster-domain <domain>', 'the cluster\'s DNS domain, used to match hosts to Services', parseClusterDomain, 'cluster.local')
    .addOption(new Option('--max-input-size <size>', 'read no file (or standard input) larger than this, such as 32MiB or 512KiB').argParser(parseFileSize)
      .default(DEFAULT_INPUT_LIMITS.maxFileBytes, formatSize(DEFAULT_INPUT_LIMITS.maxFileBytes).replace(' ', '')))
    .addOption(new Option('--max-total-input-size <size>', 'read no more than this in all inputs together').argParser(parseSize)
      .default(DEFAULT_INPUT_LIMITS.maxTotalBytes, formatSize(DEFAULT_INPUT_LIMITS.maxTotalBytes).replace(' ', '')))
    .addHelpText('after', '\nExit status: 0 described, 2 a usage error or an input that could not be read (the other inputs are still described).')
    .action((paths: string[], options: DescribeCommandOptions) => {
      process.exitCode = runDescribe(paths, options, {
        stdout: text => process.stdout.write(text),
        stderr: text => process.stderr.write(text),
      });
    });
}

function parseClusterDomain(value: string): string {
  const domain = value.replace(/\.$/, '');
  const problems = isDns1123Subdomain(domain);
  if (problems.length > 0) throw new InvalidArgumentError(`cluster domain ${JSON.stringify(value)} is not a DNS subdomain: ${problems.join('; ')}`);
  return domain;
}

/**
 * Reads the inputs, describes every object they hold as one set, and writes the report.
 *
 * An input that cannot be read is reported (on standard error, and in the JSON report) and the
 * others are still described.
 *
 * @returns the exit code: 0, or 2 when an input could not be read
 */
export function runDescribe(paths: readonly string[], options: DescribeCommandOptions, io: DescribeIo): number {
  const read = readDocuments(paths, options, io.readStdin);
  for (const notice of read.notices) io.stderr(`${formatInputError(notice, 'note')}\n`);
  for (const error of read.errors) io.stderr(`${formatInputError(error)}\n`);
  const manifests = read.documents.map(document => document.manifest);
  const description = describeManifests(manifests, { clusterDomain: options.clusterDomain });

  if (options.format === 'json') {
    const mermaid = options.graph === 'mermaid' ? { mermaid: renderMermaid(description.graph) } : {};
    const errors = read.errors.map(inputErrorJson);
    const failed = errors.length > 0 ? { error: errors[0], errors } : {};
    io.stdout(JSON.stringify({ ...failed, ...description, ...mermaid }, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : value), 2) + '\n');
  } else if (options.graph === 'mermaid') {
    io.stdout(renderMermaid(description.graph));
  } else if (!hasTextSections(description)) {
    if (read.errors.length === 0) io.stderr('no Services or VirtualServices in the input\n');
  } else {
    io.stdout(renderDescription(description));
  }
  return read.errors.length > 0 ? EXIT_INPUT : EXIT_OK;
}
