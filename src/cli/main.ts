#!/usr/bin/env node
/**
 * The `cdk8s-traffic` command: `validate` and `describe` over YAML manifests.
 */
import { Command, CommanderError } from 'commander';
import { registerDescribe } from './describe-command';
import { escapeControl, safeMessage } from '../text/escape';
import { EXIT_INPUT, InputError } from './errors';
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
      if (wantsJson(argv)) writeJsonError({ message: safeMessage(error.message.replace(/^error: /, '')) });
      return EXIT_INPUT;
    }
    if (error instanceof InputError) {
      process.stderr.write(`error: ${error.describe()}\n`);
      if (wantsJson(argv)) writeJsonError(inputErrorJson(error));
      return EXIT_INPUT;
    }
    // a bug: say so in one line, with the stack only when asked for
    const message = error instanceof Error ? error.message : String(error);
    const debug = argv.includes('--debug');
    const stack = debug && error instanceof Error && error.stack ? `\n${escapeControl(error.stack).replace(/\\n/g, '\n')}` : '';
    process.stderr.write(`error: internal error: ${safeMessage(message)}${stack}${debug ? '' : ' (run with --debug for the stack trace)'}\n`);
    if (wantsJson(argv)) writeJsonError({ message: `internal error: ${safeMessage(message)}` });
    return EXIT_INPUT;
  }
}

/** The one JSON document of a run that could not report: `{ "error": { ... } }`. */
function writeJsonError(error: object): void {
  process.stdout.write(`${JSON.stringify({ error }, undefined, 2)}\n`);
}

/** Whether the command line asks for JSON output, so input errors are reported as JSON too. */
function wantsJson(argv: string[]): boolean {
  return argv.some((arg, i) => arg === '--format=json' || (arg === '--format' && argv[i + 1] === 'json'));
}

if (require.main === module) {
  void main(process.argv.slice(2)).then(code => {
    process.exitCode = code;
  });
}
