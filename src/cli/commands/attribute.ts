import { commandLineProblems } from '../commandLineProblems.js';
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { InputError } from '../../core/errors.js';
import { planAttribution, type AttributionDesign } from '../../experiment/attributionPlan.js';
import { loadScenario, type LoadedScenario } from '../../scenario/load.js';
import { DEFAULT_ANALYSIS_INDICATORS } from '../../scenario/sensitivitySchema.js';
import { addRunOptions, checkRunFlags, parseAtFlag, type RunFlags } from '../runFlags.js';
import { collect, intFlag, listFlag, planWithProblems } from '../flags.js';
import { runAnalysisPlan } from './analysisFolder.js';
import { addPosteriorFlags, checkPosteriorFlags, type PosteriorFlags } from '../posteriorFlags.js';
import { withPosteriorDraws } from '../../experiment/calibration/posteriorPlan.js';

interface AttributeFlags extends RunFlags, PosteriorFlags {
  replicates?: string;
  sample?: string;
  seed?: string;
  months?: string;
  set?: string[];
  indicators?: string;
  at?: string;
  design?: string;
  name?: string;
}

/** Replicates per coalition by default. */
const DEFAULT_REPLICATES = 10;

export function registerAttribute(program: Command): void {
  const cmd = program
    .command('attribute')
    .description(
      'Shapley attribution of welfare gains to the six roadmap stages: runs the scenario with every subset of stages enabled and splits the gain from no stage to all six among them',
    )
    .argument('[scenario]', 'scenario file or bundled name (default: the default scenario)')
    .option(
      '-n, --replicates <n>',
      `replicates per coalition, with common random numbers (default: ${DEFAULT_REPLICATES})`,
    )
    .option(
      '--sample <k>',
      'estimate from K random stage orders, running only the coalitions they visit (default: all 64 coalitions, exact)',
    )
    .option('--seed <n>', "base seed (default: the scenario's seed)")
    .option('--months <n>', "months to simulate (default: the scenario's)")
    .option('--set <path=value>', 'override a scenario field, e.g. regions[0].households=200 (repeatable)', collect, [])
    .option('--indicators <ids>', `comma-separated indicators (default: ${DEFAULT_ANALYSIS_INDICATORS.join(',')})`)
    .option('--at <months>', 'comma-separated months at which to attribute, numbers or final (default: final)')
    .option(
      '--design <design>',
      'programmes (default): fixed timeline, left-out stages inert; roadmap: left-out stages removed from the gate sequence; scheduled: a given timeline (strategy.timeline or the schedule), left-out stages inert',
    )
    .option('--name <name>', 'name of the output folder and report (default: the scenario id)');
  addRunOptions(addPosteriorFlags(cmd), 'attribution', 'values')
    .addHelpText(
      'after',
      `
Examples:
  kopsim attribute seed-roadmap
  kopsim attribute seed-roadmap --design roadmap -n 20 --months 120 --workers 8
  kopsim attribute seed-roadmap --design scheduled --set strategy.mode=scheduled
  kopsim attribute scenarios/top-down.yaml --sample 20 --indicators p0,gini --at 60,final
  kopsim analyze reports/seed-roadmap-attribution-s1-1a2b3c4d

Designs: 'programmes' runs the full roadmap of each replicate first and imposes its
stage months on every coalition, the stages outside it inert (they open on time, their
programmes do nothing): what each stage's programmes add. 'roadmap' leaves the stages
out of the plan (strategy.enabledStages; in gated mode later stages open earlier; no
stage is the status quo). 'scheduled' imposes the scenario's own timeline on every
coalition, left-out stages inert. Replicate k uses the same seed in every coalition.
The printed table gives each stage's Shapley value, its effect alone (add-one) and
added last (leave-one-out), each with a t interval over replicates, the outcomes with
no stage and with all six, a reading of the table, and checks that the values sum to
the gain. Fewer than 10 replicates: a warning (intervals unreliable).`,
    )
    .action(async (ref: string | undefined, opts: AttributeFlags) => {
      const problems = commandLineProblems();
      const replicates = intFlag(problems, '--replicates', opts.replicates, 1, 100000) ?? DEFAULT_REPLICATES;
      const sample = intFlag(problems, '--sample', opts.sample, 1, 1_000_000);
      const seed = intFlag(problems, '--seed', opts.seed, 0, 4294967295);
      const months = intFlag(problems, '--months', opts.months, 1, 1200);
      const at = parseAtFlag(opts.at, problems) ?? ['final'];
      if (opts.name !== undefined && !/^[a-z0-9][a-z0-9._-]*$/.test(opts.name))
        problems.push({
          path: '--name',
          message: 'must be lowercase letters, digits, dots, dashes and underscores',
          found: opts.name,
        });
      const run = checkRunFlags(opts, problems, availableParallelism());
      const posterior = checkPosteriorFlags(opts, problems);
      let loaded: LoadedScenario;
      try {
        loaded = loadScenario(ref, [...(opts.set ?? []), ...(months !== undefined ? [`months=${months}`] : [])]);
      } catch (error) {
        if (error instanceof InputError) throw new InputError(ref ?? 'scenario', [...problems, ...error.problems]);
        throw error;
      }
      const planned = planWithProblems(loaded.source, problems, () =>
        planAttribution({
          scenario: loaded,
          name: opts.name,
          replicates,
          seed,
          indicators: listFlag(opts.indicators) ?? DEFAULT_ANALYSIS_INDICATORS,
          at,
          sample,
          design: (opts.design ?? 'programmes') as AttributionDesign,
          paths: { indicators: '--indicators', at: '--at', sample: '--sample', design: '--design' },
          maxWork: run.maxWork,
        }),
      );
      const plan = posterior
        ? withPosteriorDraws(planned, posterior.sample, posterior.seedsPerDraw, loaded.source)
        : planned;
      if (loaded.scenario.strategy.founding === 'none') {
        process.stderr.write(
          `kopsim: warning: ${loaded.id} has strategy.founding none: no stage ever starts, so every coalition is the status quo and every value is 0\n`,
        );
      }
      await runAnalysisPlan(plan, {
        source: loaded.source,
        scenario: loaded,
        ...run,
        out: opts.out,
        report: opts.report,
        tui: opts.tui,
        json: opts.json,
      });
    });
}
