import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import type { InputProblem } from '../../core/errors.js';
import {
  SUMMARY_INTERVALS_TEXT,
  summarizeExperiment,
  type ExperimentSummary,
} from '../../experiment/experimentSummary.js';
import { fewReplicatesWarning } from '../../experiment/meanInterval.js';
import { planExperiment, type ExperimentPlan } from '../../experiment/plan.js';
import { parseRunRecord } from '../../experiment/runRecord.js';
import type { Shard } from '../../experiment/shard.js';
import type { ExecuteOptions } from '../../experiment/workerPool.js';
import { indicatorById } from '../../indicators/registry.js';
import { drawExperimentReport } from '../../report/experimentReport.js';
import { writeExperimentSummaries } from '../../report/experimentSummaryFiles.js';
import { loadExperiment, type ExperimentOverrides, type LoadedExperiment } from '../../scenario/loadExperiment.js';
import { checkRunFlags, MAX_WORK_HELP, MAX_WORK_OPTION } from '../runFlags.js';
import { collect, intFlag, listFlag, planWithProblems } from '../flags.js';
import { failedRunsError, planRunJson, runPlanInFolder, scenarioFilesOf, shardDoneText } from '../runPlanInFolder.js';
import { concludePosterior } from '../posteriorFlags.js';
import { formatValue, textTable } from '../table.js';
import { posteriorText } from '../posteriorText.js';

/** Flags every experiment command takes. */
export interface ExperimentFlags {
  replicates?: string;
  seed?: string;
  months?: string;
  out?: string;
  set?: string[];
  workers?: string;
  shard?: string;
  json?: boolean;
  indicators?: string;
  at?: string;
  baseline?: string;
  /** false with --no-report */
  report?: boolean;
  /** false with --no-tui */
  tui?: boolean;
  /** --max-work */
  maxWork?: string;
}

/** Flags checked: overrides for the experiment, and how to run it. */
export interface CheckedFlags {
  readonly overrides: ExperimentOverrides;
  readonly workers: number;
  readonly shard: Shard | undefined;
  /** Cap on the plan's household-months. */
  readonly maxWork: number;
}

/** Adds the flags shared by replicate, compare, sweep and experiment. */
export function addExperimentFlags(cmd: Command, replicatesDefault?: string): Command {
  return cmd
    .option(
      '-n, --replicates <n>',
      `replicates per scenario (and design point)${replicatesDefault ? ` (default: ${replicatesDefault})` : " (default: the file's, else 30)"}`,
    )
    .option('--seed <n>', "base seed (default: the file's, else the first scenario's)")
    .option('--months <n>', "months to simulate (default: each scenario's)")
    .option(
      '--set <path=value>',
      'override a field of every scenario, e.g. awareness.peerWeight=0.1 (repeatable)',
      collect,
      [],
    )
    .option('--indicators <ids>', 'comma-separated indicators to record and summarise (default: the key indicators)')
    .option('--at <months>', 'comma-separated months at which to report comparisons, besides the final month')
    .option(
      '--workers <n>',
      `worker threads (default: the number of cores, here ${availableParallelism()}); 0 runs in this thread`,
    )
    .option(
      '--shard <i/N>',
      'run only shard i of N (runs whose plan index mod N is i); merge the shard folders with kopsim merge',
    )
    .option(
      '--out <dir>',
      'output folder (default: reports/<name>-<kind>-s<seed>-<plan hash>; re-running the same command resumes it)',
    )
    .option('--no-report', 'skip charts/ and report.html (summaries only; faster for large sweeps)')
    .option('--no-tui', 'plain progress lines on stderr even in a terminal')
    .option('--json', 'print the results as JSON on stdout')
    .option(MAX_WORK_OPTION, MAX_WORK_HELP);
}

/** Checks the shared flags; bad ones are pushed to `problems`, to be reported with the rest. */
export function checkFlags(opts: ExperimentFlags, problems: InputProblem[]): CheckedFlags {
  const replicates = intFlag(problems, '--replicates', opts.replicates, 1, 100000);
  const seed = intFlag(problems, '--seed', opts.seed, 0, 4294967295);
  const months = intFlag(problems, '--months', opts.months, 1, 1200);
  const { workers, shard, maxWork } = checkRunFlags(opts, problems, availableParallelism());
  const indicators = listFlag(opts.indicators);
  indicators?.forEach((id) => {
    if (!indicatorById(id)) problems.push({ path: '--indicators', message: 'is not an indicator', found: id });
  });
  let reportMonths: number[] | undefined;
  if (opts.at !== undefined) {
    reportMonths = [];
    for (const m of listFlag(opts.at)!) {
      const v = intFlag(problems, '--at', m, 0, 1200);
      if (v !== undefined) reportMonths.push(v);
    }
  }
  return {
    overrides: { replicates, seed, months, indicators, reportMonths, baseline: opts.baseline, sets: opts.set ?? [] },
    workers,
    shard,
    maxWork,
  };
}

/** Plans a loaded experiment, reporting plan problems together with earlier flag problems. */
export function planOrThrow(
  loaded: LoadedExperiment,
  problems: readonly InputProblem[],
  maxWork?: number,
): ExperimentPlan {
  return planWithProblems(loaded.source, problems, () => planExperiment(loaded, maxWork));
}

/**
 * Runs an experiment (or one shard of it) into its folder, resuming what the folder
 * already holds, then writes the summaries and prints them. Throws InterruptedError on
 * Ctrl-C (exit 130) and SimulationError when runs failed (exit 1), after writing
 * everything that finished. `hooks.execute` replaces the simulation (tests use it to make
 * a run crash); it runs in this thread.
 */
export async function runExperiment(
  loaded: LoadedExperiment,
  plan: ExperimentPlan,
  flags: CheckedFlags,
  opts: ExperimentFlags,
  hooks: Pick<ExecuteOptions, 'execute'> = {},
): Promise<void> {
  const withReport = opts.report !== false;
  const run = await runPlanInFolder(
    plan,
    {
      source: loaded.source,
      scenarioFiles: scenarioFilesOf(loaded.scenarios),
      workers: flags.workers,
      shard: flags.shard,
      out: opts.out,
      tui: opts.tui,
      execute: hooks.execute,
      failedRunPlace: (failure) =>
        `scenario ${failure.scenario}${Object.keys(failure.params).length > 0 ? `, point ${failure.point}` : ''}`,
    },
    async (outDir, files, partial) => {
      if (partial) return undefined;
      const records = files.runs.map(parseRunRecord);
      const summary = summarizeExperiment(plan, records, files.failures.length);
      writeExperimentSummaries(outDir, summary);
      const posterior = concludePosterior(outDir, plan, records);
      if (withReport) await drawExperimentReport(outDir, summary, posterior ? [posterior.section] : []);
      return { summary, posterior: posterior?.uncertainty };
    },
  );
  const summary = run.concluded?.summary;
  const posterior = run.concluded?.posterior;
  const few = summary ? fewReplicatesWarning(summary.replicates) : undefined;
  if (few) process.stderr.write(`kopsim: warning: ${few}\n`);
  if (opts.json) {
    const json = resultJson(run.outDir, plan, run.shard, run.done, run.failed, summary) as object;
    process.stdout.write(`${JSON.stringify(posterior ? { ...json, posterior } : json, null, 2)}\n`);
  } else if (summary) {
    process.stdout.write(`${summaryText(summary, run.outDir, withReport)}\n`);
    if (posterior) process.stdout.write(`${posteriorText(posterior)}\n`);
  } else {
    process.stdout.write(`${shardDoneText(plan, run)}\n`);
  }
  if (run.failed > 0) throw failedRunsError(run);
}

/** What `--json` prints. */
export function resultJson(
  folder: string,
  plan: ExperimentPlan,
  shard: Shard | undefined,
  completed: number,
  failed: number,
  summary: ExperimentSummary | undefined,
): unknown {
  return {
    ...planRunJson(folder, plan, shard, completed, failed),
    final: summary ? finalRows(summary) : undefined,
    comparisons: summary?.comparisons.map((c) => ({ ...c })),
  };
}

/** The final month's statistics of each scenario, point and indicator. */
export function finalRows(summary: ExperimentSummary) {
  return summary.series
    .filter((s) => s.months.length > 0)
    .map((s) => ({
      scenario: s.scenario,
      point: s.point,
      indicator: s.indicator,
      month: s.months[s.months.length - 1],
      ...s.stats[s.stats.length - 1],
    }));
}

const MAX_POINTS_PRINTED = 12;

/** The printed summary: final-month statistics, then paired differences from the baseline. */
export function summaryText(summary: ExperimentSummary, folder: string, withReport = true): string {
  const unitOf = new Map(summary.indicators.map((i) => [i.id, i.unit]));
  const labelOf = new Map(summary.indicators.map((i) => [i.id, i.label]));
  const out: string[] = [];
  const sweep = summary.points.length > 1 || summary.points[0]?.key !== '';
  out.push(
    `${summary.name}: ${summary.kind}, ${summary.scenarios.length} scenario${summary.scenarios.length === 1 ? '' : 's'}${sweep ? ` x ${summary.points.length} design points` : ''}, ${summary.replicates} replicates, base seed ${summary.baseSeed}; ${summary.runs.completed} of ${summary.runs.planned} runs finished${summary.runs.failed ? `, ${summary.runs.failed} failed` : ''}`,
    `intervals: ${SUMMARY_INTERVALS_TEXT}`,
  );
  const few = fewReplicatesWarning(summary.replicates);
  if (few) out.push(`warning: ${few}`);
  const rows: string[][] = [];
  const printedPoints = new Set(summary.points.slice(0, MAX_POINTS_PRINTED).map((p) => p.key));
  for (const r of finalRows(summary)) {
    if (!printedPoints.has(r.point)) continue;
    const unit = unitOf.get(r.indicator) ?? '';
    rows.push([
      sweep ? `${r.scenario} @ ${r.point}` : r.scenario,
      labelOf.get(r.indicator) ?? r.indicator,
      String(r.month),
      String(r.n),
      signed(r.mean, unit, false),
      `[${signed(r.ciLow, unit, false)}, ${signed(r.ciHigh, unit, false)}]`,
      signed(r.sd, unit, false),
      signed(r.p5, unit, false),
      signed(r.p50, unit, false),
      signed(r.p95, unit, false),
    ]);
  }
  out.push('', 'Final month, over replicates (95% CI of the mean, t-based):');
  out.push(
    textTable(
      [sweep ? 'scenario @ point' : 'scenario', 'indicator', 'month', 'n', 'mean', '95% CI', 'sd', 'p5', 'p50', 'p95'],
      rows,
    ),
  );
  if (summary.points.length > MAX_POINTS_PRINTED)
    out.push(`(${summary.points.length - MAX_POINTS_PRINTED} more design points in summary.csv)`);
  if (summary.baseline !== null && summary.comparisons.length > 0) {
    const crows = summary.comparisons
      .filter((c) => printedPoints.has(c.point))
      .map((c) => {
        const unit = unitOf.get(c.indicator) ?? '';
        return [
          `${c.scenario} - ${c.baseline}${sweep ? ` @ ${c.point}` : ''}`,
          labelOf.get(c.indicator) ?? c.indicator,
          c.final ? `${c.month} (final)` : String(c.month),
          String(c.n),
          signed(c.meanDiff, unit),
          `[${signed(c.ciLow, unit)}, ${signed(c.ciHigh, unit)}]`,
          pValue(c.p),
          Number.isFinite(c.dz) ? c.dz.toFixed(2) : Number.isNaN(c.dz) ? '-' : c.dz > 0 ? 'inf' : '-inf',
        ];
      });
    out.push(
      '',
      `Paired differences from the baseline ${summary.baseline} (same seeds per replicate; paired t-test, Cohen's d_z):`,
    );
    out.push(textTable(['strategy - baseline', 'indicator', 'month', 'n', 'mean diff', '95% CI', 'p', 'd_z'], crows));
  }
  out.push(
    '',
    `Wrote ${folder} (${withReport ? 'report.html, ' : ''}summary.csv, summary.json${summary.baseline !== null ? ', comparison.csv' : ''}, runs.jsonl)`,
  );
  return out.join('\n');
}

/** A value with its sign in front of the unit (-Rp1,200 rather than Rp-1,200); no sign when it rounds to zero. */
function signed(x: number, unit: string, plus = true): string {
  if (!Number.isFinite(x)) return '-';
  const text = formatValue(Math.abs(x), unit);
  if (!/[1-9]/.test(text)) return text;
  return x > 0 ? (plus ? `+${text}` : text) : `-${text}`;
}

function pValue(p: number): string {
  if (Number.isNaN(p)) return '-';
  return p < 0.001 ? '<0.001' : p.toFixed(3);
}

export function registerExperiment(program: Command): void {
  const cmd = program
    .command('experiment')
    .description('run an experiment file (replicate, compare or sweep) from scenarios/experiments/')
    .argument('<file>', 'experiment file (YAML or JSON)');
  addExperimentFlags(cmd)
    .addHelpText(
      'after',
      `
Examples:
  kopsim experiment scenarios/experiments/strategies.yaml
  kopsim experiment scenarios/experiments/strategies.yaml -n 100 --workers 8
  kopsim experiment scenarios/experiments/peer-sweep.yaml --shard 3/64 --out shards/3
  kopsim merge shards/*`,
    )
    .action(async (file: string, opts: ExperimentFlags) => {
      const problems: InputProblem[] = [];
      const flags = checkFlags(opts, problems);
      const loaded = loadExperiment(file, flags.overrides, problems);
      const plan = planOrThrow(loaded, problems, flags.maxWork);
      await runExperiment(loaded, plan, flags, opts);
    });
}
