import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../core/errors.js';
import { analyzeAttribution } from '../../experiment/attributionAnalysis.js';
import { attributionScenarioOf } from '../../experiment/attributionPlan.js';
import { parseRunRecord, type RunRecord } from '../../experiment/runRecord.js';
import { analyzeSensitivity } from '../../experiment/sensitivityAnalysis.js';
import type { Shard } from '../../experiment/shard.js';
import type { ExecuteOptions } from '../../experiment/workerPool.js';
import type { LoadedScenario } from '../../scenario/load.js';
import { EXPERIMENT_FILES } from '../../report/experimentFolder.js';
import type { MergedExperiment } from '../../report/experimentMerge.js';
import { writeExperimentReport } from '../../report/experimentReport.js';
import {
  ANALYSIS_FILES,
  writeAnalysisResult,
  writeDesignFiles,
  type AnalysisPlan,
  type AnalysisResult,
} from '../../report/sensitivityFiles.js';
import { renderAnalysisReport } from '../../report/sensitivityReport.js';
import type { Lang } from '../../i18n/lang.js';
import { locale } from '../../i18n/locale.js';
import { analysisText, analysisWarnings } from '../analysisText.js';
import { wroteText } from '../wroteText.js';
import type { RunFlags } from '../runFlags.js';
import { endMerge, mergedHeadline, mergedJsonText, writeMergedExperiment } from '../mergedFolder.js';
import { failedRunsError, planRunJson, runPlanInFolder, shardDoneText } from '../runPlanInFolder.js';

/** How to run a sensitivity or attribution plan: where, on how many workers, which shard, what to print. */
export interface AnalysisRunOptions extends Pick<RunFlags, 'out' | 'report' | 'tui' | 'json'> {
  /** The experiment file or a description of the command (manifest.json). */
  readonly source: string;
  /** The scenario the plan varies. */
  readonly scenario: LoadedScenario;
  readonly workers: number;
  readonly shard: Shard | undefined;
  /** Language of the report, the printed tables and the warnings. */
  readonly lang: Lang;
  /** Replaces the simulation (tests); runs in this thread. */
  readonly execute?: ExecuteOptions['execute'];
}

/** The indices or Shapley values of a plan's finished runs (pure; throws InputError when no replicate is complete). */
export function analyzePlan(plan: AnalysisPlan, records: readonly RunRecord[], failed: number): AnalysisResult {
  return plan.kind === 'sensitivity'
    ? analyzeSensitivity(plan, records, failed)
    : analyzeAttribution(plan, records, failed);
}

function removeResults(dir: string): void {
  for (const f of [
    ANALYSIS_FILES.outputs,
    ANALYSIS_FILES.indicesCsv,
    ANALYSIS_FILES.indicesJson,
    ANALYSIS_FILES.secondOrderCsv,
    ANALYSIS_FILES.shapleyCsv,
    ANALYSIS_FILES.shapleyJson,
    ANALYSIS_FILES.coalitionsCsv,
  ]) {
    rmSync(join(dir, f), { force: true });
  }
}

/** The indices or Shapley values of finished runs, or why there are none yet (no replicate is complete). */
function tryAnalyze(
  plan: AnalysisPlan,
  runLines: readonly string[],
  failed: number,
): { result: AnalysisResult | null; problem?: string } {
  try {
    return { result: analyzePlan(plan, runLines.map(parseRunRecord), failed) };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { result: null, problem: error.problems.map((p) => p.message).join('; ') };
  }
}

/** Analyses finished runs and writes the tables (and charts and report.html) into `dir`; null when nothing can be analysed yet. */
async function analyzeInto(
  dir: string,
  plan: AnalysisPlan,
  runLines: readonly string[],
  failed: number,
  report: boolean,
  lang: Lang,
): Promise<{ result: AnalysisResult | null; problem?: string }> {
  const analysis = tryAnalyze(plan, runLines, failed);
  if (!analysis.result) return analysis;
  writeAnalysisResult(dir, plan, analysis.result);
  if (report) writeExperimentReport(dir, await renderAnalysisReport(analysis.result, lang));
  return analysis;
}

/** What --json prints. */
function resultJsonOf(
  folder: string,
  plan: AnalysisPlan,
  shard: Shard | undefined,
  completed: number,
  failed: number,
  result: AnalysisResult | null,
): unknown {
  return {
    ...planRunJson(folder, plan, shard, completed, failed),
    result: result ? resultWithoutPointMeans(result) : null,
  };
}

/** A result as --json prints it: without the per-point means, which are only for the charts. */
export function resultWithoutPointMeans(result: AnalysisResult): Omit<AnalysisResult, 'pointMeans'> {
  const { pointMeans: _omit, ...rest } = result as AnalysisResult & { pointMeans?: unknown };
  return rest;
}

function filesWritten(result: AnalysisResult, report: boolean): string {
  const tables =
    result.kind === 'sensitivity'
      ? [
          ANALYSIS_FILES.indicesCsv,
          ...(result.outputs.some((o) => o.sobol?.second) ? [ANALYSIS_FILES.secondOrderCsv] : []),
          ANALYSIS_FILES.indicesJson,
          ANALYSIS_FILES.outputs,
        ]
      : [ANALYSIS_FILES.shapleyCsv, ANALYSIS_FILES.shapleyJson, ANALYSIS_FILES.coalitionsCsv];
  return [
    ...(report ? ['report.html'] : []),
    ...tables,
    ANALYSIS_FILES.designCsv,
    ANALYSIS_FILES.seeds,
    EXPERIMENT_FILES.runs,
  ].join(', ');
}

/**
 * Runs a sensitivity or attribution plan (or one shard of it) into its folder, with the
 * experiment engine's worker pool, streaming runs.jsonl and resume; then, unless this is
 * a shard, computes the indices or Shapley values, writes them (CSV, JSON, charts,
 * report.html) and prints them. Throws InterruptedError on Ctrl-C (exit 130) and
 * SimulationError when runs failed (exit 1), after writing everything that finished.
 */
export async function runAnalysisPlan(plan: AnalysisPlan, opts: AnalysisRunOptions): Promise<void> {
  const report = opts.report !== false;
  const run = await runPlanInFolder(
    plan,
    {
      source: opts.source,
      scenarioFiles: [
        {
          label: opts.scenario.id,
          source: opts.scenario.source,
          extendsChain: opts.scenario.chain,
          overrides: opts.scenario.overrides,
        },
      ],
      workers: opts.workers,
      shard: opts.shard,
      out: opts.out,
      tui: opts.tui,
      lang: opts.lang,
      execute: opts.execute,
      scenarioOf: plan.kind === 'attribution' ? attributionScenarioOf(plan) : undefined,
      failedRunPlace: (failure) => `point ${failure.point}`,
      prepare: (outDir) => {
        removeResults(outDir);
        writeDesignFiles(outDir, plan);
      },
      announce: true,
    },
    async (outDir, files, partial): Promise<{ result: AnalysisResult | null; problem?: string }> =>
      partial ? { result: null } : analyzeInto(outDir, plan, files.runs, files.failures.length, report, opts.lang),
  );
  const L = locale(opts.lang);
  const { result, problem } = run.concluded;
  if (result)
    for (const w of analysisWarnings(result, opts.lang)) process.stderr.write(`kopsim: ${L.t('err.warning')}: ${w}\n`);
  if (opts.json)
    process.stdout.write(
      `${JSON.stringify(resultJsonOf(run.outDir, plan, run.shard, run.done, run.failed, result), null, 2)}\n`,
    );
  else if (result)
    process.stdout.write(
      `${analysisText(result, opts.lang)}\n\n${wroteText(L, run.outDir, filesWritten(result, report))}\n`,
    );
  else if (run.shard)
    process.stdout.write(`${shardDoneText(plan, run, plan.kind === 'sensitivity' ? 'indices' : 'shapley')}\n`);
  if (run.failed > 0) throw failedRunsError(run, problem);
}

/**
 * `kopsim merge` of sensitivity or attribution shard folders: writes the merged folder
 * (runs, design files, the indices or Shapley values, charts, report.html, manifest)
 * atomically and prints the tables. Throws SimulationError when runs are missing or failed.
 */
export async function mergeAnalysisFolders(
  out: string,
  merged: MergedExperiment & { readonly planText: string },
  opts: { json?: boolean; report?: boolean; lang?: Lang },
  started: Date,
): Promise<void> {
  const lang = opts.lang ?? 'en';
  const L = locale(lang);
  const plan = merged.plan as unknown as AnalysisPlan;
  const { result, problem } = tryAnalyze(plan, merged.runs, merged.failures.length);
  const report = result && opts.report !== false ? await renderAnalysisReport(result, lang) : undefined;
  if (result)
    for (const w of analysisWarnings(result, lang)) process.stderr.write(`kopsim: ${L.t('err.warning')}: ${w}\n`);
  writeMergedExperiment(out, merged, started, (tmp) => {
    writeDesignFiles(tmp, plan);
    if (result) writeAnalysisResult(tmp, plan, result);
    if (report) writeExperimentReport(tmp, report);
  });
  if (opts.json) {
    process.stdout.write(
      `${mergedJsonText(resultJsonOf(out, plan, undefined, merged.runs.length, merged.failures.length, result) as object, merged)}\n`,
    );
  } else {
    process.stdout.write(`${mergedHeadline(merged, lang)}\n`);
    if (result)
      process.stdout.write(
        `${analysisText(result, lang)}\n\n${wroteText(L, out, filesWritten(result, report !== undefined))}\n`,
      );
    else process.stdout.write(`${L.t('an.cli.notAnalysedAll', { problem: problem ?? '' })}\n`);
  }
  endMerge(out, merged, lang);
}
