import { setCommandLine } from './commandLine.js';
import { setCommandLineProblems, undeclaredWords } from './commandLineProblems.js';
import { Command, CommanderError } from 'commander';
import type { Lang } from '../i18n/lang.js';
import { setZodLocale } from '../i18n/zodLocale.js';
import { exitCodeFor } from './exitCodes.js';
import { langOfArgv } from './langOfArgv.js';
import { kopsimVersion } from './version.js';

/** Adds one command, with its arguments, options, help and action, to the program. */
export type RegisterCommand = (program: Command) => void;

/** One row of the command table: what `kopsim --help` lists, and how to load the command. */
export interface CommandEntry {
  readonly name: string;
  /** The same text the module gives `.description()` (a test checks they agree). */
  readonly description: string;
  /** Imports the command's module, only when that command runs or shows its help. */
  readonly load: () => Promise<RegisterCommand>;
}

/**
 * Every command, in the order `kopsim --help` lists them. A module is imported only when its
 * command is invoked, so `kopsim --version` or `kopsim validate` does not load the simulator,
 * the charts (vega, resvg) or the terminal UI (ink, react).
 *
 * To add a command: write `src/cli/commands/NAME.ts` exporting `registerNAME(program)`, which
 * calls `program.command('NAME').description(...)` and adds arguments, options, examples and
 * the action; then add a row here with the same name and description, and a key for each of
 * its help texts to src/i18n/en.ts and id.ts (test/cli/helpLang.test.ts lists any missing). Import heavy libraries
 * inside the action (`await import(...)`), not at the top of the module.
 */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'run',
    description: 'run a scenario and write its report folder',
    load: async () => (await import('./commands/run.js')).registerRun,
  },
  {
    name: 'validate',
    description: 'check a scenario file (with its extends chain and --set overrides) without running it',
    load: async () => (await import('./commands/validate.js')).registerValidate,
  },
  {
    name: 'schema',
    description: 'print the JSON Schema of scenario files (name it in a file with "$schema")',
    load: async () => (await import('./commands/schema.js')).registerSchema,
  },
  {
    name: 'report',
    description: "draw a run folder's charts/ and report.html again from its saved data, without rerunning",
    load: async () => (await import('./commands/report.js')).registerReport,
  },
  {
    name: 'replicate',
    description:
      'run scenarios many times with derived seeds and summarise the spread (mean, 95% CI, percentiles by month)',
    load: async () => (await import('./commands/replicate.js')).registerReplicate,
  },
  {
    name: 'compare',
    description:
      'compare strategies with common random numbers: replicate k of every scenario uses the same seed, and differences from the baseline are paired',
    load: async () => (await import('./commands/compare.js')).registerCompare,
  },
  {
    name: 'sweep',
    description: 'run a parameter sweep (full factorial or Latin hypercube) from an experiment file',
    load: async () => (await import('./commands/sweep.js')).registerSweep,
  },
  {
    name: 'experiment',
    description: 'run an experiment file (replicate, compare or sweep) from scenarios/experiments/',
    load: async () => (await import('./commands/experiment.js')).registerExperiment,
  },
  {
    name: 'merge',
    description: 'combine the shard folders of one experiment into the folder a single machine would have written',
    load: async () => (await import('./commands/merge.js')).registerMerge,
  },
  {
    name: 'bench',
    description: 'measure engine throughput, memory, time per process, the national scenario and parallel replications',
    load: async () => (await import('./commands/bench.js')).registerBench,
  },
  {
    name: 'sensitivity',
    description:
      "global sensitivity analysis from a file: Morris elementary effects (mu, mu*, sigma) or Sobol' indices (S1, ST, S2) of chosen indicators over scenario parameters",
    load: async () => (await import('./commands/sensitivity.js')).registerSensitivity,
  },
  {
    name: 'attribute',
    description:
      'Shapley attribution of welfare gains to the six roadmap stages: runs the scenario with every subset of stages enabled and splits the gain from no stage to all six among them',
    load: async () => (await import('./commands/attribute.js')).registerAttribute,
  },
  {
    name: 'analyze',
    description:
      'recompute the indices (kopsim sensitivity) or Shapley values (kopsim attribute) of a folder from its saved design and runs, without rerunning',
    load: async () => (await import('./commands/analyze.js')).registerAnalyze,
  },
  {
    name: 'calibrate',
    description:
      'calibrate free parameters against observed targets by approximate Bayesian computation (ABC-SMC, or rejection with regression adjustment): posterior sample, predictive check, report',
    load: async () => (await import('./commands/calibrate.js')).registerCalibrate,
  },
  {
    name: 'validation',
    description:
      'run the stylized facts of docs/validation.md and print PASS/FAIL per fact (a report: exit 0 even when facts fail)',
    load: async () => (await import('./commands/validation.js')).registerValidation,
  },
  {
    name: 'discover',
    description:
      'scenario discovery: run strategies over uncertain parameters and let PRIM find the boxes of conditions where an outcome (e.g. failing to cut P0) holds',
    load: async () => (await import('./commands/discover.js')).registerDiscover,
  },
  {
    name: 'branch',
    description:
      'continue one saved present under several strategies (a state from kopsim run --save-state, or a branch file), with common random numbers: paired futures, shared history in grey',
    load: async () => (await import('./commands/branch.js')).registerBranch,
  },
];

/**
 * The command the arguments name (`kopsim NAME ...` or `kopsim help NAME`), if any. The
 * program itself takes no option with a value, so the first word that is not an option is it.
 */
export function invokedCommand(argv: readonly string[]): string | undefined {
  const words = argv.filter((a) => !a.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

/**
 * The composition root: builds the command line program for these arguments. The invoked
 * command is loaded in full; every other command is only a name and a description, enough for
 * `kopsim --help` and for commander's "unknown command" suggestions.
 */
export async function buildProgram(argv: readonly string[], lang: Lang = 'en'): Promise<Command> {
  // Commander's errors are written in English; the patterns that word them in another
  // language (src/i18n/problemText.ts), like the help's translation below, are loaded only
  // for that language: a command in English does not load them (start-up time).
  let translate: ((message: string) => string) | undefined;
  if (lang !== 'en') {
    const [{ problemMessage }, { locale }] = await Promise.all([
      import('../i18n/problemText.js'),
      import('../i18n/locale.js'),
    ]);
    translate = (message) => problemMessage(locale(lang), message);
  }
  const program = new Command();
  program
    .name('kopsim')
    .description('Agent-based simulator of cooperative (koperasi) development along a six-stage roadmap')
    .version(kopsimVersion())
    .showHelpAfterError()
    .exitOverride()
    // Set before the commands are added: they inherit it. Commander's own errors in the language.
    .configureOutput({
      outputError: (text, write) => {
        const message = text.replace(/\n$/, '');
        write(`${translate ? translate(message) : message}\n`);
      },
    });
  if (lang !== 'en') {
    // The help in the language: commander's headings and every description by the formatter,
    // the examples' notes as they are written (both read the catalogues only when help prints).
    const { helpConfiguration, translateHelpNotes } = await import('./helpLanguage.js');
    program.configureHelp(helpConfiguration(lang)).configureOutput({
      writeOut: (text) => process.stdout.write(translateHelpNotes(lang, text)),
      writeErr: (text) => process.stderr.write(translateHelpNotes(lang, text)),
    });
  }
  const invoked = invokedCommand(argv);
  for (const entry of COMMANDS) {
    if (entry.name === invoked) (await entry.load())(program);
    else program.command(entry.name).description(entry.description);
  }
  return program;
}

/** Runs the CLI with the given arguments and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  setCommandLine(argv);
  const lang = langOfArgv(argv);
  try {
    await setZodLocale(lang);
    const program = await buildProgram(argv, lang);
    // Undeclared options and arguments are reported by the command with its own problems.
    const invoked = program.commands.find((c) => c.name() === invokedCommand(argv));
    const checked = undeclaredWords(program, invoked, argv);
    setCommandLineProblems(checked.problems);
    await program.parseAsync(checked.argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    // Loaded only now: its translations of problems (src/i18n/problemText.ts) are not needed
    // by a command that succeeds.
    const { errorText } = await import('./errorText.js');
    process.stderr.write(`${errorText(error, lang)}\n`);
    return exitCodeFor(error);
  } finally {
    setCommandLineProblems([]);
  }
}

const invokedDirectly = process.argv[1] !== undefined && /(?:^|[\\/])(kopsim|main\.js)$/.test(process.argv[1]);
if (invokedDirectly) {
  // A reader that stops early (`kopsim schema | head`) closes the pipe: stop quietly, as
  // Unix tools do, instead of failing with a stack trace. Output folders are written
  // atomically, so stopping here never leaves one that looks complete.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
