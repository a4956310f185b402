#!/usr/bin/env node
/**
 * The `cdk8s-traffic` command: `validate` and `describe` over YAML manifests.
 */
import { Command, CommanderError } from 'commander';
import { registerDescribe } from './describe-command';
import { escapeControl, safeMessage } from '../text/escape';
import { EXIT_INPUT, InputError } from './errors';
import { formatCiReport, isCiFormat } from './formats';
import { ReportInputError } from './formats/report';
import { inputErrorJson } from './output';
import { registerValidate } from './validate-command';
import { registerRules } from './rules-command';

export function buildProgram(): Command {
  const program = new Command('cdk8s-traffic')
    .description('Validate and describe Kubernetes Services, EndpointSlices and Istio VirtualServices, DestinationRules, Gateways and ServiceEntries')
    .version(packageVersion(), '-V, --version')
    .option('--debug', 'print the stack trace of an internal error')
    .addHelpText('after', '\nExit status: 0 clean (warnings allowed), 1 findings, 2 a usage error, an input that could not be read (the other inputs are still checked) or an internal error (--debug prints its stack trace).')
    .showHelpAfterError()
    // a usage error quotes the arguments: escape them (the message is one line and its newline)
    .configureOutput({ outputError: (text, write) => write(`${escapeControl(text.replace(/\n$/, ''))}\n`) })
    .exitOverride();
  registerValidate(program);
  registerDescribe(program);
  registerRules(program);
  return program;
}

function packageVersion(): string {
  try {
    // lib/cli/main.js -> package.json two levels up (src/cli/main.ts in development)
    return (require('../../package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** Runs the CLI; resolves to the exit code. Never throws, never prints a stack trace. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version exit 0; usage errors exit 2 (commander printed the message)
      if (error.exitCode === 0) return 0;
      writeErrorReport(argv, { file: '', message: safeMessage(error.message.replace(/^error: /, '')) });
      return EXIT_INPUT;
    }
    if (error instanceof InputError) {
      process.stderr.write(`error: ${error.describe()}\n`);
      writeErrorReport(argv, inputErrorJson(error));
      return EXIT_INPUT;
    }
    // a bug: say so in one line, with the stack only when asked for
    const message = error instanceof Error ? error.message : String(error);
    const debug = argv.includes('--debug');
    const stack = debug && error instanceof Error && error.stack ? `\n${escapeControl(error.stack).replace(/\\n/g, '\n')}` : '';
    process.stderr.write(`error: internal error: ${safeMessage(message)}${stack}${debug ? '' : ' (run with --debug for the stack trace)'}\n`);
    writeErrorReport(argv, { file: '', message: `internal error: ${safeMessage(message)}` });
    return EXIT_INPUT;
  }
}

/**
 * The report of a run that stopped before checking (a usage error, an unreadable settings file,
 * an internal error), in the format asked for, so that what reads standard output always gets
 * one document: `{ "error": { ... } }` in JSON, a SARIF log with a failed invocation, a
 * `::error` line, a JUnit suite with an error. Text output has the message on standard error only.
 */
function writeErrorReport(argv: string[], error: ReportInputError): void {
  const format = requestedFormat(argv);
  if (format === 'json') {
    const { file, ...rest } = error;
    process.stdout.write(`${JSON.stringify({ error: file === '' ? rest : error }, undefined, 2)}\n`);
  } else if (format !== undefined && isCiFormat(format) && argv.find(arg => !arg.startsWith('-')) === 'validate') {
    process.stdout.write(formatCiReport(format, { diagnostics: [], inputErrors: [error], objects: [], failOn: 'error' }));
  }
}

/** The `--format` of the command line, as given (last one wins, as commander reads it). */
function requestedFormat(argv: string[]): string | undefined {
  let format: string | undefined;
  argv.forEach((arg, i) => {
    if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
    else if (arg === '--format') format = argv[i + 1];
  });
  return format;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then(code => {
    process.exitCode = code;
  });
}
