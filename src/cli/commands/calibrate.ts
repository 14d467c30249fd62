import { commandLineProblems } from '../commandLineProblems.js';
import type { MessageKey } from '../../i18n/en.js';
import type { Lang } from '../../i18n/lang.js';
import { locale } from '../../i18n/locale.js';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { planCalibration } from '../../experiment/calibration/calibrationPlan.js';
import type { CalibrationResult } from '../../experiment/calibration/calibrationResult.js';
import { bundledScenariosDir } from '../../scenario/load.js';
import { loadCalibration } from '../../scenario/loadCalibration.js';
import { runCalibration } from '../calibrationRun.js';
import { collect, intFlag, planWithProblems } from '../flags.js';
import { addRunOptions, checkRunFlags, type RunFlags } from '../runFlags.js';
import { fittedTable, textTable } from '../table.js';

interface CalibrateFlags extends RunFlags {
  seed?: string;
  particles?: string;
  proposals?: string;
  generations?: string;
  replicates?: string;
  method?: string;
  set?: string[];
}

export function registerCalibrate(program: Command): void {
  const cmd = program
    .command('calibrate')
    .description(
      'calibrate free parameters against observed targets by approximate Bayesian computation (ABC-SMC, or rejection with regression adjustment): posterior sample, predictive check, report',
    )
    .argument('<file>', 'calibration targets file (YAML or JSON), e.g. scenarios/calibration/baseline-bps.yaml')
    .option('--seed <n>', "base seed of runs and proposals (default: the file's, else the first scenario's)")
    .option('--particles <n>', "N: particles kept per generation (default: the file's, else 100)")
    .option('--proposals <n>', "M: new proposals simulated per generation (default: the file's, else 2 N)")
    .option('--generations <n>', "the most generations (default: the file's, else 5)")
    .option('-n, --replicates <n>', "seeds per particle (default: the file's, else 1)")
    .option('--method <m>', "abc-smc or rejection (default: the file's, else abc-smc)")
    .option(
      '--set <path=value>',
      'override a field of every scenario, e.g. regions[0].households=200 (repeatable)',
      collect,
      [],
    );
  addRunOptions(cmd, 'calibrate', 'batch (then run the same command again to go on)')
    .addHelpText(
      'after',
      `
Examples:
  kopsim calibrate scenarios/calibration/baseline-bps.yaml
  kopsim calibrate baseline-bps --particles 50 --generations 3 --workers 2
  kopsim calibrate baseline-bps --out cal --shard 0/4      (each shard, e.g. a Slurm array task)
  kopsim merge cal/generations/g0-shard*of4 --out cal/generations/g0
  kopsim calibrate baseline-bps --out cal                  (goes on from the merged generation)
  kopsim compare status-quo seed-roadmap --posterior cal

Each generation is a batch of runs in <folder>/generations/g<t>/, resumed when the
command is run again. See docs/calibration.md for the file format and the method.`,
    )
    .action(async (file: string, opts: CalibrateFlags) => {
      const problems = commandLineProblems();
      const run = checkRunFlags(opts, problems, availableParallelism());
      const seed = intFlag(problems, '--seed', opts.seed, 0, 4294967295);
      const particles = intFlag(problems, '--particles', opts.particles, 2, 1_000_000);
      const proposals = intFlag(problems, '--proposals', opts.proposals, 2, 10_000_000);
      const generations = intFlag(problems, '--generations', opts.generations, 1, 100);
      const replicates = intFlag(problems, '--replicates', opts.replicates, 1, 1000);
      if (opts.method !== undefined && opts.method !== 'abc-smc' && opts.method !== 'rejection')
        problems.push({ path: '--method', message: 'must be abc-smc or rejection', found: opts.method });
      const loaded = loadCalibration(
        calibrationFilePath(file),
        { seed, particles, proposals, generations, replicates, method: opts.method, sets: opts.set },
        problems,
      );
      const plan = planWithProblems(loaded.source, problems, () => planCalibration(loaded));
      const outcome = await runCalibration(loaded, plan, {
        workers: run.workers,
        shard: run.shard,
        out: opts.out,
        tui: opts.tui,
        lang: run.lang,
        report: opts.report !== false,
      });
      if (outcome.kind === 'shard') {
        const text = locale(run.lang).t('cal.shard', {
          i: run.shard!.index,
          n: run.shard!.count,
          done: outcome.done,
          total: outcome.inShard,
          folder: outcome.shardDir,
          batch: outcome.batchDir,
        });
        if (opts.json)
          process.stdout.write(
            `${JSON.stringify({ folder: outcome.outDir, shardFolder: outcome.shardDir, batch: outcome.batchDir, runs: { inShard: outcome.inShard, completed: outcome.done } }, null, 2)}\n`,
          );
        else process.stdout.write(`${text}\n`);
        return;
      }
      if (opts.json)
        process.stdout.write(
          `${JSON.stringify({ folder: outcome.outDir, simulations: outcome.result.simulations, generations: outcome.result.generations, posterior: outcome.result.table, predictive: outcome.result.predictive }, null, 2)}\n`,
        );
      else
        process.stdout.write(`${calibrationText(outcome.result, outcome.outDir, opts.report !== false, run.lang)}\n`);
    });
}

/** A targets file: the path given, else a bundled one by name (`baseline-bps` is scenarios/calibration/baseline-bps.yaml). */
function calibrationFilePath(file: string): string {
  if (existsSync(file)) return file;
  for (const name of [file, `${file}.yaml`]) {
    const bundled = join(bundledScenariosDir(), 'calibration', name);
    if (!/[\\/]/.test(file) && existsSync(bundled)) return bundled;
  }
  return file;
}

/** The terminal summary, in the language: generations, the posterior table, the predictive check, where the files are. */
export function calibrationText(r: CalibrationResult, folder: string, withReport: boolean, lang: Lang = 'en'): string {
  const L = locale(lang);
  const f = (x: number) => L.fmt.significant(x);
  const range = (lo: string, hi: string) => L.t('exp.ciRange', { lo, hi });
  const lines = [
    L.t(r.generations.length === 1 ? 'cal.headOne' : 'cal.head', {
      name: r.plan.name,
      n: r.generations.length,
      simulations: L.fmt.integer(r.simulations),
    }),
    '',
    textTable(
      [L.t('cal.col.generation'), L.t('cal.col.tolerance'), L.t('cal.col.acceptance'), 'ESS'],
      r.generations.map((g) => [String(g.index), f(g.epsilon), L.fmt.fixed(g.acceptance, 3), L.fmt.fixed(g.ess, 1)]),
    ),
    '',
    fittedTable(
      [
        L.t('an.col.parameter'),
        L.t('cal.col.prior'),
        L.t('exp.col.mean'),
        L.t('cal.col.interval90'),
        L.t('cal.col.sdRatio'),
        '',
      ],
      r.table.map((t) => [
        t.path,
        t.prior,
        f(t.mean),
        range(f(t.q05), f(t.q95)),
        L.fmt.fixed(t.sdRatio, 2),
        L.t(`cal.identified.${t.identified}` as MessageKey),
      ]),
    ),
    '',
    fittedTable(
      [
        L.t('cal.col.target'),
        L.t('cal.col.observed'),
        L.t('cal.col.simulatedMean'),
        L.t('cal.col.draws90'),
        L.t('cal.col.pValue'),
      ],
      r.predictive.map((p) => [
        p.target,
        p.band ? range(f(p.band[0]), f(p.band[1])) : f(p.observed!),
        f(p.mean),
        range(f(p.q05), f(p.q95)),
        L.fmt.fixed(p.pValue, 3),
      ]),
    ),
    '',
    L.t(withReport ? 'cal.folderReport' : 'cal.folder', { folder }),
  ];
  if (r.plan.pending.length > 0)
    lines.push(L.t('cal.pending', { names: r.plan.pending.map((p) => p.name).join(', ') }));
  return lines.join('\n');
}
