/**
 * `cdk8s-traffic describe PATH...`: the Services, ServiceEntries, Gateways, VirtualService
 * routes, DestinationRules and traffic graph of any YAML, as kubectl would show them after the
 * API server's defaults, without a cluster.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { describeManifests, hasTextSections, renderDescription } from '../describe/describe';
import { renderMermaid } from '../describe/mermaid';
import { isDns1123Subdomain } from '../validation/format/dns';
import { parseDocuments } from './documents';
import { EXIT_OK } from './errors';
import { readInputs } from './input';

/** Options of one `describe` run. */
export interface DescribeCommandOptions {
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
    .addHelpText('after', '\nExit status: 0 described, 2 input could not be read.')
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
 * @returns the exit code, 0
 * @throws InputError when an input cannot be read (exit code 2)
 */
export function runDescribe(paths: readonly string[], options: DescribeCommandOptions, io: DescribeIo): number {
  const manifests = readInputs(paths, io.readStdin).flatMap(input => parseDocuments(input).map(document => document.manifest));
  const description = describeManifests(manifests, { clusterDomain: options.clusterDomain });

  if (options.format === 'json') {
    const mermaid = options.graph === 'mermaid' ? { mermaid: renderMermaid(description.graph) } : {};
    io.stdout(JSON.stringify({ ...description, ...mermaid }, null, 2) + '\n');
  } else if (options.graph === 'mermaid') {
    io.stdout(renderMermaid(description.graph));
  } else if (!hasTextSections(description)) {
    io.stderr('no Services or VirtualServices in the input\n');
  } else {
    io.stdout(renderDescription(description));
  }
  return EXIT_OK;
}
