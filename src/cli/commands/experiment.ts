import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { render } from 'ink';
import { createElement } from 'react';
import { InputError, KopsimError, SimulationError, type InputProblem } from '../../core/errors.js';
import { summarizeExperiment, type ExperimentSummary } from '../../experiment/experimentSummary.js';
import { planExperiment, type ExperimentPlan } from '../../experiment/plan.js';
import type { ExperimentProgress } from '../../experiment/progress.js';
import { parseRunRecord, runFailureLine, runRecordLine } from '../../experiment/runRecord.js';
import { inShard, parseShard, type Shard } from '../../experiment/shard.js';
import { executeRuns, type ExecuteOptions } from '../../experiment/workerPool.js';
import { indicatorById } from '../../indicators/registry.js';
import {
  appendLine,
  EXPERIMENT_FILES,
  openExperimentFolder,
  sortRunFiles,
  writeExperimentManifest,
  type ExperimentManifest,
} from '../../report/experimentFolder.js';
import { drawExperimentReport } from '../../report/experimentReport.js';
import { writeExperimentSummaries } from '../../report/experimentSummaryFiles.js';
import { loadExperiment, type ExperimentOverrides, type LoadedExperiment } from '../../scenario/loadExperiment.js';
import { batchProgressLine, type BatchFailure, type BatchProgress } from '../../tui/batchProgress.js';
import { BatchProgressView } from '../../tui/components/BatchProgressView.js';
import { progressThrottle } from '../../tui/plainProgress.js';
import { collect, intFlag } from '../flags.js';
import { formatValue, textTable } from '../table.js';
import { kopsimVersion } from '../version.js';

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
}

/** Flags checked: overrides for the experiment, and how to run it. */
export interface CheckedFlags {
  readonly overrides: ExperimentOverrides;
  readonly workers: number;
  readonly shard: Shard | undefined;
}

/** Ctrl-C / SIGTERM: partial results are valid and the same command resumes. Exit 130. */
export class InterruptedError extends KopsimError {
  override readonly exitCode = 130;
}

/** Adds the flags shared by replicate, compare, sweep and experiment. */
export function addExperimentFlags(cmd: Command, replicatesDefault?: string): Command {
  return cmd
    .option('-n, --replicates <n>', `replicates per scenario (and design point)${replicatesDefault ? ` (default: ${replicatesDefault})` : " (default: the file's, else 30)"}`)
    .option('--seed <n>', "base seed (default: the file's, else the first scenario's)")
    .option('--months <n>', "months to simulate (default: each scenario's)")
    .option('--set <path=value>', 'override a field of every scenario, e.g. awareness.peerWeight=0.1 (repeatable)', collect, [])
    .option('--indicators <ids>', 'comma-separated indicators to record and summarise (default: the key indicators)')
    .option('--at <months>', 'comma-separated months at which to report comparisons, besides the final month')
    .option('--workers <n>', `worker threads (default: the number of cores, here ${availableParallelism()}); 0 runs in this thread`)
    .option('--shard <i/N>', 'run only shard i of N (runs whose plan index mod N is i); merge the shard folders with kopsim merge')
    .option('--out <dir>', 'output folder (default: reports/<name>-<kind>-s<seed>-<plan hash>; re-running the same command resumes it)')
    .option('--no-report', 'skip charts/ and report.html (summaries only; faster for large sweeps)')
    .option('--no-tui', 'plain progress lines on stderr even in a terminal')
    .option('--json', 'print the results as JSON on stdout');
}

/** Checks the shared flags; bad ones are pushed to `problems`, to be reported with the rest. */
export function checkFlags(opts: ExperimentFlags, problems: InputProblem[]): CheckedFlags {
  const replicates = intFlag(problems, '--replicates', opts.replicates, 1, 100000);
  const seed = intFlag(problems, '--seed', opts.seed, 0, 4294967295);
  const months = intFlag(problems, '--months', opts.months, 1, 1200);
  const workers = intFlag(problems, '--workers', opts.workers, 0, 1024) ?? availableParallelism();
  const parsedShard = parseShard(opts.shard, problems);
  // 0/1 is the whole experiment: same folder, same summaries.
  const shard = parsedShard && parsedShard.count > 1 ? parsedShard : undefined;
  let indicators: string[] | undefined;
  if (opts.indicators !== undefined) {
    indicators = opts.indicators.split(',').map((s) => s.trim()).filter(Boolean);
    indicators.forEach((id) => {
      if (!indicatorById(id)) problems.push({ path: '--indicators', message: 'is not an indicator', found: id });
    });
  }
  let reportMonths: number[] | undefined;
  if (opts.at !== undefined) {
    reportMonths = [];
    for (const m of opts.at.split(',').map((s) => s.trim()).filter(Boolean)) {
      const v = intFlag(problems, '--at', m, 0, 1200);
      if (v !== undefined) reportMonths.push(v);
    }
  }
  return {
    overrides: { replicates, seed, months, indicators, reportMonths, baseline: opts.baseline, sets: opts.set ?? [] },
    workers,
    shard,
  };
}

/** The default output folder: stable, so the same command finds (and resumes) it. */
export function defaultExperimentFolder(plan: ExperimentPlan, shard: Shard | undefined): string {
  const base = `${plan.name}-${plan.kind}-s${plan.baseSeed}-${plan.hash.slice(0, 8)}`;
  return resolve('reports', shard && shard.count > 1 ? `${base}-shard${shard.index}of${shard.count}` : base);
}

/** Plans a loaded experiment, reporting plan problems together with earlier flag problems. */
export function planOrThrow(loaded: LoadedExperiment, problems: readonly InputProblem[]): ExperimentPlan {
  try {
    const plan = planExperiment(loaded);
    if (problems.length > 0) throw new InputError(loaded.source, problems);
    return plan;
  } catch (error) {
    if (error instanceof InputError && problems.length > 0 && error.problems !== problems) throw new InputError(loaded.source, [...problems, ...error.problems]);
    throw error;
  }
}

/**
 * Runs an experiment (or one shard of it) into its folder, resuming what the folder
 * already holds, then writes the summaries and prints them. Throws InterruptedError on
 * Ctrl-C (exit 130) and SimulationError when runs failed (exit 1), after writing
 * everything that finished. `hooks.execute` replaces the simulation (tests use it to make
 * a run crash); it runs in this thread.
 */
export async function runExperiment(loaded: LoadedExperiment, plan: ExperimentPlan, flags: CheckedFlags, opts: ExperimentFlags, hooks: Pick<ExecuteOptions, 'execute'> = {}): Promise<void> {
  const started = new Date();
  const { shard, workers } = flags;
  const outDir = opts.out !== undefined ? resolve(opts.out) : defaultExperimentFolder(plan, shard);
  const version = kopsimVersion();
  const opened = openExperimentFolder(outDir, plan, shard ?? null, version);
  const mine = plan.runs.filter((r) => inShard(r.index, shard));
  const todo = mine.filter((r) => !opened.finished.has(r.index));
  const finishedBefore = mine.length - todo.length;
  if (!opened.fresh) process.stderr.write(`kopsim: resuming ${outDir}: ${finishedBefore} of ${mine.length} runs already done${opened.repaired ? ' (cut off a torn last line)' : ''}\n`);

  const manifestOf = (status: ExperimentManifest['status'], completed: number, failed: number): ExperimentManifest => ({
    kopsimVersion: version,
    name: plan.name,
    kind: plan.kind,
    planHash: plan.hash,
    shard: shard ?? null,
    status,
    commandLine: ['kopsim', ...process.argv.slice(2)],
    source: loaded.source,
    scenarioFiles: loaded.scenarios.map((s) => ({ label: s.label, source: s.loaded.source, extendsChain: s.loaded.chain, overrides: s.loaded.overrides })),
    workers,
    startedAt: started.toISOString(),
    finishedAt: status === 'running' ? null : new Date().toISOString(),
    runs: { planned: plan.runs.length, inShard: mine.length, completed, failed, finishedBefore },
    timings: { totalMs: Date.now() - started.getTime() },
  });
  writeExperimentManifest(outDir, manifestOf('running', finishedBefore, 0));

  // The batch view (TUI) on a terminal, else plain progress lines; the hook is executeRuns' onProgress.
  const title = `${plan.name} (${plan.kind}${shard && shard.count > 1 ? `, shard ${shard.index}/${shard.count}` : ''})`;
  const display = process.stderr.isTTY === true && opts.tui !== false ? terminalProgress(title) : plainProgress(title);
  const log = (line: string) => display.log(line);
  const controller = new AbortController();
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    signals++;
    if (signals > 1) process.exit(130);
    log(`kopsim: ${signal}: stopping; finished runs are kept in ${join(outDir, EXPERIMENT_FILES.runs)} (press Ctrl-C again to quit at once)`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let outcome;
  try {
    outcome = await executeRuns({
      plan,
      runs: todo,
      // An injected runner (tests) runs in this thread.
      workers: hooks.execute ? 0 : workers,
      execute: hooks.execute,
      skipped: finishedBefore,
      signal: controller.signal,
      onRecord: (record) => appendLine(outDir, EXPERIMENT_FILES.runs, runRecordLine(record)),
      onFailure: (failure, stack) => {
        appendLine(outDir, EXPERIMENT_FILES.failures, runFailureLine(failure));
        const params = Object.keys(failure.params).length > 0 ? `, point ${failure.point}` : '';
        log(`kopsim: run ${failure.key} failed (scenario ${failure.scenario}${params}, replicate ${failure.replicate}, seed ${failure.seed}): ${failure.error}\n${stack}`);
      },
      onProgress: (p) => display.update(p),
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    display.end();
  }

  if (outcome.interrupted) {
    writeExperimentManifest(outDir, manifestOf('interrupted', finishedBefore + outcome.completed, outcome.failed));
    throw new InterruptedError(`interrupted: ${finishedBefore + outcome.completed} of ${mine.length} runs are in ${outDir}; run the same command again to resume`);
  }

  const files = sortRunFiles(outDir);
  const mineSet = new Set(mine.map((r) => r.index));
  const done = files.runs.filter((l) => mineSet.has((JSON.parse(l) as { index: number }).index)).length;
  const failed = mine.length - done;
  const partial = shard !== undefined && shard.count > 1;
  let summary: ExperimentSummary | undefined;
  if (!partial) {
    summary = summarizeExperiment(plan, files.runs.map(parseRunRecord), files.failures.length);
    writeExperimentSummaries(outDir, summary);
    if (opts.report !== false) await drawExperimentReport(outDir, summary);
  }
  writeExperimentManifest(outDir, manifestOf(failed > 0 ? 'failed' : partial ? 'incomplete' : 'complete', done, failed));

  if (opts.json) {
    process.stdout.write(`${JSON.stringify(resultJson(outDir, plan, shard, done, failed, summary), null, 2)}\n`);
  } else if (summary) {
    process.stdout.write(`${summaryText(summary, outDir, opts.report !== false)}\n`);
  } else {
    process.stdout.write(`Shard ${shard!.index}/${shard!.count} of ${plan.name}: ${done} of ${mine.length} runs in ${outDir}\nWhen every shard is done: kopsim merge <shard folders...>\n`);
  }
  if (failed > 0) throw new SimulationError(`${failed} of ${mine.length} runs failed (each with its seed and design point in ${join(outDir, EXPERIMENT_FILES.failures)}); re-running the same command retries them`);
}

/** Where progress goes while an experiment runs. */
export interface ProgressDisplay {
  update(p: ExperimentProgress): void;
  /** A message for the user (failures, interrupts); shown after the live view ends. */
  log(text: string): void;
  end(): void;
}

function batchProgressOf(title: string, p: ExperimentProgress, failures: readonly BatchFailure[]): BatchProgress {
  return { title, done: p.done, total: p.total, elapsedMs: p.elapsedMs, failures, workers: p.workers.map((w) => ({ id: w.id, run: w.run, month: w.month, months: w.months })) };
}

function failureOf(p: ExperimentProgress): BatchFailure | undefined {
  return p.last && !p.last.ok ? { run: `${p.last.key} (seed ${p.last.seed})`, message: p.last.error ?? 'failed' } : undefined;
}

/** No terminal (a pipe, CI, a cluster job) or --no-tui: throttled plain lines, no escape codes. */
export function plainProgress(title: string): ProgressDisplay {
  const due = progressThrottle();
  const failures: BatchFailure[] = [];
  let latest: ExperimentProgress | undefined;
  let printedDone = -1;
  const print = (p: ExperimentProgress) => {
    printedDone = p.done;
    process.stderr.write(`${batchProgressLine(batchProgressOf(title, p, failures))}\n`);
  };
  return {
    update(p) {
      latest = p;
      const f = failureOf(p);
      if (f) failures.push(f);
      if (p.total > 0 && due(p.done / p.total, Date.now())) print(p);
    },
    log: (text) => process.stderr.write(`${text}\n`),
    end() {
      if (latest && latest.total > 0 && latest.done !== printedDone) print(latest);
    },
  };
}

/**
 * On a terminal: the TUI's batch progress view (runs done, throughput, ETA, one line per
 * worker with its run and month, failures), redrawn on stderr as runs advance. Messages
 * are held back until the view ends, so they do not tear its frame.
 */
export function terminalProgress(title: string): ProgressDisplay {
  const failures: BatchFailure[] = [];
  const held: string[] = [];
  let latest: ExperimentProgress = { total: 0, skipped: 0, done: 0, failed: 0, running: 0, workers: [], elapsedMs: 0 };
  let latestAt = Date.now();
  const props = () => batchProgressOf(title, { ...latest, elapsedMs: latest.elapsedMs + (Date.now() - latestAt) }, failures.slice());
  const app = render(createElement(BatchProgressView, props()), { stdout: process.stderr, exitOnCtrlC: false, patchConsole: false });
  let lastDraw = 0;
  const draw = (force = false) => {
    const now = Date.now();
    if (!force && now - lastDraw < 100) return;
    lastDraw = now;
    app.rerender(createElement(BatchProgressView, props()));
  };
  const ticker = setInterval(() => draw(true), 1000);
  ticker.unref();
  return {
    update(p) {
      latest = p;
      latestAt = Date.now();
      const f = failureOf(p);
      if (f) failures.push(f);
      draw(p.last !== undefined);
    },
    log: (text) => held.push(text),
    end() {
      clearInterval(ticker);
      draw(true);
      app.unmount();
      for (const text of held) process.stderr.write(`${text}\n`);
    },
  };
}

/** What `--json` prints. */
export function resultJson(folder: string, plan: ExperimentPlan, shard: Shard | undefined, completed: number, failed: number, summary: ExperimentSummary | undefined): unknown {
  return {
    folder,
    name: plan.name,
    kind: plan.kind,
    planHash: plan.hash,
    shard: shard ?? null,
    runs: { planned: plan.runs.length, completed, failed },
    final: summary ? finalRows(summary) : undefined,
    comparisons: summary?.comparisons.map((c) => ({ ...c })),
  };
}

/** The final month's statistics of each scenario, point and indicator. */
export function finalRows(summary: ExperimentSummary) {
  return summary.series
    .filter((s) => s.months.length > 0)
    .map((s) => ({ scenario: s.scenario, point: s.point, indicator: s.indicator, month: s.months[s.months.length - 1], ...s.stats[s.stats.length - 1] }));
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
  );
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
  out.push(textTable([sweep ? 'scenario @ point' : 'scenario', 'indicator', 'month', 'n', 'mean', '95% CI', 'sd', 'p5', 'p50', 'p95'], rows));
  if (summary.points.length > MAX_POINTS_PRINTED) out.push(`(${summary.points.length - MAX_POINTS_PRINTED} more design points in summary.csv)`);
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
    out.push('', `Paired differences from the baseline ${summary.baseline} (same seeds per replicate; paired t-test, Cohen's d_z):`);
    out.push(textTable(['strategy - baseline', 'indicator', 'month', 'n', 'mean diff', '95% CI', 'p', 'd_z'], crows));
  }
  out.push('', `Wrote ${folder} (${withReport ? 'report.html, ' : ''}summary.csv, summary.json${summary.baseline !== null ? ', comparison.csv' : ''}, runs.jsonl)`);
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
      const plan = planOrThrow(loaded, problems);
      await runExperiment(loaded, plan, flags, opts);
    });
}
