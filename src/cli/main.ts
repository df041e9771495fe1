/**
 * The `reg` command line: argument parsing only. Each command lives in commands/ and returns
 * its exit code; this file is the only place that turns errors into exit codes, and bin/reg.js
 * the only place that sets process.exitCode.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { RegError } from '../errors.js';
import { EXIT } from './exit-codes.js';
import { processIo, type CliIo } from './io.js';

/** Options shared by plan and apply: where the spec is and which registry to talk to. */
export interface TargetOptions {
  file: string[];
  local?: boolean;
  localState?: string;
  region?: string;
  profile?: string;
  endpointUrl?: string;
  prune?: boolean;
  concurrency: number;
}

/** The version in package.json, which sits two levels above both src/cli and dist/cli. */
function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}

function nonNegativeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected a number of at least 0');
  return n;
}

function rate(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('expected a fraction between 0 and 1');
  return n;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function addTargetOptions(cmd: Command): Command {
  return cmd
    .requiredOption('-f, --file <path...>', 'spec file or directory (every *.yaml/*.yml below it); repeatable')
    .option('--local', 'use the embedded local registry (state in .reg/local-state.json)')
    .option('--local-state <file>', 'state file for --local', '.reg/local-state.json')
    .option('--region <region>', 'AWS region (default: from the environment or profile)')
    .option('--profile <name>', 'AWS shared-config profile')
    .option('--endpoint-url <url>', 'SageMaker endpoint URL (also AWS_ENDPOINT_URL_SAGEMAKER / AWS_ENDPOINT_URL)')
    .option('--prune', 'also delete live versions in declared groups that the spec does not declare (never one an endpoint serves)')
    .option('--concurrency <n>', 'how many calls to run at once', positiveInt, 8);
}

/** Builds the command tree; each action stores its exit code in `result`. */
function buildProgram(io: CliIo, result: { code: number }): Command {
  const program = new Command('reg')
    .description('Declarative GitOps for the Amazon SageMaker Model Registry')
    .version(packageVersion())
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride();

  program
    .command('validate')
    .description('check spec files against the schema and SageMaker’s constraints')
    .requiredOption('-f, --file <path...>', 'spec file or directory; repeatable')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'github', 'json']).default('text'))
    .action(async (opts: { file: string[]; format: 'text' | 'github' | 'json' }) => {
      const { runValidate } = await import('./commands/validate.js');
      result.code = await runValidate(opts, io);
    });

  addTargetOptions(program.command('plan').description('show how the live registry differs from the spec'))
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--detailed-exitcode', 'exit 0 when converged, 2 when there are changes, 1 on error')
    .action(async (opts: TargetOptions & { format: 'text' | 'json'; detailedExitcode?: boolean }) => {
      const { runPlan } = await import('./commands/plan.js');
      result.code = await runPlan(opts, io);
    });

  addTargetOptions(program.command('apply').description('converge the live registry to the spec'))
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--skip-blocked', 'apply the rest of a plan that has blocked items')
    .action(async (opts: TargetOptions & { yes?: boolean; skipBlocked?: boolean }) => {
      const { runApply } = await import('./commands/apply.js');
      result.code = await runApply(opts, io);
    });

  const local = program.command('local').description('the SageMaker-compatible local registry');
  local
    .command('serve')
    .description('serve the SageMaker API on localhost until stopped')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--port <n>', 'port to listen on (0 picks a free one)', nonNegativeNumber, 4566)
    .option('--state <file>', 'persist state to this file (atomic writes)')
    .option('--latency-ms <n>', 'added latency per call', nonNegativeNumber, 0)
    .option('--rate-limit <op=rps[:burst]>', 'token-bucket limit per operation (`*` for all); repeatable', collect)
    .option('--fail-rate <fraction>', 'fraction of calls answered 500/503', rate, 0)
    .option('--drop-rate <fraction>', 'fraction of connections dropped without an answer', rate, 0)
    .option('--endpoint-delay-ms <n>', 'how long endpoint create/update stays in progress', nonNegativeNumber, 0)
    .action(async (opts: Record<string, unknown>) => {
      const { runLocalServe } = await import('./commands/local-serve.js');
      result.code = await runLocalServe(opts, io);
    });

  return program;
}

/** Runs reg with the given argv (node, script, ...args) and resolves with the exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const result = { code: EXIT.OK as number };
  const program = buildProgram(io, result);
  try {
    await program.parseAsync([...argv]);
    return result.code;
  } catch (e) {
    return reportError(e, io);
  }
}

function reportError(e: unknown, io: CliIo): number {
  if (e instanceof CommanderError) {
    // Help and version exit 0; everything else commander rejects is a usage error.
    if (e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return EXIT.OK;
    return EXIT.USAGE;
  }
  if (RegError.is(e)) {
    io.err(`error: ${e.message}\n`);
    if (e.source === 'internal' && e.cause instanceof Error && e.cause.stack) io.err(`${e.cause.stack}\n`);
    return e.code === 'USAGE' ? EXIT.USAGE : EXIT.ERROR;
  }
  // Anything else is a bug; show it in full so it can be reported.
  const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
  io.err(`internal error (this is a bug in reg, please report it):\n${detail}\n`);
  return EXIT.ERROR;
}
