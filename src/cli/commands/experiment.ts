import { commandLineProblems } from '../commandLineProblems.js';
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import type { InputProblem } from '../../core/errors.js';
import { summarizeExperiment, type ExperimentSummary } from '../../experiment/experimentSummary.js';
import { fewUnitsWarning } from '../../report/intervalText.js';
import { planExperiment, type ExperimentPlan } from '../../experiment/plan.js';
import { parseRunRecord } from '../../experiment/runRecord.js';
import type { Shard } from '../../experiment/shard.js';
import type { ExecuteOptions } from '../../experiment/workerPool.js';
import { indicatorById } from '../../indicators/registry.js';
import { drawExperimentReport } from '../../report/experimentReport.js';
import { writeExperimentSummaries } from '../../report/experimentSummaryFiles.js';
import { loadExperiment, type ExperimentOverrides, type LoadedExperiment } from '../../scenario/loadExperiment.js';
import { checkRunFlags, MAX_WORK_HELP, MAX_WORK_OPTION } from '../runFlags.js';
import { collect, intFlag, LANG_OPTION, listFlag, planWithProblems } from '../flags.js';
import type { Lang } from '../../i18n/lang.js';
import { failedRunsError, planRunJson, runPlanInFolder, scenarioFilesOf, shardDoneText } from '../runPlanInFolder.js';
import { concludePosterior } from '../posteriorFlags.js';
import { textTable, wrapText } from '../table.js';
import { wroteText } from '../wroteText.js';
import { posteriorText } from '../posteriorText.js';
import { indicatorLabel, replicatesText } from '../../i18n/labels.js';
import { locale } from '../../i18n/locale.js';

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
  lang?: string;
}

/** Flags checked: overrides for the experiment, and how to run it. */
export interface CheckedFlags {
  readonly overrides: ExperimentOverrides;
  readonly workers: number;
  readonly shard: Shard | undefined;
  /** Cap on the plan's household-months. */
  readonly maxWork: number;
  /** Language of the report and the printed summary. */
  readonly lang: Lang;
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
    .option(...LANG_OPTION)
    .option('--json', 'print the results as JSON on stdout')
    .option(MAX_WORK_OPTION, MAX_WORK_HELP);
}

/** Checks the shared flags; bad ones are pushed to `problems`, to be reported with the rest. */
export function checkFlags(opts: ExperimentFlags, problems: InputProblem[]): CheckedFlags {
  const replicates = intFlag(problems, '--replicates', opts.replicates, 1, 100000);
  const seed = intFlag(problems, '--seed', opts.seed, 0, 4294967295);
  const months = intFlag(problems, '--months', opts.months, 1, 1200);
  const { workers, shard, maxWork, lang } = checkRunFlags(opts, problems, availableParallelism());
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
    lang,
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
      lang: flags.lang,
      execute: hooks.execute,
      failedRunPlace: (failure) =>
        `scenario ${failure.scenario}${Object.keys(failure.params).length > 0 ? `, point ${failure.point}` : ''}`,
    },
    async (outDir, files, partial) => {
      if (partial) return undefined;
      const records = files.runs.map(parseRunRecord);
      const summary = summarizeExperiment(plan, records, files.failures.length);
      writeExperimentSummaries(outDir, summary, records);
      const posterior = concludePosterior(outDir, plan, records, flags.lang);
      if (withReport) await drawExperimentReport(outDir, summary, posterior ? [posterior.section] : [], flags.lang);
      return { summary, posterior: posterior?.uncertainty };
    },
  );
  const summary = run.concluded?.summary;
  const posterior = run.concluded?.posterior;
  const L = locale(flags.lang);
  const few = summary ? fewUnitsWarning(L, summary.replicates) : undefined;
  if (few) process.stderr.write(`kopsim: ${L.t('err.warning')}: ${few}\n`);
  if (opts.json) {
    const json = resultJson(run.outDir, plan, run.shard, run.done, run.failed, summary) as object;
    process.stdout.write(`${JSON.stringify(posterior ? { ...json, posterior } : json, null, 2)}\n`);
  } else if (summary) {
    process.stdout.write(`${summaryText(summary, run.outDir, withReport, flags.lang)}\n`);
    if (posterior) process.stdout.write(`${posteriorText(posterior, flags.lang)}\n`);
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
/** Widest scenario (or scenario @ point) cell in the printed tables, which stay within 80 columns. */
const NAME_WIDTH = 28;

function cut(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

/**
 * The printed summary, at most 80 columns wide: for each indicator, the final month's
 * statistics per scenario; then, with a baseline, each strategy's change from it at the
 * final month (every month and statistic: summary.csv and comparison.csv).
 */
export function summaryText(summary: ExperimentSummary, folder: string, withReport = true, lang: Lang = 'en'): string {
  const L = locale(lang);
  const { fmt } = L;
  const unitOf = new Map(summary.indicators.map((i) => [i.id, i.unit]));
  const labelOf = (id: string) => indicatorLabel(L, id, summary.indicators.find((i) => i.id === id)?.label ?? id);
  const range = (lo: string, hi: string) => L.t('exp.ciRange', { lo, hi });
  const out: string[] = [];
  const sweep = summary.points.length > 1 || summary.points[0]?.key !== '';
  out.push(
    L.t('cli.exp.head', {
      name: summary.name,
      kind: summary.kind,
      scenarios: summary.scenarios.length,
      points: sweep ? L.t('cli.exp.points', { n: summary.points.length }) : '',
      replicates: summary.replicates,
    }),
    L.t('cli.exp.runs', {
      seed: summary.baseSeed,
      done: summary.runs.completed,
      planned: summary.runs.planned,
      failed: summary.runs.failed ? L.t('cli.exp.failed', { n: summary.runs.failed }) : '',
    }),
    ...wrapText(L.t('an.cli.intervals', { text: L.t('cli.exp.intervals') })),
  );
  const few = fewUnitsWarning(L, summary.replicates);
  if (few) out.push(...wrapText(`${L.t('err.warning')}: ${few}`));
  const printedPoints = new Set(summary.points.slice(0, MAX_POINTS_PRINTED).map((p) => p.key));
  const finals = finalRows(summary).filter((r) => printedPoints.has(r.point));
  out.push('', L.t('cli.exp.finalTitle', { n: replicatesText(L, summary.replicates) }));
  for (const ind of summary.indicators) {
    const rows = finals.filter((r) => r.indicator === ind.id);
    if (rows.length === 0) continue;
    const unit = unitOf.get(ind.id) ?? '';
    out.push('', `${labelOf(ind.id)}, ${L.t('time.monthN', { m: rows[0].month })}`);
    out.push(
      textTable(
        [
          sweep ? L.t('cli.exp.scenarioAtPoint') : L.t('exp.col.scenario'),
          L.t('exp.col.mean'),
          L.t('exp.col.ci'),
          L.t('exp.col.sd'),
        ],
        rows.map((r) => [
          cut(sweep ? `${r.scenario} @ ${r.point}` : r.scenario, NAME_WIDTH),
          fmt.value(r.mean, unit),
          range(fmt.value(r.ciLow, unit), fmt.value(r.ciHigh, unit)),
          fmt.value(r.sd, unit),
        ]),
      ),
    );
  }
  if (summary.points.length > MAX_POINTS_PRINTED)
    out.push(L.t('cli.exp.morePoints', { n: summary.points.length - MAX_POINTS_PRINTED }));
  if (summary.baseline !== null && summary.comparisons.length > 0) {
    out.push('', L.t('cli.exp.diffTitle', { baseline: summary.baseline }));
    const finalDiffs = summary.comparisons.filter((c) => c.final && printedPoints.has(c.point));
    for (const ind of summary.indicators) {
      const rows = finalDiffs.filter((c) => c.indicator === ind.id);
      if (rows.length === 0) continue;
      const unit = unitOf.get(ind.id) ?? '';
      out.push('', labelOf(ind.id));
      out.push(
        textTable(
          [L.t('exp.headline.strategy'), 'Δ', L.t('exp.col.ci'), '%', L.t('exp.col.p')],
          rows.map((c) => [
            cut(sweep ? `${c.scenario} @ ${c.point}` : c.scenario, NAME_WIDTH),
            fmt.change(c.meanDiff, unit),
            range(fmt.change(c.ciLow, unit), fmt.change(c.ciHigh, unit)),
            fmt.percentChange(c.meanBaseline !== 0 ? c.meanDiff / Math.abs(c.meanBaseline) : Number.NaN),
            pValue(c.p),
          ]),
        ),
      );
    }
  }
  const files = [
    ...(withReport ? ['report.html'] : []),
    'summary.csv',
    'summary.json',
    ...(summary.baseline !== null ? ['comparison.csv'] : []),
    'runs.csv',
    'indicators.csv',
    'runs.jsonl',
  ];
  out.push('', wroteText(L, folder, files.join(', ')));
  return out.join('\n');
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
  kopsim experiment scenarios/experiments/awareness-sweep.yaml --shard 3/64 --out shards/3
  kopsim merge shards/*`,
    )
    .action(async (file: string, opts: ExperimentFlags) => {
      const problems = commandLineProblems();
      const flags = checkFlags(opts, problems);
      const loaded = loadExperiment(file, flags.overrides, problems);
      const plan = planOrThrow(loaded, problems, flags.maxWork);
      await runExperiment(loaded, plan, flags, opts);
    });
}
