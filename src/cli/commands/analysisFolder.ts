import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError, SimulationError, type InputProblem } from '../../core/errors.js';
import { analyzeAttribution } from '../../experiment/attributionAnalysis.js';
import { attributionScenarioOf } from '../../experiment/attributionPlan.js';
import { parseRunRecord, runFailureLine, runRecordLine, type RunRecord } from '../../experiment/runRecord.js';
import { analyzeSensitivity } from '../../experiment/sensitivityAnalysis.js';
import { inShard, parseShard, type Shard } from '../../experiment/shard.js';
import { executeRuns, type ExecuteOptions } from '../../experiment/workerPool.js';
import type { AnalysisMonth } from '../../scenario/sensitivitySchema.js';
import { appendLine, EXPERIMENT_FILES, openExperimentFolder, sortRunFiles, writeExperimentManifest, type ExperimentManifest } from '../../report/experimentFolder.js';
import { writeMergedFolder, type MergedExperiment } from '../../report/experimentMerge.js';
import { writeExperimentReport } from '../../report/experimentReport.js';
import { ANALYSIS_FILES, writeAnalysisResult, writeDesignFiles, type AnalysisPlan, type AnalysisResult } from '../../report/sensitivityFiles.js';
import { renderAnalysisReport } from '../../report/sensitivityReport.js';
import { analysisText } from '../analysisText.js';
import { intFlag } from '../flags.js';
import { kopsimVersion } from '../version.js';
import { InterruptedError, plainProgress, terminalProgress } from './experiment.js';

/** How to run a sensitivity or attribution plan: where, on how many workers, which shard, what to print. */
export interface AnalysisRunOptions {
  /** The experiment file or a description of the command (manifest.json). */
  readonly source: string;
  readonly scenarioFiles: ExperimentManifest['scenarioFiles'];
  readonly workers: number;
  readonly shard: Shard | undefined;
  readonly out?: string;
  /** false with --no-report */
  readonly report?: boolean;
  /** false with --no-tui */
  readonly tui?: boolean;
  readonly json?: boolean;
  /** Replaces the simulation (tests); runs in this thread. */
  readonly execute?: ExecuteOptions['execute'];
}

/** The default folder, stable so the same command finds (and resumes) it: reports/<name>-<kind>-s<seed>-<hash>. */
export function defaultAnalysisFolder(plan: AnalysisPlan, shard: Shard | undefined): string {
  const base = `${plan.name}-${plan.kind}-s${plan.baseSeed}-${plan.hash.slice(0, 8)}`;
  return resolve('reports', shard && shard.count > 1 ? `${base}-shard${shard.index}of${shard.count}` : base);
}

/** The indices or Shapley values of a plan's finished runs (pure; throws InputError when no replicate is complete). */
export function analyzePlan(plan: AnalysisPlan, records: readonly RunRecord[], failed: number): AnalysisResult {
  return plan.kind === 'sensitivity' ? analyzeSensitivity(plan, records, failed) : analyzeAttribution(plan, records, failed);
}

/** Parses `--at 60,120,final`: months or `final`. */
export function parseAtFlag(raw: string | undefined, problems: InputProblem[]): AnalysisMonth[] | undefined {
  if (raw === undefined) return undefined;
  const at: AnalysisMonth[] = [];
  for (const part of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (part === 'final') at.push('final');
    else {
      const m = intFlag(problems, '--at', part, 0, 1200);
      if (m !== undefined) at.push(m);
    }
  }
  if (at.length === 0) problems.push({ path: '--at', message: 'must list months or final, e.g. 60,final', found: raw });
  return at;
}

/** Parses `--indicators a,b,c`. */
export function parseIndicatorsFlag(raw: string | undefined): string[] | undefined {
  return raw === undefined ? undefined : raw.split(',').map((s) => s.trim()).filter(Boolean);
}

/** Flags shared by `sensitivity` and `attribute`: how to run. */
export interface RunFlags {
  workers?: string;
  shard?: string;
  out?: string;
  report?: boolean;
  tui?: boolean;
  json?: boolean;
}

/** Checks --workers and --shard (problems pushed, to be reported with the rest). */
export function checkRunFlags(opts: RunFlags, problems: InputProblem[], defaultWorkers: number): { workers: number; shard: Shard | undefined } {
  const workers = intFlag(problems, '--workers', opts.workers, 0, 1024) ?? defaultWorkers;
  const parsed = parseShard(opts.shard, problems);
  return { workers, shard: parsed && parsed.count > 1 ? parsed : undefined };
}

function removeResults(dir: string): void {
  for (const f of [ANALYSIS_FILES.outputs, ANALYSIS_FILES.indicesCsv, ANALYSIS_FILES.indicesJson, ANALYSIS_FILES.secondOrderCsv, ANALYSIS_FILES.shapleyCsv, ANALYSIS_FILES.shapleyJson, ANALYSIS_FILES.coalitionsCsv]) {
    rmSync(join(dir, f), { force: true });
  }
}

/** Analyses finished runs and writes the tables (and charts and report.html) into `dir`; null when nothing can be analysed yet. */
async function analyzeInto(dir: string, plan: AnalysisPlan, runLines: readonly string[], failed: number, report: boolean): Promise<{ result: AnalysisResult | null; problem?: string }> {
  let result: AnalysisResult;
  try {
    result = analyzePlan(plan, runLines.map(parseRunRecord), failed);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { result: null, problem: error.problems.map((p) => p.message).join('; ') };
  }
  writeAnalysisResult(dir, plan, result);
  if (report) writeExperimentReport(dir, await renderAnalysisReport(result));
  return { result };
}

/** What --json prints. */
function resultJsonOf(folder: string, plan: AnalysisPlan, shard: Shard | undefined, completed: number, failed: number, result: AnalysisResult | null): unknown {
  const { pointMeans: _omit, ...rest } = (result ?? {}) as Partial<AnalysisResult> & { pointMeans?: unknown };
  return { folder, name: plan.name, kind: plan.kind, planHash: plan.hash, shard: shard ?? null, runs: { planned: plan.runs.length, completed, failed }, result: result ? rest : null };
}

function filesWritten(result: AnalysisResult, report: boolean): string {
  const tables =
    result.kind === 'sensitivity'
      ? [ANALYSIS_FILES.indicesCsv, ...(result.outputs.some((o) => o.sobol?.second) ? [ANALYSIS_FILES.secondOrderCsv] : []), ANALYSIS_FILES.indicesJson, ANALYSIS_FILES.outputs]
      : [ANALYSIS_FILES.shapleyCsv, ANALYSIS_FILES.shapleyJson, ANALYSIS_FILES.coalitionsCsv];
  return [...(report ? ['report.html'] : []), ...tables, ANALYSIS_FILES.designCsv, ANALYSIS_FILES.seeds, EXPERIMENT_FILES.runs].join(', ');
}

/**
 * Runs a sensitivity or attribution plan (or one shard of it) into its folder, with the
 * experiment engine's worker pool, streaming runs.jsonl and resume; then, unless this is
 * a shard, computes the indices or Shapley values, writes them (CSV, JSON, charts,
 * report.html) and prints them. Throws InterruptedError on Ctrl-C (exit 130) and
 * SimulationError when runs failed (exit 1), after writing everything that finished.
 */
export async function runAnalysisPlan(plan: AnalysisPlan, opts: AnalysisRunOptions): Promise<void> {
  const started = new Date();
  const { shard, workers } = opts;
  const outDir = opts.out !== undefined ? resolve(opts.out) : defaultAnalysisFolder(plan, shard);
  const version = kopsimVersion();
  const opened = openExperimentFolder(outDir, plan, shard ?? null, version);
  removeResults(outDir);
  writeDesignFiles(outDir, plan);
  const mine = plan.runs.filter((r) => inShard(r.index, shard));
  const todo = mine.filter((r) => !opened.finished.has(r.index));
  const finishedBefore = mine.length - todo.length;
  if (!opened.fresh) process.stderr.write(`kopsim: resuming ${outDir}: ${finishedBefore} of ${mine.length} runs already done${opened.repaired ? ' (cut off a torn last line)' : ''}\n`);
  else process.stderr.write(`kopsim: ${plan.name}: ${mine.length} runs${shard ? ` (shard ${shard.index}/${shard.count} of ${plan.runs.length})` : ''} on ${opts.execute ? 0 : workers} worker${workers === 1 ? '' : 's'} into ${outDir}\n`);

  const manifestOf = (status: ExperimentManifest['status'], completed: number, failed: number): ExperimentManifest => ({
    kopsimVersion: version,
    name: plan.name,
    kind: plan.kind,
    planHash: plan.hash,
    shard: shard ?? null,
    status,
    commandLine: ['kopsim', ...process.argv.slice(2)],
    source: opts.source,
    scenarioFiles: opts.scenarioFiles,
    workers,
    startedAt: started.toISOString(),
    finishedAt: status === 'running' ? null : new Date().toISOString(),
    runs: { planned: plan.runs.length, inShard: mine.length, completed, failed, finishedBefore },
    timings: { totalMs: Date.now() - started.getTime() },
  });
  writeExperimentManifest(outDir, manifestOf('running', finishedBefore, 0));

  const title = `${plan.name} (${plan.kind}${shard ? `, shard ${shard.index}/${shard.count}` : ''})`;
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
      workers: opts.execute ? 0 : workers,
      execute: opts.execute,
      scenarioOf: plan.kind === 'attribution' ? attributionScenarioOf(plan) : undefined,
      skipped: finishedBefore,
      signal: controller.signal,
      onRecord: (record) => appendLine(outDir, EXPERIMENT_FILES.runs, runRecordLine(record)),
      onFailure: (failure, stack) => {
        appendLine(outDir, EXPERIMENT_FILES.failures, runFailureLine(failure));
        log(`kopsim: run ${failure.key} failed (point ${failure.point}, replicate ${failure.replicate}, seed ${failure.seed}): ${failure.error}\n${stack}`);
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
  const report = opts.report !== false;
  let analysis: { result: AnalysisResult | null; problem?: string } = { result: null };
  if (!shard) analysis = await analyzeInto(outDir, plan, files.runs, files.failures.length, report);
  writeExperimentManifest(outDir, manifestOf(failed > 0 ? 'failed' : shard ? 'incomplete' : 'complete', done, failed));

  if (opts.json) process.stdout.write(`${JSON.stringify(resultJsonOf(outDir, plan, shard, done, failed, analysis.result), null, 2)}\n`);
  else if (analysis.result) process.stdout.write(`${analysisText(analysis.result)}\n\nWrote ${outDir} (${filesWritten(analysis.result, report)})\n`);
  else if (shard) process.stdout.write(`Shard ${shard.index}/${shard.count} of ${plan.name}: ${done} of ${mine.length} runs in ${outDir}\nWhen every shard is done: kopsim merge <shard folders...> (it computes the ${plan.kind === 'sensitivity' ? 'indices' : 'Shapley values'})\n`);
  if (failed > 0) {
    throw new SimulationError(
      `${failed} of ${mine.length} runs failed (each with its seed and design point in ${join(outDir, EXPERIMENT_FILES.failures)}); re-running the same command retries them${analysis.problem ? `; not analysed: ${analysis.problem}` : ''}`,
    );
  }
}

/**
 * `kopsim merge` of sensitivity or attribution shard folders: writes the merged folder
 * (runs, design files, the indices or Shapley values, charts, report.html, manifest)
 * atomically and prints the tables. Throws SimulationError when runs are missing or failed.
 */
export async function mergeAnalysisFolders(out: string, merged: MergedExperiment & { readonly planText: string }, opts: { json?: boolean; report?: boolean }, started: Date): Promise<void> {
  const plan = merged.plan as unknown as AnalysisPlan;
  let result: AnalysisResult | null = null;
  let problem: string | undefined;
  try {
    result = analyzePlan(plan, merged.runs.map(parseRunRecord), merged.failures.length);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problem = error.problems.map((p) => p.message).join('; ');
  }
  const report = result && opts.report !== false ? await renderAnalysisReport(result) : undefined;
  const first = merged.manifests.find((m) => m !== null);
  writeMergedFolder(out, merged, (tmp) => {
    writeDesignFiles(tmp, plan);
    if (result) writeAnalysisResult(tmp, plan, result);
    if (report) writeExperimentReport(tmp, report);
    writeExperimentManifest(tmp, {
      kopsimVersion: kopsimVersion(),
      name: plan.name,
      kind: plan.kind,
      planHash: plan.hash,
      shard: null,
      status: merged.failures.length > 0 ? 'failed' : merged.missing.length > 0 ? 'incomplete' : 'complete',
      commandLine: ['kopsim', ...process.argv.slice(2)],
      source: first?.source ?? 'kopsim merge',
      scenarioFiles: first?.scenarioFiles ?? [],
      workers: 0,
      startedAt: started.toISOString(),
      finishedAt: new Date().toISOString(),
      runs: { planned: plan.runs.length, inShard: plan.runs.length, completed: merged.runs.length, failed: merged.failures.length, finishedBefore: 0 },
      timings: { totalMs: Date.now() - started.getTime() },
      mergedFrom: merged.sources,
      missing: merged.missing.slice(0, 1000),
    });
  });
  if (opts.json) {
    const json = resultJsonOf(out, plan, undefined, merged.runs.length, merged.failures.length, result) as object;
    process.stdout.write(`${JSON.stringify({ ...json, mergedFrom: merged.sources, missing: merged.missing }, null, 2)}\n`);
  } else {
    process.stdout.write(`Merged ${merged.sources.length} folder${merged.sources.length === 1 ? '' : 's'}: ${merged.runs.length} of ${plan.runs.length} runs\n`);
    if (result) process.stdout.write(`${analysisText(result)}\n\nWrote ${out} (${filesWritten(result, report !== undefined)})\n`);
    else process.stdout.write(`Not analysed: ${problem}\n`);
  }
  if (merged.missing.length > 0) {
    const keys = merged.missing.slice(0, 20).map((i) => plan.runs[i].key);
    process.stderr.write(`kopsim: ${merged.missing.length} runs are in no folder: ${keys.join(', ')}${merged.missing.length > 20 ? ', ...' : ''}\n`);
  }
  if (merged.missing.length > 0 || merged.failures.length > 0) {
    throw new SimulationError(`${merged.missing.length} runs missing and ${merged.failures.length} failed; the single-machine command with --out ${out} completes them`);
  }
}
