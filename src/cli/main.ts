import { Command, CommanderError } from 'commander';
import { InputError, KopsimError } from '../core/errors.js';
import { exitCodeFor } from './exitCodes.js';
import { kopsimVersion } from './version.js';
import { registerRun } from './commands/run.js';
import { registerValidate } from './commands/validate.js';
import { registerSchema } from './commands/schema.js';
import { registerReport } from './commands/report.js';
import { registerReplicate } from './commands/replicate.js';
import { registerCompare } from './commands/compare.js';
import { registerSweep } from './commands/sweep.js';
import { registerExperiment } from './commands/experiment.js';
import { registerMerge } from './commands/merge.js';
import { registerBench } from './commands/bench.js';
import { registerSensitivity } from './commands/sensitivity.js';
import { registerAttribute } from './commands/attribute.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerCalibrate } from './commands/calibrate.js';

/** The composition root: builds the command line program. Nothing imports this module's caller. */
export function buildProgram(): Command {
  const program = new Command();
  program
    .name('kopsim')
    .description('Agent-based simulator of cooperative (koperasi) development along a six-stage roadmap')
    .version(kopsimVersion())
    .showHelpAfterError()
    .exitOverride();
  registerRun(program);
  registerValidate(program);
  registerSchema(program);
  registerReport(program);
  registerReplicate(program);
  registerCompare(program);
  registerSweep(program);
  registerExperiment(program);
  registerMerge(program);
  registerBench(program);
  registerSensitivity(program);
  registerAttribute(program);
  registerAnalyze(program);
  registerCalibrate(program);
  return program;
}

/** Runs the CLI with the given arguments and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof InputError) {
      process.stderr.write(`kopsim: invalid input: ${error.message}\n`);
    } else if (error instanceof KopsimError) {
      process.stderr.write(`kopsim: ${error.message}\n`);
    } else {
      process.stderr.write(`kopsim: unexpected failure: ${(error as Error)?.stack ?? String(error)}\n`);
    }
    return exitCodeFor(error);
  }
}

const invokedDirectly = process.argv[1] !== undefined && /(?:^|[\\/])(kopsim|main\.js)$/.test(process.argv[1]);
if (invokedDirectly) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
