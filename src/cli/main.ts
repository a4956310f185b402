#!/usr/bin/env node
/**
 * The `cdk8s-traffic` command: `validate` and `describe` over YAML manifests.
 */
import { Command, CommanderError } from 'commander';
import { registerDescribe } from './describe-command';
import { EXIT_INPUT, InputError } from './errors';
import { registerValidate } from './validate-command';

export function buildProgram(): Command {
  const program = new Command('cdk8s-traffic')
    .description('Validate and describe Kubernetes Services, EndpointSlices and Istio VirtualServices, DestinationRules, Gateways and ServiceEntries')
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError()
    .exitOverride();
  registerValidate(program);
  registerDescribe(program);
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
      return error.exitCode === 0 ? 0 : EXIT_INPUT;
    }
    if (error instanceof InputError) {
      process.stderr.write(`error: ${error.describe()}\n`);
      if (wantsJson(argv)) {
        const { file, line, column, message } = error;
        process.stdout.write(`${JSON.stringify({ error: { file, line, column, message } }, undefined, 2)}\n`);
      }
      return EXIT_INPUT;
    }
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_INPUT;
  }
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
